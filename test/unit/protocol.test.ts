// The panel protocol's pure parts: the posted model (texts left out of large panels) and
// the validation of untrusted messages from the webview.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { columnStart, INLINE_TEXT_ARTICLES, MAX_TEXTS_PER_REQUEST, parseFromWebview, postedModel, type PanelModel } from '../../src/extension/panel/protocol';

function modelOf(n: number): PanelModel {
  const articles = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `Title ${i}`, file: `a${i}.txt`, text: `Text of article ${i} <script>x</script>` }));
  const clusters = [{ id: 'c1', kind: 'quote' as const, speaker: null, grade: 'verbatim' as const, substantive: 0, slot: 1, label: 'x', members: [{ article: 'a0', start: 0, end: 4 }] }];
  return { articles, clusters, totalSources: n, paletteSize: 8 };
}

test('postedModel keeps the texts of a small panel and stamps the version', () => {
  const m = modelOf(INLINE_TEXT_ARTICLES);
  const p = postedModel(m, 7);
  assert.equal(p.version, 7);
  assert.equal(p.lazyText, false);
  assert.deepEqual(p.articles, m.articles);
  assert.deepEqual(p.clusters, m.clusters);
});

test('postedModel leaves the texts out of a large panel (and does not touch the model it was given)', () => {
  const m = modelOf(INLINE_TEXT_ARTICLES + 1);
  const p = postedModel(m, 3);
  assert.equal(p.lazyText, true);
  assert.equal(p.articles.length, m.articles.length);
  for (const a of p.articles) assert.equal(a.text, undefined);
  assert.deepEqual(p.articles[2], { id: 'a2', title: 'Title 2', file: 'a2.txt' });
  assert.ok(m.articles.every((a) => typeof a.text === 'string'), 'the computer’s model keeps its texts');
  assert.ok(JSON.stringify(p).length < JSON.stringify(m).length);
});

test('postedModel keeps each article\'s body start, with or without its text', () => {
  const m = modelOf(INLINE_TEXT_ARTICLES + 1);
  m.articles[1] = { ...m.articles[1], bodyStart: 5 };
  const lazy = postedModel(m, 1);
  assert.equal(lazy.articles[1].bodyStart, 5);
  assert.equal('bodyStart' in lazy.articles[0], false);
  const small = modelOf(2);
  small.articles[0] = { ...small.articles[0], bodyStart: 4 };
  assert.equal(postedModel(small, 1).articles[0].bodyStart, 4);
});

test('columnStart takes a body start within the text and falls back to 0 for anything else', () => {
  assert.equal(columnStart({ bodyStart: 17 }, 40), 17);
  assert.equal(columnStart({ bodyStart: 40 }, 40), 40);
  assert.equal(columnStart({}, 40), 0);
  for (const bad of [-1, 41, 2.5, NaN, '17' as unknown as number, null as unknown as number]) assert.equal(columnStart({ bodyStart: bad }, 40), 0, String(bad));
});

test('parseFromWebview accepts a well-formed requestTexts and rejects malformed ones', () => {
  assert.deepEqual(parseFromWebview({ type: 'requestTexts', version: 2, ids: ['a', 'b'] }), { type: 'requestTexts', version: 2, ids: ['a', 'b'] });
  assert.equal(parseFromWebview({ type: 'requestTexts', version: 2.5, ids: ['a'] }), undefined);
  assert.equal(parseFromWebview({ type: 'requestTexts', version: '2', ids: ['a'] }), undefined);
  assert.equal(parseFromWebview({ type: 'requestTexts', version: 2, ids: 'a' }), undefined);
  assert.equal(parseFromWebview({ type: 'requestTexts', version: 2, ids: ['a', 3] }), undefined);
  const many = Array.from({ length: MAX_TEXTS_PER_REQUEST + 1 }, (_, i) => `a${i}`);
  assert.equal(parseFromWebview({ type: 'requestTexts', version: 2, ids: many }), undefined);
  assert.equal(parseFromWebview({ type: 'requestTexts', version: 2, ids: many.slice(1) })?.type, 'requestTexts');
});

test('parseFromWebview keeps rejecting unknown and malformed messages', () => {
  for (const bad of [null, 'ready', 42, {}, { type: 'nope' }, { type: 'reveal', article: 'a', start: 1.5, end: 2 }, { type: 'requestDetail' }]) assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
  assert.deepEqual(parseFromWebview({ type: 'ready', extra: '<script>' }), { type: 'ready' });
});
