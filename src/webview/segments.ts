// Splitting an article's text at every span boundary. Pure (no DOM).
import type { ArticleSpan } from './clusterIndex';

/** A piece of an article's text and the spans covering all of it, shortest (most specific) first. */
export interface TextPiece {
  from: number;
  to: number;
  covering: ArticleSpan[];
}

/**
 * Cuts the text from `start` (default 0: a column starts after an article's front matter)
 * to `length` at every span boundary; spans are clipped to that range. Offsets stay
 * offsets into the whole text.
 */
export function textPieces(length: number, spans: readonly ArticleSpan[], start = 0): TextPiece[] {
  const begin = Math.min(Math.max(0, start), length);
  const clipped = spans.map((s) => ({ ...s, start: Math.max(begin, s.start), end: Math.min(length, s.end) }));
  const cuts = new Set([begin, length]);
  for (const s of clipped) {
    if (s.end <= s.start) continue;
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out: TextPiece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i];
    const to = points[i + 1];
    if (to <= from) continue;
    const covering = clipped.filter((s) => s.start <= from && to <= s.end);
    covering.sort((x, y) => x.end - x.start - (y.end - y.start));
    out.push({ from, to, covering });
  }
  return out;
}
