// The two-article comparison of "Compare Active Article With…": both articles cut
// into aligned rows, as a diff editor shows two files. A row holds a passage the
// two share (one on each side), a passage found in only one of them, or a shared
// passage whose place differs (moved). Pure: no `vscode` import.
import type { CorpusIndex } from './corpusIndex';

import type { PairAnchor, PairComparison, PairCounts, PairRow, PairSide } from './pairTypes';

export type { PairAnchor, PairComparison, PairCounts, PairRow, PairRowKind, PairSide } from './pairTypes';

/** The comparison of articles `pair[0]` (left) and `pair[1]` (right) in an index; undefined when either is missing. */
export function pairComparison(index: CorpusIndex, pair: [string, string]): PairComparison | undefined {
  const [left, right] = pair;
  const a = index.article(left);
  const b = index.article(right);
  if (!a || !b) return undefined;
  const rows = alignPair(a.text, b.text, pairAnchors(index, left, right), [a.bodyStart ?? 0, b.bodyStart ?? 0]);
  return { left, right, rows, counts: countRows(rows) };
}

/** Every cluster carried by both articles, as an anchor (the cluster's member on each side). */
export function pairAnchors(index: CorpusIndex, left: string, right: string): PairAnchor[] {
  const out: PairAnchor[] = [];
  for (const c of index.clusters) {
    const l = c.members.find((m) => m.article === left);
    const r = c.members.find((m) => m.article === right);
    if (!l || !r || l.end <= l.start || r.end <= r.start) continue;
    const anchor: PairAnchor = { cluster: c.id, left: { start: l.start, end: l.end }, right: { start: r.start, end: r.end } };
    const direct = index.matchBetween(c, left, right);
    if (direct) {
      anchor.grade = direct.match.grade;
      anchor.substantive = direct.match.divergences.filter((d) => d.substantive).length;
    }
    out.push(anchor);
  }
  return out;
}

/**
 * Cuts two texts into aligned rows around the shared passages: the largest set of
 * anchors in the same order on both sides (by characters covered) is aligned row by
 * row; the other anchors are `moved` rows, and the text between aligned anchors is
 * `only` rows (stretches without a letter or digit are left out). `from` is where each text's
 * body starts (past a front matter block).
 */
export function alignPair(leftText: string, rightText: string, anchors: readonly PairAnchor[], from: [number, number] = [0, 0]): PairRow[] {
  const kept = disjointAnchors(anchors);
  const chain = orderedChain(kept);
  const inChain = new Set(chain);
  const moved = kept.filter((x) => !inChain.has(x));
  const rows: PairRow[] = [];
  let [prevL, prevR] = from;
  for (const x of [...chain, undefined]) {
    const gapL: PairSide = { start: prevL, end: x ? x.left.start : leftText.length };
    const gapR: PairSide = { start: prevR, end: x ? x.right.start : rightText.length };
    rows.push(...gapRows(leftText, rightText, gapL, gapR, moved));
    if (!x) break;
    rows.push(anchorRow('matched', x, true, true));
    prevL = x.left.end;
    prevR = x.right.end;
  }
  return rows;
}

/** Counts the rows of each kind (an `only` row with both sides counts once per side). */
export function countRows(rows: readonly PairRow[]): PairCounts {
  const counts: PairCounts = { matched: 0, moved: 0, onlyLeft: 0, onlyRight: 0 };
  for (const r of rows) {
    if (r.kind === 'matched') counts.matched++;
    else if (r.kind === 'moved') counts.moved += r.left ? 1 : 0; // one passage, two rows
    else {
      if (r.left) counts.onlyLeft++;
      if (r.right) counts.onlyRight++;
    }
  }
  return counts;
}

/** Anchors that overlap no longer one on either side (a quote inside a shared passage stays a highlight of that row). */
function disjointAnchors(anchors: readonly PairAnchor[]): PairAnchor[] {
  const bySize = [...anchors].sort((x, y) => size(y) - size(x) || x.left.start - y.left.start);
  const kept: PairAnchor[] = [];
  for (const x of bySize) {
    if (!kept.some((k) => overlaps(k.left, x.left) || overlaps(k.right, x.right))) kept.push(x);
  }
  return kept.sort((x, y) => x.left.start - y.left.start);
}

/** The heaviest chain of anchors whose right sides are in the same order as their left sides (anchors sorted by left start). */
function orderedChain(sorted: readonly PairAnchor[]): PairAnchor[] {
  const best: number[] = [];
  const prev: number[] = [];
  let top = -1;
  for (let i = 0; i < sorted.length; i++) {
    best[i] = size(sorted[i]);
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      if (sorted[j].right.end <= sorted[i].right.start && best[j] + size(sorted[i]) > best[i]) {
        best[i] = best[j] + size(sorted[i]);
        prev[i] = j;
      }
    }
    if (top < 0 || best[i] > best[top]) top = i;
  }
  const chain: PairAnchor[] = [];
  for (let i = top; i >= 0; i = prev[i]) chain.push(sorted[i]);
  return chain.reverse();
}

/**
 * The rows between two aligned anchors: each side's unmatched text and moved anchors
 * in text order. One unmatched stretch on each side (and nothing moved) shares a row.
 */
function gapRows(leftText: string, rightText: string, gapL: PairSide, gapR: PairSide, moved: readonly PairAnchor[]): PairRow[] {
  const leftRows = sideRows(leftText, gapL, moved, 'left');
  const rightRows = sideRows(rightText, gapR, moved, 'right');
  if (leftRows.length === 1 && rightRows.length === 1 && leftRows[0].kind === 'only' && rightRows[0].kind === 'only') {
    return [{ kind: 'only', left: leftRows[0].left, right: rightRows[0].right }];
  }
  return [...leftRows, ...rightRows];
}

/** One side's rows inside a gap: its moved anchors and the trimmed text around them. */
function sideRows(text: string, gap: PairSide, moved: readonly PairAnchor[], side: 'left' | 'right'): PairRow[] {
  const inside = moved.filter((x) => x[side].start >= gap.start && x[side].end <= gap.end).sort((x, y) => x[side].start - y[side].start);
  const rows: PairRow[] = [];
  let at = gap.start;
  for (const x of inside) {
    const stretch = trimmed(text, at, x[side].start);
    if (stretch) rows.push({ kind: 'only', [side]: stretch });
    rows.push(anchorRow('moved', x, side === 'left', side === 'right'));
    at = x[side].end;
  }
  const rest = trimmed(text, at, gap.end);
  if (rest) rows.push({ kind: 'only', [side]: rest });
  return rows;
}

/** A row of an anchor, with the sides asked for. */
function anchorRow(kind: 'matched' | 'moved', x: PairAnchor, withLeft: boolean, withRight: boolean): PairRow {
  const row: PairRow = { kind, cluster: x.cluster };
  if (withLeft) row.left = { ...x.left };
  if (withRight) row.right = { ...x.right };
  if (x.grade) row.grade = x.grade;
  if (x.substantive !== undefined) row.substantive = x.substantive;
  return row;
}

/** Quotation marks, straight and curly. */
const QUOTE_MARK = /["'\u201c\u201d\u2018\u2019\u00ab\u00bb]/;

/**
 * `[start, end)` without what belongs to the shared passages around it: leading and
 * trailing whitespace, the closing quotation mark and comma or full stop that end the
 * previous quote, and the opening quotation mark of the next one. Undefined when no letter
 * or digit is left (the punctuation between two shared passages makes no row).
 */
function trimmed(text: string, start: number, end: number): PairSide | undefined {
  let s = Math.max(0, start);
  let e = Math.min(text.length, end);
  const space = (i: number) => i < s || i >= e || /\s/.test(text[i]);
  for (;;) {
    if (s < e && /\s/.test(text[s])) s++;
    else if (s < e && /[,.;:]/.test(text[s])) s++;
    else if (s < e && QUOTE_MARK.test(text[s]) && (space(s + 1) || /[,.;:]/.test(text[s + 1] ?? ''))) s++;
    else break;
  }
  for (;;) {
    if (e > s && /\s/.test(text[e - 1])) e--;
    else if (e > s && QUOTE_MARK.test(text[e - 1]) && space(e - 2)) e--;
    else break;
  }
  return /[\p{L}\p{N}]/u.test(text.slice(s, e)) ? { start: s, end: e } : undefined;
}

function size(x: PairAnchor): number {
  return x.left.end - x.left.start + (x.right.end - x.right.start);
}

function overlaps(x: PairSide, y: PairSide): boolean {
  return x.start < y.end && y.start < x.end;
}
