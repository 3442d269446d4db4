// Diagnostic descriptors: one per substantive divergence, not per pair. A
// divergence (same cluster, type and differing wordings) is grouped across the
// pairs of its cluster; it sits on the articles that deviate from the majority
// (on every version when they are tied), with the other versions as related
// information, worded from the viewpoint of its own article. Pure: no `vscode` import.
import type { Divergence, DivergenceType, Match } from '../../core/types';
import type { RevealTarget } from '../commands/ids';
import type { CorpusIndex } from './corpusIndex';
import { drain } from './slicing';
import { capitalize, clip } from './text';

/** One diagnostic, in article offsets. */
export interface DiagnosticDescriptor {
  article: string;
  start: number;
  end: number;
  message: string;
  type: DivergenceType;
  /** Cluster of the divergence. */
  cluster: string;
  /** The other versions (every article on the other side of the divergence). */
  related: (RevealTarget & { message: string })[];
}

/** One article's version of a grouped divergence. */
interface Version extends RevealTarget {
  wording: string;
}

/** One divergence of a cluster across its pairs: which article says which wording. */
export interface GroupedDivergence {
  cluster: string;
  type: DivergenceType;
  /** The two differing wordings (one may be ''). */
  wordings: [string, string];
  /** Article → its version, for every article known to carry one of the wordings. */
  versions: Map<string, Version>;
}

/** Substantive divergences as diagnostics, one per divergence (see the module comment). */
export function diagnostics(index: CorpusIndex): DiagnosticDescriptor[] {
  const out: DiagnosticDescriptor[] = [];
  for (const d of diagnosticSteps(index)) if (d) out.push(d);
  return out;
}

/**
 * The same diagnostics one by one (undefined between matches, so a caller can
 * slice the work with runSliced without blocking the event loop).
 */
export function* diagnosticSteps(index: CorpusIndex): Generator<DiagnosticDescriptor | undefined> {
  const groups = yield* divergenceGroupSteps(index);
  for (const g of groups) {
    yield undefined;
    yield* describeGroup(g);
  }
}

/** The substantive divergences grouped across pairs, step by step (one step per match). */
export function* divergenceGroupSteps(index: CorpusIndex): Generator<undefined, GroupedDivergence[]> {
  const groups = new Map<string, GroupedDivergence>();
  for (const m of index.matches) {
    yield undefined;
    for (const d of m.divergences) if (d.substantive) addToGroup(index, groups, m, d);
  }
  for (const g of groups.values()) inferOtherMembers(index, g);
  return [...groups.values()];
}

/** Number of substantive divergences once grouped across pairs: what the views count as "divergences to review". */
export function divergenceCount(index: CorpusIndex): number {
  return drain(divergenceGroupSteps(index)).length;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The identity of a divergence across the pairs of its cluster: cluster, type and the two wordings in either order. */
export function divergenceKey(cluster: string, d: Divergence): string {
  const [x, y] = [norm(d.a), norm(d.b)].sort();
  return `${cluster}\u0000${d.type}\u0000${x}\u0000${y}`;
}

/** Adds both sides of a pair's divergence to the group of its cluster, type and wordings. */
function addToGroup(index: CorpusIndex, groups: Map<string, GroupedDivergence>, m: Match, d: Divergence): void {
  const x = [norm(d.a), norm(d.b)].sort()[0];
  const key = divergenceKey(m.cluster, d);
  let g = groups.get(key);
  if (!g) groups.set(key, (g = { cluster: m.cluster, type: d.type, wordings: norm(d.a) === x ? [d.a, d.b] : [d.b, d.a], versions: new Map() }));
  for (const side of ['a', 'b'] as const) {
    const article = m[side].article;
    if (g.versions.has(article)) continue;
    const r = index.divergenceRange(m, d, side);
    g.versions.set(article, { article, start: r.start, end: r.end, wording: side === 'a' ? d.a : d.b });
  }
}

/** Places the cluster's other members on a side when their text holds exactly one of the wordings. */
function inferOtherMembers(index: CorpusIndex, g: GroupedDivergence): void {
  for (const member of index.cluster(g.cluster)?.members ?? []) {
    if (g.versions.has(member.article) || !index.article(member.article)) continue;
    const text = norm(member.text);
    const has = g.wordings.map((w) => (norm(w) ? text.includes(norm(w)) : undefined));
    let pick: number | undefined;
    if (has[0] === undefined) pick = has[1] ? 1 : 0;
    else if (has[1] === undefined) pick = has[0] ? 0 : 1;
    else if (has[0] !== has[1]) pick = has[0] ? 0 : 1;
    if (pick === undefined) continue;
    const wording = g.wordings[pick];
    const at = wording ? member.text.toLowerCase().indexOf(wording.toLowerCase()) : -1;
    const start = at >= 0 ? member.start + at : member.start;
    const end = at >= 0 ? start + wording.length : member.end;
    g.versions.set(member.article, { article: member.article, start, end, wording });
  }
}

/** The diagnostics of one grouped divergence: on the minority side, or on every version when tied. */
function* describeGroup(g: GroupedDivergence): Generator<DiagnosticDescriptor> {
  const all = [...g.versions.values()];
  // wordings equal once normalised (spacing, case): split the versions by their exact words
  const same = norm(g.wordings[0]) === norm(g.wordings[1]);
  const sides = g.wordings.map((w) => all.filter((v) => (same ? v.wording === w : norm(v.wording) === norm(w))));
  const [zero, one] = sides;
  const deviating = zero.length === one.length ? [...zero, ...one] : zero.length < one.length ? zero : one;
  for (const v of deviating) {
    const others = zero.includes(v) ? one : zero;
    yield describeVersion(g, v, others);
  }
}

/** "and"-joined article names: "a", "a and b", "a, b and c". */
function names(list: string[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** One diagnostic, worded from the viewpoint of the article it sits in. */
function describeVersion(g: GroupedDivergence, v: Version, others: Version[]): DiagnosticDescriptor {
  const who = names(others.map((o) => o.article));
  const say = others.length === 1 ? 'says' : 'say';
  const mine = v.wording;
  const theirs = others[0]?.wording ?? '';
  const text = !theirs.trim()
    ? `this article has “${clip(mine, 80)}”; ${who} ${others.length === 1 ? 'does' : 'do'} not`
    : !mine.trim()
      ? `this article lacks “${clip(theirs, 80)}”, which ${who} ${others.length === 1 ? 'has' : 'have'}`
      : `this article says “${clip(mine, 80)}”; ${who} ${say} “${clip(theirs, 80)}”`;
  return {
    article: v.article,
    start: v.start,
    end: v.end,
    message: `${capitalize(g.type)}: ${text}`,
    type: g.type,
    cluster: g.cluster,
    related: others.map((o) => ({ article: o.article, start: o.start, end: o.end, message: `${o.article}: “${clip(o.wording || '(nothing)', 120)}”` })),
  };
}
