// Review decisions: a match or a substantive divergence marked confirmed or dismissed, with
// an optional note, matched against any later analysis by its anchor (see anchor.ts).
// Pure: documents in, documents out; the undo history is an explicit object the caller keeps.
import type { AnalysisResult, Divergence, Match } from '../types';
import { anchorAffinity, anchorKey, anchorOf, type AnchorContext, type ReviewAnchor, type ReviewKind } from './anchor';

/** A reviewer's verdict. */
export type Verdict = 'confirmed' | 'dismissed';

/** One decision as stored in the review file. */
export interface ReviewDecision extends ReviewAnchor {
  /** anchorKey of the anchor: the item with exactly these texts. */
  key: string;
  verdict: Verdict;
  /** Optional free-text note. */
  note?: string;
  /** When it was decided (ISO 8601). */
  decidedAt: string;
}

/** The review file's content (`.crosscheck/review.json`). */
export interface ReviewDocument {
  version: 1;
  decisions: ReviewDecision[];
}

/** Review state of one item: decided, decided on a text that has since changed, or not yet reviewed. */
export type ReviewStatus = Verdict | 'needs-re-review' | 'unreviewed';

/** Something a reviewer can decide on: a match, or one substantive divergence of it. */
export interface ReviewTarget {
  kind: ReviewKind;
  match: Match;
  divergence?: Divergence;
}

/** A target with its anchor, key, status and the decision that applies. */
export interface ReviewItem {
  target: ReviewTarget;
  anchor: ReviewAnchor;
  key: string;
  status: ReviewStatus;
  /** The decision found for it (for needs-re-review: the one made on the earlier text). */
  decision?: ReviewDecision;
}

/** Counts for the status bar and the reports. */
export interface ReviewCounts {
  total: number;
  confirmed: number;
  dismissed: number;
  needsReReview: number;
  unreviewed: number;
}

/** Every item's state, and decisions that no longer fit anything (their texts were removed). */
export interface ReviewState {
  items: ReviewItem[];
  counts: ReviewCounts;
  unplaced: ReviewDecision[];
}

/** An empty review document. */
export function emptyReview(): ReviewDocument {
  return { version: 1, decisions: [] };
}

/** Every match, and each of its substantive divergences (repeats of the same type and wording once). */
export function reviewTargets(result: AnalysisResult): ReviewTarget[] {
  const out: ReviewTarget[] = [];
  for (const match of result.matches) {
    out.push({ kind: 'match', match });
    const seen = new Set<string>();
    for (const divergence of match.divergences) {
      const k = `${divergence.type}\u0000${divergence.a}\u0000${divergence.b}`;
      if (!divergence.substantive || seen.has(k)) continue;
      seen.add(k);
      out.push({ kind: 'divergence', match, divergence });
    }
  }
  return out;
}

/** The anchor and key of a target. */
export function anchorTarget(target: ReviewTarget, ctx: AnchorContext): { anchor: ReviewAnchor; key: string } {
  const anchor = anchorOf(target.match, ctx, target.divergence);
  return { anchor, key: anchorKey(anchor) };
}

/**
 * Matches decisions to the items of an analysis: by key first (same texts: the verdict
 * holds), then by affinity (the same item with edited text: needs re-review). A decision
 * fits at most one item; those that fit none are returned as `unplaced`.
 */
export function resolveReview(result: AnalysisResult, doc: ReviewDocument, ctx: AnchorContext): ReviewState {
  const items: ReviewItem[] = reviewTargets(result).map((target) => ({ target, ...anchorTarget(target, ctx), status: 'unreviewed' }));
  const byKey = new Map(doc.decisions.map((d) => [d.key, d]));
  const placed = new Set<string>();
  for (const item of items) {
    const d = byKey.get(item.key);
    if (!d) continue;
    item.status = d.verdict;
    item.decision = d;
    placed.add(d.key);
  }
  for (const d of doc.decisions) {
    if (placed.has(d.key)) continue;
    let best: ReviewItem | undefined;
    let bestScore = 0;
    for (const item of items) {
      if (item.status !== 'unreviewed') continue;
      const score = anchorAffinity(d, item.anchor);
      if (score > bestScore) [best, bestScore] = [item, score];
    }
    if (!best) continue;
    best.status = 'needs-re-review';
    best.decision = d;
    placed.add(d.key);
  }
  return { items, counts: countStatuses(items), unplaced: doc.decisions.filter((d) => !placed.has(d.key)) };
}

/** Counts of each status. */
export function countStatuses(items: ReviewItem[]): ReviewCounts {
  const c: ReviewCounts = { total: items.length, confirmed: 0, dismissed: 0, needsReReview: 0, unreviewed: 0 };
  for (const i of items) {
    if (i.status === 'needs-re-review') c.needsReReview++;
    else c[i.status]++;
  }
  return c;
}

/** What undoing one decision restores: the decisions it removed, and the key it added. */
export interface UndoStep {
  added?: string;
  removed: ReviewDecision[];
}

/** The caller-held undo history (no module state): the last step is undone first. */
export interface ReviewHistory {
  steps: UndoStep[];
}

/** What a new decision needs. `replaces`: the key of an earlier decision on this item (e.g. one that needs re-review). */
export interface DecisionInput {
  anchor: ReviewAnchor;
  verdict: Verdict | null;
  note?: string;
  now: Date;
  replaces?: string;
}

/**
 * Records a verdict (or, with `verdict: null`, clears one) on an item. Any earlier decision
 * with the same key, or the one named by `replaces`, is replaced. Returns the new document
 * and the step that undoes it.
 */
export function decide(doc: ReviewDocument, input: DecisionInput): { doc: ReviewDocument; step: UndoStep } {
  const key = anchorKey(input.anchor);
  const gone = new Set([key, ...(input.replaces ? [input.replaces] : [])]);
  const removed = doc.decisions.filter((d) => gone.has(d.key));
  const kept = doc.decisions.filter((d) => !gone.has(d.key));
  if (input.verdict === null) return { doc: { version: 1, decisions: kept }, step: { removed } };
  const decision: ReviewDecision = { key, ...input.anchor, verdict: input.verdict, decidedAt: input.now.toISOString() };
  const note = input.note?.trim();
  if (note) decision.note = note;
  return { doc: { version: 1, decisions: [...kept, decision] }, step: { added: key, removed } };
}

/** Undoes one step: removes what it added and puts back what it removed. */
export function undoStep(doc: ReviewDocument, step: UndoStep): ReviewDocument {
  const kept = doc.decisions.filter((d) => d.key !== step.added);
  const back = step.removed.filter((r) => !kept.some((d) => d.key === r.key));
  return { version: 1, decisions: [...kept, ...back] };
}

/** decide(), remembering the step in `history` for undoLast. */
export function applyDecision(history: ReviewHistory, doc: ReviewDocument, input: DecisionInput): ReviewDocument {
  const r = decide(doc, input);
  history.steps.push(r.step);
  return r.doc;
}

/** Undoes the last applied decision; undefined when there is nothing to undo. */
export function undoLast(history: ReviewHistory, doc: ReviewDocument): ReviewDocument | undefined {
  const step = history.steps.pop();
  return step ? undoStep(doc, step) : undefined;
}
