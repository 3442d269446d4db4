// Sentence analysis for the same-claim model: words with their lemma, a
// rarity weight, and their role (function word, content word, name, number,
// negation). Rarity comes from what ships with the engine: a function-word
// list and WordNet's sense counts (a word with many senses is a common word;
// a word WordNet lacks is a name or a rare term). Never imports vscode.
import { lemmaForms, type LemmaForms } from '../lexicon/morphology';
import { loadWordNetIndex, type WordNetPos } from '../lexicon/wordnet';

/** What a token is, for the features. */
export type ScoreTokenKind = 'function' | 'content' | 'name' | 'number';

/** One word or number of a sentence, as the features see it. */
export interface ScoreToken {
  /** The token as written. */
  text: string;
  /** Lower-cased, typography folded (numbers: digits only, `1,200` → `1200`). */
  norm: string;
  /** Lemma and stem forms (shared with the lexicon's caches; never mutate). */
  forms: LemmaForms;
  kind: ScoreTokenKind;
  /** Rarity weight: 0 for function words, higher for rarer words, names and numbers. */
  weight: number;
  /** Rough word class: `n` thing (noun, name, number), `v` action (verb), `m` modifier (adjective, adverb). */
  role: 'n' | 'v' | 'm';
}

/** A sentence analysed once, reused against every candidate it is compared with. */
export interface ScoreSentence {
  text: string;
  tokens: ScoreToken[];
  /** Parity of negation words ("not", "n't", "never", "no", ...): 1 when odd. */
  negation: number;
  /** Lemma n-grams for n = 1…4 (`grams[n - 1]`, as `a b c`), each list sorted so two sentences intersect by merging. */
  grams: string[][];
  /** Character trigrams and four-grams of the lower-cased text without spaces or punctuation, sorted. */
  charTrigrams: string[];
  charFourgrams: string[];
}

/** Function words: they carry no claim of their own (weight 0). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  ('a an the and or but nor so yet of to in on at by for with from as into onto upon about above below over under after before ' +
    'since until than then there here this that these those it its it\'s he him his she her hers they them their theirs we us our ours ' +
    'i me my mine you your yours who whom whose which what when where why how all any both each every some such own same other ' +
    'is are was were be been being am has have had having do does did doing will would shall should can could may might must ' +
    "'s s also just only very too more most much many few less least up down out off again further once said says say told tell " +
    'according mr mrs ms dr one if because while though although whether not no never nothing none nobody neither n\'t ' +
    "'m 're 've 'll 'd").split(' '),
);

/** Words that negate a predicate. */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', "n't", 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', 'cannot']);

const TOKEN_RE = /\d(?:[\d,.]*\d)?|[\p{L}][\p{L}\p{M}]*(?:['’][\p{L}]+)*|n['’]t/giu;

/**
 * The model's state, passed explicitly: a bounded memo of analysed sentences, and the
 * document frequency of each lemma over the corpus's sentences (see `addDocuments`).
 */
export interface ScoreContext {
  sentences: Map<string, ScoreSentence>;
  /** Most sentences kept; a full memo is emptied. */
  limit: number;
  /** Sentences (documents) counted into `df`. */
  docs: number;
  /** Lemma → number of counted sentences holding it. */
  df: Map<string, number>;
}

/** A fresh context for `scorePair` (one per corpus analysis, or one per caller). */
export function createScoreContext(limit = 20_000): ScoreContext {
  return { sentences: new Map(), limit, docs: 0, df: new Map() };
}

/** Counts sentences into the context's document frequencies (each distinct text once per call). */
export function addDocuments(ctx: ScoreContext, texts: Iterable<string>): void {
  const seen = new Set<string>();
  for (const text of texts) {
    if (seen.has(text)) continue;
    seen.add(text);
    ctx.docs++;
    for (const lemma of new Set(analyzeSentence(text, ctx).tokens.map((t) => t.forms.lemma))) ctx.df.set(lemma, (ctx.df.get(lemma) ?? 0) + 1);
  }
}

/** Pseudo-documents of the rarity prior: a corpus of fewer sentences leans on WordNet rarity. */
export const PRIOR_DOCS = 50;

/**
 * Specificity of a token in [0, 1]: its inverse document frequency over the context's corpus,
 * normalised by the largest possible, blended with a prior from its rarity weight (function
 * words 0.1, rare words, names and numbers 1) that dominates while the corpus is small.
 */
export function specificityOf(t: ScoreToken, ctx?: ScoreContext): number {
  const prior = t.kind === 'function' ? 0.1 : Math.min(1, t.weight / 2.5);
  const n = ctx?.docs ?? 0;
  if (n === 0) return prior;
  const idf = Math.log((n + 1) / ((ctx!.df.get(t.forms.lemma) ?? 0) + 1)) / Math.log(n + 1);
  return (n * idf + PRIOR_DOCS * prior) / (n + PRIOR_DOCS);
}

/** WordNet senses of a lower-cased word over every part of speech (0 when WordNet lacks it). */
function senseCount(lemma: string): number {
  let n = 0;
  for (const pos of ['noun', 'verb', 'adj', 'adv'] as WordNetPos[]) n += loadWordNetIndex(pos).get(lemma)?.length ?? 0;
  return n;
}

/**
 * Rarity weight of a content word from its WordNet senses: a word with one sense weighs about 2.5,
 * a word with 30 senses (make, take, run) about 1; a word WordNet lacks weighs 2.5.
 */
export function rarityOf(norm: string, lemma: string): number {
  const n = Math.max(senseCount(lemma), senseCount(norm));
  if (n === 0) return 2.5;
  return Math.max(0.8, 2.5 - 0.5 * Math.log2(n));
}

/** True when the text looks like a headline in title case (most long words capitalised). */
function isTitleCase(words: string[]): boolean {
  const long = words.filter((w) => w.length > 3 && /^\p{L}/u.test(w));
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length >= 0.8 * long.length;
}

/** Splits out the words and numbers of a sentence (`don't` → `do`, `n't`). */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  // house style: "U.S." / "US", "per cent" / "percent"
  const folded = text.replace(/\b(?:\p{Lu}\.){2,}/gu, (m) => m.replace(/\./g, '') + ' ').replace(/\bper cent\b/gi, 'percent');
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(folded); m; m = TOKEN_RE.exec(folded)) {
    const w = m[0];
    const neg = /^(\p{L}+)n['’]t$/iu.exec(w);
    if (neg && neg[1].length > 1) out.push(neg[1].toLowerCase() === 'wo' ? 'will' : neg[1].toLowerCase() === 'ca' ? 'can' : neg[1], "n't");
    else if (/^can[’']?not$/i.test(w)) out.push('can', "n't");
    else if (/^\p{L}+['’](?:m|re|ve|ll|d)$/iu.test(w)) out.push(w.slice(0, w.search(/['’]/)), "'" + w.slice(w.search(/['’]/) + 1).toLowerCase());
    else out.push(w.replace(/['’]s$/i, ''));
  }
  return out;
}

/** Number words written out, as digits ("two" = "2"); "one" stays a function word. */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((w, i) => [w, String(i + 2)] as [string, string])
    .concat([['thirty', '30'], ['forty', '40'], ['fifty', '50'], ['sixty', '60'], ['seventy', '70'], ['eighty', '80'], ['ninety', '90'], ['hundred', '100'], ['dozen', '12']]),
);

/** Classifies one word of a sentence. */
function makeToken(word: string, index: number, titleCase: boolean): ScoreToken {
  const spelled = NUMBER_WORDS.get(word.toLowerCase());
  if (/^\d/.test(word) || spelled) {
    const norm = spelled ?? word.replace(/,(?=\d{3}\b)/g, '').replace(/\.$/, '');
    return { text: word, norm, forms: { clean: norm, lemma: norm, stem: norm }, kind: 'number', weight: 3, role: 'n' };
  }
  const norm = word.toLowerCase().replace(/’/g, "'");
  const forms = lemmaForms(norm);
  const acronym = /^\p{Lu}{2,}$/u.test(word);
  if (!acronym && (FUNCTION_WORDS.has(norm) || FUNCTION_WORDS.has(forms.clean))) return { text: word, norm, forms, kind: 'function', weight: 0, role: 'm' };
  const capital = /^\p{Lu}/u.test(word);
  const known = senseCount(forms.lemma) > 0 || senseCount(norm) > 0;
  // a capitalised word is a name unless it opens the sentence (or a title-case headline) and is a dictionary word
  const name = acronym || (capital && !((index === 0 || titleCase) && known));
  return { text: word, norm, forms, kind: name ? 'name' : 'content', weight: name ? 3 : rarityOf(norm, forms.lemma), role: name ? 'n' : roleOf(norm, forms.lemma) };
}

/** Rough word class from WordNet: verb forms ending -ed/-ing or not nouns are actions; nouns are things; the rest modify. */
function roleOf(norm: string, lemma: string): 'n' | 'v' | 'm' {
  const has = (pos: WordNetPos) => loadWordNetIndex(pos).has(lemma) || loadWordNetIndex(pos).has(norm);
  const verb = has('verb');
  const noun = has('noun');
  if (verb && (!noun || /(?:ed|ing)$/.test(norm))) return 'v';
  if (noun || (!verb && !has('adj') && !has('adv'))) return 'n';
  return verb ? 'v' : 'm';
}

function ngrams(words: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

function charGrams(folded: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= folded.length; i++) out.push(folded.slice(i, i + n));
  return out;
}

/** Analyses a sentence (memoised in the context). */
export function analyzeSentence(text: string, ctx?: ScoreContext): ScoreSentence {
  const hit = ctx?.sentences.get(text);
  if (hit) return hit;
  const words = splitWords(text);
  const title = isTitleCase(words);
  const tokens = words.map((w, i) => makeToken(w, i, title));
  const lower = tokens.map((t) => t.forms.lemma);
  const folded = text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const sentence: ScoreSentence = {
    text,
    tokens,
    negation: tokens.filter((t) => NEGATIONS.has(t.norm)).length % 2,
    grams: [1, 2, 3, 4].map((n) => ngrams(lower, n).sort()),
    charTrigrams: charGrams(folded, 3).sort(),
    charFourgrams: charGrams(folded, 4).sort(),
  };
  if (ctx) {
    if (ctx.sentences.size >= ctx.limit) ctx.sentences.clear();
    ctx.sentences.set(text, sentence);
  }
  return sentence;
}
