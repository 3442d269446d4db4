// The legend (one button per visible cluster, capped) and the sources × clusters grid.
import type { PanelCluster } from '../extension/panel/protocol';
import { carriedText, type ModelIndex } from './clusterIndex';
import { el, paint } from './dom';

/** Legend entries drawn at most (the rest are reached with ←/→ or the columns). */
export const LEGEND_MAX = 200;
/** The sources × clusters grid is drawn up to this many cells. */
export const GRID_MAX_CELLS = 20000;

/** Selects a cluster (optionally in one article), scrolling the columns to it. */
export type SelectCluster = (cluster: string, article: string | undefined, scroll: boolean) => void;

/** Draws the legend: the first LEGEND_MAX visible clusters in reading order, then a note. */
export function renderLegend(legend: HTMLElement, index: ModelIndex, select: SelectCluster): void {
  legend.replaceChildren();
  if (!index.shown.length) {
    legend.append(el('span', 'cc-empty', 'No matches to show.'));
    return;
  }
  const first = index.order.slice(0, LEGEND_MAX).map((id) => index.clusterById.get(id)).filter((c): c is PanelCluster => !!c);
  for (const c of first) legend.append(legendItem(c, index.model.totalSources, select));
  if (index.shown.length > first.length) {
    const rest = (index.shown.length - first.length).toLocaleString('en');
    const more = el('div', 'cc-legend-more', `… and ${rest} more clusters: step through them with ← / → (j / k), or use “Find Quote Across Sources”.`);
    more.id = 'cc-legend-more';
    legend.append(more);
  }
}

function legendItem(c: PanelCluster, totalSources: number, select: SelectCluster): HTMLElement {
  const item = el('button', 'cc-legend-item');
  item.dataset.cluster = c.id;
  const review = c.toReview === undefined || !c.substantive ? '' : c.toReview ? ` · ${c.toReview} to review` : ' · all reviewed';
  item.title = `${c.id} · ${carriedText(c, totalSources)} · ${c.grade}${c.substantive ? ` · ${c.substantive} substantive` : ''}${review}`;
  const sw = el('span', 'cc-swatch');
  paint(sw, c.slot);
  item.append(sw, el('span', 'cc-legend-id', c.id), el('span', 'cc-legend-label', (c.speaker ? c.speaker + ': ' : '') + c.label));
  if (c.substantive) {
    const reviewed = c.toReview === 0;
    const badge = el('span', reviewed ? 'cc-badge cc-badge-reviewed' : 'cc-badge', reviewed ? '✓' : String(c.toReview ?? c.substantive));
    item.append(badge);
  }
  item.addEventListener('click', () => select(c.id, undefined, true));
  return item;
}

/** Draws the sources × clusters grid, or a note when it would exceed GRID_MAX_CELLS. */
export function renderGrid(box: HTMLElement, index: ModelIndex, select: SelectCluster): void {
  box.replaceChildren();
  const { model, shown } = index;
  if (!shown.length) return;
  if (model.articles.length * shown.length > GRID_MAX_CELLS) {
    const n = (x: number) => x.toLocaleString('en');
    const note = el('div', 'cc-grid-note', `The sources × clusters grid is drawn up to ${n(GRID_MAX_CELLS)} cells; this corpus has ${n(model.articles.length)} sources × ${n(shown.length)} clusters. Filter to quotes or substantive divergences to shrink it.`);
    note.id = 'cc-grid-note';
    box.append(note);
    return;
  }
  const table = el('table', 'cc-grid');
  table.id = 'cc-grid';
  const head = el('tr');
  head.append(el('th', 'cc-grid-corner', 'source \\ cluster'));
  for (const c of shown) {
    const th = el('th', 'cc-grid-head', c.id);
    th.title = `${c.kind}${c.speaker ? ' · ' + c.speaker : ''} · ${carriedText(c, model.totalSources)}`;
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  for (const a of model.articles) tbody.append(gridRow(a.id, a.source ?? a.id, a.title, shown, select));
  table.append(thead, tbody);
  box.append(table);
}

function gridRow(article: string, source: string, title: string, shown: PanelCluster[], select: SelectCluster): HTMLElement {
  const tr = el('tr');
  const th = el('th', 'cc-grid-source', source);
  th.title = `${title}\n${article}`;
  tr.append(th);
  for (const c of shown) {
    const td = el('td', 'cc-cell');
    td.dataset.cluster = c.id;
    td.dataset.article = article;
    if (c.members.some((x) => x.article === article)) {
      td.classList.add('cc-has');
      paint(td, c.slot);
      td.title = `${source} carries ${c.id}`;
      td.tabIndex = -1;
      td.addEventListener('click', () => select(c.id, article, true));
    }
    tr.append(td);
  }
  return tr;
}
