// Result deltas: what turns the AnalysisResult a client already holds into the
// next one, so an edit of one article of thousands sends a few changed items
// instead of the whole result. Pure: no `vscode` import (the worker computes
// deltas, the client applies them).
//
// Ids are positional (`q<n>`, `c<n>`, `m<n>` numbered cluster by cluster, so a
// cluster's matches are contiguous) and an edit renumbers everything after it,
// so unchanged items are recognised by content, not by id: each array of the
// new result is a list of copy-runs from the old array and new items. A copied
// item takes the ids its position gives it (`Match.cluster` and
// `Cluster.matches` included); `diffResults` copies an item only when the new
// item is the old one apart from those ids and its ids are exactly what its
// position gives, so applying the delta always gives the new result back.
import type { AnalysisResult, ArticleSummary, Cluster, Divergence, Match, MatchSide, Quote } from '../../core/types';

/** How one array of a result becomes the next: copy-runs from the old array and new items. */
export interface ArrayDelta<T> {
  /**
   * Pairs of numbers: `[start, count]` copies old items `start … start+count-1`
   * (their ids renumbered for their new positions); `[-1, count]` takes the next
   * `count` items of `items`.
   */
  ops: number[];
  /** The new items, in order. */
  items: T[];
}

/** The four arrays of a result that deltas (and chunked transfers) carry item by item. */
export const DELTA_FIELDS = ['articles', 'quotes', 'matches', 'clusters'] as const;

/** One of DELTA_FIELDS. */
export type DeltaField = (typeof DELTA_FIELDS)[number];

/** What turns one AnalysisResult into the next. */
export interface ResultDelta {
  articles: ArrayDelta<ArticleSummary>;
  quotes: ArrayDelta<Quote>;
  matches: ArrayDelta<Match>;
  clusters: ArrayDelta<Cluster>;
  /** The new result with its four arrays empty (version, skipped, notes, key order). */
  rest: AnalysisResult;
}

/** How items of one array are recognised and renumbered. */
interface ItemRules<T> {
  /** A number or string equal for items that `same` calls equal (a look-up key; collisions only cost a copy). */
  key(item: T): number | string;
  /** Equal apart from the positional ids. */
  same(old: T, next: T): boolean;
  /** Whether the item's ids are what position `index` gives it (else it is sent whole). */
  positional(item: T, index: number): boolean;
}

/** Positional ids by index, made once and kept (checking ids allocates no strings; about 10 MB for 300,000 matches). */
function positionalIds(prefix: string): (index: number) => string {
  const ids: string[] = [];
  return (index) => {
    for (let i = ids.length; i <= index; i++) ids.push(`${prefix}${i + 1}`);
    return ids[index];
  };
}

const quoteId = positionalIds('q');
const matchId = positionalIds('m');
const clusterId = positionalIds('c');

/**
 * The fields of each item type the comparisons below look at: every field of
 * the type in core/types.ts. A field added there must be added here and to its
 * comparison (a test checks that real results carry no other field).
 */
export const COMPARED_FIELDS = {
  side: ['article', 'start', 'end', 'text', 'speaker'],
  divergence: ['type', 'substantive', 'a', 'b', 'message', 'aStart', 'aEnd', 'bStart', 'bEnd'],
  quote: ['id', 'article', 'start', 'end', 'text', 'speaker', 'partial', 'cue'],
  match: ['id', 'cluster', 'kind', 'grade', 'score', 'a', 'b', 'divergences'],
  cluster: ['id', 'kind', 'members', 'matches', 'speaker', 'substantive', 'grade'],
  article: ['id', 'file', 'title', 'length'],
} as const;

/**
 * For an optional field whose values are already known equal: both have it, or
 * neither (a copy must keep an `undefined`-valued key as it was); only an
 * undefined value needs the look-up.
 */
function sameHas(x: object, y: object, field: string): boolean {
  return (x as Record<string, unknown>)[field] !== undefined || field in x === field in y;
}

/** Same span and speaker (MatchSide or Quote fields). */
function sameSide(x: MatchSide, y: MatchSide): boolean {
  if (x === y) return true; // e.g. the sides a preview keeps from the last exact result
  return x.start === y.start && x.end === y.end && x.article === y.article && x.text === y.text && x.speaker === y.speaker && sameHas(x, y, 'speaker');
}

function sameDivergence(x: Divergence, y: Divergence): boolean {
  return (
    x.type === y.type &&
    x.substantive === y.substantive &&
    x.a === y.a &&
    x.b === y.b &&
    x.message === y.message &&
    x.aStart === y.aStart &&
    x.aEnd === y.aEnd &&
    x.bStart === y.bStart &&
    x.bEnd === y.bEnd &&
    sameHas(x, y, 'aStart') &&
    sameHas(x, y, 'aEnd') &&
    sameHas(x, y, 'bStart') &&
    sameHas(x, y, 'bEnd')
  );
}

/** Equal lists under an item comparison. */
function sameList<T>(x: readonly T[], y: readonly T[], same: (a: T, b: T) => boolean): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i] && !same(x[i], y[i])) return false;
  return true;
}

/** Quotes equal apart from their ids. */
function sameQuote(x: Quote, y: Quote): boolean {
  return sameSide(x, y) && x.partial === y.partial && x.cue === y.cue && sameHas(x, y, 'partial') && sameHas(x, y, 'cue');
}

/** Matches equal apart from `id` and `cluster`. */
function sameMatch(x: Match, y: Match): boolean {
  return x.score === y.score && x.grade === y.grade && x.kind === y.kind && sameSide(x.a, y.a) && sameSide(x.b, y.b) && sameList(x.divergences, y.divergences, sameDivergence);
}

/** Clusters equal apart from `id` and the ids in `matches` (their number counts). */
function sameCluster(x: Cluster, y: Cluster): boolean {
  return x.matches.length === y.matches.length && x.kind === y.kind && x.grade === y.grade && x.substantive === y.substantive && x.speaker === y.speaker && sameList(x.members, y.members, sameSide);
}

function sameArticle(x: ArticleSummary, y: ArticleSummary): boolean {
  return x === y || (x.id === y.id && x.title === y.title && x.length === y.length && x.file === y.file && sameHas(x, y, 'file'));
}

/** Interns article ids as small numbers (span look-up keys). */
function articleNumbers(): (id: string) => number {
  const numbers = new Map<string, number>();
  return (id) => {
    let n = numbers.get(id);
    if (n === undefined) numbers.set(id, (n = numbers.size));
    return n;
  };
}

/**
 * Cluster ids by match position, as the clusters' `matches` lists give them
 * (what a copied match's `cluster` becomes); positions no cluster names stay undefined.
 */
export function clusterOfMatches(clusters: readonly Cluster[], count: number): (string | undefined)[] {
  const steps = clusterOfMatchesSteps(clusters, count);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** clusterOfMatches in steps of a thousand clusters (sliced on the main thread). */
function* clusterOfMatchesSteps(clusters: readonly Cluster[], count: number): Generator<void, (string | undefined)[]> {
  const out: (string | undefined)[] = new Array(count);
  let offset = 0;
  for (let ci = 0; ci < clusters.length; ci++) {
    const c = clusters[ci];
    if ((ci & 1023) === 1023) yield;
    const n = c.matches.length;
    if (offset + n <= count && contiguousMatches(c, offset)) {
      // the usual case: this cluster's matches follow the previous cluster's
      for (let t = 0; t < n; t++) if (out[offset + t] === undefined) out[offset + t] = c.id;
      offset += n;
      continue;
    }
    offset += n;
    for (const id of c.matches) {
      const at = Number(id.slice(1)) - 1;
      if (id[0] === 'm' && Number.isInteger(at) && at >= 0 && at < count && out[at] === undefined) out[at] = c.id;
    }
  }
  return out;
}

/** Whether a cluster's `matches` are the contiguous ids `m<offset+1>…`. */
function contiguousMatches(c: Cluster, offset: number): boolean {
  for (let t = 0; t < c.matches.length; t++) if (c.matches[t] !== matchId(offset + t)) return false;
  return true;
}

/** The contiguous match ids of a cluster whose matches start after `offset` others. */
function matchIds(offset: number, count: number): string[] {
  const ids: string[] = new Array(count);
  for (let t = 0; t < count; t++) ids[t] = matchId(offset + t);
  return ids;
}

/** Copy-runs and new items for `next` against `old`: each next item found unchanged (by key, then `same`) is copied. */
function diffArray<T>(old: readonly T[], next: readonly T[], rules: ItemRules<T>): ArrayDelta<T> {
  const ops: number[] = [];
  const items: T[] = [];
  let index: Map<number | string, number> | undefined;
  let last = -1; // old index of the previous copy
  for (let i = 0; i < next.length; i++) {
    const item = next[i];
    let from = -1;
    if (rules.positional(item, i)) {
      if (last + 1 < old.length && rules.same(old[last + 1], item)) from = last + 1;
      else {
        if (!index) {
          index = new Map();
          for (let j = old.length - 1; j >= 0; j--) index.set(rules.key(old[j]), j); // the first of equal keys wins
        }
        const j = index.get(rules.key(item));
        if (j !== undefined && rules.same(old[j], item)) from = j;
      }
    }
    const n = ops.length;
    if (from >= 0) {
      if (n && ops[n - 2] >= 0 && ops[n - 2] + ops[n - 1] === from) ops[n - 1]++;
      else ops.push(from, 1);
      last = from;
    } else {
      if (n && ops[n - 2] < 0) ops[n - 1]++;
      else ops.push(-1, 1);
      items.push(item);
    }
  }
  return { ops, items };
}

/**
 * The delta that turns `old` into `next` (cheap: items are compared field by
 * field, only where a look-up key or the expected position pairs them).
 * applyDelta(old, diffResults(old, next)) deep-equals `next`.
 */
export function diffResults(old: AnalysisResult, next: AnalysisResult): ResultDelta {
  const article = articleNumbers();
  // a small-integer look-up key of a span (collisions only cost a copy)
  const span = (s: { article: string; start: number; end: number }) => (Math.imul(Math.imul(article(s.article), 0x9e3779b1) ^ s.start, 0x85ebca6b) ^ s.end) & 0x3fffffff;
  const articles = diffArray(old.articles, next.articles, { key: (a) => a.id, same: sameArticle, positional: () => true });
  const quotes = diffArray<Quote>(old.quotes, next.quotes, { key: span, same: sameQuote, positional: (q, i) => q.id === quoteId(i) });
  // clusters: a copy gets contiguous match ids after the matches of the clusters before it
  const offsets = new Int32Array(next.clusters.length);
  for (let i = 0, sum = 0; i < next.clusters.length; i++) {
    offsets[i] = sum;
    sum += next.clusters[i].matches.length;
  }
  const clusters = diffArray(old.clusters, next.clusters, {
    key: (c) => (c.members.length ? span(c.members[0]) ^ c.members.length : -1),
    same: sameCluster,
    positional: (c, i) => c.id === clusterId(i) && contiguousMatches(c, offsets[i]),
  });
  const clusterAt = clusterOfMatches(next.clusters, next.matches.length);
  const matches = diffArray(old.matches, next.matches, {
    key: (m) => (Math.imul(span(m.a), 0x27d4eb2d) ^ span(m.b)) & 0x3fffffff,
    same: sameMatch,
    positional: (m, i) => m.id === matchId(i) && m.cluster === clusterAt[i],
  });
  return { articles, quotes, matches, clusters, rest: emptied(next) };
}

/** A shallow copy of the result with its four arrays empty (same key order). */
export function emptied(result: AnalysisResult): AnalysisResult {
  const rest = { ...result };
  for (const field of DELTA_FIELDS) if (field in rest) (rest as unknown as Record<string, unknown[]>)[field] = [];
  return rest;
}

/** Number of new items a delta carries (0: nothing changed but, maybe, positions). */
export function deltaSize(delta: ResultDelta): number {
  return DELTA_FIELDS.reduce((n, f) => n + delta[f].items.length, 0);
}

/** Whether a delta saves work over the full result: it copies at least as many items as it sends. */
export function deltaPays(delta: ResultDelta): boolean {
  const sent = deltaSize(delta);
  const total = DELTA_FIELDS.reduce((n, f) => n + lengthAfter(delta[f]), 0);
  return total - sent >= sent;
}

/** Number of items the array has after applying its delta. */
function lengthAfter(delta: ArrayDelta<unknown>): number {
  let n = 0;
  for (let p = 1; p < delta.ops.length; p += 2) n += delta.ops[p];
  return n;
}

/**
 * Builds one array of the new result from the old array and its delta, item
 * by item: `take(item, index, copied)` gives what goes at `index` (a copy of an
 * old item renumbered, or a new item as it is); yields every few thousand
 * items so the caller can slice the work.
 */
function* applyArray<T>(old: readonly T[], delta: ArrayDelta<T>, take: (item: T, index: number, copied: boolean) => T): Generator<void, T[]> {
  const out: T[] = [];
  let fresh = 0;
  for (let p = 0; p < delta.ops.length; p += 2) {
    const start = delta.ops[p];
    const count = delta.ops[p + 1];
    const copied = start >= 0;
    if (copied ? start + count > old.length : fresh + count > delta.items.length) throw new Error('result delta: a run past the end of its items (wrong base?)');
    for (let t = 0; t < count; t++) {
      out.push(take(copied ? old[start + t] : delta.items[fresh++], out.length, copied));
      if ((out.length & 2047) === 0) yield;
    }
  }
  return out;
}

/**
 * Steps that build the new result from `old` and a delta (never mutating
 * `old`: unchanged items whose ids stay are shared, renumbered ones are
 * copies); the generator's value is the new result. Each step is a few
 * thousand items (run with `drain` or sliced across event-loop turns).
 */
export function* applyDeltaSteps(old: AnalysisResult, delta: ResultDelta): Generator<void, AnalysisResult> {
  const articles = yield* applyArray(old.articles, delta.articles, (a) => a);
  const quotes = yield* applyArray(old.quotes, delta.quotes, (q, i, copied) => (!copied || q.id === quoteId(i) ? q : { ...q, id: quoteId(i) }));
  let offset = 0; // matches of the clusters before this one
  const clusters = yield* applyArray(old.clusters, delta.clusters, (c, i, copied) => {
    const out = !copied || (c.id === clusterId(i) && contiguousMatches(c, offset)) ? c : { ...c, id: clusterId(i), matches: matchIds(offset, c.matches.length) };
    offset += c.matches.length;
    return out;
  });
  const clusterAt = yield* clusterOfMatchesSteps(clusters, lengthAfter(delta.matches));
  const matches = yield* applyArray(old.matches, delta.matches, (m, i, copied) => (!copied || (m.id === matchId(i) && m.cluster === clusterAt[i]) ? m : { ...m, id: matchId(i), cluster: clusterAt[i]! }));
  // the arrays take the places the new result gave them (key order)
  const result = { ...delta.rest };
  const arrays: Record<DeltaField, unknown[]> = { articles, quotes, matches, clusters };
  for (const field of DELTA_FIELDS) if (field in result) (result as unknown as Record<string, unknown[]>)[field] = arrays[field];
  return result;
}
