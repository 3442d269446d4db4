// One cluster per quote: units are sentences, so a quote of two sentences
// that several outlets print would give a cluster per sentence (and a
// divergence repeated in each). When consecutive sentences of one speaker's
// quote are linked, in every article they are linked to, to consecutive
// sentences of one quote there (printed whole, or split around “she said”),
// their links become one link between the joined quotes. Likewise, when two
// joins (adjacent.ts) have their first parts linked and their second parts
// linked, those two links become one link between the joins.
import { compareNodes, joinUnits, type AlignNode, type JoinContext, type Neighbours, type NodeLink } from './adjacent';

/** Per prepared unit: its partner unit in each other article (links between single units only). */
type Partners = Map<number, number>[];

/** The partners of every prepared unit over links between single units, by article; the units of links with a join are added to `blocked`. */
function partnersOf(links: readonly NodeLink[], ctx: JoinContext, blocked: Set<number>): Partners {
  const { prepared } = ctx;
  const size = prepared.length;
  const partners: Partners = Array.from({ length: size }, () => new Map<number, number>());
  for (const { a, b } of links) {
    if (a < size && b < size) {
      partners[a].set(prepared[b].article, b);
      partners[b].set(prepared[a].article, a);
    } else {
      if (a < size) blocked.add(a);
      if (b < size) blocked.add(b);
    }
  }
  return partners;
}

/** True when quote unit u and its next neighbour v are linked to the same articles, in each to a quote unit and its next neighbour. */
function pairsAlong(u: number, partners: Partners, near: Neighbours, ctx: JoinContext, blocked: ReadonlySet<number>): boolean {
  const v = near.next[u];
  if (v < 0 || blocked.has(u) || blocked.has(v)) return false;
  const pu = partners[u];
  const pv = partners[v];
  if (pu.size === 0 || pu.size !== pv.size) return false;
  for (const [article, p] of pu) if (pv.get(article) !== near.next[p] || blocked.has(p) || ctx.prepared[p].unit.kind !== 'quote') return false;
  return true;
}

/** Edges u → next[u] that pair along (pairsAlong) and whose partners' edges do too, to a fixpoint. */
function consistentEdges(partners: Partners, near: Neighbours, ctx: JoinContext, blocked: ReadonlySet<number>): Uint8Array {
  const { prepared } = ctx;
  const edge = new Uint8Array(prepared.length);
  for (let u = 0; u < prepared.length; u++) if (prepared[u].unit.kind === 'quote' && pairsAlong(u, partners, near, ctx, blocked)) edge[u] = 1;
  for (let changed = true; changed; ) {
    changed = false;
    for (let u = 0; u < edge.length; u++) {
      if (!edge[u]) continue;
      for (const p of partners[u].values()) {
        if (edge[p]) continue;
        edge[u] = 0;
        changed = true;
        break;
      }
    }
  }
  return edge;
}

/** Maximal runs of units joined by consistent edges; per unit, the index of its run (-1 when in none). */
function runsOf(edge: Uint8Array, near: Neighbours): { runs: number[][]; runOf: Int32Array } {
  const runs: number[][] = [];
  const runOf = new Int32Array(edge.length).fill(-1);
  for (let u = 0; u < edge.length; u++) {
    if (!edge[u] || (near.prev[u] >= 0 && edge[near.prev[u]])) continue;
    const run = [u];
    for (let x = u; edge[x]; x = near.next[x]) run.push(near.next[x]);
    for (const x of run) runOf[x] = runs.length;
    runs.push(run);
  }
  return { runs, runOf };
}

/**
 * Links between sentences of quotes printed in several articles become one
 * link per pair of joined quotes (appended to `nodes`); `blocked` units (in a
 * join already) stay as they are. A pair whose joined quotes no longer compare
 * as the same keeps its sentence links.
 */
export function mergeQuoteRuns(nodes: AlignNode[], links: readonly NodeLink[], near: Neighbours, ctx: JoinContext, blocked: Set<number>): NodeLink[] {
  const size = ctx.prepared.length;
  const partners = partnersOf(links, ctx, blocked);
  const { runs, runOf } = runsOf(consistentEdges(partners, near, ctx, blocked), near);
  if (runs.length === 0) return [...links];
  const joined = new Int32Array(runs.length).fill(-1);
  const nodeOfRun = (r: number) => {
    if (joined[r] < 0) {
      nodes.push(joinUnits(runs[r].map((i) => ctx.prepared[i].unit), ctx.prepared[runs[r][0]].article));
      joined[r] = nodes.length - 1;
    }
    return joined[r];
  };
  const out: NodeLink[] = [];
  for (const link of links) {
    const ra = link.a < size ? runOf[link.a] : -1;
    const rb = link.b < size ? runOf[link.b] : -1;
    if (ra < 0 || rb < 0) {
      out.push(link);
      continue;
    }
    const first = runs[ra].indexOf(link.a);
    if (first !== 0) continue; // the run's first sentence carries the merged link
    const a = nodeOfRun(ra);
    const b = nodeOfRun(rb);
    const cmp = compareNodes(nodes[a], nodes[b], ctx.cache, ctx.counts);
    if (cmp.grade) out.push({ a, b, cmp });
    else out.push(...links.filter((l) => l.a < size && l.b < size && ((runOf[l.a] === ra && runOf[l.b] === rb) || (runOf[l.a] === rb && runOf[l.b] === ra))));
  }
  return out;
}

/** A join of two neighbouring prepared units: its node, and its parts' prepared indices in text order. */
export interface JoinedParts {
  node: number;
  first: number;
  second: number;
}

/** Per prepared unit: the prepared units it is linked to (links between single units), with the link's index. */
function linksByUnit(links: readonly NodeLink[], size: number): Map<number, [number, number][]> {
  const by = new Map<number, [number, number][]>();
  const add = (u: number, v: number, k: number) => {
    const list = by.get(u);
    if (list) list.push([v, k]);
    else by.set(u, [[v, k]]);
  };
  links.forEach(({ a, b }, k) => {
    if (a >= size || b >= size) return;
    add(a, b, k);
    add(b, a, k);
  });
  return by;
}

/**
 * Two joins whose first parts are linked and whose second parts are linked (one sentence of a
 * third outlet said what both printed as two): the two links become one link between the joins,
 * so that the passage forms one cluster, not one per sentence beside one for the joins.
 */
export function linkJoinedParts(nodes: readonly AlignNode[], links: readonly NodeLink[], joins: readonly JoinedParts[], ctx: JoinContext): NodeLink[] {
  if (joins.length < 2) return [...links];
  const size = ctx.prepared.length;
  const byUnit = linksByUnit(links, size);
  const byFirst = new Map<number, JoinedParts[]>();
  for (const j of joins) byFirst.set(j.first, [...(byFirst.get(j.first) ?? []), j]);
  const dropped = new Set<number>();
  const added: NodeLink[] = [];
  for (const x of joins) {
    for (const [p, k1] of byUnit.get(x.first) ?? []) {
      for (const y of byFirst.get(p) ?? []) {
        if (y.node <= x.node || dropped.has(k1)) continue;
        const k2 = (byUnit.get(x.second) ?? []).find(([q]) => q === y.second)?.[1];
        if (k2 === undefined || dropped.has(k2)) continue;
        const cmp = compareNodes(nodes[x.node], nodes[y.node], ctx.cache, ctx.counts);
        if (!cmp.grade) continue;
        dropped.add(k1).add(k2);
        added.push({ a: x.node, b: y.node, cmp });
      }
    }
  }
  return [...links.filter((_, k) => !dropped.has(k)), ...added];
}
