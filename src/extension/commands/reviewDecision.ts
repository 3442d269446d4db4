// crosscheck.reviewDecision (internal; the quick fixes run it) records a review decision on a
// match or one of its divergences; crosscheck.undoReviewDecision undoes the last one.
// Both write `.crosscheck/review.json` through the review state; Restricted Mode writes nothing.
import * as vscode from 'vscode';
import type { Verdict } from '../../core/review/decisions';
import type { CorpusManager } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import type { Command } from './command';
import { Commands } from './ids';

/** Argument of `crosscheck.reviewDecision`: a match of the current analysis, optionally one of its divergences (by index), and the verdict. */
export interface ReviewDecisionArgs {
  match: string;
  /** Index in the match's `divergences`; absent: the decision is on the whole match. */
  divergence?: number;
  /** The verdict; null clears an earlier one. */
  verdict: Verdict | null;
  note?: string;
}

const READ_ONLY = 'Crosscheck: review decisions are shown but not saved in Restricted Mode. Trust the workspace to record them.';

/** Whether a value is a ReviewDecisionArgs. */
function isArgs(x: unknown): x is ReviewDecisionArgs {
  const a = x as Partial<ReviewDecisionArgs> | undefined;
  return !!a && typeof a.match === 'string' && (a.verdict === 'confirmed' || a.verdict === 'dismissed' || a.verdict === null) && (a.divergence === undefined || Number.isInteger(a.divergence));
}

/** Records a decision; returns what it came to ('written', 'read-only', 'no-folder') or undefined when the arguments name nothing. */
export class ReviewDecisionCommand implements Command {
  readonly id = Commands.reviewDecision;
  constructor(private readonly corpus: CorpusManager, private readonly review: ReviewState) {}

  /** `(args: ReviewDecisionArgs)`. */
  execute(args?: unknown): string | undefined {
    if (!isArgs(args)) return undefined;
    const match = this.corpus.snapshot?.computer.match(args.match);
    const divergence = args.divergence === undefined ? undefined : match?.divergences[args.divergence];
    if (!match || (args.divergence !== undefined && !divergence)) {
      void vscode.window.showWarningMessage('Crosscheck: that match is no longer in the analysis; nothing was recorded.');
      return undefined;
    }
    try {
      const outcome = this.review.decide(match, divergence, args.verdict, args.note);
      if (outcome === 'read-only') void vscode.window.showWarningMessage(READ_ONLY);
      else if (outcome === 'no-folder') void vscode.window.showWarningMessage('Crosscheck: open a folder to record review decisions.');
      else vscode.window.setStatusBarMessage(`Crosscheck: ${args.verdict === 'dismissed' ? 'dismissed as a false alarm' : args.verdict ?? 'decision cleared'}`, 3000);
      return outcome;
    } catch (e) {
      void vscode.window.showErrorMessage(`Crosscheck: could not record the decision: ${(e as Error).message}`);
      return undefined;
    }
  }
}

/** Undoes the last review decision of this session; returns whether one was undone. */
export class UndoReviewDecisionCommand implements Command {
  readonly id = Commands.undoReviewDecision;
  constructor(private readonly review: ReviewState) {}

  /** No arguments. */
  execute(): boolean {
    try {
      const r = this.review.undo();
      if (r === 'read-only') void vscode.window.showWarningMessage(READ_ONLY);
      else if (!r) void vscode.window.showInformationMessage('Crosscheck: no review decision to undo.');
      else vscode.window.setStatusBarMessage('Crosscheck: last review decision undone', 3000);
      return r === true;
    } catch (e) {
      void vscode.window.showErrorMessage(`Crosscheck: could not undo: ${(e as Error).message}`);
      return false;
    }
  }
}
