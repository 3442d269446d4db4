// The webview's pure parts: filters, reading order, spans per article, text pieces,
// stepping, and the batching of text requests.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { FromWebview, PanelCluster, PanelModel } from '../../src/extension/panel/protocol';
import { indexModel, isVisible, positionText, readingOrder, spansByArticle, stepFrom, summaryText, carriedText } from '../../src/webview/clusterIndex';
import { textPieces } from '../../src/webview/segments';
import { TextStore, TEXTS_PER_REQUEST } from '../../src/webview/textStore';

function cluster(id: string, kind: 'quote' | 'passage', substantive: number, members: [string, number, number][]): PanelCluster {
  return { id, kind, speaker: null, grade: 'verbatim', substantive, slot: 1, label: id, members: members.map(([article, start, end]) => ({ article, start, end })) };
}

const articles = [{ id: 'a', title: 'A' }, { id: 'b', title: 'B' }];
const c1 = cluster('c1', 'quote', 0, [['b', 5, 9], ['a', 30, 40]]);
const c2 = cluster('c2', 'passage', 2, [['a', 10, 20], ['b', 0, 4]]);
const c3 = cluster('c3', 'quote', 1, [['b', 1, 3]]);
const model: PanelModel = { articles, clusters: [c1, c2, c3], totalSources: 3, paletteSize: 8 };

test('filters let quotes, passages and substantive-only through as set', () => {
  assert.equal(isVisible(c1, { quotes: false, passages: true, substantiveOnly: false }), false);
  assert.equal(isVisible(c2, { quotes: false, passages: true, substantiveOnly: false }), true);
  assert.equal(isVisible(c2, { quotes: true, passages: false, substantiveOnly: false }), false);
  assert.equal(isVisible(c1, { quotes: true, passages: true, substantiveOnly: true }), false);
  assert.equal(isVisible(c3, { quotes: true, passages: true, substantiveOnly: true }), true);
});

test('reading order goes by first article, then offset; clusters in no known article come last', () => {
  const stray = cluster('c9', 'quote', 0, [['zz', 0, 3]]);
  assert.deepEqual(readingOrder(articles, [c1, c2, c3, stray]), ['c2', 'c1', 'c3', 'c9']);
});

test('spans per article leave empty spans out', () => {
  const empty = cluster('c4', 'quote', 0, [['a', 7, 7]]);
  const spans = spansByArticle([c1, empty]);
  assert.deepEqual(spans.get('a')?.map((s) => [s.cluster.id, s.start, s.end]), [['c1', 30, 40]]);
  assert.deepEqual(spans.get('b')?.map((s) => s.cluster.id), ['c1']);
});

test('indexModel applies the filters to order and spans', () => {
  const index = indexModel(model, { quotes: true, passages: true, substantiveOnly: true });
  assert.deepEqual(index.order, ['c2', 'c3']);
  assert.deepEqual([...index.spansByArticle.keys()].sort(), ['a', 'b']);
  assert.equal(index.clusterById.size, 3, 'every cluster stays reachable by id');
  assert.equal(summaryText(model), '2 sources · 3 clusters · 3 substantive divergences');
  assert.equal(carriedText(c1, 3), 'Quoted by 2 of 3 sources');
  assert.equal(carriedText(c2, undefined), 'Carried by 2 of ? sources');
});

test('text pieces: cut at every boundary, covering spans shortest first, clipped to the text', () => {
  const spans = spansByArticle([cluster('long', 'passage', 0, [['a', 0, 10]]), cluster('short', 'quote', 0, [['a', 4, 6]]), cluster('past', 'quote', 0, [['a', 8, 50]])]).get('a')!;
  const pieces = textPieces(12, spans);
  assert.deepEqual(pieces.map((p) => [p.from, p.to, p.covering.map((s) => s.cluster.id)]), [
    [0, 4, ['long']],
    [4, 6, ['short', 'long']],
    [6, 8, ['long']],
    [8, 10, ['past', 'long']], // 'past' clipped to 8…12 is the shorter one
    [10, 12, ['past']],
  ]);
  assert.deepEqual(textPieces(5, []).map((p) => [p.from, p.to, p.covering.length]), [[0, 5, 0]]);
  assert.deepEqual(textPieces(0, []), []);
});

test('text pieces from a body start: the front matter is left out, offsets stay offsets into the whole file', () => {
  // '---\ntitle: T\n---\n' is 17 characters; the body 'He said "yes" today.' follows
  const text = '---\ntitle: T\n---\nHe said "yes" today.';
  const body = 17;
  const spans = spansByArticle([cluster('q', 'quote', 0, [['a', 25, 30]]), cluster('stray', 'quote', 0, [['a', 4, 12]])]).get('a')!;
  const pieces = textPieces(text.length, spans, body);
  assert.deepEqual(pieces.map((p) => [p.from, p.to, p.covering.map((s) => s.cluster.id)]), [
    [17, 25, []],
    [25, 30, ['q']],
    [30, text.length, []],
  ]);
  assert.equal(text.slice(pieces[1].from, pieces[1].to), '"yes"');
  assert.equal(pieces.map((p) => text.slice(p.from, p.to)).join(''), 'He said "yes" today.');
  assert.deepEqual(textPieces(5, [], 9), [], 'a start past the end shows nothing');
  assert.deepEqual(textPieces(5, [], -3).map((p) => [p.from, p.to]), [[0, 5]]);
});

test('stepping wraps around and starts at either end; the position reads "i / n"', () => {
  const order = ['x', 'y', 'z'];
  assert.equal(stepFrom(order, undefined, 1), 'x');
  assert.equal(stepFrom(order, undefined, -1), 'z');
  assert.equal(stepFrom(order, 'z', 1), 'x');
  assert.equal(stepFrom(order, 'x', -1), 'z');
  assert.equal(stepFrom([], 'x', 1), undefined);
  assert.equal(positionText(order, 'y'), '2 / 3');
  assert.equal(positionText(order, undefined), '– / 3');
  assert.equal(positionText([], undefined), '0 matches');
});

test('text requests made in one task go out together, split at the per-message limit, each id once', async () => {
  const sent: FromWebview[] = [];
  const store = new TextStore((m) => sent.push(m));
  store.reset(4);
  const ids = Array.from({ length: TEXTS_PER_REQUEST + 3 }, (_, i) => `a${i}`);
  for (const id of ids) store.request(id);
  store.request('a0');
  assert.equal(sent.length, 0, 'nothing is sent before the task ends');
  await Promise.resolve();
  assert.deepEqual(sent.map((m) => (m.type === 'requestTexts' ? [m.version, m.ids.length] : m.type)), [[4, TEXTS_PER_REQUEST], [4, 3]]);
  const all = sent.flatMap((m) => (m.type === 'requestTexts' ? m.ids : []));
  assert.deepEqual(all, ids);
  assert.equal(store.receive(3, [{ id: 'a0', text: 'old' }]), false, "another version's texts are dropped");
  assert.equal(store.get('a0'), undefined);
  assert.equal(store.receive(4, [{ id: 'a0', text: 'new' }]), true);
  assert.equal(store.get('a0'), 'new');
  store.reset(5);
  assert.equal(store.get('a0'), undefined, 'a new version forgets the texts');
});
