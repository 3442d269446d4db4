// Quick fixes on Crosscheck's diagnostics: "Confirm divergence" and "Dismiss as false alarm"
// record a review decision (crosscheck.reviewDecision). The diagnostic is traced back to its
// match and divergence by article, range, type and the other side's article.
import * as vscode from 'vscode';
import type { Divergence, Match } from '../../core/types';
import { Commands } from '../commands/ids';
import type { ReviewDecisionArgs } from '../commands/reviewDecision';
import type { CorpusManager } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import type { CorpusComputer } from '../view/corpusComputer';
import type { GroupedDivergence } from '../view/diagnostics';

/** The match and divergence (by index) a diagnostic was made from. */
interface DiagnosticOrigin {
  match: Match;
  index: number;
}

/** Finds the substantive divergence shown by a diagnostic at [start, end) of `article`. */
export function originOf(computer: CorpusComputer, article: string, start: number, end: number, type: string, other?: string): DiagnosticOrigin | undefined {
  for (const match of computer.matches) {
    for (const side of ['a', 'b'] as const) {
      if (match[side].article !== article) continue;
      if (other !== undefined && match[side === 'a' ? 'b' : 'a'].article !== other) continue;
      const index = match.divergences.findIndex((d: Divergence) => {
        if (!d.substantive || d.type !== type) return false;
        const r = computer.divergenceRange(match, d, side);
        return r.start === start && r.end === end;
      });
      if (index >= 0) return { match, index };
    }
  }
  return undefined;
}

/** The grouped divergence a diagnostic at [start, end) of `article` stands for (its version there has that range). */
export function groupAt(computer: CorpusComputer, article: string, start: number, end: number, type: string): GroupedDivergence | undefined {
  return computer.divergenceGroups().find((g) => {
    const v = g.type === type ? g.versions.get(article) : undefined;
    return !!v && v.start === start && v.end === end;
  });
}

/** Provides the review quick fixes. */
export class ReviewCodeActionProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  constructor(private readonly corpus: CorpusManager, private readonly review: ReviewState) {}

  /** Two quick fixes per Crosscheck diagnostic in the range (the current verdict is marked). */
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const snap = this.corpus.snapshot;
    const article = this.corpus.articleIdOf(document.uri);
    if (!snap || article === undefined) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diag of context.diagnostics) {
      const code = typeof diag.code === 'object' ? diag.code.value : diag.code;
      if (diag.source !== 'Crosscheck' || typeof code !== 'string') continue;
      const related = diag.relatedInformation?.[0];
      const other = related ? this.corpus.articleIdOf(related.location.uri) : undefined;
      const [start, end] = [document.offsetAt(diag.range.start), document.offsetAt(diag.range.end)];
      // the divergence grouped across pairs: its review state is the latest decision on any of its pairs
      const group = groupAt(snap.computer, article, start, end, code);
      const review = group ? this.review.reviewOf(group.pairs) : undefined;
      const decided = review?.pair ? { match: review.pair.match, index: review.pair.match.divergences.indexOf(review.pair.divergence) } : undefined;
      const origin = decided ?? originOf(snap.computer, article, start, end, code, other) ?? (group?.pairs[0] && { match: group.pairs[0].match, index: group.pairs[0].match.divergences.indexOf(group.pairs[0].divergence) });
      if (!origin) continue;
      const status = review?.status ?? this.review.itemOf(origin.match, origin.match.divergences[origin.index])?.status;
      actions.push(this.action(diag, origin, 'confirmed', status === 'confirmed' ? 'Confirmed divergence (Crosscheck review)' : 'Confirm divergence (Crosscheck review)'));
      actions.push(this.action(diag, origin, 'dismissed', status === 'dismissed' ? 'Dismissed as false alarm (Crosscheck review)' : 'Dismiss as false alarm (Crosscheck review)'));
    }
    return actions;
  }

  private action(diag: vscode.Diagnostic, origin: DiagnosticOrigin, verdict: 'confirmed' | 'dismissed', title: string): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diag];
    const args: ReviewDecisionArgs = { match: origin.match.id, divergence: origin.index, verdict };
    action.command = { command: Commands.reviewDecision, title, arguments: [args] };
    return action;
  }
}

/** Registers the review quick fixes for every file (the provider answers only for corpus articles). */
export function registerReviewCodeActions(corpus: CorpusManager, review: ReviewState): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new ReviewCodeActionProvider(corpus, review), { providedCodeActionKinds: ReviewCodeActionProvider.kinds });
}
