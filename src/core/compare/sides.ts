// The two sides of a comparison: each side's tokens with per-token state (diff partner, consumed
// by a classified item), the word-level diff between them (text/myers.ts over the diff keys'
// ids), and the token-range helpers the classification passes share.
import { diffIds } from '../text/myers';
import { Divergence, DivergenceType, isSubstantiveType } from '../types';
import { PreparedText, PreparedTexts } from './preparedTexts';

/** One side's text, its prepared parts and per-token state during classification. */
export interface Side extends PreparedText {
  text: string;
  /** Index of the equal counterpart on the other side, or -1. */
  pair: number[];
  /** Token consumed by a classified item (quantity, attribution, matched word). */
  used: boolean[];
}

/** A changed stretch of the diff: tokens [aFrom, aTo) of side A stand where B has [bFrom, bTo). */
export interface Hunk {
  aFrom: number;
  aTo: number;
  bFrom: number;
  bTo: number;
}

/** Speakers of the two sides, when known (canonical names or attribution phrases). */
export interface DivergenceContext {
  speakerA?: string | null;
  speakerB?: string | null;
}

/** How messages name the two sides (see ./messages). */
export interface Orientation {
  /** True while the analysis runs with the sides the other way round from the caller's order. */
  readonly mirrored: boolean;
}

/** One comparison under way: both sides, the diff's hunks, and the caller's order of the sides. */
export interface Pair extends Orientation {
  readonly A: Side;
  readonly B: Side;
  readonly hunks: Hunk[];
}

/** A fresh side for `text`, its text-only parts from `cache`. */
export function makeSide(text: string, cache: PreparedTexts): Side {
  const base = cache.prepare(text);
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

/** Diffs the two sides' keys: pairs the equal tokens (`pair`) and returns the changed stretches. */
export function diffSides(A: Side, B: Side, cache: PreparedTexts): Hunk[] {
  cache.reserveKeyIds(A.keys.length + B.keys.length);
  const changes = diffIds(cache.keyIdsOf(A), cache.keyIdsOf(B));
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

/** The text and character offsets of tokens [from, to) of a side (empty, at `from`, when from >= to). */
export function span(side: Side, from: number, to: number): { text: string; start: number; end: number } {
  if (from >= to) return { text: '', start: side.tokens[from]?.start ?? side.text.length, end: side.tokens[from]?.start ?? side.text.length };
  const start = side.tokens[from].start;
  const end = side.tokens[to - 1].end;
  return { text: side.text.slice(start, end), start, end };
}

/** A divergence over tokens [aFrom, aTo) of A and [bFrom, bTo) of B (offsets only for a non-empty range). */
export function makeDivergence(type: DivergenceType, A: Side, aFrom: number, aTo: number, B: Side, bFrom: number, bTo: number, message: string): Divergence {
  const sa = span(A, aFrom, aTo);
  const sb = span(B, bFrom, bTo);
  const d: Divergence = { type, substantive: isSubstantiveType(type), a: sa.text, b: sb.text, message };
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

/** Index of the hunk holding token `index` of a side, or -1. */
export function hunkOf(hunks: Hunk[], side: 'a' | 'b', index: number): number {
  for (let h = 0; h < hunks.length; h++) {
    const from = side === 'a' ? hunks[h].aFrom : hunks[h].bFrom;
    const to = side === 'a' ? hunks[h].aTo : hunks[h].bTo;
    if (index >= from && index < to) return h;
  }
  return -1;
}

/** Number of word and number tokens in [from, to). */
export function wordCount(s: Side, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (s.tokens[k].kind !== 'punct') n++;
  return n;
}

/** True when token `index` is a capitalised word not at a sentence start. */
export function isCapitalised(s: Side, index: number): boolean {
  return s.capitals[index] ?? false;
}
