// A review session for the extension: decisions written straight to the review file
// (read-modify-write, atomic), an in-memory undo history, and a read-only mode (Restricted
// Mode: decisions are shown but never written).
import * as fs from 'fs';
import { applyDecision, undoLast, type DecisionInput, type ReviewDocument, type ReviewHistory } from './decisions';
import { readReviewFile, reviewFilePath, updateReviewFile, type ReviewFs } from './store';

/** The review file of a folder, its undo history, and whether writing is allowed. */
export interface ReviewSession {
  /** Path of the review file (`<folder>/.crosscheck/review.json`). */
  file: string;
  /** Steps of this session, undone last first. */
  history: ReviewHistory;
  /** True in an untrusted workspace: decisions cannot be recorded. */
  readOnly: boolean;
  io: ReviewFs;
}

/** Thrown when a decision is recorded in a read-only session. */
export class ReviewReadOnlyError extends Error {
  constructor() {
    super('review decisions are not saved in Restricted Mode; trust the workspace to record them');
    this.name = 'ReviewReadOnlyError';
  }
}

/** A session over `<folder>/.crosscheck/review.json`. */
export function openReviewSession(folder: string, opts: { readOnly?: boolean; io?: ReviewFs } = {}): ReviewSession {
  return { file: reviewFilePath(folder), history: { steps: [] }, readOnly: opts.readOnly ?? false, io: opts.io ?? fs };
}

/** The decisions on disk (an empty review when there is no file); throws ReviewFileError when the file cannot be used. */
export function loadSessionReview(session: ReviewSession): ReviewDocument {
  return readReviewFile(session.file, session.io);
}

/** Records (or with verdict null, clears) a decision and saves it; returns the saved document. */
export function recordDecision(session: ReviewSession, input: DecisionInput): ReviewDocument {
  if (session.readOnly) throw new ReviewReadOnlyError();
  return updateReviewFile(session.file, (doc) => applyDecision(session.history, doc, input), session.io);
}

/** Undoes the session's last decision and saves; undefined when there is nothing to undo. */
export function undoLastDecision(session: ReviewSession): ReviewDocument | undefined {
  if (session.readOnly) throw new ReviewReadOnlyError();
  if (!session.history.steps.length) return undefined;
  return updateReviewFile(session.file, (doc) => undoLast(session.history, doc) ?? doc, session.io);
}
