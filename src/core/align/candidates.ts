// Candidate search: an inverted index over the probes of the distinct unit
// texts (documents), and one scorer that ranks the documents a text's probes
// reach by IDF-weighted key overlap. Only candidates are graded with compareTexts.
import type { AlignCache, CandidateIndex } from './cache';
import type { ResolvedAlignOptions } from './options';
import { articleCount, type PreparedUnit } from './prepare';

/** Candidate pairs as two parallel arrays: prepared indices first[k] < second[k], sorted. */
export interface CandidatePairs {
  first: Int32Array;
  second: Int32Array;
}

/** Key rows as one array (compressed rows): row r is data[start[r]] … data[start[r + 1] - 1]. */
function packRows(rows: readonly Int32Array[]): { start: Int32Array; data: Int32Array } {
  const start = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) start[r + 1] = start[r] + rows[r].length;
  const data = new Int32Array(start[rows.length]);
  rows.forEach((row, r) => data.set(row, start[r]));
  return { start, data };
}

/** Postings of probe ids 0 … np - 1: the documents holding each probe, in document order (compressed rows). */
function buildPostings(probeIds: readonly Int32Array[], np: number): { start: Int32Array; postingData: Int32Array } {
  const start = new Int32Array(np + 1);
  for (const probes of probeIds) for (const k of probes) start[k + 1]++;
  for (let k = 0; k < np; k++) start[k + 1] += start[k];
  const fill = start.slice(0, np);
  const postingData = new Int32Array(start[np]);
  probeIds.forEach((probes, d) => probes.forEach((k) => (postingData[fill[k]++] = d)));
  return { start, postingData };
}

/** Document frequencies over distinct texts, as IDF weights per key id, and each document's weighted key total. */
function weighKeys(keyIds: readonly Int32Array[], nk: number): { idf: Float64Array; weight: Float64Array } {
  const nd = keyIds.length;
  const df = new Int32Array(nk);
  for (const keys of keyIds) for (const k of keys) df[k]++;
  const idf = new Float64Array(nk);
  for (let k = 0; k < nk; k++) if (df[k]) idf[k] = Math.log(1 + nd / df[k]);
  const weight = new Float64Array(nd);
  keyIds.forEach((keys, d) => (weight[d] = keys.reduce((s, k) => s + idf[k], 0)));
  return { idf, weight };
}

/** The candidate index of prepared units: identical texts (wire copies) are one document. */
export function buildCandidateIndex(prepared: readonly PreparedUnit[], articleOrder: ReadonlyMap<string, number>, cache: AlignCache): CandidateIndex {
  const docOf = new Map<string, number>();
  const docUnits: number[][] = [];
  const keyIds: Int32Array[] = [];
  const probeIds: Int32Array[] = [];
  prepared.forEach((p, i) => {
    let d = docOf.get(p.entry.identity);
    if (d === undefined) {
      docOf.set(p.entry.identity, (d = docUnits.length));
      docUnits.push([]);
      keyIds.push(p.entry.keyIds);
      probeIds.push(p.entry.probeIds);
    }
    docUnits[d].push(i);
  });
  const { idf, weight } = weighKeys(keyIds, cache.keyIdOf.size);
  const { start: keyStart, data: keyData } = packRows(keyIds);
  const { start, postingData } = buildPostings(probeIds, cache.probeIdOf.size);
  const unitArticle = Int32Array.from(prepared, (p) => p.article);
  return { nd: docUnits.length, idf, weight, keyStart, keyData, start, postingData, docOf, docUnits, units: prepared.map((p) => p.unit), unitArticle, articles: [...articleOrder.keys()] };
}

/** Scratch arrays of the scorer, reused from text to text. */
export interface ScoreScratch {
  /** 1 for the key ids of the current text. */
  own: Uint8Array;
  /** Per document: the stamp of the last text that reached it. */
  visited: Int32Array;
  /** The current text's stamp. */
  stamp: number;
  /** Hits of the current text as parallel arrays (no per-hit allocations), ranked through `order`. */
  hitDoc: Int32Array;
  /** See `hitDoc`. */
  hitOverlap: Float64Array;
  /** See `hitDoc`. */
  order: Int32Array;
}

/** Empty scratch arrays for scoring texts against an index. */
export function createScoreScratch(index: CandidateIndex): ScoreScratch {
  return { own: new Uint8Array(index.idf.length), visited: new Int32Array(index.nd).fill(-1), stamp: 0, hitDoc: new Int32Array(256), hitOverlap: new Float64Array(256), order: new Int32Array(256) };
}

/** Appends a hit to the scratch arrays (growing them when full); returns the new hit count. */
function pushHit(s: ScoreScratch, nh: number, doc: number, overlap: number): number {
  if (nh === s.hitDoc.length) {
    const grownDoc = new Int32Array(nh * 2);
    grownDoc.set(s.hitDoc);
    s.hitDoc = grownDoc;
    const grownOverlap = new Float64Array(nh * 2);
    grownOverlap.set(s.hitOverlap);
    s.hitOverlap = grownOverlap;
    s.order = new Int32Array(nh * 2);
  }
  s.hitDoc[nh] = doc;
  s.hitOverlap[nh] = overlap;
  return nh + 1;
}

/** A text to score against an index: its distinct key and probe ids, its IDF-weighted key total, and its own document (skipped; -1 for none). */
export interface ScoreQuery {
  keyIds: Int32Array;
  probeIds: Int32Array;
  weight: number;
  self: number;
}

/**
 * The one candidate scorer: the documents the text's probes reach (probes held
 * by more than maxProbeDf documents are skipped) whose IDF-weighted key overlap
 * reaches minOverlap (share of the lighter text) and whose key Dice reaches
 * minDice (or whose overlap reaches containOverlap: truncations). Returns hit
 * numbers, best overlap first (equal overlaps in the order found); `s.hitDoc`
 * gives their documents.
 */
export function rankSimilarDocs(index: CandidateIndex, q: ScoreQuery, opts: ResolvedAlignOptions, s: ScoreScratch): Int32Array {
  const { start, postingData, keyStart, keyData, idf, weight } = index;
  const { maxProbeDf, minOverlap, minDice, containOverlap } = opts;
  const { own, visited } = s;
  const stamp = s.stamp++;
  const np = start.length - 1;
  const ownKeys = q.keyIds.length;
  for (const k of q.keyIds) if (k < own.length) own[k] = 1;
  let nh = 0;
  for (const k of q.probeIds) {
    if (k >= np || start[k + 1] - start[k] > maxProbeDf) continue;
    for (let p = start[k]; p < start[k + 1]; p++) {
      const e = postingData[p];
      if (e === q.self || visited[e] === stamp) continue;
      visited[e] = stamp;
      let shared = 0;
      let sharedKeys = 0;
      const from = keyStart[e];
      const to = keyStart[e + 1];
      for (let r = from; r < to; r++) {
        const ke = keyData[r];
        if (own[ke] === 0) continue;
        shared += idf[ke];
        sharedKeys++;
      }
      const overlap = shared / Math.max(1e-9, Math.min(q.weight, weight[e]));
      const dice = (2 * sharedKeys) / Math.max(1, ownKeys + to - from);
      // compareTexts rejects pairs whose content overlap (Dice) is low, unless one side is a cut of the other
      if (overlap >= minOverlap && (dice >= minDice || overlap >= containOverlap)) nh = pushHit(s, nh, e, overlap);
    }
  }
  for (const k of q.keyIds) if (k < own.length) own[k] = 0;
  const { order, hitOverlap } = s;
  for (let h = 0; h < nh; h++) order[h] = h;
  return order.subarray(0, nh).sort((x, y) => hitOverlap[y] - hitOverlap[x] || x - y);
}

/** Counts of candidates taken per other article for the current unit (valid while `stamp[a]` is the unit's stamp), and the units taken. */
export interface ArticleTally {
  stamp: Int32Array;
  taken: Int32Array;
  now: number;
  /** The units the last pickCounterparts took. */
  picked: number[];
}

/** An empty tally over `articles` articles. */
export function createTally(articles: number): ArticleTally {
  return { stamp: new Int32Array(articles).fill(-1), taken: new Int32Array(articles), now: 0, picked: [] };
}

/**
 * The best candidates of one unit from its ranked documents: at most
 * perArticle per other article and perUnit overall. `articleOf[j]` is the
 * article of index unit j (negative: never taken). Fills `tally.picked`.
 */
export function pickCounterparts(ranked: Int32Array, hitDoc: Int32Array, index: CandidateIndex, articleOf: Int32Array, ownArticle: number, opts: ResolvedAlignOptions, tally: ArticleTally): void {
  const now = tally.now++;
  const picked = tally.picked;
  picked.length = 0;
  for (let h = 0; h < ranked.length; h++) {
    for (const j of index.docUnits[hitDoc[ranked[h]]]) {
      const a = articleOf[j];
      if (a < 0 || a === ownArticle) continue;
      if (tally.stamp[a] !== now) {
        tally.stamp[a] = now;
        tally.taken[a] = 0;
      }
      if (tally.taken[a] >= opts.perArticle) continue;
      tally.taken[a]++;
      picked.push(j);
      if (picked.length >= opts.perUnit) return;
    }
  }
}

/** A growing set of unordered pairs of prepared indices (different articles), sorted and deduplicated by `finish`. */
class PairSet {
  private keys = new Float64Array(1024);
  private count = 0;
  constructor(private readonly prepared: readonly PreparedUnit[]) {}

  /** Adds the pair {i, j} unless both units are of one article. */
  add(i: number, j: number): void {
    if (this.prepared[i].article === this.prepared[j].article) return;
    if (this.count === this.keys.length) {
      const grown = new Float64Array(this.keys.length * 2);
      grown.set(this.keys);
      this.keys = grown;
    }
    const n = this.prepared.length;
    this.keys[this.count++] = i < j ? i * n + j : j * n + i;
  }

  /** The distinct pairs, sorted. */
  finish(): CandidatePairs {
    const n = this.prepared.length;
    const sorted = this.keys.subarray(0, this.count).sort();
    const first = new Int32Array(this.count);
    const second = new Int32Array(this.count);
    let m = 0;
    for (let k = 0; k < sorted.length; k++) {
      if (k > 0 && sorted[k] === sorted[k - 1]) continue;
      first[m] = Math.floor(sorted[k] / n);
      second[m++] = sorted[k] % n;
    }
    return { first: first.subarray(0, m), second: second.subarray(0, m) };
  }
}

/**
 * Candidate pairs of prepared units (i < j, different articles) from their
 * index: units of one text pair up, and each unit takes the best few similar
 * texts per other article (see pickCounterparts).
 */
export function findCandidates(prepared: readonly PreparedUnit[], index: CandidateIndex, opts: ResolvedAlignOptions, check: () => void): CandidatePairs {
  const pairs = new PairSet(prepared);
  const scratch = createScoreScratch(index);
  const tally = createTally(articleCount(prepared));
  for (let d = 0; d < index.nd; d++) {
    check();
    const units = index.docUnits[d];
    const entry = prepared[units[0]].entry;
    const ranked = rankSimilarDocs(index, { keyIds: entry.keyIds, probeIds: entry.probeIds, weight: index.weight[d], self: d }, opts, scratch);
    // the same text in other articles
    for (let x = 0; x < units.length; x++) for (let y = x + 1; y < units.length; y++) pairs.add(units[x], units[y]);
    // similar texts: the best few per other article, at most perUnit per unit
    for (const i of units) {
      pickCounterparts(ranked, scratch.hitDoc, index, index.unitArticle, prepared[i].article, opts, tally);
      for (const j of tally.picked) pairs.add(i, j);
    }
  }
  return pairs.finish();
}
