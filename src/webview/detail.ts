// The detail view of one cluster: every version (diffed against the reference) and
// the divergences. Article text only ever goes in through textContent.
import type { ClusterDetail, DetailDivergence, DetailVersion, DiffView, FromWebview, PanelCluster } from '../extension/panel/protocol';
import { carriedText } from './clusterIndex';
import { cleanupSemantic, diffItems, inlineMarkup, isLongPassage, sideBySideRows } from './diffMarkup';
import { el, paint } from './dom';
import { markupNodes, sideBySideTable } from './diffNodes';
import { reviewSection } from './reviewControls';
import { provenanceSection } from './timeline';

/** Where the detail view keeps the chosen diff layout (the panel's persisted state). */
export interface DiffViewSetting {
  get(): DiffView | undefined;
  set(view: DiffView): void;
}

/** The detail pane: opened on a cluster, filled when the extension answers. */
export class DetailView {
  constructor(
    readonly root: HTMLElement,
    private readonly post: (msg: FromWebview) => void,
    private readonly onClose: () => void,
    private readonly diffView: DiffViewSetting,
    private readonly readOnly: () => boolean = () => false,
  ) {}

  /** The detail drawn last (redrawn when the diff layout changes). */
  private shown: { d: ClusterDetail; cluster: PanelCluster | undefined; totalSources: number } | undefined;

  /** The cluster shown (or loading), if any. */
  get cluster(): string | undefined {
    return this.root.hidden ? undefined : this.root.dataset.cluster;
  }

  /** Shows "Loading…" for a cluster and asks the extension for its detail. */
  open(cluster: string, article: string | undefined): void {
    this.root.hidden = false;
    this.root.dataset.cluster = cluster;
    this.root.replaceChildren(el('div', 'cc-loading', 'Loading…'));
    this.post({ type: 'requestDetail', cluster, article });
  }

  /** Hides and empties the pane. */
  close(): void {
    this.root.hidden = true;
    this.root.replaceChildren();
    delete this.root.dataset.cluster;
    this.shown = undefined;
  }

  /** Draws a detail that came from the extension (ignored when another cluster was opened meanwhile). */
  render(d: ClusterDetail, cluster: PanelCluster | undefined, totalSources: number): void {
    if (this.root.dataset.cluster !== d.cluster) return;
    this.shown = { d, cluster, totalSources };
    const view = this.layoutFor(d);
    this.root.dataset.diffView = view;
    this.root.replaceChildren(this.head(d, view), el('div', 'cc-detail-sub', `${d.speaker ? d.speaker + ' · ' : ''}${cluster ? carriedText(cluster, totalSources) : ''} · weakest grade ${d.grade}`));
    const versions = el('div', 'cc-versions');
    for (const v of d.versions) versions.append(this.version(v, view));
    if (d.review) this.root.append(el('h4', undefined, `Review (${d.review.length})`), reviewSection(d.review, this.post, this.readOnly()));
    if (d.provenance) this.root.append(el('h4', undefined, d.provenance.order === 'date' ? 'Who carried it when' : 'Who carried it (no dates: file order)'), provenanceSection(d.provenance));
    this.root.append(el('h4', undefined, 'Versions'), versions);
    this.root.append(el('h4', undefined, `Divergences (${d.divergences.length})`), divergenceList(d.divergences));
  }

  /** The layout chosen by the user, or side by side when a version is a long passage. */
  private layoutFor(d: ClusterDetail): DiffView {
    const chosen = this.diffView.get();
    if (chosen) return chosen;
    return d.versions.some((v) => v.diff && isLongPassage(diffItems(v.diff))) ? 'sideBySide' : 'inline';
  }

  /** Two toggle buttons: each version's own text marked inline, or reference and version side by side. */
  private layoutSwitch(view: DiffView): HTMLElement {
    const group = el('div', 'cc-diff-views');
    group.setAttribute('role', 'group');
    group.setAttribute('aria-label', 'Diff layout');
    const option = (value: DiffView, label: string, title: string) => {
      const b = el('button', `cc-diff-view cc-diff-view-${value}`, label);
      b.title = title;
      b.setAttribute('aria-pressed', String(view === value));
      b.addEventListener('click', () => {
        this.diffView.set(value);
        if (this.shown) this.render(this.shown.d, this.shown.cluster, this.shown.totalSources);
      });
      return b;
    };
    group.append(option('inline', 'Inline', 'Each version as its own text, changes marked in it'), option('sideBySide', 'Side by side', 'The reference and each version in two columns, sentence by sentence'));
    return group;
  }

  private head(d: ClusterDetail, view: DiffView): HTMLElement {
    const head = el('div', 'cc-detail-head');
    const sw = el('span', 'cc-swatch');
    paint(sw, d.slot);
    const title = el('h3', 'cc-detail-title', `${d.kind === 'quote' ? 'Quote' : 'Passage'} ${d.cluster}`);
    const close = el('button', 'cc-close', '×');
    close.title = 'Close (Escape)';
    close.setAttribute('aria-label', 'Close detail');
    close.addEventListener('click', () => this.onClose());
    head.append(sw, title, this.layoutSwitch(view), close);
    return head;
  }

  private version(v: DetailVersion, view: DiffView): HTMLElement {
    const box = el('div', 'cc-version');
    box.dataset.article = v.article;
    if (v.reference) box.classList.add('cc-reference');
    const vh = el('div', 'cc-version-head');
    vh.append(el('strong', 'cc-version-source', v.source ?? v.article), el('span', 'cc-version-grade', v.reference ? 'reference' : v.grade ? v.grade : ''));
    const reveal = el('button', 'cc-reveal', 'Reveal in editor');
    reveal.title = `Open ${v.source ?? v.article} at this span`;
    reveal.addEventListener('click', () => this.post({ type: 'reveal', article: v.article, start: v.start, end: v.end }));
    vh.append(reveal);
    box.append(vh, el('div', 'cc-version-title', v.title), versionBody(v, view));
    return box;
  }
}

/** A version's text: plain for the reference, else its diff from the reference in the chosen layout. */
function versionBody(v: DetailVersion, view: DiffView): HTMLElement {
  if (!v.diff || !v.diff.length) return el('div', 'cc-version-text', v.text);
  const items = cleanupSemantic(diffItems(v.diff));
  if (view === 'sideBySide') return sideBySideTable(sideBySideRows(items));
  const body = el('div', 'cc-version-text');
  body.append(...markupNodes(inlineMarkup(items)));
  return body;
}

/** The divergences as a list; a side without text reads "(nothing)", never a dash in quotation marks. */
function divergenceList(divergences: readonly DetailDivergence[]): HTMLElement {
  const list = el('ul', 'cc-divs');
  if (!divergences.length) list.append(el('li', 'cc-empty', 'None: every version says the same thing.'));
  const side = (text: string, cls: string) => (text ? el('q', cls, text) : el('em', cls, '(nothing)'));
  for (const dv of divergences) {
    const li = el('li', 'cc-div');
    li.dataset.type = dv.type;
    li.dataset.substantive = String(dv.substantive);
    const ab = el('span', 'cc-div-ab');
    ab.append(side(dv.a, 'cc-div-a'), document.createTextNode(' → '), side(dv.b, 'cc-div-b'));
    li.append(el('span', 'cc-div-type', dv.type), el('span', 'cc-div-kind', dv.substantive ? 'substantive' : 'cosmetic'), ab, el('span', 'cc-div-pair', `${dv.sourceA ?? dv.articleA} ↔ ${dv.sourceB ?? dv.articleB}`));
    if (dv.message) li.append(el('div', 'cc-div-msg', dv.message));
    list.append(li);
  }
  return list;
}
