// Diagnostic descriptors: exactly one per substantive divergence, not per pair, so
// Problems counts what the status bar, panel and tree count. A divergence (same
// cluster, type and differing wordings) is grouped across the pairs of its cluster;
// it sits on the first source (by date, else file order) of the side that deviates
// from the majority (when tied: the side the first source does not hold), with
// every other version as related information, worded from the viewpoint of its own
// article and naming articles by outlet and date. Pure: no `vscode` import.
import { dateValue } from '../../core/meta/fields';
import { sourceLabels } from '../../core/meta/labels';
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
  /** The other versions: the other side's first (the first of them is the article paired with this one), then this side's others. */
  related: (RevealTarget & { message: string })[];
  /** The pairs' divergences this diagnostic stands for (a review decision on any of them applies to it). */
  pairs: DivergencePair[];
  /** The identity of the divergence across pairs (divergenceKey). */
  key: string;
}

/** One pair's divergence: a match and one of its substantive divergences. */
export interface DivergencePair {
  match: Match;
  divergence: Divergence;
}

/** One article's version of a grouped divergence. */
interface Version extends RevealTarget {
  wording: string;
}

/** One divergence of a cluster across its pairs: which article says which wording. */
export interface GroupedDivergence {
  /** divergenceKey of the group. */
  key: string;
  cluster: string;
  type: DivergenceType;
  /** The two differing wordings (one may be ''). */
  wordings: [string, string];
  /** Article → its version, for every article known to carry one of the wordings. */
  versions: Map<string, Version>;
  /** Every pair carrying this divergence. */
  pairs: DivergencePair[];
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
  const names = { labels: sourceLabels(index.articles), rank: sourceRanks(index) };
  for (const g of groups) {
    yield undefined;
    const d = describeGroup(g, names);
    if (d) yield d;
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
  if (!g) groups.set(key, (g = { key, cluster: m.cluster, type: d.type, wordings: norm(d.a) === x ? [d.a, d.b] : [d.b, d.a], versions: new Map(), pairs: [] }));
  g.pairs.push({ match: m, divergence: d });
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

/** How articles are named and ordered in messages: labels (outlet · date, else id) and source order (date, then file). */
interface Naming {
  labels: Map<string, string>;
  rank: Map<string, number>;
}

/** Each article's place in source order: dated articles by date (ties in file order), then undated ones in file order. */
export function sourceRanks(index: { articles: readonly { id: string; date?: string }[] }): Map<string, number> {
  const order = index.articles.map((a, i) => ({ id: a.id, i, t: dateValue(a.date) }));
  order.sort((x, y) => {
    const [nx, ny] = [Number.isNaN(x.t), Number.isNaN(y.t)];
    if (nx !== ny) return nx ? 1 : -1;
    return (nx ? 0 : x.t - y.t) || x.i - y.i;
  });
  return new Map(order.map((o, rank) => [o.id, rank]));
}

/**
 * The one diagnostic of a grouped divergence: on the deviating side (the minority; when
 * tied, the side without the first source), on its first source that is paired directly
 * with a version of the other side (so the quick fixes can name the pair).
 */
function describeGroup(g: GroupedDivergence, naming: Naming): DiagnosticDescriptor | undefined {
  const all = [...g.versions.values()];
  const rankOf = (v: Version) => naming.rank.get(v.article) ?? Infinity;
  // wordings equal once normalised (spacing, case): split the versions by their exact words
  const same = norm(g.wordings[0]) === norm(g.wordings[1]);
  const sides = g.wordings.map((w) => all.filter((v) => (same ? v.wording === w : norm(v.wording) === norm(w))).sort((x, y) => rankOf(x) - rankOf(y)));
  const [zero, one] = sides;
  if (!zero.length || !one.length) return undefined;
  const tiedFirstInZero = rankOf(zero[0]) <= rankOf(one[0]);
  const deviating = zero.length === one.length ? (tiedFirstInZero ? one : zero) : zero.length < one.length ? zero : one;
  const others = deviating === zero ? one : zero;
  const paired = (v: Version) => g.pairs.find(({ match: m }) => (m.a.article === v.article && others.some((o) => o.article === m.b.article)) || (m.b.article === v.article && others.some((o) => o.article === m.a.article)));
  const v = deviating.find((x) => paired(x)) ?? deviating[0];
  const pair = paired(v);
  const partner = pair ? (pair.match.a.article === v.article ? pair.match.b.article : pair.match.a.article) : undefined;
  const ordered = partner ? [...others.filter((o) => o.article === partner), ...others.filter((o) => o.article !== partner)] : others;
  return describeVersion(g, v, ordered, deviating.filter((x) => x !== v), naming);
}
/** "and"-joined article names: "a", "a and b", "a, b and c". */
function names(list: string[]): string {
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** One diagnostic, worded from the viewpoint of the article it sits in. */
function describeVersion(g: GroupedDivergence, v: Version, others: Version[], alike: Version[], naming: Naming): DiagnosticDescriptor {
  const label = (id: string) => naming.labels.get(id) ?? id;
  const who = names(others.map((o) => label(o.article)));
  const say = others.length === 1 ? 'says' : 'say';
  const mine = v.wording;
  const theirs = others[0]?.wording ?? '';
  const text = !theirs.trim()
    ? `this article has “${clip(mine, 80)}”; ${who} ${others.length === 1 ? 'does' : 'do'} not`
    : !mine.trim()
      ? `this article lacks “${clip(theirs, 80)}”, which ${who} ${others.length === 1 ? 'has' : 'have'}`
      : `this article says “${clip(mine, 80)}”; ${who} ${say} “${clip(theirs, 80)}”`;
  const also = alike.length ? ` (${names(alike.map((a) => label(a.article)))} ${alike.length === 1 ? 'agrees' : 'agree'} with this article)` : '';
  const related = (o: Version) => ({ article: o.article, start: o.start, end: o.end, message: `${label(o.article)}: “${clip(o.wording || '(nothing)', 120)}”` });
  return {
    article: v.article,
    start: v.start,
    end: v.end,
    message: `${capitalize(g.type)}: ${text}${also}`,
    type: g.type,
    cluster: g.cluster,
    related: [...others, ...alike].map(related),
    pairs: g.pairs,
    key: g.key,
  };
}
