// The panel's review controls and timeline as DOM (linkedom): decisions go out as protocol
// messages with the note, the state shows, and article-derived text stays text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import type { DetailReview, FromWebview, PanelCluster } from '../../src/extension/panel/protocol';

const { document, window } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { document, HTMLElement: window.HTMLElement, HTMLInputElement: window.HTMLInputElement, CSS: { escape: (s: string) => s.replace(/["\\]/g, '\\$&') } });

// loaded after the DOM globals exist
const load = async () => ({ ...(await import('../../src/webview/reviewControls')), ...(await import('../../src/webview/timeline')) });

const item = (status: DetailReview['status'], note?: string): DetailReview => ({
  key: 'k1', type: 'number', wordings: ['14', '40'], sides: [['Evening Post'], ['The Mercury', 'Ledger']], status, match: 'm2', divergence: 0, ...(note ? { note } : {}),
});

test('review rows: Confirm / Dismiss post the decision with the note; Clear only once decided; Undo posts reviewUndo', async () => {
  const { reviewSection } = await load();
  const sent: FromWebview[] = [];
  const box = reviewSection([item('unreviewed')], (m) => sent.push(m), false);
  assert.equal(box.querySelector('.cc-review-state')!.textContent, 'to review');
  assert.equal(box.querySelector('.cc-review-clear'), null);
  (box.querySelector('.cc-review-note') as HTMLInputElement).value = '  wrong figure in the release  ';
  (box.querySelector('.cc-review-dismiss') as HTMLElement).click();
  (box.querySelector('.cc-review-undo') as HTMLElement).click();
  assert.deepEqual(sent, [{ type: 'reviewDecision', match: 'm2', divergence: 0, verdict: 'dismissed', note: 'wrong figure in the release' }, { type: 'reviewUndo' }]);
  const decided = reviewSection([item('dismissed', 'typo')], (m) => sent.push(m), true);
  assert.equal(decided.querySelector('.cc-review-dismiss')!.getAttribute('aria-pressed'), 'true');
  assert.match(decided.querySelector('.cc-review-state')!.textContent!, /^dismissed as a false alarm — typo$/);
  assert.ok(decided.querySelector('.cc-review-readonly'), 'Restricted Mode is said');
  (decided.querySelector('.cc-review-clear') as HTMLElement).click();
  assert.deepEqual(sent[2], { type: 'reviewDecision', match: 'm2', divergence: 0, verdict: null });
  const stale = reviewSection([item('needs-re-review')], () => undefined, false);
  assert.match(stale.querySelector('.cc-review-state')!.textContent!, /needs re-review/);
});

test('the timeline names outlets as text, marks first appearances and the selected cluster\'s carriers', async () => {
  const { renderTimeline, markTimeline } = await load();
  const box = document.createElement('div');
  const cluster = { id: 'c1', slot: 1, label: 'fine', kind: 'quote' } as PanelCluster;
  const selected: string[] = [];
  renderTimeline(box, {
    order: 'date',
    sources: [
      { article: 'a', label: '<img src=x onerror=alert(1)> Post · May 2, 2021', date: '2021-05-02', first: ['c1'], carries: ['c1'] },
      { article: 'b', label: 'Mercury · May 3, 2021', date: '2021-05-03', first: [], carries: ['c1'] },
      { article: 'c', label: 'c', first: [], carries: [] },
    ],
  }, new Map([['c1', cluster]]), (id) => selected.push(id));
  assert.equal(box.querySelectorAll('img').length, 0, 'a label is never parsed as markup');
  assert.equal(box.querySelector('.cc-tl-label')!.textContent, '<img src=x onerror=alert(1)> Post · May 2, 2021');
  assert.match(box.querySelector('.cc-tl-note')!.textContent!, /1 without a date follow in file order/);
  (box.querySelector('.cc-tl-first') as HTMLElement).click();
  assert.deepEqual(selected, ['c1']);
  markTimeline(box, 'c1');
  const marked = [...box.querySelectorAll('.cc-tl-source')].map((n) => [(n as HTMLElement).dataset.article, n.classList.contains('cc-tl-carries'), n.classList.contains('cc-tl-origin')]);
  assert.deepEqual(marked, [['a', true, true], ['b', true, false], ['c', false, false]]);
  markTimeline(box, undefined);
  assert.equal(box.querySelectorAll('.cc-tl-carries').length, 0);
});
