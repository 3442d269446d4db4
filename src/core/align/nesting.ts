// Nested spans in the clusterer: a sub-sentence link (a quoted fragment and the
// exact sub-span of its longer version, fragments.ts) gives spans that lie inside
// other linked spans of the same article. Such spans join one cluster when every
// article's spans in it still nest inside one member span (the widest): one
// highlight per article, never two overlapping ones of different clusters that
// could have been one. A join that would put two separate spans of one article
// into a cluster is refused (an optional link that would do so is dropped).
import type { LinkGraph, UnionFind } from './cluster';

/** The node order of a link graph: by position; where spans may nest (`end` given), the wider span first at equal positions. */
export function nodeOrder(graph: LinkGraph): (x: number, y: number) => number {
  const { pos, end } = graph;
  if (!end) return (x, y) => pos[x] - pos[y];
  return (x, y) => pos[x] - pos[y] || end[y] - end[x];
}

/** Nodes of each cluster under construction, by root (nodes not listed are alone). */
type NodeLists = Map<number, number[]>;

/** True when, in every article, the nodes nest inside the first of them (the article's member); without ends: one node per article. */
function nestsPerArticle(graph: LinkGraph, nodes: readonly number[]): boolean {
  const { article, pos, end } = graph;
  const order = nodeOrder(graph);
  const head = new Map<number, number>();
  for (const n of nodes) {
    const h = head.get(article[n]);
    if (h === undefined || order(n, h) < 0) head.set(article[n], n);
  }
  for (const n of nodes) {
    const h = head.get(article[n])!;
    if (n === h) continue;
    if (!end || pos[n] < pos[h] || end[n] > end[h]) return false;
  }
  return true;
}

/** Joins the clusters of nodes x and y when the joined cluster nests per article; true when they are (now) one cluster. */
function joinIfNested(graph: LinkGraph, uf: UnionFind, lists: NodeLists, x: number, y: number): boolean {
  const rx = uf.find(x);
  const ry = uf.find(y);
  if (rx === ry) return true;
  const merged = [...(lists.get(rx) ?? [x]), ...(lists.get(ry) ?? [y])];
  if (!nestsPerArticle(graph, merged)) return false;
  uf.union(rx, ry);
  lists.delete(rx);
  lists.delete(ry);
  lists.set(uf.find(rx), merged);
  return true;
}

/** The node lists of the clusters the first `fixed` links form (already joined in `uf`). */
function listsOfFixed(graph: LinkGraph, uf: UnionFind, fixed: number): NodeLists {
  const lists: NodeLists = new Map();
  const seen = new Set<number>();
  for (let k = 0; k < fixed; k++) {
    for (const n of [graph.endA[k], graph.endB[k]]) {
      if (seen.has(n)) continue;
      seen.add(n);
      const r = uf.find(n);
      const list = lists.get(r);
      if (list) list.push(n);
      else lists.set(r, [n]);
    }
  }
  return lists;
}

/**
 * Joins the links of a graph in `uf`: the first `optionalFrom` unconditionally, the optional
 * ones after them in order, each only when its clusters nest per article once joined; then
 * (spans that may nest) the clusters of overlapping spans of one article. Returns per link
 * whether it is kept, or undefined when every link is (no optional links, no ends).
 */
export function joinLinks(graph: LinkGraph, uf: UnionFind): Uint8Array | undefined {
  const { endA, endB } = graph;
  const fixed = Math.min(endA.length, graph.optionalFrom ?? endA.length);
  for (let k = 0; k < fixed; k++) uf.union(endA[k], endB[k]);
  if (fixed === endA.length && !graph.end) return undefined;
  const lists = listsOfFixed(graph, uf, fixed);
  const kept = new Uint8Array(endA.length);
  kept.fill(1, 0, fixed);
  for (let k = fixed; k < endA.length; k++) kept[k] = joinIfNested(graph, uf, lists, endA[k], endB[k]) ? 1 : 0;
  joinNestedSpans(graph, uf, kept, lists);
  return kept;
}

/**
 * Joins the clusters of overlapping spans of one article (nodes of kept links only) when the
 * joined cluster nests per article: a fragment's span joins the cluster of the sentence it sits
 * in, a sub-span the cluster of its longer unit.
 */
function joinNestedSpans(graph: LinkGraph, uf: UnionFind, kept: Uint8Array, lists: NodeLists): void {
  const { endA, endB, pos, end } = graph;
  if (!end) return;
  const linked = new Set<number>();
  for (let k = 0; k < endA.length; k++) {
    if (!kept[k]) continue;
    linked.add(endA[k]);
    linked.add(endB[k]);
  }
  const nodes = [...linked].sort(nodeOrder(graph));
  let active: number[] = [];
  for (const x of nodes) {
    // spans still open at x's start (spanKeys include the article: other articles' spans have closed)
    active = active.filter((y) => end[y] > pos[x]);
    for (const y of active) joinIfNested(graph, uf, lists, y, x);
    active.push(x);
  }
}
