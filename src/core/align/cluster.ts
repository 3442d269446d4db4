// The one clusterer: matches (links between unit spans) are grouped
// transitively (union-find) and numbered: clusters `c<n>` by their first
// member, matches `m<n>` cluster by cluster, at most one member span per article.
// Spans of one article nested in each other (a quoted fragment inside its
// sentence) join one cluster when that keeps one member span per article
// (nesting.ts); the widest of them is the article's member.
import { weakerGrade } from '../compare/compare';
import type { Cluster, Grade, Match, MatchSide } from '../types';
import { joinLinks, nodeOrder } from './nesting';

/** Simple union-find over integer ids: a set's root is its smallest id. */
export class UnionFind {
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

/** The position of a span: article number × 2^32 + start (ordering by it orders by article, then start). */
export function spanKey(article: number, start: number): number {
  return article * 4294967296 + start;
}

/** Links between span nodes 0 … n - 1, and what the clusterer needs to know of each node. */
export interface LinkGraph {
  /** Per link: its two nodes, in the order first mentioned. */
  endA: Int32Array;
  /** See `endA`. */
  endB: Int32Array;
  /** Per node: its position (spanKey); members, clusters and links are ordered by it (ties: in the order first mentioned). */
  pos: Float64Array;
  /** Per node: its article number. */
  article: Int32Array;
  /**
   * Per node, when spans may nest (sub-sentence links): its end (spanKey of article and end).
   * Equal positions then order the wider span first, and nested spans of one article join
   * one cluster when that keeps one member span per article.
   */
  end?: Float64Array;
  /** Links from this index on (sub-sentence links) are kept only when they keep one member span per article; the others are dropped. */
  optionalFrom?: number;
}

/** A link of a cluster, its earlier node first (`swapped` when that is endB). */
export interface OrientedLink {
  k: number;
  a: number;
  b: number;
  swapped: boolean;
}

/** One cluster: its links sorted by earlier node, then later node; its members, one node per article (the first). */
export interface LinkCluster {
  links: OrientedLink[];
  members: number[];
}

/** The links' clusters, ordered by their first member. */
export function clusterLinks(graph: LinkGraph): LinkCluster[] {
  const { endA, endB, pos, article } = graph;
  const byPos = nodeOrder(graph);
  const uf = new UnionFind();
  const kept = joinLinks(graph, uf);
  // each cluster's links (in input order) and members (in order of first mention)
  const groups = new Map<number, { list: number[]; members: number[] }>();
  const memberOf = new Int32Array(pos.length).fill(-1);
  for (let k = 0; k < endA.length; k++) {
    if (kept && !kept[k]) continue;
    const root = uf.find(endA[k]);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { list: [], members: [] }));
    group.list.push(k);
    for (const u of [endA[k], endB[k]]) {
      if (memberOf[u] === root) continue;
      memberOf[u] = root;
      group.members.push(u);
    }
  }
  const ordered = [...groups.values()];
  for (const group of ordered) group.members.sort(byPos);
  ordered.sort((x, y) => byPos(x.members[0], y.members[0]));
  return ordered.map(({ list, members }) => ({
    links: list
      .map((k) => (pos[endA[k]] <= pos[endB[k]] ? { k, a: endA[k], b: endB[k], swapped: false } : { k, a: endB[k], b: endA[k], swapped: true }))
      .sort((x, y) => byPos(x.a, y.a) || byPos(x.b, y.b)),
    members: members.filter((n, i) => i === 0 || article[n] !== article[members[i - 1]]),
  }));
}

/**
 * Numbers clustered links: `matchOf` gives each link's match (its `id` and
 * `cluster` are set here), `sideOf` each member node's span.
 */
export function numberClusters(groups: readonly LinkCluster[], matchOf: (link: OrientedLink) => Match, sideOf: (node: number) => MatchSide): { matches: Match[]; clusters: Cluster[] } {
  const matches: Match[] = [];
  const clusters: Cluster[] = [];
  groups.forEach(({ links, members }, ci) => {
    const clusterId = `c${ci + 1}`;
    const ids: string[] = [];
    let grade: Grade = 'verbatim';
    let substantive = 0;
    let kind: 'quote' | 'passage' = 'passage';
    for (const link of links) {
      const m = matchOf(link);
      m.id = `m${matches.length + 1}`;
      m.cluster = clusterId;
      if (m.kind === 'quote') kind = 'quote';
      matches.push(m);
      ids.push(m.id);
      grade = weakerGrade(grade, m.grade);
      for (const d of m.divergences) if (d.substantive) substantive++;
    }
    const memberSides = members.map(sideOf);
    const speakers = [...new Set(memberSides.map((s) => s.speaker).filter((s): s is string => !!s))];
    clusters.push({ id: clusterId, kind, members: memberSides, matches: ids, speaker: speakers.length === 1 ? speakers[0] : null, substantive, grade });
  });
  return { matches, clusters };
}

/**
 * Clusters matches (side a before side b in article order) transitively and
 * numbers them as alignUnits does; spans are told apart by article, start and end.
 * The matches' `id` and `cluster` are set in place; the returned list holds
 * the same objects.
 */
export function clusterMatches(list: Match[], articleOrder: ReadonlyMap<string, number>): { matches: Match[]; clusters: Cluster[] } {
  const byArticle: (Map<number, number> | undefined)[] = [];
  const sides: MatchSide[] = [];
  const pos: number[] = [];
  const end: number[] = [];
  const article: number[] = [];
  const node = (s: MatchSide) => {
    const a = articleOrder.get(s.article)!;
    const bySpan = byArticle[a] ?? (byArticle[a] = new Map());
    const key = spanKey(s.start, s.end);
    let n = bySpan.get(key);
    if (n === undefined) {
      bySpan.set(key, (n = sides.length));
      sides.push(s);
      pos.push(spanKey(a, s.start));
      end.push(spanKey(a, s.end));
      article.push(a);
    }
    return n;
  };
  const endA = new Int32Array(list.length);
  const endB = new Int32Array(list.length);
  list.forEach((m, k) => {
    endA[k] = node(m.a);
    endB[k] = node(m.b);
  });
  const groups = clusterLinks({ endA, endB, pos: Float64Array.from(pos), article: Int32Array.from(article), end: Float64Array.from(end) });
  return numberClusters(groups, (link) => list[link.k], (n) => sides[n]);
}
