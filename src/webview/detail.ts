// The detail view of one cluster: every version (diffed against the reference) and
// the divergences. Article text only ever goes in through textContent.
import type { ClusterDetail, DetailDivergence, DetailVersion, FromWebview, PanelCluster } from '../extension/panel/protocol';
import { carriedText } from './clusterIndex';
import { el, paint } from './dom';

/** The detail pane: opened on a cluster, filled when the extension answers. */
export class DetailView {
  constructor(
    readonly root: HTMLElement,
    private readonly post: (msg: FromWebview) => void,
    private readonly onClose: () => void,
  ) {}

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
  }

  /** Draws a detail that came from the extension (ignored when another cluster was opened meanwhile). */
  render(d: ClusterDetail, cluster: PanelCluster | undefined, totalSources: number): void {
    if (this.root.dataset.cluster !== d.cluster) return;
    this.root.replaceChildren(this.head(d), el('div', 'cc-detail-sub', `${d.speaker ? d.speaker + ' · ' : ''}${cluster ? carriedText(cluster, totalSources) : ''} · weakest grade ${d.grade}`));
    const versions = el('div', 'cc-versions');
    for (const v of d.versions) versions.append(this.version(v));
    this.root.append(el('h4', undefined, 'Versions'), versions);
    this.root.append(el('h4', undefined, `Divergences (${d.divergences.length})`), divergenceList(d.divergences));
  }

  private head(d: ClusterDetail): HTMLElement {
    const head = el('div', 'cc-detail-head');
    const sw = el('span', 'cc-swatch');
    paint(sw, d.slot);
    const title = el('h3', 'cc-detail-title', `${d.kind === 'quote' ? 'Quote' : 'Passage'} ${d.cluster}`);
    const close = el('button', 'cc-close', '×');
    close.title = 'Close (Escape)';
    close.setAttribute('aria-label', 'Close detail');
    close.addEventListener('click', () => this.onClose());
    head.append(sw, title, close);
    return head;
  }

  private version(v: DetailVersion): HTMLElement {
    const box = el('div', 'cc-version');
    box.dataset.article = v.article;
    if (v.reference) box.classList.add('cc-reference');
    const vh = el('div', 'cc-version-head');
    vh.append(el('strong', 'cc-version-source', v.article), el('span', 'cc-version-grade', v.reference ? 'reference' : v.grade ? v.grade : ''));
    const reveal = el('button', 'cc-reveal', 'Reveal in editor');
    reveal.title = `Open ${v.article} at this span`;
    reveal.addEventListener('click', () => this.post({ type: 'reveal', article: v.article, start: v.start, end: v.end }));
    vh.append(reveal);
    const body = el('div', 'cc-version-text');
    if (v.diff && v.diff.length) {
      for (const s of v.diff) body.append(s.op === 'eq' ? document.createTextNode(s.text) : el(s.op, undefined, s.text));
    } else {
      body.textContent = v.text;
    }
    box.append(vh, el('div', 'cc-version-title', v.title), body);
    return box;
  }
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
    li.append(el('span', 'cc-div-type', dv.type), el('span', 'cc-div-kind', dv.substantive ? 'substantive' : 'cosmetic'), ab, el('span', 'cc-div-pair', `${dv.articleA} ↔ ${dv.articleB}`));
    if (dv.message) li.append(el('div', 'cc-div-msg', dv.message));
    list.append(li);
  }
  return list;
}
