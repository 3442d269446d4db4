// The article columns. With many articles only the columns near the view hold their
// text (an IntersectionObserver fills and empties them), and a column whose text did
// not come with the model asks the extension for it.
import type { ModelIndex } from './clusterIndex';
import { columnStart } from '../extension/panel/protocol';
import { attr, el, paint } from './dom';
import { highlightedText } from './highlights';
import { ALIGN_AT, alignedScrollTops, overviewTicks, viewportFrame } from './layout';
import type { TextStore } from './textStore';

/** Columns whose text is rendered at once; the others render when scrolled near. */
export const EAGER_COLUMNS = 8;

/** The columns of one model, filled lazily. */
export class Columns {
  private observer: IntersectionObserver | undefined;
  private index: ModelIndex | undefined;

  constructor(
    readonly root: HTMLElement,
    private readonly texts: TextStore,
    /** The selected cluster, marked active in a column as it is filled. */
    private readonly activeCluster: () => string | undefined,
    /** Picks a cluster in an article (a click on the overview strip). */
    private readonly pick: (cluster: string, article: string) => void,
  ) {}

  /** Rebuilds every column for a model (the first EAGER_COLUMNS at once, the rest when near the view). */
  render(index: ModelIndex): void {
    this.index = index;
    this.observer?.disconnect();
    this.observer = undefined;
    this.root.replaceChildren();
    const articles = index.model.articles;
    this.root.style.setProperty('--cc-cols', String(Math.max(1, articles.length)));
    const lazy = articles.length > EAGER_COLUMNS && typeof IntersectionObserver === 'function';
    // a column's text exists only while it is within a screen width of the view: hundreds of articles stay responsive
    if (lazy) this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { root: this.root, rootMargin: '200px 100% 200px 100%' });
    articles.forEach((a, i) => {
      const section = el('section', 'cc-article');
      section.dataset.article = a.id;
      const h = el('h2', 'cc-title', a.title);
      h.title = a.title; // the whole title when it is clamped to three lines
      const body = el('div', 'cc-column-body');
      const strip = el('div', 'cc-minimap');
      strip.setAttribute('aria-hidden', 'true');
      strip.addEventListener('click', (e) => this.scrollToStripPoint(section, e));
      const text = el('div', 'cc-text');
      text.addEventListener('scroll', () => this.queueViewport(section), { passive: true });
      body.append(text, strip);
      section.append(h, el('div', 'cc-meta', a.file || a.id), body);
      this.root.append(section);
      if (!lazy || i < EAGER_COLUMNS) this.fill(section);
      else this.observer?.observe(section);
    });
  }

  /** Every column section. */
  sections(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('section.cc-article')];
  }

  /** The column of an article. */
  section(article: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(`section.cc-article${attr('data-article', article)}`);
  }

  /** Renders a column's text (if not already), or asks for the text when it has not come yet. */
  fill(section: HTMLElement): void {
    if (section.dataset.rendered === '1' || !this.index) return;
    const a = this.index.articleById.get(section.dataset.article || '');
    const body = section.querySelector<HTMLElement>('.cc-text');
    if (!a || !body) return;
    const text = a.text !== undefined ? a.text : this.texts.get(a.id);
    if (text === undefined) {
      this.texts.wanted.add(a.id);
      this.texts.request(a.id);
      return;
    }
    this.texts.wanted.delete(a.id);
    const start = columnStart(a, text.length); // the front matter is not shown: the column starts at the body
    body.replaceChildren(...highlightedText(a.id, text, this.index.spansByArticle.get(a.id) || [], this.index.model.totalSources, start));
    body.style.minHeight = '';
    section.dataset.rendered = '1';
    const active = this.activeCluster();
    if (active) for (const m of body.querySelectorAll(attr('data-cluster', active))) m.classList.add('cc-active');
    this.drawOverview(section, a.id, text.length, start);
  }

  /** The column's overview strip: one tick per cluster span at its place in the article (from `start`); a click selects it. */
  private drawOverview(section: HTMLElement, article: string, length: number, start: number): void {
    const strip = section.querySelector<HTMLElement>('.cc-minimap');
    if (!strip || !this.index) return;
    const active = this.activeCluster();
    const view = el('div', 'cc-minimap-view');
    strip.replaceChildren(
      view,
      ...overviewTicks(this.index.spansByArticle.get(article) || [], length, start).map((t) => {
        const tick = el('div', 'cc-tick');
        tick.dataset.cluster = t.cluster;
        tick.style.top = `${t.topPercent}%`;
        tick.style.height = `${t.heightPercent}%`;
        if (t.cluster === active) tick.classList.add('cc-active');
        paint(tick, t.slot);
        tick.addEventListener('click', (e) => {
          e.stopPropagation();
          this.pick(t.cluster, article);
        });
        return tick;
      }),
    );
    this.showViewport(section);
  }

  /** A click on the strip (not on a tick) scrolls the column so that this point of the article is in the middle. */
  private scrollToStripPoint(section: HTMLElement, e: MouseEvent): void {
    const strip = e.currentTarget as HTMLElement;
    const text = section.querySelector<HTMLElement>('.cc-text');
    if (!text) return;
    const box = strip.getBoundingClientRect();
    const share = box.height > 0 ? (e.clientY - box.top) / box.height : 0;
    const textHeight = text.scrollHeight - (parseFloat(getComputedStyle(text, '::after').height) || 0);
    text.scrollTop = Math.max(0, share * textHeight - text.clientHeight / 2);
  }

  /** Sections whose overview frame waits for the next animation frame. */
  private readonly viewportQueue = new Set<HTMLElement>();

  private queueViewport(section: HTMLElement): void {
    if (!this.viewportQueue.size) {
      requestAnimationFrame(() => {
        for (const s of this.viewportQueue) this.showViewport(s);
        this.viewportQueue.clear();
      });
    }
    this.viewportQueue.add(section);
  }

  /** Frames, on the overview strip, the part of the article the column shows. */
  private showViewport(section: HTMLElement): void {
    const text = section.querySelector<HTMLElement>('.cc-text');
    const view = section.querySelector<HTMLElement>('.cc-minimap-view');
    if (!text || !view) return;
    const frame = viewportFrame(text.scrollTop, text.clientHeight, text.scrollHeight - (parseFloat(getComputedStyle(text, '::after').height) || 0));
    view.style.top = `${frame.topPercent}%`;
    view.style.height = `${frame.heightPercent}%`;
  }

  /**
   * Scrolls each column holding the cluster so that its first occurrence sits at the
   * same height: at `anchor`'s present height when given (the mark clicked), else at
   * ALIGN_AT of the view (lowered when an occurrence is too near its article's start).
   */
  align(cluster: string, anchor?: HTMLElement): void {
    const found: { text: HTMLElement; offset: number }[] = [];
    for (const section of this.sections()) {
      const mark = anchor?.closest('section') === section ? anchor : this.firstMark(section, cluster);
      const text = mark?.closest<HTMLElement>('.cc-text');
      if (!mark || !text) continue;
      found.push({ text, offset: mark.getBoundingClientRect().top - text.getBoundingClientRect().top + text.scrollTop });
    }
    if (!found.length) return;
    const anchorText = anchor?.closest<HTMLElement>('.cc-text');
    const preferred = anchor && anchorText ? anchor.getBoundingClientRect().top - anchorText.getBoundingClientRect().top : found[0].text.clientHeight * ALIGN_AT;
    const { scrollTops } = alignedScrollTops(found.map((f) => f.offset), preferred);
    found.forEach((f, i) => (f.text.scrollTop = scrollTops[i]));
    for (const f of found) this.queueViewport(f.text.closest('section') as HTMLElement);
  }

  /** Texts came: fills the columns waiting for them; returns those columns. */
  fillWaiting(ids: readonly string[]): HTMLElement[] {
    const filled: HTMLElement[] = [];
    for (const id of ids) {
      if (!this.texts.wanted.has(id)) continue;
      const section = this.section(id);
      if (!section) continue;
      this.fill(section);
      filled.push(section);
    }
    return filled;
  }

  /** The first mark of a cluster in a column. */
  firstMark(section: Element, cluster: string): HTMLElement | null {
    return section.querySelector<HTMLElement>(`mark.cc-hl${attr('data-cluster', cluster)}`);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      const section = e.target as HTMLElement;
      if (e.isIntersecting) this.fill(section);
      else this.empty(section);
    }
  }

  /** Drops a far-away column's text, keeping its height so nothing jumps. */
  private empty(section: HTMLElement): void {
    if (section.dataset.rendered !== '1') return;
    const body = section.querySelector<HTMLElement>('.cc-text');
    if (!body) return;
    body.style.minHeight = `${body.offsetHeight}px`;
    body.replaceChildren();
    delete section.dataset.rendered;
  }
}
