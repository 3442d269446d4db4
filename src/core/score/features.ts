// Features of a sentence pair for the same-claim model. Every feature is
// symmetric (swapping the sentences changes nothing) and has a name and a
// plain-words description, so a hover can say why two passages match.
// Never imports vscode.
import { compareTexts } from '../compare/compare';
import { alignTokens, hasAntonym, isContent, matchOrder, type SideMatch } from './match';
import { bleuBothWays, commonWords, diceSorted } from './sequences';
export { bleu, bleuBothWays, commonWords, dice, diceSorted, sharedSorted, wordEdits } from './sequences';
import { analyzeSentence, specificityOf, type ScoreContext, type ScoreSentence } from './tokens';

/** Names and descriptions of the features, in the order of `FeatureVector`. */
export const FEATURES = [
  ['word_overlap', 'share of all words (lemmas) the two sides share'],
  ['content_cover_min', 'share of content words, names and numbers matched (or synonyms) on the less covered side'],
  ['content_cover_max', 'share of content words, names and numbers matched (or synonyms) on the better covered side'],
  ['rare_cover_min', 'rarity-weighted share of words matched on the less covered side'],
  ['rare_cover_max', 'rarity-weighted share of words matched on the better covered side'],
  ['shared_evidence', 'rarity-weighted amount of shared content (more for long, rare, specific overlap)'],
  ['unmatched_max', 'rarity-weighted amount of content left unmatched on the side with more of it'],
  ['unmatched_min', 'rarity-weighted amount of content left unmatched on the side with less of it'],
  ['synonym_share', 'share of the content matches that are WordNet or news-domain synonyms'],
  ['bigram_overlap', 'share of two-word sequences shared'],
  ['trigram_overlap', 'share of three-word sequences shared'],
  ['char_overlap', 'share of character trigrams shared'],
  ['common_subsequence', 'longest common word subsequence, relative to the longer side'],
  ['common_run', 'longest run of identical words, relative to the shorter side'],
  ['length_ratio', 'length of the shorter side relative to the longer'],
  ['length_gap', 'difference in length (log of words)'],
  ['names_shared', 'names both sides mention'],
  ['names_unmatched', 'names only one side mentions'],
  ['numbers_shared', 'numbers both sides give'],
  ['numbers_unmatched', 'numbers only one side gives'],
  ['negation_differs', 'one side negates and the other does not'],
  ['antonym', 'an unmatched word on one side is the opposite of one on the other'],
  ['no_shared_content', 'the sides share only function words'],
  ['unmatched_run', 'longest stretch of unmatched content on one side (an added or dropped clause)'],
  ['unmatched_things', 'rarity-weighted nouns, names and numbers left unmatched'],
  ['unmatched_actions', 'rarity-weighted verbs left unmatched'],
  ['unmatched_modifiers', 'rarity-weighted adjectives and adverbs left unmatched'],
  ['specific_cover_min', 'share of the specific words (rare in this corpus) matched on the less covered side'],
  ['specific_cover_max', 'share of the specific words (rare in this corpus) matched on the better covered side'],
  ['specific_unmatched', 'amount of specific words (rare in this corpus) left unmatched on the side with more of them'],
  ['bleu', 'shared one- to four-word sequences (BLEU, both ways)'],
  ['char4_overlap', 'share of character four-grams shared'],
  ['unmatched_words_max', 'content words left unmatched on the side with more of them (count)'],
  ['unmatched_words_min', 'content words left unmatched on the side with fewer of them (count)'],
  ['word_edits', 'word edits (insert, delete, replace) turning one side into the other, relative to the longer side'],
  ['word_order', 'how far the matched words keep their order (Kendall tau)'],
  ['numbers_conflict', 'both sides give a number the other lacks'],
  ['names_conflict', 'both sides name someone or something the other does not'],
  ['rule_score', "similarity score of the rule-based comparison (compareTexts' edit alignment)"],
  ['content_dice', 'share of the content words, names and numbers of both sides together that are matched (or synonyms)'],
  ['rare_dice', 'rarity-weighted share of the content of both sides together that is matched'],
  ['content_bigram_overlap', 'share of pairs of consecutive content words (function words skipped) shared'],
] as const;

/** A feature's name. */
export type FeatureName = (typeof FEATURES)[number][0];

/** Feature names in vector order. */
export const FEATURE_NAMES: readonly FeatureName[] = FEATURES.map((f) => f[0]);

/** Feature values in the order of FEATURE_NAMES. */
export type FeatureVector = number[];

/** Sums over one side: content tokens, matched ones, weights. */
interface SideSums {
  content: number;
  contentMatched: number;
  synonyms: number;
  weight: number;
  weightMatched: number;
  namesUnmatched: number;
  namesMatched: number;
  numbersUnmatched: number;
  numbersMatched: number;
  /** Longest stretch of unmatched content tokens (function words neither count nor break it). */
  run: number;
  /** Unmatched weight by role. */
  things: number;
  actions: number;
  modifiers: number;
}

function sumSide(s: ScoreSentence, m: SideMatch): SideSums {
  const r: SideSums = { content: 0, contentMatched: 0, synonyms: 0, weight: 0, weightMatched: 0, namesUnmatched: 0, namesMatched: 0, numbersUnmatched: 0, numbersMatched: 0, run: 0, things: 0, actions: 0, modifiers: 0 };
  let run = 0;
  s.tokens.forEach((t, i) => {
    const how = m.how[i];
    if (!isContent(t)) return;
    run = how ? 0 : run + 1;
    if (run > r.run) r.run = run;
    if (!how) {
      if (t.role === 'n') r.things += t.weight;
      else if (t.role === 'v') r.actions += t.weight;
      else r.modifiers += t.weight;
    }
    r.content++;
    r.weight += t.weight;
    if (how) {
      r.contentMatched++;
      r.weightMatched += how === 2 ? 0.8 * t.weight : t.weight;
      if (how === 2) r.synonyms++;
    }
    if (t.kind === 'name') {
      if (how) r.namesMatched++;
      else r.namesUnmatched++;
    }
    if (t.kind === 'number') {
      if (how) r.numbersMatched++;
      else r.numbersUnmatched++;
    }
  });
  return r;
}

/** Specificity-weighted total and matched mass of one side's tokens. */
function specificMass(s: ScoreSentence, m: SideMatch, ctx?: ScoreContext): { total: number; matched: number } {
  let total = 0;
  let matched = 0;
  s.tokens.forEach((t, i) => {
    const w = specificityOf(t, ctx);
    total += w;
    if (m.how[i]) matched += m.how[i] === 2 ? 0.8 * w : w;
  });
  return { total, matched };
}

/** Pairs of consecutive content lemmas (function words skipped), sorted for diceSorted. */
function contentBigrams(s: ScoreSentence): string[] {
  const lemmas = s.tokens.filter(isContent).map((t) => t.forms.lemma);
  const out: string[] = [];
  for (let i = 0; i + 1 < lemmas.length; i++) out.push(`${lemmas[i]} ${lemmas[i + 1]}`);
  return out.sort();
}

function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 1;
}

/** The feature vector of two analysed sentences (specificity from the context's corpus, when it has one). */
export function featuresOfSentences(a: ScoreSentence, b: ScoreSentence, ruleScore: number, ctx?: ScoreContext): FeatureVector {
  const [ma, mb] = alignTokens(a, b);
  const xa = specificMass(a, ma, ctx);
  const xb = specificMass(b, mb, ctx);
  const specA = share(xa.matched, xa.total);
  const specB = share(xb.matched, xb.total);
  const sa = sumSide(a, ma);
  const sb = sumSide(b, mb);
  const la = a.tokens.map((t) => t.forms.lemma);
  const lb = b.tokens.map((t) => t.forms.lemma);
  const na = Math.max(1, la.length);
  const nb = Math.max(1, lb.length);
  const common = commonWords(la, lb);
  const coverA = share(sa.contentMatched, sa.content);
  const coverB = share(sb.contentMatched, sb.content);
  const rareA = share(sa.weightMatched, sa.weight);
  const rareB = share(sb.weightMatched, sb.weight);
  const unA = sa.weight - sa.weightMatched;
  const unB = sb.weight - sb.weightMatched;
  const matchedContent = sa.contentMatched + sb.contentMatched;
  return [
    diceSorted(a.grams[0], b.grams[0]),
    Math.min(coverA, coverB),
    Math.max(coverA, coverB),
    Math.min(rareA, rareB),
    Math.max(rareA, rareB),
    Math.log1p((sa.weightMatched + sb.weightMatched) / 2),
    Math.log1p(Math.max(unA, unB)),
    Math.log1p(Math.min(unA, unB)),
    share(sa.synonyms + sb.synonyms, matchedContent) * (matchedContent > 0 ? 1 : 0),
    diceSorted(a.grams[1], b.grams[1]),
    diceSorted(a.grams[2], b.grams[2]),
    diceSorted(a.charTrigrams, b.charTrigrams),
    common.lcs / Math.max(na, nb),
    common.run / Math.min(na, nb),
    Math.min(na, nb) / Math.max(na, nb),
    Math.log1p(Math.abs(na - nb)),
    Math.min(3, (sa.namesMatched + sb.namesMatched) / 2),
    Math.min(3, sa.namesUnmatched + sb.namesUnmatched),
    Math.min(3, (sa.numbersMatched + sb.numbersMatched) / 2),
    Math.min(3, sa.numbersUnmatched + sb.numbersUnmatched),
    a.negation !== b.negation ? 1 : 0,
    hasAntonym(a, ma, b, mb) ? 1 : 0,
    matchedContent === 0 ? 1 : 0,
    Math.log1p(Math.max(sa.run, sb.run)),
    Math.log1p(sa.things + sb.things),
    Math.log1p(sa.actions + sb.actions),
    Math.log1p(sa.modifiers + sb.modifiers),
    Math.min(specA, specB),
    Math.max(specA, specB),
    Math.log1p(Math.max(xa.total - xa.matched, xb.total - xb.matched)),
    bleuBothWays(a.grams, b.grams),
    diceSorted(a.charFourgrams, b.charFourgrams),
    Math.log1p(Math.max(sa.content - sa.contentMatched, sb.content - sb.contentMatched)),
    Math.log1p(Math.min(sa.content - sa.contentMatched, sb.content - sb.contentMatched)),
    common.edits / Math.max(na, nb),
    matchOrder(a, ma.partner),
    sa.numbersUnmatched > 0 && sb.numbersUnmatched > 0 ? 1 : 0,
    sa.namesUnmatched > 0 && sb.namesUnmatched > 0 ? 1 : 0,
    ruleScore,
    share(sa.contentMatched + sb.contentMatched, sa.content + sb.content),
    share(sa.weightMatched + sb.weightMatched, sa.weight + sb.weight),
    diceSorted(contentBigrams(a), contentBigrams(b)),
  ];
}

/** The feature vector of two texts (sentences are analysed once per context). */
export function pairFeatures(a: string, b: string, ctx?: ScoreContext, ruleScore?: number): FeatureVector {
  return featuresOfSentences(analyzeSentence(a, ctx), analyzeSentence(b, ctx), ruleScore ?? ruleScoreOf(a, b), ctx);
}

/** compareTexts' similarity score of two texts (symmetric), for callers that have no comparison at hand. */
export function ruleScoreOf(a: string, b: string): number {
  return compareTexts(a, b).score;
}
