// What the user does in the page: clicks and keys on the columns, the toolbar's
// buttons and filters, and the keyboard shortcuts (j/k/n/p, Escape).
import type { PanelApp } from './app';
import { byId, targetElement } from './dom';

/** Wires the page's controls to the panel. */
export function wireInput(app: PanelApp): void {
  wireColumns(app);
  byId('cc-next').addEventListener('click', () => app.step(1));
  byId('cc-prev').addEventListener('click', () => app.step(-1));
  const { filterQuotes, filterPassages, filterSubstantive } = app.ui;
  for (const box of [filterQuotes, filterPassages, filterSubstantive]) {
    box.addEventListener('change', () => app.setFilters({ ...app.filters, quotes: filterQuotes.checked, passages: filterPassages.checked, substantiveOnly: filterSubstantive.checked }));
  }
  document.addEventListener('keydown', (e) => onShortcut(app, e));
}

/** A click, Enter or Space on a highlight selects its cluster. */
function wireColumns(app: PanelApp): void {
  const columns = app.ui.columns;
  columns.addEventListener('click', (e) => {
    const mark = targetElement(e)?.closest('mark.cc-hl');
    if (mark instanceof HTMLElement && mark.dataset.cluster) app.select(mark.dataset.cluster, mark.dataset.article, false, mark);
  });
  columns.addEventListener('keydown', (e) => {
    const t = targetElement(e);
    if ((e.key === 'Enter' || e.key === ' ') && t?.matches('mark.cc-hl') && t.dataset.cluster) {
      e.preventDefault();
      app.select(t.dataset.cluster, t.dataset.article, false, t);
    }
  });
}

function onShortcut(app: PanelApp, e: KeyboardEvent): void {
  const t = targetElement(e);
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
  if (e.key === 'j' || e.key === 'n') {
    e.preventDefault();
    app.step(1);
  } else if (e.key === 'k' || e.key === 'p') {
    e.preventDefault();
    app.step(-1);
  } else if (e.key === 'Escape' && !app.ui.detail.hidden) {
    app.closeDetail();
  }
}
