// What the panel derives from a model: the visible clusters in reading order and
// each article's spans. Pure (no DOM), so it is unit-tested in Node.
import type { PanelArticle, PanelCluster, PanelModel, PanelState } from '../extension/panel/protocol';

/** The toolbar's filters. */
export type Filters = NonNullable<PanelState['filters']>;

/** Every cluster shown: the filters' starting point. */
export const DEFAULT_FILTERS: Filters = { quotes: true, passages: true, substantiveOnly: false };

/** One cluster's span in one article, as the columns draw it. */
export interface ArticleSpan {
  cluster: PanelCluster;
  start: number;
  end: number;
}

/** The model plus the lookups the panel needs, for one setting of the filters. */
export interface ModelIndex {
  model: PanelModel;
  clusterById: Map<string, PanelCluster>;
  articleById: Map<string, PanelArticle>;
  /** The clusters that pass the filters, in model order. */
  shown: PanelCluster[];
  /** Ids of the shown clusters in reading order (first article, then first offset). */
  order: string[];
  /** Each article's spans of the shown clusters (empty spans left out). */
  spansByArticle: Map<string, ArticleSpan[]>;
}

/** True when the filters let the cluster through. */
export function isVisible(c: PanelCluster, filters: Filters = DEFAULT_FILTERS): boolean {
  if (c.kind === 'quote' && !filters.quotes) return false;
  if (c.kind === 'passage' && !filters.passages) return false;
  if (filters.substantiveOnly && !c.substantive) return false;
  if (filters.unreviewedOnly && !c.toReview) return false;
  return true;
}

/** Ids of the clusters in reading order: by the first article holding them, then by offset there. */
export function readingOrder(articles: PanelArticle[], clusters: PanelCluster[]): string[] {
  const articleIndex = new Map(articles.map((a, i) => [a.id, i]));
  const firstPos = (c: PanelCluster): [number, number] => {
    let best: [number, number] = [Infinity, Infinity];
    for (const m of c.members) {
      const ai = articleIndex.get(m.article);
      if (ai === undefined) continue;
      if (ai < best[0] || (ai === best[0] && m.start < best[1])) best = [ai, m.start];
    }
    return best;
  };
  return clusters
    .map((c) => ({ id: c.id, p: firstPos(c) }))
    .sort((x, y) => x.p[0] - y.p[0] || x.p[1] - y.p[1])
    .map((x) => x.id);
}

/** Each article's non-empty spans of the given clusters. */
export function spansByArticle(clusters: PanelCluster[]): Map<string, ArticleSpan[]> {
  const out = new Map<string, ArticleSpan[]>();
  for (const cluster of clusters) {
    for (const m of cluster.members) {
      if (m.end <= m.start) continue;
      const span = { cluster, start: m.start, end: m.end };
      const list = out.get(m.article);
      if (list) list.push(span);
      else out.set(m.article, [span]);
    }
  }
  return out;
}

/** Indexes a model for one setting of the filters. */
export function indexModel(model: PanelModel, filters: Filters): ModelIndex {
  const shown = model.clusters.filter((c) => isVisible(c, filters));
  return {
    model,
    clusterById: new Map(model.clusters.map((c) => [c.id, c])),
    articleById: new Map(model.articles.map((a) => [a.id, a])),
    shown,
    order: readingOrder(model.articles, shown),
    spansByArticle: spansByArticle(shown),
  };
}

/** Number of distinct articles carrying a cluster. */
export function sourceCount(c: PanelCluster): number {
  return new Set(c.members.map((m) => m.article)).size;
}

/** "Quoted by 2 of 5 sources" / "Carried by …". */
export function carriedText(c: PanelCluster, totalSources: number | undefined): string {
  return `${c.kind === 'quote' ? 'Quoted' : 'Carried'} by ${sourceCount(c)} of ${totalSources ?? '?'} sources`;
}

/** The toolbar's summary of a model: counted as the status bar counts when the host sends the grouped count. */
export function summaryText(model: PanelModel): string {
  if (model.divergenceCount !== undefined) {
    const [s, m, n] = [model.articles.length, model.clusters.length, model.divergenceCount];
    return `${s} source${s === 1 ? '' : 's'} · ${m} passage${m === 1 ? '' : 's'} matched · ${n} divergence${n === 1 ? '' : 's'} to review`;
  }
  const subst = model.clusters.reduce((n, c) => n + c.substantive, 0);
  return `${model.articles.length} sources · ${model.clusters.length} clusters · ${subst} substantive divergences`;
}

/** The step from the selected cluster to the next (dir 1) or previous (dir -1) one, wrapping around. */
export function stepFrom(order: string[], current: string | undefined, dir: 1 | -1): string | undefined {
  if (!order.length) return undefined;
  const i = current ? order.indexOf(current) : -1;
  const next = i < 0 ? (dir > 0 ? 0 : order.length - 1) : (i + dir + order.length) % order.length;
  return order[next];
}

/** "3 / 17", "– / 17" when nothing is selected, "0 matches". */
export function positionText(order: string[], current: string | undefined): string {
  const i = current ? order.indexOf(current) : -1;
  return order.length ? `${i >= 0 ? i + 1 : '–'} / ${order.length}` : '0 matches';
}
