// Multi-sentence alignment: one outlet may say in one sentence what another
// says in two neighbouring ones, or print whole a quote that another splits
// around its attribution (“…,” she said. “…”). Units that may be read together
// carry the text between them (Unit.joinNext, set in pipeline/units.ts); quote
// pieces too short to match alone are join-only units.
// After the best pairs are accepted, a pair that is truncated, reworded or
// leaves words out at one side tries the join of a unit and its neighbour
// against the counterpart; the join replaces the pair when it is clearly the
// better match. Only neighbours of accepted pairs that add words the
// counterpart holds are compared, so the cost is small. Then (quoteRuns.ts)
// links between the parts of joins, and between consecutive sentences of one
// quote printed by several outlets, become one link each.
import type { Comparison, Divergence, Match, MatchSide, Unit } from '../types';
import type { AlignCache } from './cache';
import { spanKey } from './cluster';
import { keepsLink } from './gate';
import { compareUnits, newMatch, sideOf, type CompareCounts, type GradedPair } from './pairs';
import type { PreparedUnit } from './prepare';
import type { StoryContext } from './story';
import { linkJoinedParts, mergeQuoteRuns, type JoinedParts } from './quoteRuns';

/** A node of the link graph: a prepared unit, or a span of neighbouring units read as one. */
export interface AlignNode {
  /** The span: its text is exactly the article's slice (for a join, what lies between the parts included). */
  unit: Unit;
  /** Article number. */
  article: number;
  /** The compared text: the unit's text, or the parts' texts joined by a space. */
  text: string;
  /** The parts of a join, in text order (absent for a single unit). */
  parts?: readonly Unit[];
}

/** A graded link between nodes a and b (compared in that order). */
export interface NodeLink {
  a: number;
  b: number;
  cmp: Comparison;
}

/** What joining needs of an alignment run. */
export interface JoinContext {
  /** The prepared units (the accepted pairs' numbers), then the join-only ones. */
  prepared: readonly PreparedUnit[];
  cache: AlignCache;
  counts: CompareCounts;
  story: StoryContext;
  /** Exceeds every article number. */
  articles: number;
}

/** Score a join must gain over the pair it replaces. */
export const JOIN_MARGIN = 0.05;

/** Divergence types that only change how the text looks. */
const LOOKS = new Set(['punctuation', 'typography', 'case']);

/** Characters of words that one side holds and the other lacks (omissions, additions, truncations, asides). */
function leftOut(divergences: readonly Divergence[]): number {
  let n = 0;
  for (const d of divergences) if (!LOOKS.has(d.type) && (d.a === '') !== (d.b === '')) n += d.a.length + d.b.length;
  return n;
}

/** True when a link may gain from a join: its texts are not the same words (truncated or reworded), or one side holds words the other lacks. */
function mayJoin(cmp: Comparison): boolean {
  return cmp.grade === 'truncated' || cmp.grade === 'reworded' || leftOut(cmp.divergences) > 0;
}

/** Per prepared unit: the prepared unit it may be read with next (-1 when none), and the one before. */
export interface Neighbours {
  next: Int32Array;
  prev: Int32Array;
}

/** The joinable neighbours of prepared units: a unit's joinNext leads to the unit of its article that starts right after it, of the same kind. */
export function neighbours(prepared: readonly PreparedUnit[]): Neighbours {
  const at = new Map<number, number>();
  prepared.forEach((p, i) => at.set(spanKey(p.article, p.unit.start), i));
  const next = new Int32Array(prepared.length).fill(-1);
  const prev = new Int32Array(prepared.length).fill(-1);
  prepared.forEach((p, i) => {
    const gap = p.unit.joinNext;
    if (gap === undefined) return;
    const n = at.get(spanKey(p.article, p.unit.end + gap.length));
    if (n === undefined || prepared[n].unit.kind !== p.unit.kind || prev[n] >= 0) return;
    next[i] = n;
    prev[n] = i;
  });
  return { next, prev };
}

/** Neighbouring units (in text order, each joinable to the next) read as one node: the exact span over them, compared as their texts joined by spaces. */
export function joinUnits(parts: readonly Unit[], article: number): AlignNode {
  const last = parts[parts.length - 1];
  const text = parts.map((p) => (p === last ? p.text : p.text + (p.joinNext ?? ' '))).join('');
  const unit: Unit = { ...parts[0], end: last.end, text };
  delete unit.joinNext;
  return { unit, article, text: parts.map((p) => p.text).join(' '), parts };
}

/** compareTexts on two nodes' compared texts (speakers as context), through the cache. */
export function compareNodes(a: AlignNode, b: AlignNode, cache: AlignCache, counts: CompareCounts): Comparison {
  const ua = a.parts ? { ...a.unit, text: a.text } : a.unit;
  const ub = b.parts ? { ...b.unit, text: b.text } : b.unit;
  return compareUnits(ua, ub, cache, counts);
}

/** An offset into a node's compared text as an offset into its article. */
function articleOffset(node: AlignNode, offset: number): number {
  if (!node.parts) return node.unit.start + offset;
  let rest = offset;
  for (const part of node.parts) {
    if (rest <= part.text.length) return part.start + rest;
    rest -= part.text.length + 1;
  }
  return node.unit.end;
}

/** The match of two nodes graded `cmp`; divergence offsets absolute (a join's mapped part by part). */
export function nodeMatch(a: AlignNode, b: AlignNode, cmp: Comparison, sideA: MatchSide = sideOf(a.unit), sideB: MatchSide = sideOf(b.unit)): Match {
  if (!a.parts && !b.parts) return newMatch(a.unit, b.unit, cmp, sideA, sideB);
  // the compared texts, so that offsets into them read the right words (a cut's clause, pairs.ts)
  const m = newMatch({ ...a.unit, start: 0, text: a.text }, { ...b.unit, start: 0, text: b.text }, cmp, sideA, sideB);
  for (const d of m.divergences) {
    if (d.aStart !== undefined) d.aStart = articleOffset(a, d.aStart);
    if (d.aEnd !== undefined) d.aEnd = articleOffset(a, d.aEnd);
    if (d.bStart !== undefined) d.bStart = articleOffset(b, d.bStart);
    if (d.bEnd !== undefined) d.bEnd = articleOffset(b, d.bEnd);
  }
  return m;
}

/** A join that may replace a link's side: the new node, its comparison with the other side, and the neighbour it takes in. */
interface JoinTry {
  node: AlignNode;
  cmp: Comparison;
  side: 'a' | 'b';
  neighbour: number;
  /** The parts' unit numbers, in text order. */
  first: number;
  second: number;
}

/** Share of a joined part's text that a join's comparison finds in the other side (outside every difference of words). */
function partShared(cmp: Comparison, side: 'a' | 'b', from: number, to: number): number {
  let differing = 0;
  for (const d of cmp.divergences) {
    if (LOOKS.has(d.type)) continue;
    const start = side === 'a' ? d.aStart : d.bStart;
    const end = side === 'a' ? d.aEnd : d.bEnd;
    if (start !== undefined && end !== undefined) differing += Math.max(0, Math.min(end, to) - Math.max(start, from));
  }
  return to > from ? 1 - differing / (to - from) : 0;
}

/** Least share of the neighbour's text that the counterpart must carry for a join. */
export const NEIGHBOUR_SHARED = 0.5;

/**
 * True when joining `neighbour` (a part of `node`, on `side` of the comparison) is clearly a better
 * match than `was`: a real gain in score, fewer words left out, most of the neighbour's own text
 * found in the counterpart, and (when reworded) a kept link.
 */
function isBetterJoin(tried: Comparison, was: Comparison, node: AlignNode, side: 'a' | 'b', neighbour: Unit, other: AlignNode, ctx: JoinContext): boolean {
  if (!tried.grade || tried.score < was.score + JOIN_MARGIN) return false;
  if (leftOut(tried.divergences) >= leftOut(was.divergences)) return false;
  const from = neighbour === node.parts![0] ? 0 : node.text.length - neighbour.text.length;
  if (partShared(tried, side, from, from + neighbour.text.length) < NEIGHBOUR_SHARED) return false;
  return keepsLink(node.text, other.text, tried, node.article, other.article, ctx.story, ctx.cache);
}

/** Index keys (stems, synonyms, numbers) a neighbour must add to what its unit shares with the counterpart before a join is compared. */
export const JOIN_MIN_KEYS = 2;

/** True when `neighbour` holds at least JOIN_MIN_KEYS keys of `other` that `self` lacks (cheap: no comparison). */
function addsSharedKeys(neighbour: PreparedUnit, self: PreparedUnit, other: PreparedUnit): boolean {
  let n = 0;
  for (const k of neighbour.entry.keyIds) if (other.entry.keyIds.includes(k) && !self.entry.keyIds.includes(k) && ++n >= JOIN_MIN_KEYS) return true;
  return false;
}

/** The best join for one side of a link: the unit with its neighbour before or after (one not yet linked to the other side's article). */
function bestJoin(link: NodeLink, nodes: readonly AlignNode[], near: Neighbours, state: JoinState, ctx: JoinContext): JoinTry | undefined {
  let best: JoinTry | undefined;
  const size = ctx.prepared.length;
  for (const side of ['a', 'b'] as const) {
    const i = link[side];
    const o = side === 'a' ? link.b : link.a;
    const other = nodes[o];
    const self = ctx.prepared[i];
    for (const n of [near.prev[i], near.next[i]]) {
      if (n < 0 || state.linked.has(n * ctx.articles + other.article) || !addsSharedKeys(ctx.prepared[n], self, ctx.prepared[o])) continue;
      const [first, second] = near.next[n] === i ? [n, i] : [i, n];
      if (!fitsJoins(state, first, second, size)) continue;
      const node = joinUnits([ctx.prepared[first].unit, ctx.prepared[second].unit], self.article);
      const cmp = side === 'a' ? compareNodes(node, other, ctx.cache, ctx.counts) : compareNodes(other, node, ctx.cache, ctx.counts);
      if (!isBetterJoin(cmp, best?.cmp ?? link.cmp, node, side, ctx.prepared[n].unit, other, ctx)) continue;
      best = { node, cmp, side, neighbour: n, first, second };
    }
  }
  return best;
}

/** What the joins of a run have taken: (unit, other article) pairs linked, and per unit the one joined span it belongs to. */
interface JoinState {
  /** unit × articles + other article, for every link and join. */
  linked: Set<number>;
  /** Per unit in a join: that join's span key (first × units + second). */
  spanOf: Map<number, number>;
}

/** True when joining first and second creates no second, overlapping span: neither is in a join of another span. */
function fitsJoins(state: JoinState, first: number, second: number, size: number): boolean {
  const key = first * size + second;
  for (const u of [first, second]) {
    const span = state.spanOf.get(u);
    if (span !== undefined && span !== key) return false;
  }
  return true;
}

/**
 * The link graph of accepted pairs, with joins: nodes 0 … prepared.length - 1
 * are the prepared units, joins are appended. A pair whose comparison leaves
 * text out tries its units' neighbours (see bestJoin); a neighbour joins at
 * most one link per other article, and only when it has none there.
 */
export function joinAdjacent(accepted: readonly GradedPair[], ctx: JoinContext): { nodes: AlignNode[]; links: NodeLink[] } {
  const nodes: AlignNode[] = ctx.prepared.map((p) => ({ unit: p.unit, article: p.article, text: p.unit.text }));
  const links: NodeLink[] = accepted.map((g) => ({ a: g.i, b: g.j, cmp: g.cmp }));
  if (!ctx.prepared.some((p) => p.unit.joinNext !== undefined)) return { nodes, links };
  const near = neighbours(ctx.prepared);
  const state: JoinState = { linked: new Set<number>(), spanOf: new Map<number, number>() };
  for (const g of accepted) state.linked.add(g.i * ctx.articles + g.aj).add(g.j * ctx.articles + g.ai);
  const size = ctx.prepared.length;
  const joinedUnits = new Set<number>();
  const joins: JoinedParts[] = [];
  const joinAt = new Map<number, JoinedParts>();
  for (const link of links) {
    if (!mayJoin(link.cmp)) continue;
    const join = bestJoin(link, nodes, near, state, ctx);
    if (!join) continue;
    const { first, second } = join;
    const other = nodes[join.side === 'a' ? link.b : link.a];
    state.linked.add(join.neighbour * ctx.articles + other.article);
    joinedUnits.add(first).add(second);
    state.spanOf.set(first, first * size + second).set(second, first * size + second);
    // one node per joined span, however many links it serves
    let parts = joinAt.get(first * size + second);
    if (!parts) {
      nodes.push(join.node);
      parts = { node: nodes.length - 1, first, second };
      joinAt.set(first * size + second, parts);
      joins.push(parts);
    }
    link[join.side] = parts.node;
    link.cmp = join.cmp;
  }
  return { nodes, links: mergeQuoteRuns(nodes, linkJoinedParts(nodes, links, joins, ctx), near, ctx, joinedUnits) };
}
