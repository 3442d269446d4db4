// How divergence messages name the two sides: "X vs Y", "the first version". The analysis runs
// with the sides in one canonical order (see ./divergence); when it runs mirrored, messages are
// written for the caller's order, the sides named the other way round.
import { Orientation } from './sides';

/** A part of a text as a message quotes it ('nothing' when empty). */
export function quote(s: string): string {
  return s ? `“${s}”` : 'nothing';
}

/** "X vs Y", X being side A's part and Y side B's, in the caller's order. */
export function vs(o: Orientation, x: string, y: string): string {
  return o.mirrored ? `${y} vs ${x}` : `${x} vs ${y}`;
}

/** The caller's name for side A ("first") or side B ("second"). */
export function versionOf(o: Orientation, side: 'a' | 'b'): string {
  return (side === 'a') !== o.mirrored ? 'first' : 'second';
}
