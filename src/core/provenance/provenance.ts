// Provenance: for each cluster, the earliest dated source and the order in which the others
// followed. Without dates it says so and falls back to file order. Pure; works on an
// AnalysisResult whose article summaries carry `date` (see meta/labels withArticleMeta).
import type { AnalysisResult, ArticleSummary, Cluster, Grade, Match } from '../types';
import { GRADE_ORDER } from '../types';
import { dateValue } from '../meta/fields';
import { formatDate, sourceLabels } from '../meta/labels';

/** One source carrying a cluster, in provenance order. */
export interface Carrier {
  /** Article id. */
  article: string;
  /** The article's name (outlet · date, else id). */
  label: string;
  /** Publication date (ISO), when known. */
  date?: string;
  /** Grade of this source's version against the first source's (closest match when they are not paired directly); absent for the first. */
  grade?: Grade;
}

/** How a cluster's sources are ordered. */
export type ProvenanceOrder = 'date' | 'file';

/** Who carried a cluster first, and who followed. */
export interface ClusterProvenance {
  cluster: string;
  /** `date` when at least one carrier is dated (undated ones follow in file order), else `file`. */
  order: ProvenanceOrder;
  /** Every carrier: dated ones by date (ties in file order), then undated ones in file order. */
  carriers: Carrier[];
  /** Ids of carriers without a date. */
  undated: string[];
  /** One sentence: "First reported by X on Jun 11, 2023; then Y (edited)…" or "No dates known: file order …". */
  summary: string;
}

/** Index of each article in the result (file order). */
function fileOrder(result: AnalysisResult): Map<string, number> {
  return new Map(result.articles.map((a, i) => [a.id, i]));
}

/** The grade linking `article` to `first` within a cluster: their direct match, else the closest grade among its matches. */
function gradeAgainst(matches: Match[], article: string, first: string): Grade | undefined {
  const own = matches.filter((m) => m.a.article === article || m.b.article === article);
  const direct = own.find((m) => m.a.article === first || m.b.article === first);
  if (direct) return direct.grade;
  return own.map((m) => m.grade).sort((x, y) => GRADE_ORDER.indexOf(x) - GRADE_ORDER.indexOf(y))[0];
}

/** Provenance of one cluster. */
export function clusterProvenance(result: AnalysisResult, cluster: Cluster, labels: ReadonlyMap<string, string> = sourceLabels(result.articles), order = fileOrder(result)): ClusterProvenance {
  const byId = new Map<string, ArticleSummary>(result.articles.map((a) => [a.id, a]));
  const ids = [...new Set(cluster.members.map((m) => m.article))];
  const dated = ids.filter((id) => !Number.isNaN(dateValue(byId.get(id)?.date)));
  const undated = ids.filter((id) => !dated.includes(id)).sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
  dated.sort((x, y) => dateValue(byId.get(x)?.date) - dateValue(byId.get(y)?.date) || (order.get(x) ?? 0) - (order.get(y) ?? 0));
  const sequence = [...dated, ...undated];
  const matchIds = new Set(cluster.matches);
  const matches = result.matches.filter((m) => matchIds.has(m.id));
  const carriers = sequence.map((id, i): Carrier => {
    const c: Carrier = { article: id, label: labels.get(id) ?? id };
    const date = byId.get(id)?.date;
    if (date) c.date = date;
    const grade = i > 0 ? gradeAgainst(matches, id, sequence[0]) : undefined;
    if (grade) c.grade = grade;
    return c;
  });
  const p: ClusterProvenance = { cluster: cluster.id, order: dated.length ? 'date' : 'file', carriers, undated, summary: '' };
  p.summary = summarizeProvenance(p);
  return p;
}

/** Provenance of every cluster, in cluster order. */
export function computeProvenance(result: AnalysisResult): ClusterProvenance[] {
  const labels = sourceLabels(result.articles);
  const order = fileOrder(result);
  return result.clusters.map((c) => clusterProvenance(result, c, labels, order));
}

/** "First reported by Minembwe Capital News on Jun 11, 2023" (or the no-date wording) and who followed. */
export function summarizeProvenance(p: ClusterProvenance): string {
  const [first, ...rest] = p.carriers;
  if (!first) return '';
  const follow = rest.map((c) => `${c.label}${c.grade ? ` (${c.grade})` : ''}`);
  if (p.order === 'file') {
    return `No source of this passage has a date; in file order: ${[first.label, ...follow].join(', ')}.`;
  }
  const head = `First reported by ${first.label.replace(/ · .*$/, '')} on ${formatDate(first.date!)}`;
  const dated = rest.filter((c) => c.date).length;
  const tail = rest.length ? `; then ${follow.join(', ')}` : '';
  const missing = rest.length > dated ? ` (${rest.length - dated} without a date, listed last in file order)` : '';
  return `${head}${tail}${missing}.`;
}

/** A source on the corpus timeline. */
export interface TimelineSource {
  article: string;
  label: string;
  date?: string;
  /** Clusters this source carried first (by date; by file order when no carrier is dated). */
  first: string[];
  /** Clusters this source carries. */
  carries: string[];
}

/** The corpus timeline: every source (dated ones by date, then undated in file order), with the clusters it carried first. */
export function sourceTimeline(result: AnalysisResult, provenance: ClusterProvenance[] = computeProvenance(result)): TimelineSource[] {
  const labels = sourceLabels(result.articles);
  const order = fileOrder(result);
  const rows = result.articles.map((a): TimelineSource => ({ article: a.id, label: labels.get(a.id) ?? a.id, ...(a.date ? { date: a.date } : {}), first: [], carries: [] }));
  const byId = new Map(rows.map((r) => [r.article, r]));
  for (const p of provenance) {
    if (p.carriers[0]) byId.get(p.carriers[0].article)?.first.push(p.cluster);
    for (const c of p.carriers) byId.get(c.article)?.carries.push(p.cluster);
  }
  return rows.sort((x, y) => {
    const dx = dateValue(x.date);
    const dy = dateValue(y.date);
    if (Number.isNaN(dx) !== Number.isNaN(dy)) return Number.isNaN(dx) ? 1 : -1;
    return (Number.isNaN(dx) ? 0 : dx - dy) || (order.get(x.article) ?? 0) - (order.get(y.article) ?? 0);
  });
}
