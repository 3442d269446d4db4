// The data of a two-article comparison (pairComparison.ts builds it), shared with
// the panel protocol and the webview: types only, so the webview's type check does
// not reach the extension's view modules.
import type { Grade } from '../../core/types';

/** A stretch of one article's text (JS string offsets). */
export interface PairSide {
  start: number;
  end: number;
}

/**
 * What a row shows: `matched` (a passage on both sides, aligned), `only` (text found
 * in one article only; a row may hold one such stretch per side) or `moved` (a shared
 * passage that sits elsewhere on the other side; one side per row).
 */
export type PairRowKind = 'matched' | 'only' | 'moved';

/** One aligned row of the comparison. */
export interface PairRow {
  kind: PairRowKind;
  left?: PairSide;
  right?: PairSide;
  /** Cluster of a matched or moved row. */
  cluster?: string;
  /** Grade of the direct match between the two articles (absent when they are linked through another source). */
  grade?: Grade;
  /** Substantive divergences of the direct match. */
  substantive?: number;
}

/** How many rows of each kind the comparison has. */
export interface PairCounts {
  matched: number;
  /** Shared passages out of order (each shows as a row on either side). */
  moved: number;
  onlyLeft: number;
  onlyRight: number;
}

/** The comparison of two articles: `left` and `right` are article ids. */
export interface PairComparison {
  left: string;
  right: string;
  rows: PairRow[];
  counts: PairCounts;
}

/** A passage the two articles share: its span on each side, with the match's grade. */
export interface PairAnchor {
  cluster: string;
  left: PairSide;
  right: PairSide;
  grade?: Grade;
  substantive?: number;
}
