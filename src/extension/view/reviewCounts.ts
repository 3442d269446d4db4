// Review status of the grouped divergences, and the one set of counts every view shows
// (status bar, panel header, Problems, the Divergences tree and its badge): how many
// divergences there are, how many are reviewed, how many are left to review, and how
// many the Problems panel lists. Pure: no `vscode` import.
import type { ReviewDecision, ReviewItem, ReviewStatus } from '../../core/review/decisions';
import type { Divergence, Match } from '../../core/types';
import type { DivergencePair } from './diagnostics';

/** Finds the review item of one pair's divergence (ReviewState.itemOf). */
export type ItemOf = (match: Match, divergence: Divergence) => ReviewItem | undefined;

/** A grouped divergence's review state: its status, and the decision it comes from (the latest one among its pairs). */
export interface DivergenceReview {
  status: ReviewStatus;
  decision?: ReviewDecision;
  /** The pair the decision was made on (the pair to change or undo it on). */
  pair?: DivergencePair;
}

/**
 * The review state of a divergence carried by several pairs: the latest current verdict
 * (confirmed or dismissed) on any of them; else needs re-review when a decision was made
 * on text that has changed since; else unreviewed.
 */
export function divergenceReview(pairs: readonly DivergencePair[], itemOf: ItemOf): DivergenceReview {
  let best: DivergenceReview = { status: 'unreviewed' };
  for (const pair of pairs) {
    const item = itemOf(pair.match, pair.divergence);
    if (!item?.decision || item.status === 'unreviewed') continue;
    const current = item.status === 'confirmed' || item.status === 'dismissed';
    const bestCurrent = best.status === 'confirmed' || best.status === 'dismissed';
    if (bestCurrent && !current) continue;
    if (bestCurrent === current && best.decision && best.decision.decidedAt >= item.decision.decidedAt) continue;
    best = { status: item.status, decision: item.decision, pair };
  }
  return best;
}

/** Whether the Problems panel leaves a divergence out: dismissed (and not changed since), unless dismissed ones are to be shown. */
export function hidesDivergence(status: ReviewStatus, showDismissed: boolean): boolean {
  return status === 'dismissed' && !showDismissed;
}

/** The counts every view shows. */
export interface DivergenceCounts {
  /** Substantive divergences, one per divergence however many pairs and articles carry it. */
  divergences: number;
  confirmed: number;
  dismissed: number;
  /** Decided on a text that has changed since. */
  needsReReview: number;
  /** Confirmed or dismissed (and not changed since). */
  reviewed: number;
  /** Not yet reviewed, or needing re-review. */
  toReview: number;
  /** Diagnostics in the Problems panel: one per divergence, less the dismissed ones it hides. */
  inProblems: number;
}

/** Counts the statuses of the grouped divergences. */
export function countDivergences(statuses: Iterable<ReviewStatus>, showDismissed: boolean): DivergenceCounts {
  const c: DivergenceCounts = { divergences: 0, confirmed: 0, dismissed: 0, needsReReview: 0, reviewed: 0, toReview: 0, inProblems: 0 };
  for (const s of statuses) {
    c.divergences++;
    if (s === 'confirmed') c.confirmed++;
    else if (s === 'dismissed') c.dismissed++;
    else if (s === 'needs-re-review') c.needsReReview++;
    if (!hidesDivergence(s, showDismissed)) c.inProblems++;
  }
  c.reviewed = c.confirmed + c.dismissed;
  c.toReview = c.divergences - c.reviewed;
  return c;
}

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/** "8 divergences: 3 reviewed · 5 to review"; "8 divergences to review" while none is reviewed. */
export function reviewCountsText(c: DivergenceCounts): string {
  const head = plural(c.divergences, 'divergence');
  return c.reviewed ? `${head}: ${c.reviewed} reviewed · ${c.toReview} to review` : `${head} to review`;
}

/** The summary line of the status bar and the panel header: "5 sources · 17 passages matched · 8 divergences: 3 reviewed · 5 to review". */
export function summaryLine(sources: number, clusters: number, c: DivergenceCounts): string {
  return `${plural(sources, 'source')} · ${plural(clusters, 'passage')} matched · ${reviewCountsText(c)}`;
}

/** What each count means, for tooltips: the same wording in every view. */
export function reviewCountsDetail(c: DivergenceCounts): string {
  const lines = [
    `${plural(c.divergences, 'substantive divergence')}, each counted once however many articles carry it`,
    `${c.reviewed} reviewed (${c.confirmed} confirmed, ${c.dismissed} dismissed as false alarms)`,
    `${c.toReview} to review${c.needsReReview ? ` (${c.needsReReview} needing re-review: the text changed since the decision)` : ''}`,
    `${plural(c.inProblems, 'diagnostic')} in Problems, one per divergence${c.divergences > c.inProblems ? `; ${c.divergences - c.inProblems} dismissed not shown (crosscheck.review.showDismissed)` : ''}`,
  ];
  return lines.join('\n');
}

/** How a review status reads next to a divergence ("" when unreviewed). */
export function statusMark(r: DivergenceReview): string {
  const note = r.decision?.note ? ` — ${r.decision.note}` : '';
  switch (r.status) {
    case 'confirmed':
      return `confirmed${note}`;
    case 'dismissed':
      return `dismissed as a false alarm${note}`;
    case 'needs-re-review':
      return `needs re-review: the text changed since it was ${r.decision?.verdict ?? 'decided'}`;
    default:
      return '';
  }
}
