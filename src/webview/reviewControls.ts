// Review controls of the detail view: each substantive divergence of the cluster with
// its review state (to review, confirmed, dismissed, needs re-review), a note field, and
// Confirm / Dismiss / Clear buttons; "Undo last decision" for the session. Also the
// toolbar's "Not yet reviewed" filter. Decisions go to the extension as protocol messages;
// text only ever goes in through textContent.
import type { DetailReview, FromWebview, PanelReviewStatus, ReviewVerdict } from '../extension/panel/protocol';
import { el } from './dom';

/** How a status reads in the panel. */
export const STATUS_TEXT: Record<PanelReviewStatus, string> = {
  unreviewed: 'to review',
  confirmed: 'confirmed',
  dismissed: 'dismissed as a false alarm',
  'needs-re-review': 'needs re-review: the text changed since the decision',
};

/** The review section of a detail: one row per divergence, and the undo button. */
export function reviewSection(items: readonly DetailReview[], post: (msg: FromWebview) => void, readOnly: boolean): HTMLElement {
  const box = el('div', 'cc-review');
  box.id = 'cc-review';
  const bar = el('div', 'cc-review-bar');
  const left = items.filter((i) => i.status === 'unreviewed' || i.status === 'needs-re-review').length;
  bar.append(el('span', 'cc-review-count', `${items.length - left} reviewed · ${left} to review`));
  if (readOnly) bar.append(el('span', 'cc-review-readonly', 'Restricted Mode: decisions are shown but not saved'));
  const undo = el('button', 'cc-review-undo', 'Undo last decision');
  undo.title = 'Undo the last review decision of this session (Crosscheck: Undo Review Decision)';
  undo.addEventListener('click', () => post({ type: 'reviewUndo' }));
  bar.append(undo);
  box.append(bar);
  const list = el('ul', 'cc-review-list');
  if (!items.length) list.append(el('li', 'cc-empty', 'No substantive divergence to review in this cluster.'));
  for (const item of items) list.append(reviewRow(item, post));
  box.append(list);
  return box;
}

/** One divergence: what differs and who says what, its state, a note, and the decision buttons. */
function reviewRow(item: DetailReview, post: (msg: FromWebview) => void): HTMLElement {
  const li = el('li', 'cc-review-item');
  li.dataset.key = item.key;
  li.dataset.status = item.status;
  const side = (text: string, who: string[]) => {
    const s = el('span', 'cc-review-side');
    s.append(text ? el('q', undefined, text) : el('em', undefined, '(nothing)'), document.createTextNode(` — ${who.join(', ') || '?'}`));
    return s;
  };
  const what = el('div', 'cc-review-what');
  what.append(el('span', 'cc-div-type', item.type), side(item.wordings[0], item.sides[0]), el('span', 'cc-review-vs', 'vs'), side(item.wordings[1], item.sides[1]));
  const state = el('div', 'cc-review-state', STATUS_TEXT[item.status]);
  state.dataset.status = item.status;
  if (item.note) state.append(el('span', 'cc-review-note-text', ` — ${item.note}`));
  const note = el('input', 'cc-review-note');
  note.type = 'text';
  note.placeholder = 'Note (optional), saved with Confirm or Dismiss';
  note.setAttribute('aria-label', 'Review note');
  note.maxLength = 2000;
  note.value = item.note ?? '';
  const decide = (verdict: ReviewVerdict | null) => post({ type: 'reviewDecision', match: item.match, divergence: item.divergence, verdict, ...(verdict && note.value.trim() ? { note: note.value.trim() } : {}) });
  const buttons = el('div', 'cc-review-buttons');
  buttons.append(
    button('Confirm', 'cc-review-confirm', 'Confirm: a real divergence', item.status === 'confirmed', () => decide('confirmed')),
    button('Dismiss', 'cc-review-dismiss', 'Dismiss as a false alarm (it leaves the Problems panel)', item.status === 'dismissed', () => decide('dismissed')),
  );
  if (item.status !== 'unreviewed') buttons.append(button('Clear', 'cc-review-clear', 'Clear the decision', false, () => decide(null)));
  li.append(what, state, note, buttons);
  return li;
}

function button(label: string, className: string, title: string, pressed: boolean, onClick: () => void): HTMLButtonElement {
  const b = el('button', `cc-review-btn ${className}`, label);
  b.title = title;
  b.setAttribute('aria-pressed', String(pressed));
  b.addEventListener('click', onClick);
  return b;
}

/** Adds the toolbar's "Not yet reviewed" filter after `after` (once); `onChange` gets the box's state. */
export function installUnreviewedFilter(after: HTMLElement, checked: boolean, onChange: (on: boolean) => void): HTMLInputElement {
  const existing = document.getElementById('cc-filter-unreviewed');
  if (existing instanceof HTMLInputElement) return existing;
  const label = el('label', 'cc-filter-unreviewed-label');
  const box = el('input');
  box.type = 'checkbox';
  box.id = 'cc-filter-unreviewed';
  box.checked = checked;
  label.title = 'Show only clusters with divergences not yet reviewed (or needing re-review)';
  label.append(box, document.createTextNode(' Not yet reviewed'));
  after.after(label);
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}
