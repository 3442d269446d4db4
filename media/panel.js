// Crosscheck corpus panel. Plain JS, no framework. The DOM is built with
// createElement/textContent only: article text is never parsed as HTML.
// @ts-check
(function () {
  'use strict';

  /**
   * Messages from the extension (src/extension/protocol.ts `ToWebview`).
   * @typedef {{ id: string, title: string, file?: string, text?: string }} PanelArticle
   * @typedef {{ article: string, start: number, end: number }} PanelSpan
   * @typedef {{ id: string, kind: 'quote'|'passage', speaker: string|null, grade: string, substantive: number, slot: number, label: string, members: PanelSpan[] }} PanelCluster
   * @typedef {{ articles: PanelArticle[], clusters: PanelCluster[], totalSources: number, pair?: [string, string], paletteSize: number, version?: number, lazyText?: boolean }} PanelModel
   * @typedef {{ op: 'eq'|'ins'|'del', text: string }} DiffSegment
   * @typedef {{ article: string, title: string, start: number, end: number, text: string, grade?: string, diff?: DiffSegment[], reference?: boolean }} DetailVersion
   * @typedef {{ type: string, substantive: boolean, a: string, b: string, message: string, articleA: string, articleB: string, match: string }} DetailDivergence
   * @typedef {{ cluster: string, kind: string, speaker: string|null, grade: string, slot: number, reference: string, versions: DetailVersion[], divergences: DetailDivergence[] }} ClusterDetail
   * @typedef {{ type: 'model', model: PanelModel, focusCluster?: string }
   *   | { type: 'detail', detail: ClusterDetail }
   *   | { type: 'focusCluster', cluster: string }
   *   | { type: 'busy', busy: boolean, message?: string }
   *   | { type: 'texts', version: number, texts: { id: string, text: string }[] }} ToWebview
   *
   * Messages to the extension (`FromWebview`).
   * @typedef {{ type: 'ready' }
   *   | { type: 'requestDetail', cluster: string, article?: string }
   *   | { type: 'reveal', article: string, start: number, end: number }
   *   | { type: 'refresh' }
   *   | { type: 'requestTexts', version: number, ids: string[] }} FromWebview
   *
   * Persisted with setState, handed back to the extension's WebviewPanelSerializer.
   * @typedef {{ pair?: [string, string], cluster?: string, article?: string, filters?: { quotes: boolean, passages: boolean, substantiveOnly: boolean } }} PanelState
   */

  // @ts-ignore acquireVsCodeApi is provided by VS Code
  const vscode = acquireVsCodeApi();

  /** Fallbacks when a theme colour variable is missing. */
  const FALLBACK = ['#ffd54f66', '#4fc3f766', '#81c78466', '#f48fb166', '#ffb74d66', '#b39ddb66', '#4db6ac66', '#e5737366'];

  /** @type {PanelState} */
  const state = Object.assign({ filters: { quotes: true, passages: true, substantiveOnly: false } }, vscode.getState() || {});
  /** @type {PanelModel | undefined} */
  let model;
  /** @type {Map<string, PanelCluster>} */
  let clusterById = new Map();
  /** @type {string[]} visible clusters in reading order */
  let order = [];
  /** @type {Map<string, { c: PanelCluster, start: number, end: number }[]>} each article's spans of the visible clusters */
  let spansByArticle = new Map();
  /** Article texts of the current model (a large panel's model comes without them: they are requested per column). */
  /** @type {Map<string, string>} */
  let texts = new Map();
  /** @type {Set<string>} articles whose text was asked for and has not come yet */
  const requested = new Set();
  /** @type {Set<string>} columns to fill as soon as their text comes */
  const wanted = new Set();
  /** Legend entries drawn at most (the rest are reached with ←/→ or the columns). */
  const LEGEND_MAX = 200;
  /** The sources × clusters grid is drawn up to this many cells. */
  const GRID_MAX_CELLS = 20000;
  /** Most texts asked for in one message (the extension accepts 64). */
  const TEXTS_PER_REQUEST = 32;

  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
  const columns = $('cc-columns');
  const detail = $('cc-detail');
  const legend = $('cc-legend');
  const overview = $('cc-overview');
  const statusEl = $('cc-status');
  const positionEl = $('cc-position');
  const fQuotes = /** @type {HTMLInputElement} */ ($('cc-filter-quotes'));
  const fPassages = /** @type {HTMLInputElement} */ ($('cc-filter-passages'));
  const fSubst = /** @type {HTMLInputElement} */ ($('cc-filter-substantive'));

  /** @param {FromWebview} msg */
  function post(msg) {
    vscode.postMessage(msg);
  }

  function saveState() {
    vscode.setState(state);
  }

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  /** Applies a palette slot's colours to an element as inline CSS custom properties. */
  function paint(/** @type {HTMLElement} */ e, /** @type {number} */ slot) {
    e.style.setProperty('--cc-bg', `var(--vscode-crosscheck-cluster${slot}Background, ${FALLBACK[(slot - 1) % FALLBACK.length]})`);
    e.style.setProperty('--cc-border', `var(--vscode-crosscheck-cluster${slot}Border, transparent)`);
  }

  function visible(/** @type {PanelCluster} */ c) {
    const f = state.filters || { quotes: true, passages: true, substantiveOnly: false };
    if (c.kind === 'quote' && !f.quotes) return false;
    if (c.kind === 'passage' && !f.passages) return false;
    if (f.substantiveOnly && !c.substantive) return false;
    return true;
  }

  function articleTitle(/** @type {string} */ id) {
    const a = model && model.articles.find((x) => x.id === id);
    return a ? a.title : id;
  }

  function sourcesOf(/** @type {PanelCluster} */ c) {
    return new Set(c.members.map((m) => m.article)).size;
  }

  function carried(/** @type {PanelCluster} */ c) {
    return `${c.kind === 'quote' ? 'Quoted' : 'Carried'} by ${sourcesOf(c)} of ${model ? model.totalSources : '?'} sources`;
  }

  // ------------------------------------------------------------------ render

  function render() {
    if (!model) return;
    clusterById = new Map(model.clusters.map((c) => [c.id, c]));
    const shown = model.clusters.filter(visible);
    spansByArticle = new Map();
    for (const c of shown) {
      for (const m of c.members) {
        if (m.end <= m.start) continue;
        const list = spansByArticle.get(m.article);
        const span = { c, start: m.start, end: m.end };
        if (list) list.push(span);
        else spansByArticle.set(m.article, [span]);
      }
    }
    const articleIndex = new Map(model.articles.map((a, i) => [a.id, i]));
    const firstPos = (/** @type {PanelCluster} */ c) => {
      let best = [Infinity, Infinity];
      for (const m of c.members) {
        const ai = articleIndex.get(m.article);
        if (ai === undefined) continue;
        if (ai < best[0] || (ai === best[0] && m.start < best[1])) best = [ai, m.start];
      }
      return best;
    };
    order = shown
      .map((c) => ({ c, p: firstPos(c) }))
      .sort((x, y) => x.p[0] - y.p[0] || x.p[1] - y.p[1])
      .map((x) => x.c.id);
    renderLegend(shown);
    renderOverview(shown);
    renderColumns();
    statusEl.textContent = summary();
    if (state.cluster && clusterById.has(state.cluster)) select(state.cluster, state.article, false);
    else closeDetail();
    updatePosition();
  }

  function summary() {
    if (!model) return '';
    const subst = model.clusters.reduce((n, c) => n + c.substantive, 0);
    return `${model.articles.length} sources · ${model.clusters.length} clusters · ${subst} substantive divergences`;
  }

  function renderLegend(/** @type {PanelCluster[]} */ shown) {
    legend.replaceChildren();
    if (!shown.length) {
      legend.append(el('span', 'cc-empty', 'No matches to show.'));
      return;
    }
    const byId = new Map(shown.map((c) => [c.id, c]));
    const first = order.slice(0, LEGEND_MAX).map((id) => byId.get(id)).filter((c) => !!c);
    for (const c of /** @type {PanelCluster[]} */ (first)) {
      const item = el('button', 'cc-legend-item');
      item.dataset.cluster = c.id;
      item.title = `${c.id} · ${carried(c)} · ${c.grade}${c.substantive ? ` · ${c.substantive} substantive` : ''}`;
      const sw = el('span', 'cc-swatch');
      paint(sw, c.slot);
      item.append(sw, el('span', 'cc-legend-id', c.id), el('span', 'cc-legend-label', (c.speaker ? c.speaker + ': ' : '') + c.label));
      if (c.substantive) item.append(el('span', 'cc-badge', String(c.substantive)));
      item.addEventListener('click', () => select(c.id, undefined, true));
      legend.append(item);
    }
    if (shown.length > first.length) {
      const more = el('div', 'cc-legend-more', `… and ${(shown.length - first.length).toLocaleString('en')} more clusters: step through them with ← / → (j / k), or use “Find Quote Across Sources”.`);
      more.id = 'cc-legend-more';
      legend.append(more);
    }
  }

  function renderOverview(/** @type {PanelCluster[]} */ shown) {
    overview.replaceChildren();
    if (!model || !shown.length) return;
    const cells = model.articles.length * shown.length;
    if (cells > GRID_MAX_CELLS) {
      const note = el('div', 'cc-grid-note', `The sources × clusters grid is drawn up to ${GRID_MAX_CELLS.toLocaleString('en')} cells; this corpus has ${model.articles.length.toLocaleString('en')} sources × ${shown.length.toLocaleString('en')} clusters. Filter to quotes or substantive divergences to shrink it.`);
      note.id = 'cc-grid-note';
      overview.append(note);
      return;
    }
    const table = el('table', 'cc-grid');
    table.id = 'cc-grid';
    const head = el('tr');
    head.append(el('th', 'cc-grid-corner', 'source \\ cluster'));
    for (const c of shown) {
      const th = el('th', 'cc-grid-head', c.id);
      th.title = `${c.kind}${c.speaker ? ' · ' + c.speaker : ''} · ${carried(c)}`;
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const a of model.articles) {
      const tr = el('tr');
      const th = el('th', 'cc-grid-source', a.id);
      th.title = a.title;
      tr.append(th);
      for (const c of shown) {
        const td = el('td', 'cc-cell');
        td.dataset.cluster = c.id;
        td.dataset.article = a.id;
        const m = c.members.find((x) => x.article === a.id);
        if (m) {
          td.classList.add('cc-has');
          paint(td, c.slot);
          td.title = `${a.id} carries ${c.id}`;
          td.tabIndex = -1;
          td.addEventListener('click', () => select(c.id, a.id, true));
        }
        tr.append(td);
      }
      tbody.append(tr);
    }
    table.append(thead, tbody);
    overview.append(table);
  }

  /** Columns whose text is rendered at once; the others render when scrolled near (virtualised columns). */
  const EAGER_COLUMNS = 8;
  /** @type {IntersectionObserver | undefined} */
  let observer;
  /** @type {Map<string, PanelArticle>} */
  let articleById = new Map();

  function renderColumns() {
    if (!model) return;
    if (observer) observer.disconnect();
    observer = undefined;
    articleById = new Map(model.articles.map((a) => [a.id, a]));
    columns.replaceChildren();
    columns.style.setProperty('--cc-cols', String(Math.max(1, model.articles.length)));
    const lazy = model.articles.length > EAGER_COLUMNS && typeof IntersectionObserver === 'function';
    if (lazy) {
      // a column's text exists only while it is within a screen width of the view: hundreds of articles stay responsive
      observer = new IntersectionObserver(
        (entries) => {
          for (const e of entries) {
            const section = /** @type {HTMLElement} */ (e.target);
            if (e.isIntersecting) fillColumn(section);
            else emptyColumn(section);
          }
        },
        { root: columns, rootMargin: '200px 100% 200px 100%' },
      );
    }
    model.articles.forEach((a, i) => {
      const section = el('section', 'cc-article');
      section.dataset.article = a.id;
      const h = el('h2', 'cc-title', a.title);
      h.title = a.file || a.id;
      const meta = el('div', 'cc-meta', a.file || a.id);
      const body = el('div', 'cc-text');
      section.append(h, meta, body);
      columns.append(section);
      if (!lazy || i < EAGER_COLUMNS) fillColumn(section);
      else if (observer) observer.observe(section);
    });
  }

  /** Renders a column's text (if not already), marking the selected cluster. */
  function fillColumn(/** @type {HTMLElement} */ section) {
    if (section.dataset.rendered === '1') return;
    const a = articleById.get(section.dataset.article || '');
    const body = /** @type {HTMLElement | null} */ (section.querySelector('.cc-text'));
    if (!a || !body) return;
    const text = a.text !== undefined ? a.text : texts.get(a.id);
    if (text === undefined) {
      wanted.add(a.id);
      requestText(a.id);
      return;
    }
    wanted.delete(a.id);
    body.replaceChildren(...renderText(a.id, text));
    body.style.minHeight = '';
    section.dataset.rendered = '1';
    if (state.cluster) for (const m of body.querySelectorAll(`[data-cluster="${CSS.escape(state.cluster)}"]`)) m.classList.add('cc-active');
  }

  /** @type {string[]} */
  let toRequest = [];
  /** Asks the extension for an article's text; requests made in one task go in one message. */
  function requestText(/** @type {string} */ id) {
    if (requested.has(id) || !model) return;
    requested.add(id);
    toRequest.push(id);
    if (toRequest.length === 1) {
      queueMicrotask(() => {
        const ids = toRequest;
        toRequest = [];
        for (let i = 0; i < ids.length; i += TEXTS_PER_REQUEST) post({ type: 'requestTexts', version: model && model.version !== undefined ? model.version : 0, ids: ids.slice(i, i + TEXTS_PER_REQUEST) });
      });
    }
  }

  /** Texts arrived: fills the columns still waiting for them (and scrolls to the selection if it was waiting too). */
  function receiveTexts(/** @type {number} */ version, /** @type {{ id: string, text: string }[]} */ list) {
    if (!model || model.version !== version) return;
    for (const { id, text } of list) {
      texts.set(id, text);
      requested.delete(id);
    }
    for (const { id } of list) {
      if (!wanted.has(id)) continue;
      const section = columns.querySelector(`section.cc-article[data-article="${CSS.escape(id)}"]`);
      if (section) fillColumn(/** @type {HTMLElement} */ (section));
      if (scrollPending && section) {
        const first = section.querySelector(`mark.cc-hl[data-cluster="${CSS.escape(scrollPending)}"]`);
        if (first) first.scrollIntoView({ block: 'center', inline: 'nearest' });
      }
    }
    if (!wanted.size) scrollPending = undefined;
  }

  /** The cluster to scroll to once the columns holding it have their text. */
  /** @type {string | undefined} */
  let scrollPending;

  /** Drops a far-away column's text, keeping its height so nothing jumps. */
  function emptyColumn(/** @type {HTMLElement} */ section) {
    if (section.dataset.rendered !== '1') return;
    const body = /** @type {HTMLElement | null} */ (section.querySelector('.cc-text'));
    if (!body) return;
    body.style.minHeight = `${body.offsetHeight}px`;
    body.replaceChildren();
    delete section.dataset.rendered;
  }

  /**
   * Splits an article's text at every span boundary; each covered piece becomes
   * a <mark> of its most specific (shortest) cluster. Text goes in as text nodes.
   * @param {string} id
   * @param {string} text
   * @returns {Node[]}
   */
  function renderText(id, text) {
    const spans = (spansByArticle.get(id) || []).map((s) => ({ c: s.c, start: Math.max(0, s.start), end: Math.min(text.length, s.end) }));
    const cuts = new Set([0, text.length]);
    for (const s of spans) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = [...cuts].sort((x, y) => x - y);
    /** @type {Node[]} */
    const out = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i];
      const to = points[i + 1];
      if (to <= from) continue;
      const piece = text.slice(from, to);
      const covering = spans.filter((s) => s.start <= from && to <= s.end);
      if (!covering.length) {
        out.push(document.createTextNode(piece));
        continue;
      }
      covering.sort((x, y) => x.end - x.start - (y.end - y.start));
      const top = covering[0];
      const mark = el('mark', 'cc-hl', piece);
      mark.dataset.cluster = top.c.id;
      mark.dataset.kind = top.c.kind;
      mark.dataset.article = id;
      mark.dataset.start = String(top.start);
      mark.dataset.end = String(top.end);
      if (covering.length > 1) {
        mark.classList.add('cc-multi');
        mark.dataset.clusters = covering.map((s) => s.c.id).join(' ');
      }
      if (top.c.substantive) mark.classList.add('cc-subst');
      paint(mark, top.c.slot);
      mark.tabIndex = 0;
      mark.title = `${top.c.id} · ${top.c.kind}${top.c.speaker ? ' · ' + top.c.speaker : ''} · ${carried(top.c)}`;
      out.push(mark);
    }
    return out;
  }

  // ------------------------------------------------------------------ selection and detail

  /**
   * @param {string} id
   * @param {string | undefined} article
   * @param {boolean} scroll
   */
  function select(id, article, scroll) {
    const c = clusterById.get(id);
    if (!c) return;
    state.cluster = id;
    state.article = article;
    saveState();
    for (const m of document.querySelectorAll('.cc-active')) m.classList.remove('cc-active');
    for (const m of document.querySelectorAll(`[data-cluster="${CSS.escape(id)}"]`)) m.classList.add('cc-active');
    if (scroll) {
      scrollPending = id;
      const holders = new Set(c.members.map((m) => m.article));
      for (const section of columns.querySelectorAll('section.cc-article')) {
        if (holders.has(/** @type {HTMLElement} */ (section).dataset.article || '')) fillColumn(/** @type {HTMLElement} */ (section));
        const first = section.querySelector(`mark.cc-hl[data-cluster="${CSS.escape(id)}"]`);
        if (first) first.scrollIntoView({ block: 'center', inline: 'nearest' });
      }
    }
    detail.hidden = false;
    detail.dataset.cluster = id;
    detail.replaceChildren(el('div', 'cc-loading', 'Loading…'));
    post({ type: 'requestDetail', cluster: id, article });
    updatePosition();
  }

  function closeDetail() {
    detail.hidden = true;
    detail.replaceChildren();
    delete detail.dataset.cluster;
    for (const m of document.querySelectorAll('.cc-active')) m.classList.remove('cc-active');
    state.cluster = undefined;
    saveState();
    updatePosition();
  }

  /** @param {ClusterDetail} d */
  function renderDetail(d) {
    if (detail.dataset.cluster !== d.cluster) return;
    const c = clusterById.get(d.cluster);
    detail.replaceChildren();
    const head = el('div', 'cc-detail-head');
    const sw = el('span', 'cc-swatch');
    paint(sw, d.slot);
    const title = el('h3', 'cc-detail-title', `${d.kind === 'quote' ? 'Quote' : 'Passage'} ${d.cluster}`);
    const close = el('button', 'cc-close', '×');
    close.title = 'Close (Escape)';
    close.setAttribute('aria-label', 'Close detail');
    close.addEventListener('click', closeDetail);
    head.append(sw, title, close);
    const sub = el('div', 'cc-detail-sub', `${d.speaker ? d.speaker + ' · ' : ''}${c ? carried(c) : ''} · weakest grade ${d.grade}`);
    detail.append(head, sub);

    const versions = el('div', 'cc-versions');
    for (const v of d.versions) {
      const box = el('div', 'cc-version');
      box.dataset.article = v.article;
      if (v.reference) box.classList.add('cc-reference');
      const vh = el('div', 'cc-version-head');
      vh.append(el('strong', 'cc-version-source', v.article));
      vh.append(el('span', 'cc-version-grade', v.reference ? 'reference' : v.grade ? v.grade : ''));
      const reveal = el('button', 'cc-reveal', 'Reveal in editor');
      reveal.title = `Open ${v.article} at this span`;
      reveal.addEventListener('click', () => post({ type: 'reveal', article: v.article, start: v.start, end: v.end }));
      vh.append(reveal);
      const vt = el('div', 'cc-version-title', v.title);
      const body = el('div', 'cc-version-text');
      if (v.diff && v.diff.length) {
        for (const s of v.diff) {
          if (s.op === 'eq') body.append(document.createTextNode(s.text));
          else body.append(el(s.op === 'ins' ? 'ins' : 'del', undefined, s.text));
        }
      } else {
        body.textContent = v.text;
      }
      box.append(vh, vt, body);
      versions.append(box);
    }
    detail.append(el('h4', undefined, 'Versions'), versions);

    detail.append(el('h4', undefined, `Divergences (${d.divergences.length})`));
    const list = el('ul', 'cc-divs');
    if (!d.divergences.length) list.append(el('li', 'cc-empty', 'None: every version says the same thing.'));
    for (const dv of d.divergences) {
      const li = el('li', 'cc-div');
      li.dataset.type = dv.type;
      li.dataset.substantive = String(dv.substantive);
      li.append(el('span', 'cc-div-type', dv.type));
      li.append(el('span', 'cc-div-kind', dv.substantive ? 'substantive' : 'cosmetic'));
      const ab = el('span', 'cc-div-ab');
      // a side without text reads "(nothing)", never a dash in quotation marks
      const side = (/** @type {string} */ text, /** @type {string} */ cls) => (text ? el('q', cls, text) : el('em', cls, '(nothing)'));
      ab.append(side(dv.a, 'cc-div-a'), document.createTextNode(' → '), side(dv.b, 'cc-div-b'));
      li.append(ab);
      li.append(el('span', 'cc-div-pair', `${dv.articleA} ↔ ${dv.articleB}`));
      if (dv.message) li.append(el('div', 'cc-div-msg', dv.message));
      list.append(li);
    }
    detail.append(list);
  }

  function step(/** @type {number} */ dir) {
    if (!order.length) return;
    const i = state.cluster ? order.indexOf(state.cluster) : -1;
    const next = i < 0 ? (dir > 0 ? 0 : order.length - 1) : (i + dir + order.length) % order.length;
    select(order[next], undefined, true);
  }

  function updatePosition() {
    const i = state.cluster ? order.indexOf(state.cluster) : -1;
    positionEl.textContent = order.length ? `${i >= 0 ? i + 1 : '–'} / ${order.length}` : '0 matches';
  }

  // ------------------------------------------------------------------ events

  columns.addEventListener('click', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const mark = t && t.closest ? t.closest('mark.cc-hl') : null;
    if (mark instanceof HTMLElement && mark.dataset.cluster) select(mark.dataset.cluster, mark.dataset.article, false);
  });
  columns.addEventListener('keydown', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if ((e.key === 'Enter' || e.key === ' ') && t.matches && t.matches('mark.cc-hl') && t.dataset.cluster) {
      e.preventDefault();
      select(t.dataset.cluster, t.dataset.article, false);
    }
  });
  $('cc-next').addEventListener('click', () => step(1));
  $('cc-prev').addEventListener('click', () => step(-1));
  for (const box of [fQuotes, fPassages, fSubst]) {
    box.addEventListener('change', () => {
      state.filters = { quotes: fQuotes.checked, passages: fPassages.checked, substantiveOnly: fSubst.checked };
      saveState();
      render();
    });
  }
  document.addEventListener('keydown', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    if (e.key === 'j' || e.key === 'n') {
      e.preventDefault();
      step(1);
    } else if (e.key === 'k' || e.key === 'p') {
      e.preventDefault();
      step(-1);
    } else if (e.key === 'Escape' && !detail.hidden) {
      closeDetail();
    }
  });

  window.addEventListener('message', (/** @type {MessageEvent<ToWebview>} */ e) => {
    const msg = e.data;
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'model':
        if (!model || model.version !== msg.model.version) {
          texts = new Map();
          requested.clear();
          wanted.clear();
        }
        model = msg.model;
        state.pair = model.pair;
        if (msg.focusCluster) {
          state.cluster = msg.focusCluster;
          state.article = undefined;
        }
        saveState();
        document.body.classList.remove('cc-busy');
        render();
        if (msg.focusCluster && clusterById.has(msg.focusCluster)) select(msg.focusCluster, undefined, true);
        break;
      case 'detail':
        renderDetail(msg.detail);
        break;
      case 'texts':
        receiveTexts(msg.version, msg.texts);
        break;
      case 'focusCluster':
        if (clusterById.has(msg.cluster)) {
          const c = clusterById.get(msg.cluster);
          if (c && !visible(c)) {
            state.filters = { quotes: true, passages: true, substantiveOnly: false };
            fQuotes.checked = fPassages.checked = true;
            fSubst.checked = false;
            render();
          }
          select(msg.cluster, undefined, true);
        } else state.cluster = msg.cluster;
        break;
      case 'busy':
        document.body.classList.toggle('cc-busy', msg.busy);
        if (msg.busy) statusEl.textContent = msg.message || 'Analysing…';
        else statusEl.textContent = summary();
        break;
    }
  });

  const f = state.filters || { quotes: true, passages: true, substantiveOnly: false };
  fQuotes.checked = f.quotes;
  fPassages.checked = f.passages;
  fSubst.checked = f.substantiveOnly;
  statusEl.textContent = 'Loading…';
  post({ type: 'ready' });
})();
