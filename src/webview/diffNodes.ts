// A reviewer's markup as DOM: shared text as text nodes, deletions in <del>,
// insertions in <ins>; the side-by-side view as a two-column grid of rows.
import type { DiffSegment } from '../extension/panel/protocol';
import type { SideBySideRow } from './diffMarkup';
import { el } from './dom';

/** Text nodes and <ins>/<del> elements for a markup (text set as text, never parsed). */
export function markupNodes(markup: readonly DiffSegment[]): Node[] {
  return markup.map((s) => (s.op === 'eq' ? document.createTextNode(s.text) : el(s.op, undefined, s.text)));
}

/** The side-by-side view: a header row, then one row per sentence (reference left, this version right). */
export function sideBySideTable(rows: readonly SideBySideRow[]): HTMLElement {
  const table = el('div', 'cc-sbs');
  table.setAttribute('role', 'table');
  const head = el('div', 'cc-sbs-row cc-sbs-head');
  head.setAttribute('role', 'row');
  head.append(cell('cc-sbs-ref', 'columnheader', 'Reference'), cell('cc-sbs-ver', 'columnheader', 'This version'));
  table.append(head);
  for (const r of rows) {
    const row = el('div', 'cc-sbs-row');
    row.setAttribute('role', 'row');
    const ref = cell('cc-sbs-ref', 'cell');
    ref.append(...markupNodes(r.reference));
    const ver = cell('cc-sbs-ver', 'cell');
    ver.append(...markupNodes(r.version));
    if (!r.reference.some((s) => s.op !== 'eq') && !r.version.some((s) => s.op !== 'eq')) row.classList.add('cc-sbs-same');
    row.append(ref, ver);
    table.append(row);
  }
  return table;
}

function cell(className: string, role: string, text?: string): HTMLElement {
  const c = el('div', className, text);
  c.setAttribute('role', role);
  return c;
}
