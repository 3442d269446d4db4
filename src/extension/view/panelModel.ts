// The corpus panel's view model and a cluster's detail (versions diffed against
// a reference, their divergences). Pure: no `vscode` import.
import { sourceLabels } from '../../core/meta/labels';
import type { Article, Cluster } from '../../core/types';
import { PALETTE_SIZE, slotOf } from '../palette';
import type { ClusterDetail, DetailDivergence, DetailVersion, PanelModel } from '../panel/protocol';
import type { CorpusIndex } from './corpusIndex';
import { clip, orderByDivergenceType } from './text';
import { wordDiff } from './wordDiff';

/** The panel's model step by step (one step per cluster); `pair` restricts it to two articles. */
export function* panelModelSteps(index: CorpusIndex, pair?: [string, string]): Generator<void, PanelModel> {
  const keep = pair ? new Set(pair) : undefined;
  const labels = sourceLabels(index.articles);
  const articles = index.articles.filter((a) => !keep || keep.has(a.id)).map((a) => ({ id: a.id, title: namedTitle(a, labels), source: labels.get(a.id) ?? a.id, file: a.file, text: a.text, ...(a.bodyStart ? { bodyStart: a.bodyStart } : {}) }));
  if (pair) articles.sort((x, y) => pair.indexOf(x.id) - pair.indexOf(y.id));
  yield;
  const clusters: PanelModel['clusters'] = [];
  for (const c of index.clusters) {
    yield;
    const members = c.members.filter((m) => (!keep || keep.has(m.article)) && index.article(m.article)).map((m) => ({ article: m.article, start: m.start, end: m.end }));
    if (members.length < (keep ? 2 : 1)) continue;
    clusters.push({
      id: c.id,
      kind: c.kind,
      speaker: c.speaker,
      grade: c.grade,
      substantive: keep ? pairSubstantive(index, c, keep) : c.substantive,
      slot: slotOf(c.id),
      label: clip((c.members.find((m) => !keep || keep.has(m.article)) ?? c.members[0])?.text ?? '', 60),
      members,
    });
  }
  return { articles, clusters, totalSources: index.sourceCount, pair, paletteSize: PALETTE_SIZE };
}

/**
 * An article's heading: its outlet and date ("Minembwe Capital News · Jun 11, 2023 — Title")
 * when it has either, else its title alone (its file shows beside it).
 */
export function namedTitle(a: Article, labels: Map<string, string>): string {
  if (a.outlet === undefined && a.date === undefined) return a.title;
  const label = labels.get(a.id) ?? a.id;
  return a.title ? `${label} — ${a.title}` : label;
}

/** Substantive divergences of a cluster's matches between the kept articles. */
function pairSubstantive(index: CorpusIndex, c: Cluster, keep: Set<string>): number {
  let n = 0;
  for (const id of c.matches) {
    const m = index.match(id);
    if (m && keep.has(m.a.article) && keep.has(m.b.article)) n += m.divergences.filter((d) => d.substantive).length;
  }
  return n;
}

/** Detail of a cluster: versions diffed against `reference` (default: the first member), limited to `only` when given. */
export function clusterDetail(index: CorpusIndex, clusterId: string, reference?: string, only?: Set<string>): ClusterDetail | undefined {
  const c = index.cluster(clusterId);
  if (!c) return undefined;
  const members = c.members.filter((m) => index.article(m.article) && (!only || only.has(m.article)));
  if (!members.length) return undefined;
  const ref = members.find((m) => m.article === reference) ?? members[0];
  const labels = sourceLabels(index.articles);
  const versions: DetailVersion[] = members.map((m) => {
    const a = index.article(m.article);
    const v: DetailVersion = { article: m.article, source: labels.get(m.article) ?? m.article, title: a ? namedTitle(a, labels) : m.article, start: m.start, end: m.end, text: m.text };
    if (m === ref) v.reference = true;
    else {
      v.diff = wordDiff(ref.text, m.text);
      const pair = index.matchBetween(c, ref.article, m.article);
      if (pair) v.grade = pair.match.grade;
    }
    return v;
  });
  versions.sort((x, y) => (x.reference ? -1 : y.reference ? 1 : 0));
  return {
    cluster: c.id,
    kind: c.kind,
    speaker: c.speaker,
    grade: c.grade,
    slot: slotOf(c.id),
    reference: ref.article,
    versions,
    divergences: orderByDivergenceType(detailDivergences(index, c, only, labels)),
  };
}

/** Every divergence of a cluster's kept matches (between `only`'s articles when given). */
function detailDivergences(index: CorpusIndex, c: Cluster, only: Set<string> | undefined, labels: Map<string, string>): DetailDivergence[] {
  const divergences: DetailDivergence[] = [];
  for (const id of c.matches) {
    const m = index.match(id);
    if (!m) continue;
    if (only && !(only.has(m.a.article) && only.has(m.b.article))) continue;
    for (const d of m.divergences) {
      const names = { sourceA: labels.get(m.a.article) ?? m.a.article, sourceB: labels.get(m.b.article) ?? m.b.article };
      divergences.push({ type: d.type, substantive: d.substantive, a: d.a, b: d.b, message: d.message, articleA: m.a.article, articleB: m.b.article, match: m.id, ...names });
    }
  }
  return divergences;
}
