// Where each source sits on the panel's timeline: dated sources on a time axis (by
// date), undated ones after them in file order, in a band of their own; with no dates
// at all, every source in file order, and a note saying so. Pure (no DOM), unit-tested.
import type { TimelineModel, TimelineSource } from '../extension/panel/protocol';

/** One source placed on the timeline. */
export interface TimelinePoint {
  source: TimelineSource;
  /** Horizontal position, 0…1 of the axis's width. */
  x: number;
  /** Stack row (0 on the axis line; sources at the same place stack upwards). */
  row: number;
  /** Whether it has a usable date. */
  dated: boolean;
}

/** A labelled tick of the axis. */
export interface TimelineTick {
  x: number;
  label: string;
}

/** The timeline's geometry. */
export interface TimelineLayout {
  points: TimelinePoint[];
  ticks: TimelineTick[];
  /** Rows used (the drawing's height). */
  rows: number;
  /** What the axis shows ("Sources by publication date", or the file-order fallback). */
  note: string;
}

/** Least and most of the axis the dated sources get when some are undated (the rest is the undated band, in proportion). */
export const DATED_SHARE = [0.25, 0.8] as const;
/** Points closer than this (share of the width) stack instead of overlapping. */
export const MIN_GAP = 0.12;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Milliseconds of an ISO date (or timestamp); NaN when it is not one. */
export function timeOf(date: string | undefined): number {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return NaN;
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

/** "Jun 11, 2023" for an ISO date. */
export function shortDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${MONTHS[+m[2] - 1]} ${+m[3]}, ${m[1]}` : date;
}

/** Places the sources (in the model's order: dated by date, then undated in file order). */
export function timelineLayout(model: TimelineModel): TimelineLayout {
  const dated = model.sources.filter((s) => !Number.isNaN(timeOf(s.date)));
  const undated = model.sources.filter((s) => Number.isNaN(timeOf(s.date)));
  if (!dated.length) {
    const points = spread(undated, 0, 1).map((p) => ({ ...p, dated: false }));
    return { points: stack(points), ticks: [], rows: rowsOf(points), note: 'No publication dates known: sources in file order.' };
  }
  const share = dated.length / model.sources.length;
  const span = undated.length ? Math.min(DATED_SHARE[1], Math.max(DATED_SHARE[0], share)) : 1;
  const times = dated.map((s) => timeOf(s.date));
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const at = (t: number) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * span : 0);
  const points: TimelinePoint[] = dated.map((s) => ({ source: s, x: at(timeOf(s.date)), row: 0, dated: true }));
  points.push(...spread(undated, span + 0.05, 1).map((p) => ({ ...p, dated: false })));
  const ticks: TimelineTick[] = [{ x: 0, label: shortDate(dated[times.indexOf(t0)].date!) }];
  if (t1 > t0) ticks.push({ x: span, label: shortDate(dated[times.indexOf(t1)].date!) });
  if (undated.length) ticks.push({ x: span + 0.05, label: 'no date (file order)' });
  const note = undated.length ? `Sources by publication date; ${undated.length} without a date follow in file order.` : 'Sources by publication date.';
  return { points: stack(points), ticks, rows: rowsOf(points), note };
}

/** Sources spread evenly over [from, to], in order. */
function spread(sources: TimelineSource[], from: number, to: number): Omit<TimelinePoint, 'dated'>[] {
  const n = sources.length;
  return sources.map((source, i) => ({ source, x: n === 1 ? from : from + ((to - from) * i) / (n - 1), row: 0 }));
}

/** Gives each point the lowest row where no earlier point sits within MIN_GAP of it. */
function stack(points: TimelinePoint[]): TimelinePoint[] {
  const lastX: number[] = [];
  for (const p of points) {
    let row = 0;
    while (lastX[row] !== undefined && p.x - lastX[row] < MIN_GAP) row++;
    lastX[row] = p.x;
    p.row = row;
  }
  return points;
}

function rowsOf(points: TimelinePoint[]): number {
  return points.reduce((n, p) => Math.max(n, p.row + 1), 0);
}
