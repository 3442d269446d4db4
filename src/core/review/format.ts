// Review state for the reports: status wording, counts, look-up by match and divergence,
// and the JSON the CLI adds under `review`. Pure.
import type { Divergence, Match } from '../types';
import type { ReviewCounts, ReviewDecision, ReviewItem, ReviewState, ReviewStatus } from './decisions';

/** How each status reads in reports. */
export const STATUS_LABEL: Record<ReviewStatus, string> = {
  confirmed: 'confirmed',
  dismissed: 'dismissed',
  'needs-re-review': 'needs re-review',
  unreviewed: 'to review',
};

/** "Review: 2 confirmed · 1 dismissed · 1 needs re-review · 17 to review (of 21)". */
export function formatReviewCounts(c: ReviewCounts): string {
  return `Review: ${c.confirmed} confirmed · ${c.dismissed} dismissed · ${c.needsReReview} needs re-review · ${c.unreviewed} to review (of ${c.total})`;
}

/** Finds the review item of a match or of one of its divergences. */
export interface ReviewLookup {
  ofMatch(match: Match): ReviewItem | undefined;
  ofDivergence(match: Match, divergence: Divergence): ReviewItem | undefined;
}

function divergenceKey(matchId: string, d: Divergence): string {
  return `${matchId}\u0000${d.type}\u0000${d.a}\u0000${d.b}`;
}

/** A look-up over a review state (by match id, and by match id + divergence type and wording). */
export function reviewLookup(state: ReviewState): ReviewLookup {
  const matches = new Map<string, ReviewItem>();
  const divergences = new Map<string, ReviewItem>();
  for (const item of state.items) {
    const { match, divergence } = item.target;
    if (divergence) divergences.set(divergenceKey(match.id, divergence), item);
    else matches.set(match.id, item);
  }
  return { ofMatch: (m) => matches.get(m.id), ofDivergence: (m, d) => divergences.get(divergenceKey(m.id, d)) };
}

/** "dismissed — AP later corrected to 400" (the status, and the note when there is one). */
export function describeReview(item: ReviewItem | undefined): string {
  if (!item) return '';
  const note = item.decision?.note ? ` — ${item.decision.note}` : '';
  return `${STATUS_LABEL[item.status]}${note}`;
}

/** One decided item in the JSON report. */
export interface ReviewJsonItem {
  kind: 'match' | 'divergence';
  /** Match id in this report. */
  match: string;
  cluster: string;
  divergence?: { type: string; a: string; b: string };
  status: Exclude<ReviewStatus, 'unreviewed'>;
  verdict: ReviewDecision['verdict'];
  note?: string;
  decidedAt: string;
}

/** The `review` object of the JSON report: counts, every decided item, and decisions that fit nothing any more. */
export function reviewJson(state: ReviewState, file: string): { file: string; counts: ReviewCounts; items: ReviewJsonItem[]; unplaced: ReviewDecision[] } {
  const items: ReviewJsonItem[] = [];
  for (const i of state.items) {
    if (i.status === 'unreviewed' || !i.decision) continue;
    const d = i.target.divergence;
    items.push({
      kind: i.target.kind,
      match: i.target.match.id,
      cluster: i.target.match.cluster,
      ...(d ? { divergence: { type: d.type, a: d.a, b: d.b } } : {}),
      status: i.status,
      verdict: i.decision.verdict,
      ...(i.decision.note ? { note: i.decision.note } : {}),
      decidedAt: i.decision.decidedAt,
    });
  }
  return { file, counts: state.counts, items, unplaced: state.unplaced };
}
