// Why the same-claim model links (or would not link) two passages, in short
// readable reasons that name the words behind them: "shares rare words: drones,
// Iran", "numbers agree: 400", "length differs ×2.1". The reasons follow the
// model's own split of its decision (model.ts), strongest first.
// Never imports vscode.
import { alignTokens, type SideMatch } from './match';
import { scorePair, type ReasonContribution, type ReasonName } from './model';
import { analyzeSentence, specificityOf, type ScoreContext, type ScoreSentence } from './tokens';

/** One readable reason of a same-claim verdict. */
export interface SameClaimReason {
  reason: ReasonName;
  /** Short plain words naming the evidence ("numbers agree: 400"). */
  text: string;
  /** Its share of the model's logit (positive: towards the same claim). */
  contribution: number;
}

/** The model's verdict on two passages with its strongest reasons. */
export interface SameClaimExplanation {
  /** Probability that the two passages make the same claim. */
  probability: number;
  /** The strongest reasons, by size of contribution. */
  reasons: SameClaimReason[];
}

/** Most words a reason names. */
const MAX_WORDS = 3;

/** A run of adjacent picked words ("White House") and its most specific word's specificity. */
interface Phrase {
  text: string;
  key: string;
  specificity: number;
}

/** Picked words of one side (by match state and kind) as phrases of adjacent words. */
function pick(s: ScoreSentence, m: SideMatch, matched: boolean, kinds: readonly string[], ctx?: ScoreContext): Phrase[] {
  const out: Phrase[] = [];
  let last = -2;
  s.tokens.forEach((t, i) => {
    if ((m.how[i] > 0) !== matched || !kinds.includes(t.kind)) return;
    const spec = specificityOf(t, ctx) + t.weight / 100;
    const prev = out[out.length - 1];
    if (prev && last === i - 1) {
      prev.text += ' ' + t.text;
      prev.key += ' ' + t.norm;
      prev.specificity = Math.max(prev.specificity, spec);
    } else out.push({ text: t.text, key: t.norm, specificity: spec });
    last = i;
  });
  return out;
}

/** The most specific phrases, each once (case-folded), at most `MAX_WORDS`, in their order of specificity. */
function listPhrases(phrases: readonly Phrase[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of phrases.slice().sort((x, y) => y.specificity - x.specificity)) {
    if (seen.has(p.key.toLowerCase())) continue;
    seen.add(p.key.toLowerCase());
    out.push(p.text);
    if (out.length === MAX_WORDS) break;
  }
  return out.join(', ');
}

/** Word count of a side (at least 1). */
function words(s: ScoreSentence): number {
  return Math.max(1, s.tokens.length);
}

/** The words behind one reason, read by its direction. */
function describe(r: ReasonContribution, a: ScoreSentence, b: ScoreSentence, ma: SideMatch, mb: SideMatch, ctx?: ScoreContext): string {
  const plus = r.contribution >= 0;
  const named = (label: string, phrases: Phrase[]) => (phrases.length ? `${label}: ${listPhrases(phrases)}` : r.phrase);
  const either = (kinds: readonly string[]) => [...pick(a, ma, false, kinds, ctx), ...pick(b, mb, false, kinds, ctx)];
  switch (r.reason) {
    case 'content':
      return plus ? named('shares rare words', pick(a, ma, true, ['content', 'name', 'number'], ctx)) : r.phrase;
    case 'unmatched':
      return plus ? r.phrase : named('only one side has', either(['content', 'name']));
    case 'names':
      return plus ? named('names agree', pick(a, ma, true, ['name'], ctx)) : named('names on one side only', either(['name']));
    case 'numbers':
      return plus ? named('numbers agree', pick(a, ma, true, ['number'], ctx)) : named(a.tokens.some((t, i) => t.kind === 'number' && !ma.how[i]) && b.tokens.some((t, i) => t.kind === 'number' && !mb.how[i]) ? 'numbers differ' : 'numbers on one side only', either(['number']));
    case 'length': {
      const ratio = Math.max(words(a), words(b)) / Math.min(words(a), words(b));
      return plus ? r.phrase : `length differs ×${ratio.toFixed(1)}`;
    }
    case 'polarity':
      return plus ? r.phrase : a.negation !== b.negation ? 'one side negates, the other not' : 'opposite words';
    default:
      return r.phrase;
  }
}

/**
 * Explains the same-claim model's verdict on two passages: its probability and the `n`
 * reasons that weigh most, each naming its words ("shares rare words: drones, Iran").
 * Pure; pass the corpus's score context so rarity comes from the corpus, and compareTexts' score
 * of the pair when it is at hand.
 */
export function explainSameClaim(a: string, b: string, ctx?: ScoreContext, n = 3, ruleScore?: number): SameClaimExplanation {
  const score = scorePair(a, b, ctx, undefined, ruleScore);
  const sa = analyzeSentence(a, ctx);
  const sb = analyzeSentence(b, ctx);
  const [ma, mb] = alignTokens(sa, sb);
  const reasons = score.reasons.slice(0, n).map((r) => ({ reason: r.reason, text: describe(r, sa, sb, ma, mb, ctx), contribution: r.contribution }));
  return { probability: score.probability, reasons };
}

/** One line: "same claim 87 %: shares rare words: drones, Iran; numbers agree: 400". */
export function sameClaimLine(e: SameClaimExplanation): string {
  return `same claim ${(100 * e.probability).toFixed(0)} %: ${e.reasons.map((r) => r.text).join('; ')}`;
}
