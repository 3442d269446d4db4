// The two-article comparison mode of a "Compare With…" panel: the two articles in
// aligned rows, as a diff editor shows two files. Shared passages sit side by side
// with their grade in the gutter; text found in one article only is tinted and
// captioned on its side, with a hatched gap opposite. Text goes in as text nodes only.
import type { PanelArticle, PanelModel } from '../extension/panel/protocol';
import type { PairComparison, PairRow, PairSide } from '../extension/view/pairTypes';
import type { ModelIndex } from './clusterIndex';
import { attr, el, targetElement } from './dom';
import { highlightedText } from './highlights';
import { comparisonSummary, gutterText, gutterTitle, shortName, sideCaption, spansWithin, type PairColumn } from './pairRows';

/** What the comparison asks of the panel. */
export interface PairHost {
  /** Selects a cluster (opens its detail), optionally as seen from one article. */
  select(cluster: string, article: string | undefined): void;
  /** Opens an article in the editor at a span. */
  reveal(article: string, start: number, end: number): void;
}

/** The comparison view in its container; shown only for a model with a comparison. */
export class PairView {
  private shown: PairComparison | undefined;

  constructor(readonly root: HTMLElement, private readonly columns: HTMLElement, private readonly host: PairHost) {
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('dblclick', (e) => this.onDoubleClick(e));
    root.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Draws the comparison of a pair panel's model, or hides the view (and shows the columns) for any other model. */
  render(index: ModelIndex): void {
    const cmp = index.model.comparison;
    this.shown = cmp;
    document.body.classList.toggle('cc-pair-mode', !!cmp);
    this.root.hidden = !cmp;
    this.columns.hidden = !!cmp;
    if (!cmp) {
      this.root.replaceChildren();
      return;
    }
    const left = index.articleById.get(cmp.left);
    const right = index.articleById.get(cmp.right);
    const names = { left: shortName(left, cmp.left), right: shortName(right, cmp.right) };
    const head = el('div', 'cc-pair-head');
    head.append(this.heading(left, cmp.left, 'left'), el('div', 'cc-pair-gutter', ''), this.heading(right, cmp.right, 'right'));
    const summary = el('div', 'cc-pair-summary', comparisonSummary(cmp, names));
    summary.id = 'cc-pair-summary';
    const rows = el('div', 'cc-pair-rows');
    rows.setAttribute('role', 'table');
    rows.setAttribute('aria-label', `${names.left} compared with ${names.right}`);
    for (const row of cmp.rows) rows.append(this.rowElement(index.model, index, row, names));
    this.root.replaceChildren(head, summary, rows);
  }

  /** Brings the aligned row of a cluster (else its first moved row) into view. */
  reveal(cluster: string): void {
    if (!this.shown) return;
    const row = this.root.querySelector<HTMLElement>(`.cc-pair-row[data-kind="matched"]${attr('data-cluster', cluster)}`) ?? this.root.querySelector<HTMLElement>(`.cc-pair-row${attr('data-cluster', cluster)}`);
    row?.scrollIntoView({ block: 'center' });
  }

  private heading(a: PanelArticle | undefined, id: string, column: PairColumn): HTMLElement {
    const h = el('div', `cc-pair-heading cc-pair-${column}`);
    const title = el('h2', 'cc-title', a?.title ?? id);
    title.title = a?.title ?? id;
    h.append(title, el('div', 'cc-meta', a?.file || id));
    return h;
  }

  private rowElement(model: PanelModel, index: ModelIndex, row: PairRow, names: { left: string; right: string }): HTMLElement {
    const r = el('div', 'cc-pair-row');
    r.setAttribute('role', 'row');
    r.dataset.kind = row.kind;
    if (row.cluster) r.dataset.cluster = row.cluster;
    if (row.substantive) r.classList.add('cc-subst');
    const gutter = el('div', 'cc-pair-gutter', gutterText(row));
    gutter.title = gutterTitle(row);
    if (row.cluster) {
      gutter.tabIndex = 0;
      gutter.setAttribute('role', 'button');
      if (row.substantive) gutter.append(el('span', 'cc-badge', String(row.substantive)));
    }
    r.append(this.cell(model, index, row, 'left', names), gutter, this.cell(model, index, row, 'right', names));
    return r;
  }

  /** One side of a row: the text with its highlights and caption, or a hatched gap when the row has nothing on this side. */
  private cell(model: PanelModel, index: ModelIndex, row: PairRow, column: PairColumn, names: { left: string; right: string }): HTMLElement {
    const side: PairSide | undefined = row[column];
    const article = column === 'left' ? model.comparison!.left : model.comparison!.right;
    const cell = el('div', `cc-pair-cell cc-pair-${column}`);
    cell.setAttribute('role', 'cell');
    if (!side) {
      cell.classList.add('cc-pair-gap');
      cell.setAttribute('aria-label', `nothing in ${names[column]}`);
      return cell;
    }
    cell.dataset.article = article;
    cell.dataset.start = String(side.start);
    cell.dataset.end = String(side.end);
    cell.title = 'Double-click to open this passage in the editor';
    const caption = sideCaption(row, column, names);
    if (caption) cell.append(el('div', 'cc-pair-caption', caption));
    const text = index.articleById.get(article)?.text ?? '';
    const body = el('div', 'cc-pair-text');
    const spans = spansWithin(index.spansByArticle.get(article) ?? [], side);
    const nodes = highlightedText(article, text.slice(side.start, side.end), spans, model.totalSources);
    for (const n of nodes) {
      if (n instanceof HTMLElement) {
        n.dataset.start = String(Number(n.dataset.start) + side.start);
        n.dataset.end = String(Number(n.dataset.end) + side.start);
      }
    }
    body.append(...nodes);
    cell.append(body);
    return cell;
  }

  private onClick(e: MouseEvent): void {
    const t = targetElement(e);
    const mark = t?.closest('mark.cc-hl');
    if (mark instanceof HTMLElement && mark.dataset.cluster) {
      this.host.select(mark.dataset.cluster, mark.dataset.article);
      return;
    }
    const gutter = t?.closest('.cc-pair-gutter');
    if (gutter) this.activateRow(gutter.closest<HTMLElement>('.cc-pair-row'));
  }

  private onKey(e: KeyboardEvent): void {
    const t = targetElement(e);
    if ((e.key === 'Enter' || e.key === ' ') && t?.matches('.cc-pair-gutter')) {
      e.preventDefault();
      this.activateRow(t.closest<HTMLElement>('.cc-pair-row'));
    }
  }

  /** A click on a row's gutter: an aligned passage opens its detail; a moved one scrolls to its other side. */
  private activateRow(row: HTMLElement | null): void {
    const cluster = row?.dataset.cluster;
    if (!row || !cluster) return;
    if (row.dataset.kind === 'moved') {
      const twins = [...this.root.querySelectorAll<HTMLElement>(`.cc-pair-row[data-kind="moved"]${attr('data-cluster', cluster)}`)];
      twins.find((x) => x !== row)?.scrollIntoView({ block: 'center' });
    }
    this.host.select(cluster, undefined);
  }

  private onDoubleClick(e: MouseEvent): void {
    const cell = targetElement(e)?.closest<HTMLElement>('.cc-pair-cell[data-article]');
    if (!cell) return;
    const mark = targetElement(e)?.closest<HTMLElement>('mark.cc-hl');
    const from = mark ?? cell;
    this.host.reveal(cell.dataset.article!, Number(from.dataset.start), Number(from.dataset.end));
  }
}
