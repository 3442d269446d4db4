// The review and provenance parts of the corpus panel: the header's counts, each
// cluster's divergences left to review, a cluster's divergences with their review state
// (for the detail view's controls), who carried a cluster when, and the sources'
// timeline. Pure: no `vscode` import.
import { sourceLabels, withArticleMeta } from '../../core/meta/labels';
import { clusterProvenance, sourceTimeline } from '../../core/provenance/provenance';
import type { AnalysisResult, Cluster } from '../../core/types';
import type { DetailProvenance, DetailReview, PanelReview, TimelineModel } from '../panel/protocol';
import type { CorpusIndex } from './corpusIndex';
import type { GroupedDivergence } from './diagnostics';
import { reviewCountsDetail, summaryLine, type DivergenceCounts, type DivergenceReview } from './reviewCounts';

/** The panel header's counts: the status bar's summary line and what each count means. */
export function panelReview(index: CorpusIndex, counts: DivergenceCounts, readOnly: boolean): PanelReview {
  const review: PanelReview = {
    summary: summaryLine(index.sourceCount, index.clusters.length, counts),
    detail: reviewCountsDetail(counts),
    reviewed: counts.reviewed,
    toReview: counts.toReview,
  };
  if (readOnly) review.readOnly = true;
  return review;
}

/** Whether a status still asks for a reviewer's look (unreviewed, or its text changed since the decision). */
export function isToReview(status: DivergenceReview['status']): boolean {
  return status === 'unreviewed' || status === 'needs-re-review';
}

/** Per cluster, its divergences left to review (clusters with none are left out). */
export function clusterToReview(groups: readonly GroupedDivergence[], reviews: Map<string, DivergenceReview>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of groups) {
    if (!isToReview(reviews.get(g.key)?.status ?? 'unreviewed')) continue;
    out[g.cluster] = (out[g.cluster] ?? 0) + 1;
  }
  return out;
}

/** A cluster's divergences (grouped across pairs) with their review state; decisions go on the pair decided before, else the first pair. */
export function detailReview(index: CorpusIndex, cluster: string, groups: readonly GroupedDivergence[], reviews: Map<string, DivergenceReview>): DetailReview[] {
  const labels = sourceLabels(index.articles);
  const name = (id: string) => labels.get(id) ?? id;
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const out: DetailReview[] = [];
  for (const g of groups) {
    if (g.cluster !== cluster || !g.pairs.length) continue;
    const r = reviews.get(g.key) ?? { status: 'unreviewed' };
    const pair = r.pair ?? g.pairs[0];
    const sides: [string[], string[]] = [[], []];
    const same = norm(g.wordings[0]) === norm(g.wordings[1]);
    for (const v of g.versions.values()) {
      const first = same ? v.wording === g.wordings[0] : norm(v.wording) === norm(g.wordings[0]);
      sides[first ? 0 : 1].push(name(v.article));
    }
    const item: DetailReview = { key: g.key, type: g.type, wordings: g.wordings, sides, status: r.status, match: pair.match.id, divergence: pair.match.divergences.indexOf(pair.divergence) };
    if (r.decision?.note) item.note = r.decision.note;
    if (r.decision) item.decidedAt = r.decision.decidedAt;
    out.push(item);
  }
  return out;
}

/** The result with its article summaries carrying outlets and dates (what provenance orders by). */
function datedResult(index: CorpusIndex): AnalysisResult {
  return withArticleMeta(index.result, index.articles);
}

/**
 * Who carried a cluster when, and with which grade (dated sources by date, then undated ones
 * in file order); limited to the articles of `only` when given (a pair panel's two articles).
 */
export function detailProvenance(index: CorpusIndex, clusterId: string, only?: ReadonlySet<string>): DetailProvenance | undefined {
  const whole = index.cluster(clusterId);
  if (!whole) return undefined;
  const c = only ? clusterWithin(index, whole, only) : whole;
  if (!c.members.length) return undefined;
  const result = datedResult(index);
  const p = clusterProvenance(result, c, sourceLabels(index.articles));
  return { order: p.order, summary: p.summary, carriers: p.carriers.map((x) => ({ ...x })) };
}

/** A cluster with only the members in `only`'s articles and the matches between two of them. */
function clusterWithin(index: CorpusIndex, c: Cluster, only: ReadonlySet<string>): Cluster {
  const matches = c.matches.filter((id) => {
    const m = index.match(id);
    return !!m && only.has(m.a.article) && only.has(m.b.article);
  });
  return { ...c, members: c.members.filter((m) => only.has(m.article)), matches };
}

/** The sources on a time axis, each with the clusters it carried first (only the kept clusters). */
export function timelineModel(index: CorpusIndex): TimelineModel {
  const result = { ...datedResult(index), clusters: index.clusters, matches: index.matches };
  const sources = sourceTimeline(result);
  return { order: sources.some((s) => s.date) ? 'date' : 'file', sources: sources.map((s) => ({ ...s })) };
}
