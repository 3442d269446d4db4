// The link graph of an alignment run, the clusterer's input: one node per
// aligned span — the prepared units and the joins of adjacent sentences
// (adjacent.ts), then one per other span of a sub-sentence link (fragments.ts) —
// and the links between them: the sentence-level links first, then the
// sub-sentence links (optional: kept when they nest, see cluster.ts).
import type { Unit } from '../types';
import type { AlignNode, NodeLink } from './adjacent';
import { spanKey, type LinkGraph } from './cluster';
import type { FragmentLink } from './fragments';

/** A run's link graph and its nodes (sentence-level nodes first, then the fragment links' own spans). */
export interface RunGraph {
  graph: LinkGraph;
  nodes: AlignNode[];
}

/** Key of a span of an article (article number, start, end). */
function spanId(article: number, unit: Unit): string {
  return `${article}:${unit.start}:${unit.end}`;
}

/** The node of a span: an existing node with the same article, start and end, else a new one appended to `nodes`. */
function nodeFinder(nodes: AlignNode[]): (unit: Unit, article: number) => number {
  const byId = new Map<string, number>();
  nodes.forEach((n, i) => {
    const id = spanId(n.article, n.unit);
    if (!byId.has(id)) byId.set(id, i);
  });
  return (unit, article) => {
    const id = spanId(article, unit);
    let i = byId.get(id);
    if (i === undefined) {
      byId.set(id, (i = nodes.length));
      nodes.push({ unit, article, text: unit.text });
    }
    return i;
  };
}

/** Builds the link graph of the sentence-level nodes and links plus the sub-sentence links. */
export function buildLinkGraph(given: readonly AlignNode[], links: readonly NodeLink[], fragments: readonly FragmentLink[]): RunGraph {
  const nodes = given.slice();
  const k0 = links.length;
  const endA = new Int32Array(k0 + fragments.length);
  const endB = new Int32Array(k0 + fragments.length);
  links.forEach((l, k) => {
    endA[k] = l.a;
    endB[k] = l.b;
  });
  if (fragments.length) {
    const nodeOf = nodeFinder(nodes);
    fragments.forEach((l, k) => {
      endA[k0 + k] = nodeOf(l.a, l.ai);
      endB[k0 + k] = nodeOf(l.b, l.aj);
    });
  }
  const pos = Float64Array.from(nodes, (n) => spanKey(n.article, n.unit.start));
  const end = Float64Array.from(nodes, (n) => spanKey(n.article, n.unit.end));
  const article = Int32Array.from(nodes, (n) => n.article);
  return { graph: { endA, endB, pos, end, article, optionalFrom: k0 }, nodes };
}
