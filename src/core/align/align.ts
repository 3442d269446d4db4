// Cross-source alignment: finds units (sentences, quote sentences) of
// different articles that say the same thing. Candidates come from an
// inverted index over IDF-weighted keys (stems, news-domain concepts,
// WordNet synsets, numbers); only candidates are graded with compareTexts.
// Matches are then clustered transitively (union-find).
import { Cluster, Divergence, Grade, Match, MatchSide, Unit } from '../types';
import { tokenize, normalizeString } from '../text/normalize';
import { stemWord, lemmatize } from '../lexicon/morphology';
import { domainConcepts } from '../lexicon/domains';
import { synsetsOf } from '../lexicon/synonyms';
import { CANNOT_MATCH, matchTexts, weakerGrade } from '../compare/compare';
import { releaseSideTexts } from '../compare/divergence';
import { Comparison } from '../types';
import { rememberBounded } from '../util/memo';

/** Counters of one alignment run (for benchmarks and profiling). */
export interface AlignStats {
  /** Units that took part (no boilerplate, one copy per article). */
  units: number;
  /** Candidate pairs from the index. */
  candidates: number;
  /** compareTexts calls (text pairs not already in the cache). */
  compared: number;
  /** Candidates graded as saying the same thing. */
  graded: number;
  /** compareTexts calls that graded the pair as saying the same thing. */
  comparedSame: number;
}

/**
 * Memo tables kept between alignment runs (incremental re-analysis): index keys
 * per text and comparisons per (text, text, speakers). compareTexts is pure, so
 * reusing them never changes a result; an edited article only costs its own texts.
 */
export interface AlignCache {
  /** Per unit text: its key and probe ids, identity key and a small id (for short comparison keys). */
  keys: Map<string, TextEntry>;
  /** compareTexts results by `${idA},${idB},${speakerA}\0${speakerB}` (ids from `keys`); pairs that cannot match whatever the speakers by `${idA},${idB}`. */
  comparisons: Map<string, Comparison>;
  /** Integer ids of overlap keys. */
  keyIdOf: Map<string, number>;
  /** Integer ids of probes, by probe code (see `probeCode`). */
  probeIdOf: Map<number, number>;
  /** Integer ids of identity keys. */
  identityIdOf: Map<string, number>;
  /** Per content word: its stem and the ids (keyIdOf) of its keys, stem first (see wordKeysOf). */
  wordIds: Map<string, WordKeyIds>;
  /** The candidate index of the last completed alignment (for previewAlignment); dropped when the key ids are reset. */
  frozen?: FrozenIndex;
}

/** A content word's stem and the ids of its index keys (stem, domain concepts, top synsets). */
export interface WordKeyIds {
  /** The word's stem (probes pair consecutive stems). */
  stem: string;
  /** Key ids, the stem's first. */
  ids: Int32Array;
}

/**
 * The candidate index of one completed alignment, kept frozen for quick
 * previews: IDF weights, probe postings and the units of each distinct text.
 */
export interface FrozenIndex {
  /** Distinct texts (documents) indexed. */
  nd: number;
  /** IDF by key id (0 for keys no document held). */
  idf: Float64Array;
  /** IDF-weighted key total per document. */
  weight: number[];
  /** Key ids per document. */
  keyIds: Int32Array[];
  /** Probe postings: documents of probe k are postingData[start[k]] … postingData[start[k + 1] - 1]. */
  start: Int32Array;
  /** See `start`. */
  postingData: Int32Array;
  /** Document of each identity key. */
  docOf: Map<string, number>;
  /** The units of each document. */
  docUnits: Unit[][];
}

/** Thrown when an analysis is cancelled (its `isCancelled` callback returned true). */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** Calls `isCancelled` every 64th time and throws AnalysisCancelled when it says so. */
export function cancellationCheck(isCancelled?: () => boolean): () => void {
  if (!isCancelled) return () => {};
  let n = 0;
  return () => {
    if ((++n & 63) === 0 && isCancelled()) throw new AnalysisCancelled();
  };
}

/** Entries an AlignCache table may hold before it is emptied (bounds memory). */
const CACHE_LIMIT = 400_000;

/** What is remembered of one unit text. */
export interface TextEntry {
  /** identityKey of the text. */
  identity: string;
  /** Ids of the text's overlap keys (AlignCache.keyIdOf; see unitKeySets), distinct, in order of first appearance. */
  keyIds: Int32Array;
  /** Ids of the text's probes (AlignCache.probeIdOf; see unitKeySets), distinct, in order of first appearance. */
  probeIds: Int32Array;
  /** Id of the text, unique within the cache. */
  id: number;
  /** Small integer id of `identity` (AlignCache.identityIdOf). */
  identityId: number;
  /** Whether the text has a letter or digit (texts without one are never matched). */
  wordy: boolean;
}

/** A new, empty AlignCache. */
export function createAlignCache(): AlignCache {
  return { keys: new Map(), comparisons: new Map(), keyIdOf: new Map(), probeIdOf: new Map(), identityIdOf: new Map(), wordIds: new Map() };
}

/** Tuning of the candidate search. */
export interface AlignOptions {
  /** Minimum IDF-weighted key overlap (share of the lighter unit) for a candidate. */
  minOverlap?: number;
  /** Candidates graded per (unit, other article). */
  perArticle?: number;
  /** Candidates graded per unit overall (the best by key overlap). */
  perUnit?: number;
  /** Probe keys (stem pairs, numbers) held by more distinct texts than this are too common to look candidates up. */
  maxProbeDf?: number;
  /** Polled during the run; returning true stops it with AnalysisCancelled. */
  isCancelled?: () => boolean;
  /** Minimum Dice overlap of key sets (shared keys over both units' mean) for a candidate, unless its minOverlap share reaches `containOverlap`. */
  minDice?: number;
  /** A pair whose lighter unit is this much contained in the other stays a candidate whatever its Dice (truncations). */
  containOverlap?: number;
}

const DEFAULTS: Required<Omit<AlignOptions, 'isCancelled'>> = { minOverlap: 0.25, perArticle: 2, perUnit: 24, maxProbeDf: 100, minDice: 0.3, containOverlap: 0.7 };

const STOP = new Set('a an the and or but of to in on at by for with from as is are was were be been has have had it its this that these those he she they we i you his her their our which who will would can could not no said says also than then there'.split(' '));

/** Per content word: its stem, then its domain concepts and top two WordNet synsets (the keys unitKeySets adds for it, in order). */
const wordKeysCache = new Map<string, string[]>();

/** The keys of one content word, memoised: `[stem, ...domain concepts, ...top two synsets]`. */
function wordKeysOf(norm: string): string[] {
  let wk = wordKeysCache.get(norm);
  if (wk) return wk;
  wk = [stemWord(norm), ...domainConcepts(lemmatize(norm))];
  let n = 0;
  for (const s of synsetsOf(norm)) {
    wk.push(s);
    if (++n >= 2) break;
  }
  return rememberBounded(wordKeysCache, norm, wk, CACHE_LIMIT);
}

/** Probe codes: consecutive stems with key ids p, q give p × PAIR_SPAN + q; a number or a lone stem with key id k gives -(k + 1). */
const PAIR_SPAN = 16777216;

/** The integer id of a string in `ids`, assigning new ones in order. */
function idOf(key: string, ids: Map<string, number>): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** A content word's stem and key ids in this cache (memoised per cache). */
function wordIdsOf(norm: string, cache: AlignCache): WordKeyIds {
  const known = cache.wordIds.get(norm);
  if (known) return known;
  const keys = wordKeysOf(norm);
  const ids = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) ids[i] = idOf(keys[i], cache.keyIdOf);
  return rememberBounded(cache.wordIds, norm, { stem: keys[0], ids }, CACHE_LIMIT);
}

/** Key ids already taken for the current text are stamped with `keyStampNow`. */
let keyStamp = new Int32Array(4096);
let keyStampNow = 0;

/**
 * A text's index keys, as ids of this cache: `keyIds` (stems, domain concepts, top WordNet
 * synsets and numbers of its content words) measure overlap; `probeIds` (pairs of consecutive
 * content-word stems, numbers; a lone stem when there is no pair) are rarer and look candidates
 * up in the index, as passim and Dolos do with n-grams. Both distinct, in order of first appearance.
 */
export function unitKeySets(text: string, cache: AlignCache): { keyIds: Int32Array; probeIds: Int32Array } {
  const keys: number[] = [];
  const probes = new Set<number>();
  const stampNow = ++keyStampNow;
  const addKey = (k: number) => {
    if (k >= keyStamp.length) {
      const grown = new Int32Array(Math.max(k + 1, keyStamp.length * 2));
      grown.set(keyStamp);
      keyStamp = grown;
    }
    if (keyStamp[k] === stampNow) return;
    keyStamp[k] = stampNow;
    keys.push(k);
  };
  let prev = '';
  let prevId = -1;
  for (const t of tokenize(text)) {
    if (t.kind === 'number') {
      const k = idOf(`#${t.norm.replace(/[$,]/g, '')}`, cache.keyIdOf);
      addKey(k);
      probes.add(-(k + 1));
      continue;
    }
    if (t.kind !== 'word' || STOP.has(t.norm) || t.norm.length < 2) continue;
    const word = wordIdsOf(t.norm, cache);
    const stemId = word.ids[0];
    addKey(stemId);
    if (prev) probes.add(prevId * PAIR_SPAN + stemId);
    prev = word.stem;
    prevId = stemId;
    for (let i = 1; i < word.ids.length; i++) addKey(word.ids[i]);
  }
  if (probes.size === 0 && prev) probes.add(-(prevId + 1));
  const probeIds = new Int32Array(probes.size);
  let i = 0;
  for (const code of probes) {
    let id = cache.probeIdOf.get(code);
    if (id === undefined) cache.probeIdOf.set(code, (id = cache.probeIdOf.size));
    probeIds[i++] = id;
  }
  return { keyIds: Int32Array.from(keys), probeIds };
}

/** A text's identity key within one article (typography, case, whitespace and edge punctuation folded). */
export function identityKey(text: string): string {
  return normalizeString(text).replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
}

interface Prepared {
  unit: Unit;
  index: number;
  article: number;
  keyIds: Int32Array;
  probeIds: Int32Array;
  identity: string;
  textId: number;
}

/** Simple union-find over integer ids: a set's root is its smallest id. */
class UnionFind {
  private parent = new Int32Array(0);
  find(x: number): number {
    const parent = this.parent;
    if (x >= parent.length) return x;
    while (parent[x] !== x) {
      const p = parent[x];
      parent[x] = parent[p];
      x = p;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    const high = Math.max(ra, rb);
    if (high >= this.parent.length) {
      const grown = new Int32Array(Math.max(high + 1, this.parent.length * 2));
      grown.set(this.parent);
      for (let k = this.parent.length; k < grown.length; k++) grown[k] = k;
      this.parent = grown;
    }
    this.parent[high] = Math.min(ra, rb);
  }
}

let nextTextId = 0;

/** The cache entry of a text, computed once. */
function textEntry(text: string, cache: AlignCache): TextEntry {
  let entry = cache.keys.get(text);
  if (!entry) {
    if (cache.keys.size >= CACHE_LIMIT || cache.keyIdOf.size >= PAIR_SPAN / 2) {
      cache.keys.clear();
      cache.comparisons.clear();
      cache.keyIdOf.clear();
      cache.probeIdOf.clear();
      cache.identityIdOf.clear();
      cache.wordIds.clear();
      cache.frozen = undefined;
    }
    const { keyIds, probeIds } = unitKeySets(text, cache);
    const identity = identityKey(text);
    const identityId = idOf(identity, cache.identityIdOf);
    entry = { identity, identityId, wordy: /[\p{L}\p{N}]/u.test(text), id: nextTextId++, keyIds, probeIds };
    cache.keys.set(text, entry);
  }
  return entry;
}

/** Prepares the matchable units: no boilerplate, no empty ones, one copy of a sentence repeated in an article. */
function prepareUnits(units: Unit[], cache: AlignCache, check: () => void): { prepared: Prepared[]; articleOrder: Map<string, number> } {
  const articleOrder = new Map<string, number>();
  // (article, identity) pairs seen, as numbers: article index × 2^26 + identity id
  const seen = new Set<number>();
  const prepared: Prepared[] = [];
  let lastArticle: string | undefined;
  let article = -1;
  units.forEach((unit, index) => {
    check();
    if (unit.article !== lastArticle) {
      lastArticle = unit.article;
      let a = articleOrder.get(unit.article);
      if (a === undefined) articleOrder.set(unit.article, (a = articleOrder.size));
      article = a;
    }
    if (unit.boilerplate) return;
    const entry = textEntry(unit.text, cache);
    if (!entry.wordy) return;
    const id = article * 67108864 + entry.identityId;
    if (seen.has(id)) return;
    seen.add(id);
    prepared.push({ unit, index, article, keyIds: entry.keyIds, probeIds: entry.probeIds, identity: entry.identity, textId: entry.id });
  });
  return { prepared, articleOrder };
}

/** Candidate pairs as two parallel arrays: prepared indices first[k] < second[k], sorted. */
interface CandidatePairs {
  first: Int32Array;
  second: Int32Array;
}

/** Candidate pairs (indices into prepared, i < j, different articles) from the inverted index. */
function findCandidates(prepared: Prepared[], opts: typeof DEFAULTS, check: () => void, cache: AlignCache): CandidatePairs & { frozen: () => FrozenIndex } {
  // identical texts (wire copy) are indexed once: one doc per distinct identity key
  const docOf = new Map<string, number>();
  const docUnits: number[][] = [];
  const keyIds: Int32Array[] = [];
  const probeIds: Int32Array[] = [];
  prepared.forEach((p, i) => {
    const key = p.identity;
    let d = docOf.get(key);
    if (d === undefined) {
      docOf.set(key, (d = docUnits.length));
      docUnits.push([]);
      keyIds.push(p.keyIds);
      probeIds.push(p.probeIds);
    }
    docUnits[d].push(i);
  });
  // document frequencies and IDF weights (over distinct texts); key ids come from the cache
  const nd = docUnits.length;
  const nk = cache.keyIdOf.size;
  const df = new Int32Array(nk);
  for (const keys of keyIds) for (const k of keys) df[k]++;
  const idf = new Float64Array(nk);
  for (let k = 0; k < nk; k++) if (df[k]) idf[k] = Math.log(1 + nd / df[k]);
  const weight = keyIds.map((keys) => keys.reduce((s, k) => s + idf[k], 0));
  // every document's key ids in one array (compressed rows): the scoring loop reads them in sequence
  const keyStart = new Int32Array(nd + 1);
  for (let d = 0; d < nd; d++) keyStart[d + 1] = keyStart[d] + keyIds[d].length;
  const keyData = new Int32Array(keyStart[nd]);
  keyIds.forEach((keys, d) => keyData.set(keys, keyStart[d]));
  const docWeight = Float64Array.from(weight);
  const { maxProbeDf, minOverlap, minDice, containOverlap } = opts;
  // postings over probe keys only (compressed rows); the commonest (stock phrases, wire boilerplate) are suppressed
  const np = cache.probeIdOf.size;
  const start = new Int32Array(np + 1);
  for (const probes of probeIds) for (const k of probes) start[k + 1]++;
  for (let k = 0; k < np; k++) start[k + 1] += start[k];
  const fill = start.slice(0, np);
  const postingData = new Int32Array(start[np]);
  probeIds.forEach((probes, d) => probes.forEach((k) => (postingData[fill[k]++] = d)));
  // 1 for the keys of the current document
  const own = new Uint8Array(nk);
  const visited = new Int32Array(nd).fill(-1);
  // hits of the current doc as parallel arrays (no per-doc tuple allocations), ranked through `order`
  let hitDoc = new Int32Array(256);
  let hitOverlap = new Float64Array(256);
  let order = new Int32Array(256);
  // candidates taken per other article for the current unit: counts valid while articleStamp matches
  const articleCount = prepared.reduce((m, p) => Math.max(m, p.article + 1), 0);
  const articleStamp = new Int32Array(articleCount).fill(-1);
  const articleTaken = new Int32Array(articleCount);
  let unitStamp = 0;
  const n = prepared.length;
  // pair keys i * n + j (i < j) in a growable typed array; sorted and deduplicated at the end
  let pairKeys = new Float64Array(1024);
  let count = 0;
  const add = (i: number, j: number) => {
    if (prepared[i].article === prepared[j].article) return;
    if (count === pairKeys.length) {
      const grown = new Float64Array(pairKeys.length * 2);
      grown.set(pairKeys);
      pairKeys = grown;
    }
    pairKeys[count++] = i < j ? i * n + j : j * n + i;
  };
  for (let d = 0; d < nd; d++) {
    check();
    const ownKeys = keyStart[d + 1] - keyStart[d];
    for (let q = keyStart[d]; q < keyStart[d + 1]; q++) own[keyData[q]] = 1;
    const ownWeight = docWeight[d];
    let nh = 0;
    for (const k of probeIds[d]) {
      if (start[k + 1] - start[k] > maxProbeDf) continue;
      for (let p = start[k]; p < start[k + 1]; p++) {
        const e = postingData[p];
        if (e === d || visited[e] === d) continue;
        visited[e] = d;
        let shared = 0;
        let sharedKeys = 0;
        const from = keyStart[e];
        const to = keyStart[e + 1];
        for (let q = from; q < to; q++) {
          const ke = keyData[q];
          if (own[ke] === 0) continue;
          shared += idf[ke];
          sharedKeys++;
        }
        const overlap = shared / Math.max(1e-9, Math.min(ownWeight, docWeight[e]));
        const dice = (2 * sharedKeys) / Math.max(1, ownKeys + to - from);
        // compareTexts rejects pairs whose content overlap (Dice) is low, unless one side is a cut of the other
        if (overlap >= minOverlap && (dice >= minDice || overlap >= containOverlap)) {
          if (nh === hitDoc.length) {
            const grownDoc = new Int32Array(nh * 2);
            grownDoc.set(hitDoc);
            hitDoc = grownDoc;
            const grownOverlap = new Float64Array(nh * 2);
            grownOverlap.set(hitOverlap);
            hitOverlap = grownOverlap;
            order = new Int32Array(nh * 2);
          }
          hitDoc[nh] = e;
          hitOverlap[nh++] = overlap;
        }
      }
    }
    for (let q = keyStart[d]; q < keyStart[d + 1]; q++) own[keyData[q]] = 0;
    // best overlap first; equal overlaps in the order found (a stable sort)
    for (let h = 0; h < nh; h++) order[h] = h;
    const ranked = order.subarray(0, nh).sort((x, y) => hitOverlap[y] - hitOverlap[x] || x - y);
    const units = docUnits[d];
    // the same text in other articles
    for (let x = 0; x < units.length; x++) for (let y = x + 1; y < units.length; y++) add(units[x], units[y]);
    // similar texts: the best few per other article, at most perUnit per unit
    for (const i of units) {
      const stampNow = unitStamp++;
      let taken = 0;
      for (let h = 0; h < nh; h++) {
        for (const j of docUnits[hitDoc[ranked[h]]]) {
          const a = prepared[j].article;
          if (a === prepared[i].article) continue;
          if (articleStamp[a] !== stampNow) {
            articleStamp[a] = stampNow;
            articleTaken[a] = 0;
          }
          if (articleTaken[a] >= opts.perArticle) continue;
          articleTaken[a]++;
          add(i, j);
          if (++taken >= opts.perUnit) break;
        }
        if (taken >= opts.perUnit) break;
      }
    }
  }
  const sorted = pairKeys.subarray(0, count).sort();
  const first = new Int32Array(count);
  const second = new Int32Array(count);
  let m = 0;
  for (let k = 0; k < count; k++) {
    if (k > 0 && sorted[k] === sorted[k - 1]) continue;
    first[m] = Math.floor(sorted[k] / n);
    second[m++] = sorted[k] % n;
  }
  const frozen = (): FrozenIndex => ({ nd, idf, weight, keyIds, start, postingData, docOf, docUnits: docUnits.map((list) => list.map((i) => prepared[i].unit)) });
  return { first: first.subarray(0, m), second: second.subarray(0, m), frozen };
}

function shiftDivergence(d: Divergence, aOffset: number, bOffset: number): Divergence {
  const out = { ...d };
  if (out.aStart !== undefined) out.aStart += aOffset;
  if (out.aEnd !== undefined) out.aEnd += aOffset;
  if (out.bStart !== undefined) out.bStart += bOffset;
  if (out.bEnd !== undefined) out.bEnd += bOffset;
  return out;
}

function sideOf(u: Unit): MatchSide {
  return { article: u.article, start: u.start, end: u.end, text: u.text, speaker: u.speaker ?? null };
}

const GRADE_RANK: Record<Grade, number> = { verbatim: 0, edited: 1, truncated: 2, reworded: 3 };

/**
 * Aligns units across articles: candidates from an index, graded with
 * compareTexts (speakers as context), at most one counterpart per (unit,
 * other article), clustered transitively. Divergence offsets are absolute.
 */
export function alignUnits(units: Unit[], options: AlignOptions = {}, stats?: AlignStats, given?: AlignCache): { matches: Match[]; clusters: Cluster[] } {
  const cache = given ?? createAlignCache();
  const opts = { ...DEFAULTS, ...options };
  const check = cancellationCheck(options.isCancelled);
  const { prepared } = prepareUnits(units, cache, check);
  const candidates = findCandidates(prepared, opts, check, cache);
  const counts = { compared: 0, comparedSame: 0 };
  const compare = (a: Unit, b: Unit) => compareUnits(a, b, cache, counts);
  const graded: { i: number; j: number; cmp: Comparison }[] = [];
  for (let k = 0; k < candidates.first.length; k++) {
    const i = candidates.first[k];
    const j = candidates.second[k];
    check();
    const cmp = compareUnits(prepared[i].unit, prepared[j].unit, cache, counts, prepared[i].textId, prepared[j].textId);
    if (cmp.grade) graded.push({ i, j, cmp });
  }
  // the comparisons are done: the texts prepared for them are not needed for building the result
  releaseSideTexts();
  if (stats) Object.assign(stats, { units: prepared.length, candidates: candidates.first.length, graded: graded.length, ...counts });
  // the run is complete (no more cancellation points): its index serves previews until the next one (kept only in a caller's cache)
  if (given) cache.frozen = candidates.frozen();
  // one best counterpart per (unit, other article), best pairs first
  graded.sort((x, y) => y.cmp.score - x.cmp.score || GRADE_RANK[x.cmp.grade!] - GRADE_RANK[y.cmp.grade!] || x.i - y.i || x.j - y.j);
  const taken = new Set<number>();
  const accepted: typeof graded = [];
  const articles = prepared.reduce((n, p) => Math.max(n, p.article + 1), 0);
  for (const g of graded) {
    const ka = g.i * articles + prepared[g.j].article; // (unit, other article)
    const kb = g.j * articles + prepared[g.i].article;
    if (taken.has(ka) || taken.has(kb)) continue;
    taken.add(ka);
    taken.add(kb);
    accepted.push(g);
  }
  return buildClusters(prepared, accepted, compare);
}

/** The cached stand-in for every comparison that found no match. */
const NO_MATCH: Comparison = Object.freeze({ grade: null, score: 0, divergences: [] }) as unknown as Comparison;

/**
 * compareTexts on two units (speakers as context), through the cache. A text pair that cannot
 * match whatever the speakers (CANNOT_MATCH) is remembered once, under `${idA},${idB}` alone.
 */
function compareUnits(a: Unit, b: Unit, cache: AlignCache, counts: { compared: number; comparedSame: number }, idA = textEntry(a.text, cache).id, idB = textEntry(b.text, cache).id): Comparison {
  const pair = `${idA},${idB}`;
  if (cache.comparisons.get(pair) === CANNOT_MATCH) return CANNOT_MATCH;
  const key = `${pair},${a.speaker ?? ''}\u0000${b.speaker ?? ''}`;
  let cmp = cache.comparisons.get(key);
  if (!cmp) {
    cmp = matchTexts(a.text, b.text, { speakerA: a.speaker, speakerB: b.speaker });
    if (cache.comparisons.size >= CACHE_LIMIT) cache.comparisons.clear();
    // pairs that do not match are only ever asked "do you match?": keep no divergences for them
    if (cmp === CANNOT_MATCH) cache.comparisons.set(pair, cmp);
    else cache.comparisons.set(key, cmp.grade ? cmp : NO_MATCH);
    counts.compared++;
    if (cmp.grade) counts.comparedSame++;
  }
  return cmp;
}

/** Union-find clusters, ordered by first appearance; assigns `c<n>` and `m<n>` ids. */
function buildClusters(prepared: Prepared[], accepted: { i: number; j: number; cmp: Comparison }[], compare: (a: Unit, b: Unit) => Comparison): { matches: Match[]; clusters: Cluster[] } {
  // position of each unit (article order, then start): ordering by it is ordering by (article, start)
  const pos = new Float64Array(prepared.length);
  prepared.forEach((p, i) => (pos[i] = p.article * 4294967296 + p.unit.start));
  const byPos = (x: number, y: number) => pos[x] - pos[y];
  // one side object per unit, shared by its matches and its cluster's members (equal content; less memory)
  const sides: MatchSide[] = new Array(prepared.length);
  const sideAt = (i: number) => sides[i] ?? (sides[i] = sideOf(prepared[i].unit));
  const uf = new UnionFind();
  for (const g of accepted) uf.union(g.i, g.j);
  // each cluster's matches (in accepted order) and members (in order of first mention, then by position)
  const groups = new Map<number, { list: number[]; members: number[] }>();
  const memberOf = new Int32Array(prepared.length).fill(-1);
  accepted.forEach((g, k) => {
    const root = uf.find(g.i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { list: [], members: [] }));
    group.list.push(k);
    for (const u of [g.i, g.j]) {
      if (memberOf[u] === root) continue;
      memberOf[u] = root;
      group.members.push(u);
    }
  });
  const ordered = [...groups.values()];
  for (const group of ordered) group.members.sort(byPos);
  ordered.sort((x, y) => byPos(x.members[0], y.members[0]));
  const matches: Match[] = [];
  const clusters: Cluster[] = [];
  ordered.forEach(({ list, members }, ci) => {
    const clusterId = `c${ci + 1}`;
    // each match with its earlier side first, sorted by that side, then the other
    const sortedMatches = list
      .map((k) => {
        const g = accepted[k];
        return pos[g.i] <= pos[g.j] ? g : { i: g.j, j: g.i, cmp: g.cmp, swapped: true };
      })
      .sort((x, y) => byPos(x.i, y.i) || byPos(x.j, y.j));
    const ids: string[] = [];
    let grade: Grade = 'verbatim';
    let substantive = 0;
    let kind: 'quote' | 'passage' = 'passage';
    for (const g of sortedMatches) {
      const ua = prepared[g.i].unit;
      const ub = prepared[g.j].unit;
      let cmp = g.cmp;
      if ((g as { swapped?: boolean }).swapped) cmp = compare(ua, ub);
      const id = `m${matches.length + 1}`;
      const matchKind = ua.kind === 'quote' || ub.kind === 'quote' ? 'quote' : 'passage';
      if (matchKind === 'quote') kind = 'quote';
      const divergences = cmp.divergences.map((d) => shiftDivergence(d, ua.start, ub.start));
      matches.push({ id, cluster: clusterId, kind: matchKind, grade: cmp.grade!, score: cmp.score, a: sideAt(g.i), b: sideAt(g.j), divergences });
      ids.push(id);
      grade = weakerGrade(grade, cmp.grade!);
      for (const d of divergences) if (d.substantive) substantive++;
    }
    // at most one span per article: the first one
    const memberSides: MatchSide[] = [];
    let lastArticle = -1;
    for (const i of members) {
      if (prepared[i].article === lastArticle) continue;
      lastArticle = prepared[i].article;
      memberSides.push(sideAt(i));
    }
    const speakers = [...new Set(memberSides.map((s) => s.speaker).filter((s): s is string => !!s))];
    clusters.push({ id: clusterId, kind, members: memberSides, matches: ids, speaker: speakers.length === 1 ? speakers[0] : null, substantive, grade });
  });
  return { matches, clusters };
}

/** A unit of a changed article, prepared for previewAlignment. */
interface FreshUnit {
  unit: Unit;
  entry: TextEntry;
  article: number;
}

/** Position key of a span: article order × 2^26 + start (orders spans as buildClusters does). */
function spanKey(article: number, start: number): number {
  return article * 67108864 + start;
}

/**
 * A quick alignment after some articles changed (phase 1 of an update). The
 * candidate index and IDF weights of the last completed alignUnits run on this
 * cache stay frozen; only the units of `changed` articles look candidates up,
 * are graded and take counterparts; every match between unchanged articles is
 * kept from `previous` (span texts sliced again from `texts`), and clusters are
 * rebuilt. Not always what alignUnits would give (weights are stale, other
 * units do not re-rank their candidates, changed articles are not compared
 * with each other beyond identical texts): a full run afterwards gives the
 * exact result. Undefined when the cache holds no completed run's index.
 */
export function previewAlignment(
  units: Unit[],
  changed: ReadonlySet<string>,
  previous: readonly Match[],
  texts: ReadonlyMap<string, string>,
  cache: AlignCache,
  options: AlignOptions = {},
): { matches: Match[]; clusters: Cluster[] } | undefined {
  const frozen = cache.frozen;
  if (!frozen) return undefined;
  const opts = { ...DEFAULTS, ...options };
  const check = cancellationCheck(options.isCancelled);
  // articles numbered by first appearance, as prepareUnits does
  const articleOrder = new Map<string, number>();
  for (const u of units) if (!articleOrder.has(u.article)) articleOrder.set(u.article, articleOrder.size);
  const fresh: FreshUnit[] = [];
  const seen = new Set<number>();
  for (const unit of units) {
    if (unit.boilerplate || !changed.has(unit.article)) continue;
    const entry = textEntry(unit.text, cache);
    if (!entry.wordy) continue;
    const article = articleOrder.get(unit.article)!;
    const id = article * 67108864 + entry.identityId;
    if (seen.has(id)) continue;
    seen.add(id);
    fresh.push({ unit, entry, article });
  }
  if (cache.frozen !== frozen) return undefined; // the key ids were reset meanwhile
  // articles whose units and matches are kept: unchanged and still in the corpus (one look-up per side)
  const kept = new Map<string, boolean>();
  for (const id of articleOrder.keys()) kept.set(id, !changed.has(id));
  const usable = (u: { article: string }) => kept.get(u.article) === true;
  const pairs: { x: FreshUnit; other: Unit; otherArticle: number }[] = [];
  const np = frozen.start.length - 1;
  const newKeyIdf = Math.log(1 + frozen.nd);
  const idfOf = (k: number) => (k < frozen.idf.length && frozen.idf[k] > 0 ? frozen.idf[k] : newKeyIdf);
  fresh.forEach((x) => {
    check();
    const own = new Set(x.entry.keyIds);
    let weight = 0;
    for (const k of x.entry.keyIds) weight += idfOf(k);
    const same = frozen.docOf.get(x.entry.identity);
    const visited = new Set<number>();
    const hits: { doc: number; overlap: number }[] = [];
    for (const k of x.entry.probeIds) {
      if (k >= np || frozen.start[k + 1] - frozen.start[k] > opts.maxProbeDf) continue;
      for (let p = frozen.start[k]; p < frozen.start[k + 1]; p++) {
        const e = frozen.postingData[p];
        if (e === same || visited.has(e)) continue;
        visited.add(e);
        let shared = 0;
        let sharedKeys = 0;
        for (const ke of frozen.keyIds[e]) {
          if (!own.has(ke)) continue;
          shared += idfOf(ke);
          sharedKeys++;
        }
        const overlap = shared / Math.max(1e-9, Math.min(weight, frozen.weight[e]));
        const dice = (2 * sharedKeys) / Math.max(1, own.size + frozen.keyIds[e].length);
        if (overlap >= opts.minOverlap && (dice >= opts.minDice || overlap >= opts.containOverlap)) hits.push({ doc: e, overlap });
      }
    }
    hits.sort((a, b) => b.overlap - a.overlap); // stable: equal overlaps in the order found
    // the same text in other articles, then the best few similar texts per other article
    if (same !== undefined) for (const u of frozen.docUnits[same]) if (usable(u)) pairs.push({ x, other: u, otherArticle: articleOrder.get(u.article)! });
    const perArticle = new Map<number, number>();
    let taken = 0;
    for (const h of hits) {
      for (const u of frozen.docUnits[h.doc]) {
        if (!usable(u)) continue;
        const a = articleOrder.get(u.article)!;
        const n = perArticle.get(a) ?? 0;
        if (n >= opts.perArticle) continue;
        perArticle.set(a, n + 1);
        pairs.push({ x, other: u, otherArticle: a });
        if (++taken >= opts.perUnit) break;
      }
      if (taken >= opts.perUnit) break;
    }
  });
  // identical texts in two changed articles
  const byIdentity = new Map<number, FreshUnit[]>();
  for (const x of fresh) {
    const list = byIdentity.get(x.entry.identityId);
    if (list) {
      for (const y of list) if (y.article !== x.article) pairs.push({ x, other: y.unit, otherArticle: y.article });
      list.push(x);
    } else byIdentity.set(x.entry.identityId, [x]);
  }
  // grade each pair in article order (the orientation alignUnits compares and reports it in)
  const counts = { compared: 0, comparedSame: 0 };
  const graded: { a: Unit; b: Unit; ka: number; kb: number; aArticle: number; bArticle: number; cmp: Comparison }[] = [];
  for (const { x, other, otherArticle } of pairs) {
    check();
    const forward = x.article < otherArticle;
    const [a, b] = forward ? [x.unit, other] : [other, x.unit];
    const [aArticle, bArticle] = forward ? [x.article, otherArticle] : [otherArticle, x.article];
    const cmp = compareUnits(a, b, cache, counts);
    if (cmp.grade) graded.push({ a, b, aArticle, bArticle, ka: spanKey(aArticle, a.start), kb: spanKey(bArticle, b.start), cmp });
  }
  if (cache.frozen !== frozen) return undefined;
  // one best counterpart per (unit, other article), best pairs first
  graded.sort((x, y) => y.cmp.score - x.cmp.score || GRADE_RANK[x.cmp.grade!] - GRADE_RANK[y.cmp.grade!] || x.ka - y.ka || x.kb - y.kb);
  const taken = new Set<string>();
  const matches: Match[] = [];
  // kept sides are shared (nothing here mutates them); a side whose text a caller emptied is sliced again
  const side = (s: MatchSide) => (s.text || s.end <= s.start ? s : { ...s, text: texts.get(s.article)!.slice(s.start, s.end) });
  for (const m of previous) {
    if (!usable(m.a) || !usable(m.b)) continue;
    matches.push({ ...m, a: side(m.a), b: side(m.b) });
  }
  for (const g of graded) {
    const ta = `${g.ka},${g.bArticle}`;
    const tb = `${g.kb},${g.aArticle}`;
    if (taken.has(ta) || taken.has(tb)) continue;
    taken.add(ta);
    taken.add(tb);
    const { a, b, cmp } = g;
    matches.push({
      id: '',
      cluster: '',
      kind: a.kind === 'quote' || b.kind === 'quote' ? 'quote' : 'passage',
      grade: cmp.grade!,
      score: cmp.score,
      a: sideOf(a),
      b: sideOf(b),
      divergences: cmp.divergences.map((d) => shiftDivergence(d, a.start, b.start)),
    });
  }
  return clusterMatches(matches, articleOrder);
}

/**
 * Clusters matches (side a before side b in article order) transitively and
 * numbers them as alignUnits does: clusters `c<n>` by their first member, matches
 * `m<n>` cluster by cluster, at most one member span per article. The matches'
 * `id` and `cluster` are set in place; the returned list holds the same objects.
 */
export function clusterMatches(list: Match[], articleOrder: ReadonlyMap<string, number>): { matches: Match[]; clusters: Cluster[] } {
  // span nodes, looked up per article by start offset (small-integer keys)
  const nodesByArticle: (Map<number, number> | undefined)[] = [];
  const sides: MatchSide[] = [];
  const keys: number[] = [];
  const node = (s: MatchSide) => {
    const article = articleOrder.get(s.article)!;
    let byStart = nodesByArticle[article];
    if (!byStart) nodesByArticle[article] = byStart = new Map();
    let n = byStart.get(s.start);
    if (n === undefined) {
      byStart.set(s.start, (n = sides.length));
      sides.push(s);
      keys.push(spanKey(article, s.start));
    }
    return n;
  };
  const count = list.length;
  const endA = new Int32Array(count);
  const endB = new Int32Array(count);
  const uf = new UnionFind();
  for (let k = 0; k < count; k++) {
    endA[k] = node(list[k].a);
    endB[k] = node(list[k].b);
    uf.union(endA[k], endB[k]);
  }
  // a cluster's first member is its smallest side a (side a comes first in every match)
  const first = new Float64Array(sides.length).fill(Infinity);
  const rootOf = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const root = (rootOf[k] = uf.find(endA[k]));
    const key = keys[endA[k]];
    if (key < first[root]) first[root] = key;
  }
  // one sort: by cluster (its first member), then side a, then side b
  const byCluster = new Float64Array(count);
  const byA = new Float64Array(count);
  const byB = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    byCluster[k] = first[rootOf[k]];
    byA[k] = keys[endA[k]];
    byB[k] = keys[endB[k]];
  }
  const order: number[] = new Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  order.sort((p, q) => byCluster[p] - byCluster[q] || byA[p] - byA[q] || byB[p] - byB[q]);
  const matches: Match[] = [];
  const clusters: Cluster[] = [];
  for (let from = 0; from < count; ) {
    const root = rootOf[order[from]];
    let to = from;
    while (to < count && rootOf[order[to]] === root) to++;
    const clusterId = `c${clusters.length + 1}`;
    const ids: string[] = [];
    const members = new Set<number>();
    let grade: Grade = 'verbatim';
    let substantive = 0;
    let kind: 'quote' | 'passage' = 'passage';
    for (let x = from; x < to; x++) {
      const k = order[x];
      const m = list[k];
      m.id = `m${matches.length + 1}`;
      m.cluster = clusterId;
      if (m.kind === 'quote') kind = 'quote';
      matches.push(m);
      ids.push(m.id);
      grade = weakerGrade(grade, m.grade);
      for (const d of m.divergences) if (d.substantive) substantive++;
      members.add(endA[k]);
      members.add(endB[k]);
    }
    // at most one span per article: the first one
    const memberSides: MatchSide[] = [];
    let lastArticle = '';
    for (const n of [...members].sort((p, q) => keys[p] - keys[q])) {
      if (sides[n].article === lastArticle) continue;
      lastArticle = sides[n].article;
      memberSides.push({ ...sides[n] });
    }
    const speakers = [...new Set(memberSides.map((s) => s.speaker).filter((s): s is string => !!s))];
    clusters.push({ id: clusterId, kind, members: memberSides, matches: ids, speaker: speakers.length === 1 ? speakers[0] : null, substantive, grade });
    from = to;
  }
  return { matches, clusters };
}
