// One cluster per quote: units are sentences, so a quote of two sentences
// that several outlets print would give a cluster per sentence (and a
// divergence repeated in each). When consecutive sentences of one speaker's
// quote are linked, in every article they are linked to, to consecutive
// sentences of one quote there (printed whole, or split around “she said”),
// their links become one link between the joined quotes.
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
