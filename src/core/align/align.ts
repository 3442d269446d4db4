// Cross-source alignment: finds units (sentences, quote sentences) of
// different articles that say the same thing. Candidates come from an
// inverted index over IDF-weighted keys (candidates.ts); only candidates are
// graded with compareTexts (pairs.ts). Matches are then clustered
// transitively (cluster.ts). This module is the folder's public entry.
import type { Cluster, Match, MatchSide, Unit } from '../types';
import { releaseSideTexts } from '../compare/divergence';
import { createAlignCache, type AlignCache, type CandidateIndex } from './cache';
import { buildCandidateIndex, createScoreScratch, createTally, findCandidates, pickCounterparts, rankSimilarDocs, type CandidatePairs } from './candidates';
import { clusterLinks, clusterMatches, numberClusters, spanKey } from './cluster';
import { cancellationCheck, resolveAlignOptions, type AlignOptions, type AlignStats, type ResolvedAlignOptions } from './options';
import { acceptBestPairs, compareUnits, newMatch, sideOf, type CompareCounts, type GradedPair } from './pairs';
import { articleCount, prepareUnits, type PreparedUnit } from './prepare';
import { keepsLink } from './gate';
import { buildStoryContext, type StoryContext } from './story';
import { compareNodes, joinAdjacent, nodeMatch, type AlignNode, type NodeLink } from './adjacent';

export { AnalysisCancelled, cancellationCheck, type AlignOptions, type AlignStats } from './options';
export { createAlignCache, type AlignCache, type CandidateIndex, type TextEntry, type WordKeyIds } from './cache';
export { clusterMatches } from './cluster';
export { identityKey, unitKeySets } from './keys';

/** Matches and their clusters. */
export interface Alignment {
  matches: Match[];
  clusters: Cluster[];
}

/** Grades every candidate pair (in index order); keeps those that say the same thing. */
function gradeCandidates(prepared: readonly PreparedUnit[], candidates: CandidatePairs, cache: AlignCache, counts: CompareCounts, story: StoryContext, check: () => void): GradedPair[] {
  const graded: GradedPair[] = [];
  for (let k = 0; k < candidates.first.length; k++) {
    const i = candidates.first[k];
    const j = candidates.second[k];
    check();
    const a = prepared[i];
    const b = prepared[j];
    const cmp = compareUnits(a.unit, b.unit, cache, counts, a.entry.id, b.entry.id);
    if (cmp.grade && keepsLink(a.unit.text, b.unit.text, cmp, a.article, b.article, story, cache)) graded.push({ i, j, ai: a.article, aj: b.article, cmp });
  }
  return graded;
}

/** Clusters the linked nodes (prepared units and joins); a link whose later node came first is compared again the other way round. */
function clusterAccepted(nodes: readonly AlignNode[], links: readonly NodeLink[], cache: AlignCache, counts: CompareCounts): Alignment {
  const pos = Float64Array.from(nodes, (n) => spanKey(n.article, n.unit.start));
  const article = Int32Array.from(nodes, (n) => n.article);
  const endA = Int32Array.from(links, (l) => l.a);
  const endB = Int32Array.from(links, (l) => l.b);
  const groups = clusterLinks({ endA, endB, pos, article });
  // one side object per node, shared by its matches and its cluster's members (equal content; less memory)
  const sides: MatchSide[] = new Array(nodes.length);
  const sideAt = (i: number) => sides[i] ?? (sides[i] = sideOf(nodes[i].unit));
  return numberClusters(
    groups,
    ({ k, a, b, swapped }) => nodeMatch(nodes[a], nodes[b], swapped ? compareNodes(nodes[a], nodes[b], cache, counts) : links[k].cmp, sideAt(a), sideAt(b)),
    sideAt,
  );
}

/**
 * Aligns units across articles: candidates from an index, graded with
 * compareTexts (speakers as context), at most one counterpart per (unit,
 * other article), clustered transitively. Divergence offsets are absolute.
 * With a cache (`given`), work is reused between runs and the run's index is
 * kept for previewAlignment.
 */
export function alignUnits(units: Unit[], options: AlignOptions = {}, stats?: AlignStats, given?: AlignCache): Alignment {
  const cache = given ?? createAlignCache();
  const opts = resolveAlignOptions(options);
  const check = cancellationCheck(options.isCancelled);
  const { prepared, articleOrder, joinOnly } = prepareUnits(units, cache, check);
  const index = buildCandidateIndex(prepared, articleOrder, cache);
  const candidates = findCandidates(prepared, index, opts, check);
  const counts: CompareCounts = { compared: 0, comparedSame: 0 };
  const articles = articleCount(prepared);
  const story = buildStoryContext(prepared, articles);
  const graded = gradeCandidates(prepared, candidates, cache, counts, story, check);
  // best pairs, then sentences joined where one outlet splits what another says in one (adjacent.ts)
  const pool = joinOnly.length ? [...prepared, ...joinOnly] : prepared;
  const { nodes, links } = joinAdjacent(acceptBestPairs(graded, articles), { prepared: pool, cache, counts, story, articles });
  // the comparisons are done: the texts prepared for them are not needed for building the result
  releaseSideTexts();
  if (stats) Object.assign(stats, { units: prepared.length, candidates: candidates.first.length, graded: graded.length, ...counts });
  // the run is complete (no more cancellation points): its index serves previews until the next one (kept only in a caller's cache)
  if (given) cache.frozen = index;
  return clusterAccepted(nodes, links, cache, counts);
}

/** A candidate pair of a preview: a unit of a changed article and another unit. */
interface PreviewPair {
  x: PreparedUnit;
  other: Unit;
  otherArticle: number;
}

/** Per unit of the frozen index: its article's number in this run if its matches are kept (unchanged and still in the corpus), else -1. */
function keptArticles(frozen: CandidateIndex, articleOrder: ReadonlyMap<string, number>, changed: ReadonlySet<string>): Int32Array {
  const now = frozen.articles.map((id) => (changed.has(id) ? -1 : (articleOrder.get(id) ?? -1)));
  return Int32Array.from(frozen.unitArticle, (a) => now[a]);
}

/** Candidates of the changed articles' units in the frozen index: the same text in kept articles, then the best few similar texts per kept article. */
function previewCandidates(fresh: readonly PreparedUnit[], frozen: CandidateIndex, articleOf: Int32Array, articles: number, opts: ResolvedAlignOptions, check: () => void): PreviewPair[] {
  const pairs: PreviewPair[] = [];
  const scratch = createScoreScratch(frozen);
  const tally = createTally(articles);
  const newKeyIdf = Math.log(1 + frozen.nd);
  const idfOf = (k: number) => (k < frozen.idf.length && frozen.idf[k] > 0 ? frozen.idf[k] : newKeyIdf);
  const take = (x: PreparedUnit, j: number) => pairs.push({ x, other: frozen.units[j], otherArticle: articleOf[j] });
  for (const x of fresh) {
    check();
    let weight = 0;
    for (const k of x.entry.keyIds) weight += idfOf(k);
    const self = frozen.docOf.get(x.entry.identity) ?? -1;
    const ranked = rankSimilarDocs(frozen, { keyIds: x.entry.keyIds, probeIds: x.entry.probeIds, weight, self }, opts, scratch);
    if (self >= 0) for (const j of frozen.docUnits[self]) if (articleOf[j] >= 0) take(x, j);
    pickCounterparts(ranked, scratch.hitDoc, frozen, articleOf, x.article, opts, tally);
    for (const j of tally.picked) take(x, j);
  }
  return pairs;
}

/** Pairs of identical texts in two changed articles. */
function identicalFreshPairs(fresh: readonly PreparedUnit[]): PreviewPair[] {
  const pairs: PreviewPair[] = [];
  const byIdentity = new Map<number, PreparedUnit[]>();
  for (const x of fresh) {
    const list = byIdentity.get(x.entry.identityId);
    if (list) {
      for (const y of list) if (y.article !== x.article) pairs.push({ x, other: y.unit, otherArticle: y.article });
      list.push(x);
    } else byIdentity.set(x.entry.identityId, [x]);
  }
  return pairs;
}

/** A graded preview pair, in article order; i and j rank its spans by position. */
interface PreviewGraded extends GradedPair {
  a: Unit;
  b: Unit;
}

/** Grades each pair in article order (the orientation alignUnits compares and reports it in); i and j rank the spans by position. */
function gradePreviewPairs(pairs: readonly PreviewPair[], cache: AlignCache, check: () => void): PreviewGraded[] {
  const counts: CompareCounts = { compared: 0, comparedSame: 0 };
  const graded: (PreviewGraded & { ka: number; kb: number })[] = [];
  for (const { x, other, otherArticle } of pairs) {
    check();
    const forward = x.article < otherArticle;
    const [a, b] = forward ? [x.unit, other] : [other, x.unit];
    const [ai, aj] = forward ? [x.article, otherArticle] : [otherArticle, x.article];
    const cmp = compareUnits(a, b, cache, counts);
    if (cmp.grade) graded.push({ a, b, ai, aj, ka: spanKey(ai, a.start), kb: spanKey(aj, b.start), i: 0, j: 0, cmp });
  }
  const keys = [...new Set(graded.flatMap((g) => [g.ka, g.kb]))].sort((p, q) => p - q);
  const rank = new Map(keys.map((key, r) => [key, r]));
  for (const g of graded) {
    g.i = rank.get(g.ka)!;
    g.j = rank.get(g.kb)!;
  }
  return graded;
}

/** The previous matches between kept articles; a side whose text a caller emptied is sliced again from `texts` (others are shared: nothing here mutates them). */
function keptMatches(previous: readonly Match[], isKept: (article: string) => boolean, texts: ReadonlyMap<string, string>): Match[] {
  const side = (s: MatchSide) => (s.text || s.end <= s.start ? s : { ...s, text: texts.get(s.article)!.slice(s.start, s.end) });
  const kept: Match[] = [];
  for (const m of previous) if (isKept(m.a.article) && isKept(m.b.article)) kept.push({ ...m, a: side(m.a), b: side(m.b) });
  return kept;
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
export function previewAlignment(units: Unit[], changed: ReadonlySet<string>, previous: readonly Match[], texts: ReadonlyMap<string, string>, cache: AlignCache, options: AlignOptions = {}): Alignment | undefined {
  const frozen = cache.frozen;
  if (!frozen) return undefined;
  const opts = resolveAlignOptions(options);
  const check = cancellationCheck(options.isCancelled);
  const { prepared: fresh, articleOrder } = prepareUnits(units, cache, check, changed);
  if (cache.frozen !== frozen) return undefined; // the key ids were reset meanwhile
  const articleOf = keptArticles(frozen, articleOrder, changed);
  const pairs = [...previewCandidates(fresh, frozen, articleOf, articleOrder.size, opts, check), ...identicalFreshPairs(fresh)];
  const graded = gradePreviewPairs(pairs, cache, check);
  if (cache.frozen !== frozen) return undefined;
  const isKept = (id: string) => articleOrder.has(id) && !changed.has(id);
  const matches = keptMatches(previous, isKept, texts);
  for (const { a, b, cmp } of acceptBestPairs(graded, articleOrder.size)) matches.push(newMatch(a, b, cmp));
  return clusterMatches(matches, articleOrder);
}
