// Classifies the differences between two versions of a passage: a word-level
// jsdiff of their tokens, then each changed part typed as substantive
// (number, attribution, entity, negation, hedge, qualifier, truncation,
// omission, addition) or cosmetic (typography, punctuation, spelling, case, wording).
import { diffIds } from '../text/myers';
import { Divergence, DivergenceType, SubstantiveDivergenceType } from '../types';
import { Token, tokenize, foldTypography, foldTypographyText } from '../text/normalize';
import { areAntonyms, lemmatize, matchDomainPhrase, hasDomainConcept, isVerbForm, lemmaForms, sameLemmaForms, synonymForms, synonymFormsMatch, LemmaForms, SynonymForms } from '../lexicon/lexicon';
// natural is only ever imported through its submodules (see esbuild.config.js).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { DamerauLevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as { DamerauLevenshteinDistance(a: string, b: string): number };
import { Quantity, extractQuantities, describeQuantity } from '../extract/numbers';
import { compareQuantities } from '../extract/quantityComparison';
import { rememberBounded } from '../util/memo';

/** Speakers of the two sides, when known (canonical names or attribution phrases). */
export interface DivergenceContext {
  speakerA?: string | null;
  speakerB?: string | null;
}

/** Word-overlap figures of a comparison, used for scoring. */
export interface DiffStats {
  /** Content tokens (non-stopword words and numbers) on each side. */
  contentA: number;
  contentB: number;
  /** Content tokens of each side with a counterpart on the other (equal, same lemma or synonym). */
  matchedA: number;
  matchedB: number;
  /** True when the texts are identical after typography, whitespace and case folding. */
  identical: boolean;
  /** Every word and number token on each side, function words included. */
  wordsA?: number;
  wordsB?: number;
  /** Word and number tokens of each side with a counterpart on the other. */
  wordsMatchedA?: number;
  wordsMatchedB?: number;
}

/** Divergences plus the overlap figures behind them. */
export interface DiffAnalysis {
  divergences: Divergence[];
  stats: DiffStats;
}

const SUBSTANTIVE = new Set<DivergenceType>(['number', 'attribution', 'entity', 'negation', 'hedge', 'qualifier', 'truncation', 'omission', 'addition']);

/** True for divergence types that change what the text claims. */
export function isSubstantive(type: DivergenceType): type is SubstantiveDivergenceType {
  return SUBSTANTIVE.has(type);
}

const STOPWORDS = new Set(
  ('a an the and or but if of to in on at by for with from into onto as is are was were be been being am has have had ' +
    'do does did this that these those it its it\'s they them their there here he him his she her we us our you your i me my ' +
    'which who whom whose what when where while than then so such also too very can will would shall should must ' +
    'about after before over under between through during again further once out up down off own same other another ' +
    'each both few more most some any all nor only just s t don now ve ll re d m o its').split(/\s+/),
);
const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'without', 'cannot', 'deny', 'refuse', 'reject', 'fail', 'nowhere', 'hardly', 'barely']);
const HEDGES = new Set(['claim', 'allege', 'allegedly', 'reportedly', 'apparently', 'appear', 'seem', 'seemingly', 'may', 'might', 'could', 'possibly', 'probably', 'likely', 'unlikely', 'purportedly', 'purport', 'suggest', 'supposedly', 'perhaps', 'maybe', 'rumor', 'rumour', 'believe', 'suspect', 'presumably', 'ostensibly']);
const QUALIFIERS = new Set(['only', 'nearly', 'almost', 'approximately', 'roughly', 'advanced', 'primarily', 'mainly', 'mostly', 'largely', 'partly', 'partially', 'fully', 'entirely', 'completely', 'solely', 'exclusively', 'chiefly', 'significantly', 'slightly', 'sole', 'merely', 'allegedly-free']);
const PRONOUN_SOURCES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'one', 'the speaker', 'the spokesman', 'the spokeswoman', 'the official']);
/** Head nouns of an unnamed person source ("a White House representative", "officials", "two people familiar with ..."). */
const PERSON_HEADS = /^(?:officials?|representatives?|spokes(?:man|men|woman|women|person|people)|sources?|aides?|people|persons?|analysts?|experts?|diplomats?|officers?|insiders?|witnesses|witness|residents?|lawmakers?|legislators?|investigators?|members?|executives?|advis[eo]rs?|staffers?|employees?|observers?|someone|somebody)$/i;
const SPEECH_VERBS = 'said|says|say|told|tells|stated|states|added|adds|declared|noted|notes|explained|announced|reported|reports|wrote|writes|claimed|claims|alleged|insisted|warned|confirmed|acknowledged|argued|asserted|stressed|indicated';

/** One side's tokens and per-token state during classification. */
interface Side {
  text: string;
  tokens: Token[];
  keys: string[];
  /** Index of the equal counterpart on the other side, or -1. */
  pair: number[];
  /** Token consumed by a classified item (quantity, attribution, matched word). */
  used: boolean[];
  quantities: Quantity[];
  /** Per token: a capitalised word not at a sentence start (see findCapitals). */
  capitals: boolean[];
  /** Per token: a content token (see isContent). */
  content: boolean[];
  /** Token index ranges [from, to) of attribution phrases, with their source. */
  attributions: { from: number; to: number; source: string }[];
}

interface Hunk {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

/** An unmatched word or phrase of one side. */
interface Item {
  side: 'a' | 'b';
  from: number;
  to: number;
  hunk: number;
  text: string;
  key: string;
  matched: boolean;
  /** The key's word forms (filled when first compared). */
  lemma: LemmaForms | undefined;
  /** The text's synonym forms (filled when first compared). */
  synonym: SynonymForms | undefined;
}

function isContent(t: Token): boolean {
  if (t.kind === 'number') return true;
  if (t.kind !== 'word') return false;
  return !STOPWORDS.has(t.norm) && !/^\d/.test(t.norm);
}

/**
 * For each token, whether it is a capitalised word that is not capitalised just for starting a
 * sentence (the first word of the text, or after . ! ?, counts only when capitals recur in it: "IAEA").
 */
function findCapitals(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let sentenceStart = true;
  tokens.forEach((t, k) => {
    if (t.kind === 'punct') {
      if (/[.!?]/.test(t.text)) sentenceStart = true;
      return;
    }
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !STOPWORDS.has(t.norm)) {
      out[k] = sentenceStart ? t.text.length > 1 && /\p{Lu}/u.test(t.text.slice(1)) : true;
    }
    sentenceStart = false;
  });
  return out;
}

function isCapitalised(s: Side, index: number): boolean {
  return s.capitals[index] ?? false;
}

/** Finds attribution phrases ("according to X", "X said", "said X") and their sources. */
export function findAttributions(text: string): { start: number; end: number; source: string }[] {
  const found = findAttributionCandidates(text);
  const bad = /\b(has|have|had|is|was|were|will|would|also|only|so|far|then|this|that|there|which|who|not|but)\b/i;
  return found
    .map((f) => ({ ...f, source: f.source.replace(/^(?:but|and|so|yet|then)\s+/i, '') }))
    .filter((f) => f.source && !bad.test(f.source) && !/^(?:to|in|on|at|for|with|of|from|by|as|into|than|after|before)\b/i.test(f.source));
}

// Attribution patterns, compiled once (the global ones are reset before each use).
const ACCORDING_TO_RE = /according to ((?:the |a |an )?[^,.;:!?"“”]{2,80}?)(?=[,.;:!?"“”]|$)/gi;
/** Any speech verb, matched as the patterns below match theirs: every one of them needs one. */
const SPEECH_VERB_RE = new RegExp(`(?:${SPEECH_VERBS})`, 'iu');
const TRAILING_RE = new RegExp(`(?:^|[,;"“”]\\s*)((?:[\\p{L}][\\p{L}.'’\\-]*\\s+){0,7}?)(${SPEECH_VERBS})(\\s+[^,;.!?"“”]{0,40})?[.!?"”,]*\\s*$`, 'iu');
const INVERTED_RE = new RegExp(`[,;"“”]\\s*(${SPEECH_VERBS})\\s+((?:[\\p{L}][\\p{L}.'’\\-]*\\s*){1,8})[.!?"”]*\\s*$`, 'iu');
const INLINE_RE = new RegExp(`[,;]\\s*((?:[\\p{L}][\\p{L}.'’\\-]*\\s+){1,5}?)(${SPEECH_VERBS})(?:\\s+\\w+day)?\\s*[,;]`, 'giu');
/** INVERTED_RE searching from `lastIndex` (see `invertedStart`). */
const INVERTED_FROM_RE = new RegExp(INVERTED_RE.source, 'giu');
/** Every character an INVERTED_RE match may hold after its first one (same flags, so the same case folding). */
const INVERTED_TAIL_RE = new RegExp(`[a-z\\p{L}.'’\\-\\s!?"”]`, 'iu');

/**
 * Where an INVERTED_RE match can start at the earliest: it runs to the end of the text and every
 * character after its first is in INVERTED_TAIL_RE, so it starts at or after the last character
 * that is not (one unit earlier, for a surrogate pair). Searching from there finds the same match.
 */
function invertedStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (!INVERTED_TAIL_RE.test(text[i])) return Math.max(0, i - 1);
  return 0;
}
const LEADING_RE = new RegExp(`^((?:[\\p{Lu}][\\p{L}.'’\\-]*|the|a|an)(?:\\s+[\\p{L}][\\p{L}.'’\\-]*){0,6}?)\\s+(${SPEECH_VERBS})(?:\\s+(?:on|last|this|late|early)\\s+\\w+)?(?:\\s+that)?\\s+`, 'u');

function findAttributionCandidates(text: string): { start: number; end: number; source: string }[] {
  const out: { start: number; end: number; source: string }[] = [];
  const acc = ACCORDING_TO_RE;
  acc.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = acc.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, source: m[1].trim() });
  // the other patterns all need a speech verb: without one, none can match
  if (!SPEECH_VERB_RE.test(text)) return out;
  m = TRAILING_RE.exec(text);
  if (m && m[1].trim()) {
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ start, end: text.length, source: m[1].trim() });
  } else {
    INVERTED_FROM_RE.lastIndex = invertedStart(text);
    m = INVERTED_FROM_RE.exec(text);
    if (m) out.push({ start: m.index + m[0].indexOf(m[1]), end: text.length, source: m[2].trim() });
  }
  const inline = INLINE_RE;
  inline.lastIndex = 0;
  while ((m = inline.exec(text))) out.push({ start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].length - 1, source: m[1].trim() });
  m = LEADING_RE.exec(text);
  if (m && !out.some((o) => o.start < m!.index + m![0].length && m!.index < o.end)) out.push({ start: 0, end: m[0].length, source: m[1].trim() });
  return out;
}

/** True when a source phrase names nobody in particular ("a White House representative", "officials"). */
export function isAnonymousSource(source: string): boolean {
  const words = source.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /^(a|an|one|two|three|some|several|officials?|sources?|people|analysts?|experts?|[a-z])/.test(words[0] ?? '') && !/^\p{Lu}/u.test(last);
}

/** What a source phrase names: a pronoun, a named person, an unnamed person, an organisation, or something else (a report, a survey). */
export type SourceKind = 'pronoun' | 'person' | 'anonymous' | 'organisation' | 'other';

/** Classifies a speaker name or attribution phrase ("John Kirby": person, "a White House representative": anonymous, "the FTC": organisation). */
export function sourceKind(source: string): SourceKind {
  const s = source.trim().replace(/[.,;:!?"“”]+$/, '');
  if (PRONOUN_SOURCES.has(s.toLowerCase())) return 'pronoun';
  const words = s.split(/\s+/);
  const last = (words[words.length - 1] ?? '').replace(/['’]s$/, '');
  if (!/^\p{Lu}/u.test(last)) return PERSON_HEADS.test(last) ? 'anonymous' : 'other';
  if (/^the\s/i.test(s) || (/^[\p{Lu}\d.&-]+$/u.test(last) && last.replace(/[^\p{Lu}]/gu, '').length >= 2)) return 'organisation';
  return 'person';
}

/**
 * Kind of attribution change between two sources that do not plainly agree, or null when the
 * change does not alter who stands behind the claim in a checkable way: a named person vs another
 * named person or an unnamed one, or one organisation vs another. A report, a survey or an
 * organisation vs a person is left alone (news paraphrases swap these freely).
 */
export function attributionChange(x: string, y: string): 'different source' | 'named vs anonymous source' | null {
  if (sameSource(x, y)) return null;
  const kx = sourceKind(x);
  const ky = sourceKind(y);
  if (kx === 'person' && ky === 'person') return 'different source';
  if ((kx === 'person' && ky === 'anonymous') || (kx === 'anonymous' && ky === 'person')) return 'named vs anonymous source';
  if (kx === 'organisation' && ky === 'organisation') return 'different source';
  return null;
}

/** True when two sources (speaker names or attribution phrases) plainly refer to the same source. */
export function sameSource(x: string, y: string): boolean {
  const cx = x.trim().toLowerCase().replace(/^(the|a|an)\s+/, '');
  const cy = y.trim().toLowerCase().replace(/^(the|a|an)\s+/, '');
  if (cx === cy || PRONOUN_SOURCES.has(cx) || PRONOUN_SOURCES.has(cy)) return true;
  if (cx.startsWith(cy + ' ') || cy.startsWith(cx + ' ')) return true;
  const anonX = isAnonymousSource(x);
  const anonY = isAnonymousSource(y);
  if (anonX && anonY) return true;
  if (anonX !== anonY) return false;
  const surname = (s: string) => (s.match(/\p{Lu}[\p{L}'’\-]+/gu) ?? []).pop()?.toLowerCase();
  const sx = surname(x);
  return !!sx && sx === surname(y);
}

/** The parts of a side that depend on its text alone (never mutated once made). */
type SideText = Pick<Side, 'tokens' | 'keys' | 'capitals' | 'content' | 'quantities' | 'attributions'> & {
  /** The text folded for the identity test (typography, case, whitespace). */
  identity: string;
  /** The diff keys as integer ids (filled on first use, see `keyIdsOf`). */
  keyIdCache: KeyIdCache;
};

/** Texts seen recently: an aligner compares one text with many candidates. */
const sideTexts = new Map<string, SideText>();
/**
 * How many texts `sideTexts` keeps (oldest dropped first; about 3.8 KB each). A 10,000-article
 * alignment prepares 57,000 distinct texts: 16,384 made it prepare 75,800 times, 32,768 makes it
 * 61,900 (compare phase about 0.9 s less CPU); alignUnits empties the cache when it is done.
 */
const SIDE_CACHE_SIZE = 32768;

function readSideText(text: string): SideText {
  const cached = sideTexts.get(text);
  if (cached) {
    // least recently used first: a text still being compared stays
    sideTexts.delete(text);
    sideTexts.set(text, cached);
    return cached;
  }
  const tokens = tokenize(text);
  const keys = tokens.map((t) => (t.kind === 'punct' ? foldTypography(t.text) : t.norm.replace(/^\$/, '')));
  const attributions = findAttributions(text).map((a) => {
    const from = tokens.findIndex((t) => t.end > a.start);
    let to = tokens.findIndex((t) => t.start >= a.end);
    if (to < 0) to = tokens.length;
    return { from: from < 0 ? tokens.length : from, to, source: a.source };
  });
  const side: SideText = { tokens, keys, capitals: findCapitals(tokens), content: tokens.map(isContent), quantities: extractQuantities(text, tokens), attributions, identity: normalizeForIdentity(text), keyIdCache: { generation: -1, ids: new Int32Array(0) } };
  if (sideTexts.size >= SIDE_CACHE_SIZE) sideTexts.delete(sideTexts.keys().next().value as string);
  sideTexts.set(text, side);
  return side;
}

/**
 * Empties the cache of prepared texts (tokens, quantities, attributions per text: tens of MB
 * after a large alignment), e.g. once an alignment's comparisons are done. Results never depend
 * on it; texts compared again later are prepared again.
 */
export function releaseSideTexts(): void {
  sideTexts.clear();
}

/** Integer id of every diff key seen (equal keys, equal ids); emptied when full, which starts a new generation. */
const keyIds = new Map<string, number>();
/** Most keys `keyIds` holds. */
const KEY_ID_LIMIT = 1_000_000;
let keyIdGeneration = 0;

/** A side's diff keys as ids of one generation of `keyIds` (generation -1: not made yet). */
interface KeyIdCache {
  generation: number;
  ids: Int32Array;
}

/** The ids of a side's diff keys in the current generation (see `reserveKeyIds`). */
function keyIdsOf(side: Side & { keyIdCache: KeyIdCache }): Int32Array {
  const cache = side.keyIdCache;
  if (cache.generation === keyIdGeneration) return cache.ids;
  const ids = new Int32Array(side.keys.length);
  side.keys.forEach((k, i) => {
    let id = keyIds.get(k);
    if (id === undefined) {
      id = keyIds.size;
      keyIds.set(k, id);
    }
    ids[i] = id;
  });
  cache.generation = keyIdGeneration;
  cache.ids = ids;
  return ids;
}

/** Makes room for `count` new keys, so that two sides' ids are taken from the same generation. */
function reserveKeyIds(count: number): void {
  if (keyIds.size + count <= KEY_ID_LIMIT) return;
  keyIds.clear();
  keyIdGeneration++;
}

function prepareSide(text: string): Side & SideText {
  const base = readSideText(text);
  const n = base.tokens.length;
  // fields listed one by one: an object spread of the cached part is slow on this hot path
  return {
    text,
    tokens: base.tokens,
    keys: base.keys,
    capitals: base.capitals,
    content: base.content,
    quantities: base.quantities,
    attributions: base.attributions,
    identity: base.identity,
    keyIdCache: base.keyIdCache,
    pair: new Array<number>(n).fill(-1),
    used: new Array<boolean>(n).fill(false),
  };
}

function diffSides(A: Side & SideText, B: Side & SideText): Hunk[] {
  reserveKeyIds(A.keys.length + B.keys.length);
  const changes = diffIds(keyIdsOf(A), keyIdsOf(B));
  const hunks: Hunk[] = [];
  let ia = 0;
  let ib = 0;
  let open: Hunk | null = null;
  for (const c of changes) {
    const n = c.count;
    if (c.added) {
      open = open ?? { aFrom: ia, aTo: ia, bFrom: ib, bTo: ib };
      ib += n;
      open.bTo = ib;
    } else if (c.removed) {
      open = open ?? { aFrom: ia, aTo: ia, bFrom: ib, bTo: ib };
      ia += n;
      open.aTo = ia;
    } else {
      if (open) hunks.push(open);
      open = null;
      for (let k = 0; k < n; k++) {
        A.pair[ia + k] = ib + k;
        B.pair[ib + k] = ia + k;
      }
      ia += n;
      ib += n;
    }
  }
  if (open) hunks.push(open);
  return hunks;
}

function span(side: Side, from: number, to: number): { text: string; start: number; end: number } {
  if (from >= to) return { text: '', start: side.tokens[from]?.start ?? side.text.length, end: side.tokens[from]?.start ?? side.text.length };
  const start = side.tokens[from].start;
  const end = side.tokens[to - 1].end;
  return { text: side.text.slice(start, end), start, end };
}

function makeDivergence(type: DivergenceType, A: Side, aFrom: number, aTo: number, B: Side, bFrom: number, bTo: number, message: string): Divergence {
  const sa = span(A, aFrom, aTo);
  const sb = span(B, bFrom, bTo);
  const d: Divergence = { type, substantive: isSubstantive(type), a: sa.text, b: sb.text, message };
  if (aTo > aFrom) {
    d.aStart = sa.start;
    d.aEnd = sa.end;
  }
  if (bTo > bFrom) {
    d.bStart = sb.start;
    d.bEnd = sb.end;
  }
  return d;
}

function quote(s: string): string {
  return s ? `“${s}”` : 'nothing';
}

// Messages name the two sides in order ("X vs Y", "the first version"). The analysis runs with
// the sides in one canonical order (see analyzeDivergence); while it runs mirrored, messages are
// written for the caller's order: the sides named the other way round.
let mirroring = false;

/** "X vs Y", X being side A's part and Y side B's, in the caller's order. */
function vs(x: string, y: string): string {
  return mirroring ? `${y} vs ${x}` : `${x} vs ${y}`;
}

/** The caller's name for side A ("first") or side B ("second"). */
function versionOf(side: 'a' | 'b'): string {
  return (side === 'a') !== mirroring ? 'first' : 'second';
}

/** Typography, case and spelling differences between tokens the diff found equal. */
function classifyEqualTokens(A: Side, B: Side, out: Divergence[]): void {
  for (let i = 0; i < A.tokens.length; i++) {
    const j = A.pair[i];
    if (j < 0) continue;
    const ta = A.tokens[i];
    const tb = B.tokens[j];
    if (ta.text === tb.text) continue;
    const fa = foldTypographyText(ta.text);
    const fb = foldTypographyText(tb.text);
    let type: DivergenceType;
    let message: string;
    if (fa === fb) {
      type = 'typography';
      message = `Typography differs: ${vs(ta.text, tb.text)}.`;
    } else if (fa.toLowerCase() === fb.toLowerCase()) {
      type = 'case';
      message = `Capitalisation differs: ${vs(ta.text, tb.text)}.`;
    } else {
      type = 'spelling';
      message = `Spelling variant: ${vs(ta.text, tb.text)}.`;
    }
    const last = out[out.length - 1];
    if (last && last.type === type && type !== 'spelling' && last.aEnd !== undefined && A.text.slice(last.aEnd, ta.start).trim() === '' && last.bEnd !== undefined && B.text.slice(last.bEnd, tb.start).trim() === '') {
      last.a = A.text.slice(last.aStart, ta.end);
      last.b = B.text.slice(last.bStart, tb.end);
      last.aEnd = ta.end;
      last.bEnd = tb.end;
      continue;
    }
    out.push(makeDivergence(type, A, i, i + 1, B, j, j + 1, message));
  }
}

function hunkOf(hunks: Hunk[], side: 'a' | 'b', index: number): number {
  for (let h = 0; h < hunks.length; h++) {
    const from = side === 'a' ? hunks[h].aFrom : hunks[h].bFrom;
    const to = side === 'a' ? hunks[h].aTo : hunks[h].bTo;
    if (index >= from && index < to) return h;
  }
  return -1;
}

/** A year as written in news ("2002"): a date, not an amount. */
function isYear(q: Quantity): boolean {
  return !q.unit && q.op === '=' && Number.isInteger(q.value) && q.value >= 1800 && q.value <= 2100 && /^\d{4}$/.test(q.text.trim());
}

/**
 * True when two quantities measure the same kind of thing and can stand for each other: not a
 * percentage against a sum of money or a plain count ("6 percent" / "$600" / "63"), not a year
 * against an amount.
 */
function comparableQuantities(q: Quantity, p: Quantity): boolean {
  if (q.unit && p.unit && q.unit !== p.unit) return false;
  if ((q.unit === '%') !== (p.unit === '%')) return false;
  return isYear(q) === isYear(p);
}

/** Quantities: changed ones are paired and compared as claims. */
function classifyQuantities(A: Side, B: Side, out: Divergence[], hunks: Hunk[]): number {
  const tokenRange = (s: Side, q: Quantity) => {
    const from = s.tokens.findIndex((t) => t.start >= q.start);
    let to = s.tokens.findIndex((t) => t.start >= q.end);
    if (to < 0) to = s.tokens.length;
    return [from, to] as const;
  };
  const changed = (s: Side, q: Quantity) => {
    const [f, t] = tokenRange(s, q);
    for (let k = f; k < t; k++) if (s.pair[k] < 0) return true;
    return false;
  };
  // a quantity counts as changed when its own words changed or it lines up with one that did
  // ("300" is unchanged in itself, but lines up with "up to 300")
  const alignedTo = (s: Side, q: Quantity, o: Side, others: Quantity[]) => {
    const [f, t] = tokenRange(s, q);
    return others.some((p) => {
      const [fo, to] = tokenRange(o, p);
      for (let k = f; k < t; k++) if (s.pair[k] >= fo && s.pair[k] < to) return true;
      return false;
    });
  };
  const changedA = A.quantities.filter((q) => changed(A, q));
  const changedB = B.quantities.filter((q) => changed(B, q));
  const qa = A.quantities.filter((q) => changedA.includes(q) || alignedTo(A, q, B, changedB));
  const qb = B.quantities.filter((q) => changedB.includes(q) || alignedTo(B, q, A, changedA));
  const usedB = new Set<Quantity>();
  let credit = 0;
  const consume = (s: Side, q: Quantity) => {
    const [f, t] = tokenRange(s, q);
    for (let k = f; k < t; k++) s.used[k] = true;
  };
  for (const q of qa) {
    const [fa, ta] = tokenRange(A, q);
    // partner: a B quantity aligned with one of q's tokens, else the same claim, else the next changed one
    let partner = B.quantities.find((p) => {
      const [fb, tb] = tokenRange(B, p);
      for (let k = fa; k < ta; k++) if (A.pair[k] >= fb && A.pair[k] < tb) return !usedB.has(p);
      return false;
    });
    partner = partner ?? qb.find((p) => !usedB.has(p) && compareQuantities(q, p).same);
    const h = hunkOf(hunks, 'a', fa);
    partner =
      partner ??
      qb.find((p) => !usedB.has(p) && comparableQuantities(q, p) && hunkOf(hunks, 'b', tokenRange(B, p)[0]) === h) ??
      qb.find((p) => !usedB.has(p) && comparableQuantities(q, p));
    // a quantity only one side gives is added/dropped detail: left to the omission/addition check
    if (!partner) continue;
    consume(A, q);
    usedB.add(partner);
    consume(B, partner);
    const [fb, tb] = tokenRange(B, partner);
    const cmp = compareQuantities(q, partner);
    if (cmp.same) {
      credit += 1;
      if (q.text.toLowerCase() !== partner.text.toLowerCase()) out.push(makeDivergence('wording', A, fa, ta, B, fb, tb, `Same quantity in other words: ${vs(quote(q.text), quote(partner.text))}.`));
    } else if (cmp.rounded) {
      credit += 1;
      out.push(makeDivergence('wording', A, fa, ta, B, fb, tb, `Same quantity, rounded: ${vs(quote(q.text), quote(partner.text))}.`));
    } else if (cmp.onlyQualifier) {
      credit += 0.75;
      out.push(makeDivergence('qualifier', A, fa, ta, B, fb, tb, `Qualifier differs: ${vs(`${quote(q.text)} (${describeQuantity(q)})`, `${quote(partner.text)} (${describeQuantity(partner)})`)}.`));
    } else {
      credit += 0.5;
      out.push(makeDivergence('number', A, fa, ta, B, fb, tb, `Different quantity: ${vs(`${quote(q.text)} (${describeQuantity(q)})`, `${quote(partner.text)} (${describeQuantity(partner)})`)}.`));
    }
  }
  return credit;
}

/** A speech verb as a whole word. */
const SPEECH_VERB_WORD_RE = new RegExp(`^(?:${SPEECH_VERBS})$`, 'i');
/** A verb a hedge may replace ("said" / "claimed", "showed" / "suggested"). */
const REPORTING_VERB_WORD_RE = new RegExp(`^(?:${SPEECH_VERBS}|show|shows|showed|find|found|finds|is|are|was|were)$`, 'i');

/** Attribution: compares the two sides' sources (context speakers first, else phrases in the texts). */
function classifyAttribution(A: Side, B: Side, ctx: DivergenceContext, out: Divergence[]): void {
  // consume the attribution phrase, but leave its verb for the hedge check ("said" vs "claimed")
  const verb = SPEECH_VERB_WORD_RE;
  for (const s of [A, B]) for (const at of s.attributions) for (let k = at.from; k < at.to; k++) if (s.pair[k] < 0 && !verb.test(s.tokens[k].text)) s.used[k] = true;
  const srcA = ctx.speakerA || A.attributions[0]?.source || null;
  const srcB = ctx.speakerB || B.attributions[0]?.source || null;
  const atA = A.attributions[0];
  const atB = B.attributions[0];
  const aRange: [number, number] = atA ? [atA.from, atA.to] : [0, 0];
  const bRange: [number, number] = atB ? [atB.from, atB.to] : [0, 0];
  if (srcA && srcB) {
    const kind = attributionChange(srcA, srcB);
    if (!kind) return;
    out.push({ ...makeDivergence('attribution', A, aRange[0], aRange[1], B, bRange[0], bRange[1], ''), a: srcA, b: srcB, message: `Attribution differs (${kind}): ${vs(quote(srcA), quote(srcB))}.` });
    return;
  }
  // attribution on one side only is neither a different speaker nor named-vs-anonymous: not reported
}

/** Unmatched words and domain phrases of one side, per hunk. */
function collectItems(s: Side, side: 'a' | 'b', hunks: Hunk[]): Item[] {
  const items: Item[] = [];
  hunks.forEach((h, hi) => {
    const from = side === 'a' ? h.aFrom : h.bFrom;
    const to = side === 'a' ? h.aTo : h.bTo;
    let k = from;
    while (k < to) {
      const t = s.tokens[k];
      if (s.used[k] || t.kind === 'punct') {
        k++;
        continue;
      }
      const words: string[] = [];
      for (let x = k; x < to && x < k + 4 && s.tokens[x].kind === 'word' && !s.used[x]; x++) words.push(s.tokens[x].norm);
      const phrase = matchDomainPhrase(words, 0);
      const len = phrase ? phrase.length : 1;
      const sp = span(s, k, k + len);
      items.push({ side, from: k, to: k + len, hunk: hi, text: sp.text, key: phrase ? phrase.concepts[0] : t.norm, matched: false, lemma: undefined, synonym: undefined });
      k += len;
    }
  });
  return items;
}

const markerCache = new Map<string, 'negation' | 'hedge' | 'qualifier' | null>();

function markerOf(key: string, raw?: string): 'negation' | 'hedge' | 'qualifier' | null {
  if (raw) return null;
  const m = markerCache.get(key);
  return m !== undefined ? m : rememberBounded(markerCache, key, findMarker(key), 50_000);
}

function findMarker(key: string): 'negation' | 'hedge' | 'qualifier' | null {
  if (/n't$/.test(key) || /^(?:do|does|did|is|are|was|were|has|have|had|wo|ca|could|would|should|must)nt$/.test(key) || NEGATIONS.has(key) || NEGATIONS.has(lemmatize(key))) return 'negation';
  if (HEDGES.has(key) || HEDGES.has(lemmatize(key))) return 'hedge';
  if (QUALIFIERS.has(key)) return 'qualifier';
  return null;
}

function domainConceptKey(k: string): boolean {
  return hasDomainConcept(k);
}

/** The item's raw text when it is capitalised mid-sentence (then it is a name, not a marker word). */
function capitalMid(s: Side, it: Item): string | undefined {
  return isCapitalised(s, it.from) ? s.tokens[it.from].text : undefined;
}

/** Titles and honorifics: capitalised, but not names ("Mr", "Senator", "President"). */
const TITLES = new Set(
  ('mr mrs ms miss mx dr prof sir dame lord lady sen senator rep representative gov governor gen general col colonel lt capt captain sgt ' +
    'adm admiral president vice prime minister secretary chairman chairwoman chair chief ceo judge justice king queen prince princess pope rev ' +
    'reverend mayor ambassador commissioner director spokesman spokeswoman').split(' '),
);
const DATE_WORDS = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s|’s)?$|^(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?$|^(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:'s|’s)?$/;

/** True for a weekday or month name (a date, compared only with dates). */
function isDateWord(norm: string): boolean {
  return DATE_WORDS.test(norm);
}

/** True when an unmatched item is a name: capitalised mid-sentence and not a title. */
function isName(s: Side, x: Item): boolean {
  return !x.matched && isCapitalised(s, x.from) && !TITLES.has(s.tokens[x.from].norm.replace(/\.$/, ''));
}

/** Directional opposites among function words ("up"/"down", "before"/"after"); other function-word antonyms (in/out, on/off) are mostly prepositions. */
const OPPOSABLE_STOPWORDS = new Set(['up', 'down', 'before', 'after']);

/** True when an item may take part in an opposite pair: a lower-case word, not a function word. */
function oppositionWord(s: Side, it: Item): boolean {
  const t = s.tokens[it.from];
  return it.to - it.from === 1 && t.kind === 'word' && !capitalMid(s, it) && (!STOPWORDS.has(t.norm) || OPPOSABLE_STOPWORDS.has(t.norm));
}

/** Stems of a place name or its demonym (Britain/British → brit, China/Chinese → chin, Germany/German → german). */
function placeStems(w: string): string[] {
  const out = [w];
  for (const suffix of ['ish', 'ese', 'ian', 'ean', 'an', 'i', 'ain', 'ia', 'a', 'y', 'o', 'e']) if (w.endsWith(suffix) && w.length - suffix.length >= 4) out.push(w.slice(0, -suffix.length));
  return out;
}

/** True when the shorter word is a written abbreviation of the longer (Fla/Florida, Calif/California, Gen/General). */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  if (short.length >= 3 && long.startsWith(short)) return true;
  if (short.length > 4 || short[1] !== long[1]) return false;
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}

/**
 * True when two names are the same entity written differently: DVD-CCA/DVD CCA,
 * IAEA/International Atomic Energy Agency, BoE/Bank of England, Fla./Florida, China/Chinese.
 * Memoised per pair.
 */
export function sameEntity(a: string, b: string): boolean {
  const key = `${a}\u0000${b}`;
  return entityCache.get(key) ?? rememberBounded(entityCache, key, findSameEntity(a, b), 50_000);
}

const entityCache = new Map<string, boolean>();

function findSameEntity(a: string, b: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/'s\b|’s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const sa = squash(a);
  const sb = squash(b);
  if (!sa || !sb) return false;
  if (sa === sb || (sa.length >= 3 && sb.includes(sa)) || (sb.length >= 3 && sa.includes(sb))) return true;
  const initials = (s: string) => s.split(/[\s\-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0].toLowerCase()).join('');
  // initials over every word, function words too: "Bank of England" → boe
  const allInitials = (s: string) => s.split(/[\s\-]+/).filter((w) => /^\p{L}/u.test(w)).map((w) => w[0].toLowerCase()).join('');
  if ((sa.length >= 2 && (initials(b) === sa || allInitials(b) === sa)) || (sb.length >= 2 && (initials(a) === sb || allInitials(a) === sb))) return true;
  if (!/\s/.test(a.trim()) && !/\s/.test(b.trim())) {
    const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
    if (isAbbreviation(short, long)) return true;
    // one slip of spelling or transliteration in a long name (Guangdong/Guandong)
    if (short.length >= 6 && long.length - short.length <= 1 && DamerauLevenshteinDistance(sa, sb) <= 1) return true;
    const stemsA = placeStems(sa);
    if (placeStems(sb).some((x) => x.length >= 4 && stemsA.includes(x))) return true;
  }
  return false;
}

const frozenCache = new Map<string, boolean>();

/** True for an item key that the synonym pass leaves alone: a negation or hedge marker, or a function word that is no domain concept; memoised per key. */
function isFrozen(k: string): boolean {
  return frozenCache.get(k) ?? rememberBounded(frozenCache, k, (markerOf(k) !== null && markerOf(k) !== 'qualifier') || (STOPWORDS.has(k) && !domainConceptKey(k)), 50_000);
}

/** Pairs unmatched items of the two sides that are the same word moved, another form, or synonyms. */
function matchItems(A: Side, B: Side, ia: Item[], ib: Item[], out: Divergence[]): void {
  // each item's word forms looked up once (not once per candidate pair)
  const lemmaOf = (it: Item) => it.lemma ?? (it.lemma = lemmaForms(it.key));
  const synonymOf = (it: Item) => it.synonym ?? (it.synonym = synonymForms(it.text));
  // pass 0: the same key; pass 1: another form of the same word; pass 2: synonyms (or the same key)
  const equal = (pass: number, x: Item, y: Item) =>
    pass === 0 ? x.key === y.key : pass === 1 ? sameLemmaForms(lemmaOf(x), lemmaOf(y)) : synonymFormsMatch(synonymOf(x), synonymOf(y)) || x.key === y.key;
  // which items of B the synonym pass leaves alone, looked up once per item
  let frozenB: boolean[] = [];
  for (let pass = 0; pass < 3; pass++) {
    if (pass === 2) frozenB = ib.map((c) => isFrozen(c.key));
    for (const x of ia) {
      if (x.matched) continue;
      if (pass === 2 && (isFrozen(x.key) || (markerOf(x.key) === 'qualifier' && !domainConceptKey(x.key)))) continue;
      // pass 1 pairs only words of three letters or more that are not domain concepts
      if (pass === 1 && (x.key.startsWith('d') || x.key.length <= 2)) continue;
      // the first candidate in the same hunk, else the first candidate
      let y: Item | undefined;
      let first: Item | undefined;
      for (let k = 0; k < ib.length; k++) {
        const c = ib[k];
        if (c.matched || (pass === 2 && frozenB[k]) || !equal(pass, x, c)) continue;
        if (c.hunk === x.hunk) {
          y = c;
          break;
        }
        first = first ?? c;
      }
      y = y ?? first;
      if (!y) continue;
      x.matched = y.matched = true;
      for (let k = x.from; k < x.to; k++) A.used[k] = true;
      for (let k = y.from; k < y.to; k++) B.used[k] = true;
      if (x.text.toLowerCase() !== y.text.toLowerCase() && x.key !== y.key) {
        const how = pass === 1 ? 'the same word in another form' : 'synonyms';
        out.push(makeDivergence('wording', A, x.from, x.to, B, y.from, y.to, `Wording: ${vs(quote(x.text), quote(y.text))} (${how}).`));
      }
    }
  }
}

/**
 * True when a marker word (negation, hedge, qualifier) bears on material both versions carry:
 * the next content word in its clause (within a few words) has a counterpart on the other side,
 * or, when nothing follows, the content word just before it does.
 */
function scopeShared(s: Side, it: Item): boolean {
  const shared = (k: number) => s.pair[k] >= 0 || s.used[k];
  for (let k = it.to; k < Math.min(s.tokens.length, it.to + DIVERGENCE_TUNING.markerScope); k++) {
    const t = s.tokens[k];
    if (t.kind === 'punct') break;
    if (s.content[k] && !markerOf(t.norm)) return shared(k);
  }
  for (let k = it.from - 1; k >= Math.max(0, it.from - DIVERGENCE_TUNING.markerScope); k--) {
    const t = s.tokens[k];
    if (t.kind === 'punct') break;
    if (s.content[k] && !markerOf(t.norm)) return shared(k);
  }
  return false;
}

/** Tunable thresholds of the classifier. */
export const DIVERGENCE_TUNING = {
  /** Minimum content words for a dropped or added part to count as a clause (omission/addition). */
  clauseMinWords: 3,
  /**
   * Minimum share of its version's words for a dropped or added clause to change the claim;
   * a shorter clause is extra detail around the same claim (reported as wording).
   */
  clauseMinShare: 0.3,
  /** How many words after (or before) a negation, hedge or qualifier are searched for the word it bears on. */
  markerScope: 4,
  /**
   * Most other unmatched content words a hunk may hold for a name change in it to count as a
   * swapped name; more, and the names belong to a stretch written in other words (a name for a
   * description: "the Ohio-born singer" / "Swift").
   */
  entityContext: 0,
};

/** Classifies what is left unmatched per hunk: negation, hedge, qualifier, entity, omission/addition, truncation. */
function classifyLeftovers(A: Side, B: Side, hunks: Hunk[], ia: Item[], ib: Item[], out: Divergence[]): void {
  // dropped / added parts, with their hunk and whether they hold a clause and a major share (kept
  // beside the divergence, so the divergence object keeps only its own fields)
  const structural: Divergence[] = [];
  const facts = new Map<Divergence, { hunk: number; clause: boolean; major: boolean }>();
  // both versions negate (or hedge) once each, in whatever words and wherever: same polarity
  // ("nor was he asked" / "he was not asked", "without going into" / "did not get into")
  for (const type of ['negation', 'hedge'] as const) {
    const ma = ia.filter((x) => !x.matched && markerOf(x.key, capitalMid(A, x)) === type);
    const mb = ib.filter((y) => !y.matched && markerOf(y.key, capitalMid(B, y)) === type);
    for (let k = 0; k < Math.min(ma.length, mb.length); k++) ma[k].matched = mb[k].matched = true;
  }
  // items by hunk (a hunk's step below changes only its own items)
  const hunkItemsA: Item[][] = hunks.map(() => []);
  const hunkItemsB: Item[][] = hunks.map(() => []);
  for (const x of ia) hunkItemsA[x.hunk].push(x);
  for (const y of ib) hunkItemsB[y.hunk].push(y);
  hunks.forEach((h, hi) => {
    const la = hunkItemsA[hi].filter((x) => !x.matched);
    const lb = hunkItemsB[hi].filter((y) => !y.matched);
    // opposites: a word replaced by its antonym ("higher" vs "lower", "acquitted" vs "convicted")
    for (const x of la) {
      if (x.matched || !oppositionWord(A, x)) continue;
      const y = lb.find((z) => !z.matched && oppositionWord(B, z) && areAntonyms(x.text, z.text));
      if (!y) continue;
      x.matched = y.matched = true;
      const d = makeDivergence('negation', A, x.from, x.to, B, y.from, y.to, '');
      d.message = `Opposite meaning: ${vs(quote(d.a), quote(d.b))}.`;
      out.push(d);
    }
    // markers
    for (const type of ['negation', 'hedge', 'qualifier'] as const) {
      // a marker counts only when it bears on words both versions carry ("not sold" vs "sold");
      // one that governs material only its own side has ("no ticket") belongs to that extra material
      const ma = la.filter((x) => !x.matched && markerOf(x.key, capitalMid(A, x)) === type && scopeShared(A, x));
      const mb = lb.filter((y) => !y.matched && markerOf(y.key, capitalMid(B, y)) === type && scopeShared(B, y));
      if (ma.length === 0 && mb.length === 0) continue;
      // both sides negate (or both hedge): same polarity, different words
      if (type !== 'qualifier' && ma.length > 0 && mb.length > 0) {
        for (const it of [...ma, ...mb]) it.matched = true;
        continue;
      }
      // a hedge replaces a plain verb: pair it with the other side's leftover word ("said" vs "claimed")
      let pa = ma;
      let pb = mb;
      if (type === 'hedge' && (ma.length === 0 || mb.length === 0)) {
        const verb = REPORTING_VERB_WORD_RE;
        const other = (ma.length === 0 ? la : lb).filter((z) => !z.matched && verb.test(z.text));
        if (other.length > 0) {
          if (ma.length === 0) pa = [other[0]];
          else pb = [other[0]];
        }
      }
      for (const it of [...pa, ...pb]) it.matched = true;
      const f = (xs: Item[]) => (xs.length ? [Math.min(...xs.map((x) => x.from)), Math.max(...xs.map((x) => x.to))] : [0, 0]);
      const [fa, ta] = f(pa);
      const [fb, tb] = f(pb);
      const d = makeDivergence(type, A, fa, ta, B, fb, tb, '');
      const label = type === 'negation' ? 'Negation' : type === 'hedge' ? 'Hedging' : 'Qualifier';
      d.message = `${label} differs: ${vs(quote(d.a), quote(d.b))}.`;
      out.push(d);
    }
    // entities: a name swapped for another name of the same kind (a date for a date, a name for a name);
    // names inside a stretch rewritten in other words are left to the clause check below
    const namesA = la.filter((x) => isName(A, x));
    const namesB = lb.filter((y) => isName(B, y));
    for (const dates of [true, false]) {
      const capsA = namesA.filter((x) => !x.matched && isDateWord(A.tokens[x.from].norm) === dates);
      const capsB = namesB.filter((y) => !y.matched && isDateWord(B.tokens[y.from].norm) === dates);
      if (capsA.length === 0 || capsB.length === 0) continue;
      const d = makeDivergence('entity', A, capsA[0].from, capsA[capsA.length - 1].to, B, capsB[0].from, capsB[capsB.length - 1].to, '');
      const same = sameEntity(d.a, d.b);
      const around = (s: Side, xs: Item[], names: Item[]) => xs.filter((x) => !x.matched && !names.includes(x) && s.content[x.from]).length;
      if (!same && (around(A, la, namesA) > DIVERGENCE_TUNING.entityContext || around(B, lb, namesB) > DIVERGENCE_TUNING.entityContext)) continue;
      for (const it of [...capsA, ...capsB]) it.matched = true;
      if (same) {
        d.type = 'wording';
        d.substantive = false;
        d.message = `Same name written differently: ${vs(quote(d.a), quote(d.b))}.`;
      } else d.message = `Different ${dates ? 'date' : 'name'}: ${vs(quote(d.a), quote(d.b))}.`;
      out.push(d);
    }
    // the rest: clauses dropped / added, or minor wording
    const restA = la.filter((x) => !x.matched);
    const restB = lb.filter((y) => !y.matched);
    const contentA = restA.filter((x) => A.content[x.from]);
    const contentB = restB.filter((y) => B.content[y.from]);
    const bigA = contentA.length >= DIVERGENCE_TUNING.clauseMinWords;
    const bigB = contentB.length >= DIVERGENCE_TUNING.clauseMinWords;
    // a clause has a verb; a dropped phrase without one is a detail (reported, but not as a claim change)
    const clauseA = bigA && restA.some((x) => A.tokens[x.from].kind === 'word' && isVerbForm(A.tokens[x.from].norm));
    const clauseB = bigB && restB.some((y) => B.tokens[y.from].kind === 'word' && isVerbForm(B.tokens[y.from].norm));
    // share of the version's words that the clause spans: a short aside is detail, not a new claim
    const share = (s: Side, xs: Item[]) => (xs.length ? wordCount(s, xs[0].from, xs[xs.length - 1].to) / Math.max(1, wordCount(s, 0, s.tokens.length)) : 0);
    const majorA = share(A, contentA) >= DIVERGENCE_TUNING.clauseMinShare;
    const majorB = share(B, contentB) >= DIVERGENCE_TUNING.clauseMinShare;
    if (bigA) {
      const d = makeDivergence('omission', A, contentA[0].from, contentA[contentA.length - 1].to, B, 0, 0, '');
      d.message = `Only in the ${versionOf('a')} version: ${quote(d.a)}.`;
      structural.push(d);
      facts.set(d, { hunk: hi, clause: clauseA, major: majorA });
    }
    if (bigB) {
      const d = makeDivergence('addition', A, 0, 0, B, contentB[0].from, contentB[contentB.length - 1].to, '');
      d.message = `Only in the ${versionOf('b')} version: ${quote(d.b)}.`;
      structural.push(d);
      facts.set(d, { hunk: hi, clause: clauseB, major: majorB });
    }
    const smallA = bigA ? [] : contentA;
    const smallB = bigB ? [] : contentB;
    if (smallA.length + smallB.length > 0) {
      const f = (xs: Item[]) => (xs.length ? [xs[0].from, xs[xs.length - 1].to] : [0, 0]);
      const [fa, ta] = f(smallA);
      const [fb, tb] = f(smallB);
      const d = makeDivergence('wording', A, fa, ta, B, fb, tb, '');
      d.message = `Minor wording difference: ${vs(quote(d.a), quote(d.b))}.`;
      out.push(d);
    }
  });
  // truncation: everything missing on one side sits at the start and/or end of the other
  const omissions = structural.filter((d) => d.type === 'omission');
  const additions = structural.filter((d) => d.type === 'addition');
  const atEdge = (d: Divergence, side: 'a' | 'b') => {
    const h = hunks[facts.get(d)!.hunk];
    const len = side === 'a' ? A.tokens.length : B.tokens.length;
    const from = side === 'a' ? h.aFrom : h.bFrom;
    const to = side === 'a' ? h.aTo : h.bTo;
    const otherEmpty = side === 'a' ? h.bFrom === h.bTo || B.tokens.slice(h.bFrom, h.bTo).every((t) => t.kind === 'punct') : h.aFrom === h.aTo || A.tokens.slice(h.aFrom, h.aTo).every((t) => t.kind === 'punct');
    const tokens = side === 'a' ? A.tokens : B.tokens;
    const onlyPunctBefore = tokens.slice(0, from).every((t) => t.kind === 'punct');
    const onlyPunctAfter = tokens.slice(to).every((t) => t.kind === 'punct');
    return otherEmpty && (onlyPunctBefore || onlyPunctAfter) && len > 0;
  };
  const otherSubstantive = out.some((d) => d.substantive);
  const truncA = !otherSubstantive && omissions.length > 0 && additions.length === 0 && omissions.every((d) => atEdge(d, 'a'));
  const truncB = !otherSubstantive && additions.length > 0 && omissions.length === 0 && additions.every((d) => atEdge(d, 'b'));
  for (const d of structural) {
    const { clause, major } = facts.get(d)!;
    if ((truncA || truncB) && (clause || (d.a || d.b).split(/\s+/).length >= 5)) {
      d.type = 'truncation';
      d.message = truncA ? `The ${versionOf('b')} version is cut down: it lacks ${quote(d.a)}.` : `The ${versionOf('a')} version is cut down: it lacks ${quote(d.b)}.`;
    } else if (!clause) {
      d.type = 'wording';
      d.substantive = false;
      d.message = `Detail only in the ${versionOf(d.a ? 'a' : 'b')} version (no clause): ${quote(d.a || d.b)}.`;
    } else if (!major) {
      d.type = 'wording';
      d.substantive = false;
      d.message = `Short aside only in the ${versionOf(d.a ? 'a' : 'b')} version: ${quote(d.a || d.b)}.`;
    }
    out.push(d);
  }
}

/** Punctuation-only changes (commas, quote marks, brackets present on one side only). */
function classifyPunctuation(A: Side, B: Side, hunks: Hunk[], out: Divergence[]): void {
  for (const h of hunks) {
    const pa = A.tokens.slice(h.aFrom, h.aTo).map((t, k) => [t, h.aFrom + k] as const).filter(([t]) => t.kind === 'punct');
    const pb = B.tokens.slice(h.bFrom, h.bTo).map((t, k) => [t, h.bFrom + k] as const).filter(([t]) => t.kind === 'punct');
    if (pa.length === 0 && pb.length === 0) continue;
    const fa = pa.length ? pa[0][1] : 0;
    const ta = pa.length ? pa[pa.length - 1][1] + 1 : 0;
    const fb = pb.length ? pb[0][1] : 0;
    const tb = pb.length ? pb[pb.length - 1][1] + 1 : 0;
    const d = makeDivergence('punctuation', A, fa, ta, B, fb, tb, '');
    d.a = pa.map(([t]) => t.text).join(' ');
    d.b = pb.map(([t]) => t.text).join(' ');
    d.message = `Punctuation differs: ${vs(quote(d.a), quote(d.b))}.`;
    out.push(d);
  }
}

/** Number of word and number tokens in [from, to). */
function wordCount(s: Side, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (s.tokens[k].kind !== 'punct') n++;
  return n;
}

/** Word and number tokens of a side, and how many have a counterpart on the other side. */
function countWords(s: Side, side: 'A' | 'B'): Partial<DiffStats> {
  let words = 0;
  let matched = 0;
  s.tokens.forEach((t, k) => {
    if (t.kind === 'punct') return;
    words++;
    if (s.pair[k] >= 0 || s.used[k]) matched++;
  });
  return side === 'A' ? { wordsA: words, wordsMatchedA: matched } : { wordsB: words, wordsMatchedB: matched };
}

function countContent(s: Side): { content: number; matched: number } {
  let content = 0;
  let matched = 0;
  s.tokens.forEach((t, k) => {
    if (!s.content[k]) return;
    content++;
    if (s.pair[k] >= 0 || s.used[k]) matched++;
  });
  return { content, matched };
}

/**
 * Diffs two texts and classifies every difference; also returns overlap figures. The analysis
 * always runs with the two sides in one canonical order and is mirrored back when needed, so
 * comparing b with a gives exactly the mirror image of comparing a with b.
 * With `classifyIf`, the overlap figures (which never depend on how leftover differences are
 * classified) are computed first, and when `classifyIf(stats)` is false the analysis stops there:
 * `divergences` is then empty.
 */
export function analyzeDivergence(a: string, b: string, ctx: DivergenceContext = {}, classifyIf?: (stats: DiffStats) => boolean): DiffAnalysis {
  const ta = a ?? '';
  const tb = b ?? '';
  const swap = ta > tb || (ta === tb && (ctx.speakerA ?? '') > (ctx.speakerB ?? ''));
  if (!swap) return analyzeOrdered(ta, tb, ctx, classifyIf);
  let r: DiffAnalysis;
  mirroring = true;
  try {
    r = analyzeOrdered(tb, ta, { speakerA: ctx.speakerB, speakerB: ctx.speakerA }, classifyIf && ((stats) => classifyIf(mirrorStats(stats))));
  } finally {
    mirroring = false;
  }
  const divergences = r.divergences.map(mirrorDivergence);
  divergences.sort((x, y) => (x.aStart ?? x.bStart ?? 0) - (y.aStart ?? y.bStart ?? 0));
  return { divergences, stats: mirrorStats(r.stats) };
}

/** A divergence seen from the other side: sides and offsets swapped, omission ↔ addition. */
function mirrorDivergence(d: Divergence): Divergence {
  const type: DivergenceType = d.type === 'omission' ? 'addition' : d.type === 'addition' ? 'omission' : d.type;
  const m: Divergence = { type, substantive: d.substantive, a: d.b, b: d.a, message: d.message };
  if (d.bStart !== undefined) {
    m.aStart = d.bStart;
    m.aEnd = d.bEnd;
  }
  if (d.aStart !== undefined) {
    m.bStart = d.aStart;
    m.bEnd = d.aEnd;
  }
  return m;
}

/** Overlap figures seen from the other side. */
function mirrorStats(s: DiffStats): DiffStats {
  return {
    contentA: s.contentB,
    contentB: s.contentA,
    matchedA: s.matchedB,
    matchedB: s.matchedA,
    identical: s.identical,
    wordsA: s.wordsB,
    wordsB: s.wordsA,
    wordsMatchedA: s.wordsMatchedB,
    wordsMatchedB: s.wordsMatchedA,
  };
}

/** The analysis proper, sides as given (messages follow `mirroring`); see analyzeDivergence for `classifyIf`. */
function analyzeOrdered(a: string, b: string, ctx: DivergenceContext, classifyIf?: (stats: DiffStats) => boolean): DiffAnalysis {
  const A = prepareSide(a ?? '');
  const B = prepareSide(b ?? '');
  const hunks = diffSides(A, B);
  const typo: Divergence[] = [];
  classifyEqualTokens(A, B, typo);
  const subst: Divergence[] = [];
  const quantityCredit = classifyQuantities(A, B, subst, hunks);
  const before = { a: A.used.slice(), b: B.used.slice() };
  classifyAttribution(A, B, ctx, subst);
  // tokens the attribution step consumed (used now, not before it)
  const attributionUsedA = A.used.map((u, k) => u && !before.a[k]);
  const attributionUsedB = B.used.map((u, k) => u && !before.b[k]);
  const ia = collectItems(A, 'a', hunks);
  const ib = collectItems(B, 'b', hunks);
  const wording: Divergence[] = [];
  matchItems(A, B, ia, ib, wording);
  // the overlap figures: classifying the leftovers and punctuation below never changes which tokens are paired or used
  const ca = countContent(A);
  const cb = countContent(B);
  // attribution phrases and changed quantities are not overlap: count them out / give partial credit
  const attrA = countAttributionContent(A, attributionUsedA);
  const attrB = countAttributionContent(B, attributionUsedB);
  const qa = countChangedQuantityTokens(A);
  const qb = countChangedQuantityTokens(B);
  const stats: DiffStats = {
    contentA: ca.content - attrA - qa + Math.min(qa, 1) * (A.quantities.length ? 1 : 0),
    contentB: cb.content - attrB - qb + Math.min(qb, 1) * (B.quantities.length ? 1 : 0),
    matchedA: ca.matched - attrA - qa + (qa > 0 ? Math.min(1, quantityCredit) : 0),
    matchedB: cb.matched - attrB - qb + (qb > 0 ? Math.min(1, quantityCredit) : 0),
    identical: A.identity === B.identity,
    ...countWords(A, 'A'),
    ...countWords(B, 'B'),
  };
  if (classifyIf && !classifyIf(stats)) return { divergences: [], stats };
  classifyLeftovers(A, B, hunks, ia, ib, subst);
  classifyPunctuation(A, B, hunks, typo);
  const divergences = [...subst, ...wording, ...typo].sort((x, y) => (x.aStart ?? x.bStart ?? 0) - (y.aStart ?? y.bStart ?? 0));
  return { divergences, stats };
}

/** Content tokens among those the attribution step consumed. */
function countAttributionContent(s: Side, consumed: boolean[]): number {
  let n = 0;
  for (let k = 0; k < consumed.length; k++) if (consumed[k] && s.content[k]) n++;
  return n;
}

/** Content tokens inside the side's quantities that have no equal counterpart (counted once per quantity holding them). */
function countChangedQuantityTokens(s: Side): number {
  let n = 0;
  for (const q of s.quantities) {
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k];
      if (t.start >= q.start && t.end <= q.end && s.content[k] && s.pair[k] < 0) n++;
    }
  }
  return n;
}

function normalizeForIdentity(s: string): string {
  return foldTypographyText(s).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Word-level diff of two texts, each changed part classified into a typed
 * divergence (substantive or cosmetic). Offsets are relative to `a` and `b`.
 */
export function classifyDivergence(a: string, b: string, ctx?: DivergenceContext): Divergence[] {
  return analyzeDivergence(a, b, ctx).divergences;
}
