// Position look-ups within one article of an alignment run, for the fragment
// search: the unit a fragment sits in, the quote sentence around a sub-span, and
// the units around a fragment (its own sentence and the ones before and after).
import type { Unit } from '../types';
import type { PreparedUnit } from './prepare';

/** Per article: the prepared units (by index) and the quote sentences (quote units and fragment units), each sorted by start. */
export class ArticleSpans {
  private readonly units: number[][];
  private readonly quotes: Unit[][];

  constructor(
    private readonly prepared: readonly PreparedUnit[],
    fragments: readonly { unit: Unit; article: number }[],
    articles: number,
  ) {
    this.units = Array.from({ length: articles }, () => []);
    this.quotes = Array.from({ length: articles }, () => []);
    prepared.forEach((p, i) => {
      this.units[p.article].push(i);
      if (p.unit.kind === 'quote') this.quotes[p.article].push(p.unit);
    });
    for (const f of fragments) this.quotes[f.article].push(f.unit);
    for (const list of this.units) list.sort((x, y) => prepared[x].unit.start - prepared[y].unit.start);
    for (const list of this.quotes) list.sort((x, y) => x.start - y.start);
  }

  /** Index (into the article's sorted units) of the first unit ending after `start`. */
  private firstEndingAfter(article: number, start: number): number {
    const list = this.units[article];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.prepared[list[mid]].unit.end <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The prepared unit of `article` that overlaps [start, end) first, or -1. */
  unitAt(article: number, start: number, end: number): number {
    const list = this.units[article];
    const k = this.firstEndingAfter(article, start);
    return k < list.length && this.prepared[list[k]].unit.start < end ? list[k] : -1;
  }

  /** The shortest quote sentence of `article` holding [start, end), if any. */
  quoteAround(article: number, start: number, end: number): Unit | undefined {
    let best: Unit | undefined;
    for (const q of this.quotes[article]) {
      if (q.start > start) break;
      if (q.end >= end && (!best || q.end - q.start < best.end - best.start)) best = q;
    }
    return best;
  }

  /** The units of `article` overlapping [start, end), with the one before and the one after. */
  unitsAround(article: number, start: number, end: number): Unit[] {
    const list = this.units[article];
    const k = this.firstEndingAfter(article, start);
    const out: Unit[] = [];
    for (let i = Math.max(0, k - 1); i < list.length; i++) {
      const u = this.prepared[list[i]].unit;
      out.push(u);
      if (u.start >= end) break;
    }
    return out;
  }
}
