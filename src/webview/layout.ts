// Where things sit in the columns: the scroll offsets that put one cluster's
// occurrences at the same height in every column, and the overview strip's ticks.
// Pure (no DOM).
import type { ArticleSpan } from './clusterIndex';

/** Preferred height of an aligned occurrence, as a share of a column's visible height. */
export const ALIGN_AT = 0.3;

/**
 * Scroll offsets putting every occurrence at the same distance `y` from the top of its
 * column: `y` is the preferred height, lowered to the smallest offset so that no column
 * would have to scroll above its start (the columns' end has room to scroll past).
 * `offsets[i]` is the occurrence's offset in column i's content; the result is each scrollTop.
 */
export function alignedScrollTops(offsets: readonly number[], preferred: number): { y: number; scrollTops: number[] } {
  const y = Math.max(0, Math.min(preferred, ...offsets));
  return { y, scrollTops: offsets.map((o) => Math.max(0, o - y)) };
}

/** One mark of the overview strip: a cluster's span at its place in the article, in percent of the text. */
export interface OverviewTick {
  cluster: string;
  slot: number;
  start: number;
  topPercent: number;
  heightPercent: number;
}

/**
 * The overview strip's ticks of one article (one per span), in text order; the strip
 * stands for the text from `start` (default 0; the column's body, after front matter) to its end.
 */
export function overviewTicks(spans: readonly ArticleSpan[], textLength: number, start = 0): OverviewTick[] {
  const from = Math.min(Math.max(0, start), textLength);
  const shown = textLength - from;
  if (shown <= 0) return [];
  const pct = (n: number) => Math.round(((Math.min(Math.max(n, from), textLength) - from) / shown) * 10000) / 100;
  return [...spans]
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((s) => ({ cluster: s.cluster.id, slot: s.cluster.slot, start: s.start, topPercent: pct(s.start), heightPercent: Math.max(0, pct(s.end) - pct(s.start)) }));
}

/**
 * The part of an article a column shows, in percent of the article's height, for the
 * overview strip's frame: from scroll offset, visible height and the text's height
 * (without the room left to scroll past the end).
 */
export function viewportFrame(scrollTop: number, visibleHeight: number, textHeight: number): { topPercent: number; heightPercent: number } {
  if (textHeight <= 0) return { topPercent: 0, heightPercent: 100 };
  const top = Math.min(100, Math.max(0, (scrollTop / textHeight) * 100));
  const height = Math.min(100 - top, Math.max(0, (visibleHeight / textHeight) * 100));
  return { topPercent: Math.round(top * 100) / 100, heightPercent: Math.round(height * 100) / 100 };
}

/** A dragged pane width kept between `min` and the share `maxShare` of the whole width. */
export function clampWidth(width: number, total: number, min = 240, maxShare = 0.75): number {
  const max = Math.max(min, Math.floor(total * maxShare));
  return Math.round(Math.min(Math.max(width, min), max));
}
