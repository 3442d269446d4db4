// Span tables: the spans of one article sorted by start, with a running maximum
// of their ends, so "which spans contain this offset" and "next span after this
// offset" are binary searches (O(log n + hits)) instead of scans — hover
// look-ups stay constant-time in practice however many matches an article has.

/** A span with start/end offsets (end exclusive in the text; look-ups treat it as inclusive). */
export interface SpanLike {
  /** First offset. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** A sorted, searchable table of spans. */
export class SpanTable<T extends SpanLike> {
  /** The spans, sorted by start (then longer first). */
  readonly spans: readonly T[];
  /** maxEnd[i] = the largest end among spans[0..i]. */
  private readonly maxEnd: Float64Array;

  constructor(spans: Iterable<T>) {
    const list = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
    this.spans = list;
    this.maxEnd = new Float64Array(list.length);
    let max = -Infinity;
    list.forEach((s, i) => (this.maxEnd[i] = max = Math.max(max, s.end)));
  }

  /** Index of the last span starting at or before `offset` (-1 if none). */
  private lastStartingAtOrBefore(offset: number): number {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Spans with start ≤ offset ≤ end, in table order. */
  at(offset: number): T[] {
    const out: T[] = [];
    for (let i = this.lastStartingAtOrBefore(offset); i >= 0 && this.maxEnd[i] >= offset; i--) {
      if (this.spans[i].end >= offset) out.push(this.spans[i]);
    }
    return out.reverse();
  }

  /** The first span starting after `offset`, wrapping to the first one. */
  next(offset: number): T | undefined {
    if (!this.spans.length) return undefined;
    return this.spans[this.lastStartingAtOrBefore(offset) + 1] ?? this.spans[0];
  }

  /** The last span starting before `offset`, wrapping to the last one. */
  previous(offset: number): T | undefined {
    if (!this.spans.length) return undefined;
    return this.spans[this.lastStartingAtOrBefore(offset - 1)] ?? this.spans[this.spans.length - 1];
  }
}
