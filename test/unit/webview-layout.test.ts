// Where the panel puts things: aligned scroll offsets, overview ticks, pane widths.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { PanelCluster } from '../../src/extension/panel/protocol';
import { alignedScrollTops, clampWidth, overviewTicks, viewportFrame } from '../../src/webview/layout';

test('aligned scroll offsets put every occurrence at the same height', () => {
  const { y, scrollTops } = alignedScrollTops([900, 1500, 400], 200);
  assert.equal(y, 200);
  assert.deepEqual(scrollTops, [700, 1300, 200]);
  [900, 1500, 400].forEach((o, i) => assert.equal(o - scrollTops[i], y));
});

test('an occurrence near its article start lowers the common height instead of breaking the alignment', () => {
  const { y, scrollTops } = alignedScrollTops([900, 40, 400], 200);
  assert.equal(y, 40);
  assert.deepEqual(scrollTops, [860, 0, 360]);
  assert.deepEqual(alignedScrollTops([], 200).scrollTops, []);
});

test('overview ticks sit at the span offsets in percent of the article, in text order', () => {
  const c = (id: string, slot: number) => ({ id, slot }) as PanelCluster;
  const ticks = overviewTicks([{ cluster: c('c2', 2), start: 500, end: 600 }, { cluster: c('c1', 1), start: 0, end: 100 }, { cluster: c('c3', 3), start: 900, end: 1200 }], 1000);
  assert.deepEqual(ticks.map((t) => [t.cluster, t.slot, t.topPercent, t.heightPercent]), [['c1', 1, 0, 10], ['c2', 2, 50, 10], ['c3', 3, 90, 10]]);
  assert.deepEqual(overviewTicks([{ cluster: c('c1', 1), start: 0, end: 4 }], 0), []);
});

test('overview ticks of a column starting at its body are in percent of the body, not of the file', () => {
  const c = (id: string, slot: number) => ({ id, slot }) as PanelCluster;
  // 200 characters of front matter, then an 800-character body
  const ticks = overviewTicks([{ cluster: c('c1', 1), start: 200, end: 280 }, { cluster: c('c2', 2), start: 600, end: 1000 }], 1000, 200);
  assert.deepEqual(ticks.map((t) => [t.cluster, t.start, t.topPercent, t.heightPercent]), [['c1', 200, 0, 10], ['c2', 600, 50, 50]]);
  assert.deepEqual(overviewTicks([{ cluster: c('c1', 1), start: 0, end: 4 }], 10, 10), [], 'an empty body has no ticks');
});

test('a dragged pane width stays between its minimum and three quarters of the panel', () => {
  assert.equal(clampWidth(100, 1200), 240);
  assert.equal(clampWidth(500, 1200), 500);
  assert.equal(clampWidth(1100, 1200), 900);
  assert.equal(clampWidth(500, 200), 240);
});

test('the overview frame shows the visible part of the article, clipped at its end', () => {
  assert.deepEqual(viewportFrame(0, 500, 2000), { topPercent: 0, heightPercent: 25 });
  assert.deepEqual(viewportFrame(1000, 500, 2000), { topPercent: 50, heightPercent: 25 });
  assert.deepEqual(viewportFrame(1800, 500, 2000), { topPercent: 90, heightPercent: 10 }, 'past the end (the room to scroll) the frame is cut');
  assert.deepEqual(viewportFrame(0, 800, 400), { topPercent: 0, heightPercent: 100 });
  assert.deepEqual(viewportFrame(0, 100, 0), { topPercent: 0, heightPercent: 100 });
});
