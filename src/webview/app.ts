// The panel's controller: holds the model index and the persisted state, and
// coordinates the toolbar, legend, grid, columns and detail view.
import type { ClusterDetail, DiffView, PanelModel, PanelReview, PanelState } from '../extension/panel/protocol';
import { DEFAULT_FILTERS, indexModel, isVisible, positionText, stepFrom, summaryText, type Filters, type ModelIndex } from './clusterIndex';
import { Columns } from './columns';
import { DetailView } from './detail';
import { attr, byId } from './dom';
import { renderGrid, renderLegend } from './legend';
import { installUnreviewedFilter } from './reviewControls';
import { installSplitter } from './splitter';
import { markTimeline, renderTimeline } from './timeline';
import { TextStore } from './textStore';
import type { Host } from './vscodeApi';

/** The page's fixed elements (written by the extension's HTML). */
export interface PanelElements {
  columns: HTMLElement;
  detail: HTMLElement;
  legend: HTMLElement;
  grid: HTMLElement;
  status: HTMLElement;
  position: HTMLElement;
  filterQuotes: HTMLInputElement;
  filterPassages: HTMLInputElement;
  filterSubstantive: HTMLInputElement;
}

/** Finds the page's fixed elements. */
export function findElements(): PanelElements {
  return {
    columns: byId('cc-columns'),
    detail: byId('cc-detail'),
    legend: byId('cc-legend'),
    grid: byId('cc-overview'),
    status: byId('cc-status'),
    position: byId('cc-position'),
    filterQuotes: byId<HTMLInputElement>('cc-filter-quotes'),
    filterPassages: byId<HTMLInputElement>('cc-filter-passages'),
    filterSubstantive: byId<HTMLInputElement>('cc-filter-substantive'),
  };
}

/** The corpus panel of one page. */
export class PanelApp {
  readonly state: PanelState;
  readonly texts: TextStore;
  readonly columns: Columns;
  readonly detail: DetailView;
  private model: PanelModel | undefined;
  private index: ModelIndex | undefined;
  /** The cluster to scroll to once the columns holding it have their text. */
  private scrollPending: string | undefined;
  /** The toolbar's "Not yet reviewed" filter and the timeline's box (added by the script, not the page). */
  private unreviewedBox: HTMLInputElement | undefined;
  private timelineBox: HTMLElement | undefined;
  /** Called after each render with the model's index (the pairwise comparison view draws itself from it). */
  onRender: ((index: ModelIndex) => void) | undefined;
  /** Called when a cluster is selected; `scroll` when the selection should be brought into view. */
  onSelect: ((cluster: string, scroll: boolean) => void) | undefined;

  constructor(readonly host: Host, readonly ui: PanelElements) {
    this.state = { filters: { ...DEFAULT_FILTERS }, ...(host.savedState() || {}) };
    this.texts = new TextStore((m) => host.post(m));
    this.columns = new Columns(ui.columns, this.texts, () => this.state.cluster, (id, article) => this.select(id, article, true));
    const diffView = { get: () => this.state.diffView, set: (v: DiffView) => ((this.state.diffView = v), this.save()) };
    this.detail = new DetailView(ui.detail, (m) => host.post(m), () => this.closeDetail(), diffView, () => !!this.model?.review?.readOnly);
  }

  /** The filters in effect. */
  get filters(): Filters {
    return this.state.filters || DEFAULT_FILTERS;
  }

  /** Starts: adds the detail pane's resize handle, shows the saved filters and tells the extension the page is ready. */
  start(): void {
    const body = this.ui.detail.parentElement;
    if (body) installSplitter(body, this.ui.detail, this.state.detailWidth, (w) => ((this.state.detailWidth = w), this.save()));
    this.keepAlignedOnResize();
    this.addReviewControls();
    this.showFilters();
    this.ui.status.textContent = 'Loading…';
    this.host.post({ type: 'ready' });
  }

  /** A new model: forgets another version's texts, then draws everything. */
  setModel(model: PanelModel, focusCluster: string | undefined): void {
    if (!this.model || this.model.version !== model.version) this.texts.reset(model.version ?? 0);
    this.model = model;
    this.state.pair = model.pair;
    if (focusCluster) {
      this.state.cluster = focusCluster;
      this.state.article = undefined;
    }
    this.save();
    document.body.classList.remove('cc-busy');
    this.render();
    if (focusCluster && this.index?.clusterById.has(focusCluster)) this.select(focusCluster, undefined, true);
  }

  /** Draws the legend, grid and columns, and re-opens the selected cluster. */
  render(): void {
    if (!this.model) return;
    const index = (this.index = indexModel(this.model, this.filters));
    const select = (id: string, article: string | undefined, scroll: boolean) => this.select(id, article, scroll);
    renderLegend(this.ui.legend, index, select);
    renderGrid(this.ui.grid, index, select);
    if (this.timelineBox) renderTimeline(this.timelineBox, this.model.timeline, index.clusterById, (id) => this.select(id, undefined, true));
    this.columns.render(index);
    this.onRender?.(index);
    this.showSummary();
    if (this.state.cluster && index.clusterById.has(this.state.cluster)) this.select(this.state.cluster, this.state.article, false);
    else this.closeDetail();
    this.showPosition();
  }

  /**
   * Selects a cluster: marks it, opens its detail and scrolls every column holding it
   * so that its occurrences sit at the same height (at the clicked mark's height when
   * `anchor` is given). With `scroll`, the columns holding it are also filled and the
   * first of them is brought into view.
   */
  select(id: string, article: string | undefined, scroll: boolean, anchor?: HTMLElement): void {
    const c = this.index?.clusterById.get(id);
    if (!c) return;
    this.state.cluster = id;
    this.state.article = article;
    this.save();
    this.markActive(id);
    if (this.timelineBox) markTimeline(this.timelineBox, id);
    this.detail.open(id, article);
    if (scroll) {
      this.scrollPending = id;
      const holders = new Set(c.members.map((m) => m.article));
      const sections = this.columns.sections().filter((s) => holders.has(s.dataset.article || ''));
      for (const section of sections) this.columns.fill(section);
      const first = (article && sections.find((s) => s.dataset.article === article)) || sections[0];
      first?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
    this.columns.align(id, anchor);
    this.onSelect?.(id, scroll);
    this.showPosition();
  }

  /** Closes the detail view and clears the selection. */
  closeDetail(): void {
    this.detail.close();
    this.markActive(undefined);
    if (this.timelineBox) markTimeline(this.timelineBox, undefined);
    this.state.cluster = undefined;
    this.save();
    this.showPosition();
  }

  /** Selects the next (1) or previous (-1) cluster in reading order. */
  step(dir: 1 | -1): void {
    const next = this.index && stepFrom(this.index.order, this.state.cluster, dir);
    if (next) this.select(next, undefined, true);
  }

  /** The toolbar's filters changed. */
  setFilters(filters: Filters): void {
    this.state.filters = filters;
    this.save();
    this.render();
  }

  /** A detail came from the extension. */
  showDetail(d: ClusterDetail): void {
    if (this.index) this.detail.render(d, this.index.clusterById.get(d.cluster), this.index.model.totalSources);
  }

  /** Texts came: fills the columns waiting for them, and scrolls to the selection if it was waiting too. */
  receiveTexts(version: number, list: { id: string; text: string }[]): void {
    if (!this.index || !this.texts.receive(version, list)) return;
    const filled = this.columns.fillWaiting(list.map((t) => t.id));
    if (this.scrollPending && filled.length) this.columns.align(this.scrollPending);
    if (!this.texts.wanted.size) this.scrollPending = undefined;
  }

  /** The extension asks to show a cluster (shown even when the filters hide it). */
  focus(cluster: string): void {
    const c = this.index?.clusterById.get(cluster);
    if (!c) {
      this.state.cluster = cluster;
      return;
    }
    if (!isVisible(c, this.filters)) {
      this.state.filters = { ...DEFAULT_FILTERS };
      this.showFilters();
      this.render();
    }
    this.select(cluster, undefined, true);
  }

  /** The extension is (or stopped) analysing. */
  setBusy(busy: boolean, message: string | undefined): void {
    document.body.classList.toggle('cc-busy', busy);
    if (busy) this.ui.status.textContent = message || 'Analysing…';
    else if (this.index) this.showSummary();
    else this.ui.status.textContent = '';
  }

  /** Review decisions changed: new counts, and each cluster's divergences left to review. */
  updateReview(review: PanelReview, toReview: Record<string, number>): void {
    if (!this.model || this.model.pair) return;
    this.model = { ...this.model, review, clusters: this.model.clusters.map((c) => ({ ...c, toReview: toReview[c.id] ?? 0 })) };
    if (this.filters.unreviewedOnly) this.render();
    else {
      this.index = indexModel(this.model, this.filters);
      renderLegend(this.ui.legend, this.index, (id, article, scroll) => this.select(id, article, scroll));
      if (this.state.cluster) this.markActive(this.state.cluster);
      this.showSummary();
    }
  }

  /** The header's counts: the host's review summary (as the status bar says it), else the model's own summary. */
  private showSummary(): void {
    const model = this.index?.model;
    if (!model) return;
    this.ui.status.textContent = model.review?.summary ?? summaryText(model);
    this.ui.status.title = model.review?.detail ?? '';
  }

  /** The "Not yet reviewed" filter (main panel) and the timeline's box above the legend. */
  private addReviewControls(): void {
    const after = this.ui.filterSubstantive.closest('label') ?? this.ui.filterSubstantive;
    this.unreviewedBox = installUnreviewedFilter(after, !!this.filters.unreviewedOnly, (on) => this.setFilters({ ...this.filters, unreviewedOnly: on }));
    const legend = this.ui.legend;
    const box = document.createElement('div');
    box.id = 'cc-timeline';
    box.className = 'cc-timeline';
    box.setAttribute('aria-label', 'Timeline of the sources');
    legend.before(box);
    this.timelineBox = box;
  }

  /** Text reflows when the columns change width (the pane opens or is resized): the selected cluster is aligned again. */
  private keepAlignedOnResize(): void {
    if (typeof ResizeObserver !== 'function') return;
    let queued = false;
    new ResizeObserver(() => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        if (this.state.cluster && this.detail.cluster === this.state.cluster) this.columns.align(this.state.cluster);
      });
    }).observe(this.ui.columns);
  }

  private markActive(id: string | undefined): void {
    for (const m of document.querySelectorAll('.cc-active')) m.classList.remove('cc-active');
    if (id) for (const m of document.querySelectorAll(attr('data-cluster', id))) m.classList.add('cc-active');
    this.ui.detail.classList.remove('cc-active'); // the detail pane carries data-cluster too, but is no occurrence
  }

  private showFilters(): void {
    const f = this.filters;
    this.ui.filterQuotes.checked = f.quotes;
    this.ui.filterPassages.checked = f.passages;
    this.ui.filterSubstantive.checked = f.substantiveOnly;
    if (this.unreviewedBox) this.unreviewedBox.checked = !!f.unreviewedOnly;
  }

  private showPosition(): void {
    this.ui.position.textContent = positionText(this.index?.order ?? [], this.state.cluster);
  }

  private save(): void {
    this.host.saveState(this.state);
  }
}
