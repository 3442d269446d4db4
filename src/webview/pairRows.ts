// The pure parts of the two-article comparison view: a row's highlight spans,
// its side's caption and the summary line. No DOM, so unit-tested in Node.
import type { PanelArticle } from '../extension/panel/protocol';
import type { PairComparison, PairRow, PairSide } from '../extension/view/pairTypes';
import type { ArticleSpan } from './clusterIndex';

/** Which column of the comparison. */
export type PairColumn = 'left' | 'right';

/** The spans of an article that fall in `side`, clipped to it and made relative to its start. */
export function spansWithin(spans: readonly ArticleSpan[], side: PairSide): ArticleSpan[] {
  const out: ArticleSpan[] = [];
  for (const s of spans) {
    const start = Math.max(s.start, side.start);
    const end = Math.min(s.end, side.end);
    if (end > start) out.push({ cluster: s.cluster, start: start - side.start, end: end - side.start });
  }
  return out;
}

/** A short name for an article in captions: its outlet or id (the part of the title before " — "). */
export function shortName(a: PanelArticle | undefined, fallback: string): string {
  if (!a) return fallback;
  const head = a.title.split(' — ')[0];
  return head && head !== a.title ? head.split(' · ')[0] : a.id;
}

/** The caption of one side of a row: "Only in NYT", "Moved: elsewhere in Fox", or nothing for an aligned passage. */
export function sideCaption(row: PairRow, column: PairColumn, names: { left: string; right: string }): string {
  const other = column === 'left' ? names.right : names.left;
  if (row.kind === 'only') return `Only in ${names[column]}`;
  if (row.kind === 'moved') return `Also in ${other}, at another place`;
  return '';
}

/** The gutter's text of a row: the grade of an aligned passage, "moved", or nothing. */
export function gutterText(row: PairRow): string {
  if (row.kind === 'matched') return row.grade ?? 'linked';
  if (row.kind === 'moved') return 'moved';
  return '';
}

/** The gutter's tooltip of a row. */
export function gutterTitle(row: PairRow): string {
  if (row.kind === 'matched') {
    const grade = row.grade ? `graded ${row.grade}` : 'linked through another source (no direct match)';
    const subst = row.substantive ? `; ${row.substantive} substantive divergence${row.substantive === 1 ? '' : 's'}` : '';
    return `${row.cluster}: shared passage, ${grade}${subst}. Click for the versions and divergences.`;
  }
  if (row.kind === 'moved') return `${row.cluster}: shared, but in a different order. Click to go to the other side.`;
  return 'Text found in one article only';
}

/** "3 shared passages · 1 moved · 4 only in Fox · 2 only in NYT". */
export function comparisonSummary(cmp: PairComparison, names: { left: string; right: string }): string {
  const { matched, moved, onlyLeft, onlyRight } = cmp.counts;
  const parts = [`${matched} shared passage${matched === 1 ? '' : 's'} side by side`];
  if (moved) parts.push(`${moved} moved`);
  parts.push(`${onlyLeft} stretch${onlyLeft === 1 ? '' : 'es'} only in ${names.left}`, `${onlyRight} only in ${names.right}`);
  return parts.join(' · ');
}
