// The workspace's review decisions for the extension: the review file of the corpus folder
// (`.crosscheck/review.json`) read and written through core/review's session (atomic
// writes, undo of the last decision, read-only in Restricted Mode), resolved against the
// current analysis so views can ask whether a divergence was dismissed.
import * as vscode from 'vscode';
import { sourceLabel } from '../../core/meta/labels';
import { resolveReview, emptyReview, type ReviewDocument, type ReviewItem, type Verdict } from '../../core/review/decisions';
import { reviewLookup, type ReviewLookup } from '../../core/review/format';
import { loadSessionReview, openReviewSession, recordDecision, undoLastDecision, type ReviewSession } from '../../core/review/session';
import type { AnalysisResult, Divergence, Match } from '../../core/types';
import { Disposable } from '../dispose';
import type { DivergencePair, GroupedDivergence } from '../view/diagnostics';
import { countDivergences, divergenceReview, type DivergenceCounts, type DivergenceReview } from '../view/reviewCounts';
import type { CorpusManager } from './corpusManager';

/** What recording a decision came to. */
export type DecisionOutcome = 'written' | 'read-only' | 'no-folder';

/** Review decisions of the current corpus; `onDidChange` fires when they change. */
export class ReviewState extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<void>());
  /** Fired after a decision is recorded or undone. */
  readonly onDidChange = this.emitter.event;
  private session: ReviewSession | undefined;
  private doc: ReviewDocument | undefined;
  private resolved: { result: AnalysisResult; doc: ReviewDocument; lookup: ReviewLookup } | undefined;
  /** Review state of every grouped divergence of the current analysis, for the lookup it was made with. */
  private reviews: { lookup: ReviewLookup; byKey: Map<string, DivergenceReview> } | undefined;

  constructor(private readonly corpus: CorpusManager, private readonly output: vscode.OutputChannel) {
    super();
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(() => this.session && (this.session.readOnly = false)));
  }

  /** The folder whose `.crosscheck/review.json` holds the decisions: the corpus folder, else the first workspace folder. */
  folder(): string | undefined {
    const source = this.corpus.snapshot?.source;
    if (source?.kind === 'folder') return source.uri.scheme === 'file' ? source.uri.fsPath : undefined;
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    return root?.scheme === 'file' ? root.fsPath : undefined;
  }

  /** The session of the current folder (a new one, with an empty undo history, when the folder changed). */
  private currentSession(): ReviewSession | undefined {
    const folder = this.folder();
    if (!folder) return undefined;
    const s = openReviewSession(folder, { readOnly: !vscode.workspace.isTrusted });
    if (this.session?.file !== s.file) {
      this.session = s;
      this.doc = undefined;
    }
    return this.session;
  }

  /** The decisions on disk (cached; an unusable file is logged and reads as an empty review). */
  document(): ReviewDocument {
    const session = this.currentSession();
    if (!session) return emptyReview();
    if (!this.doc) {
      try {
        this.doc = loadSessionReview(session);
      } catch (e) {
        this.output.appendLine(`Review decisions not loaded: ${(e as Error).message}`);
        this.doc = emptyReview();
      }
    }
    return this.doc;
  }

  /** The review item of a match, or of one of its divergences, in the current analysis. */
  itemOf(match: Match, divergence?: Divergence): ReviewItem | undefined {
    const lookup = this.lookup();
    return divergence ? lookup?.ofDivergence(match, divergence) : lookup?.ofMatch(match);
  }

  /** Whether a divergence (or, without one, a match) was dismissed as a false alarm (and its text has not changed since). */
  isDismissed(match: Match, divergence?: Divergence): boolean {
    return this.itemOf(match, divergence)?.status === 'dismissed';
  }

  /**
   * Review state of a divergence grouped across pairs (the latest verdict on any of its pairs);
   * the Problems panel leaves it out when view/reviewCounts' hidesDivergence says so.
   */
  reviewOf(pairs: readonly DivergencePair[]): DivergenceReview {
    return divergenceReview(pairs, (m, d) => this.itemOf(m, d));
  }

  /** Review state of every grouped divergence of the current analysis, by divergence key (cached until either changes). */
  divergenceReviews(): Map<string, DivergenceReview> {
    const snap = this.corpus.snapshot;
    const lookup = this.lookup();
    if (!snap || !lookup) return new Map();
    if (this.reviews?.lookup === lookup) return this.reviews.byKey;
    const byKey = new Map(snap.computer.divergenceGroups().map((g: GroupedDivergence) => [g.key, this.reviewOf(g.pairs)]));
    this.reviews = { lookup, byKey };
    return byKey;
  }

  /** The counts every view shows (see view/reviewCounts.ts). */
  counts(showDismissed: boolean): DivergenceCounts {
    return countDivergences([...this.divergenceReviews().values()].map((r) => r.status), showDismissed);
  }

  /** Records a verdict (null clears it) on a match or one of its divergences; in Restricted Mode nothing is written. */
  decide(match: Match, divergence: Divergence | undefined, verdict: Verdict | null, note?: string): DecisionOutcome {
    const session = this.currentSession();
    if (!session) return 'no-folder';
    if (session.readOnly) return 'read-only';
    const item = this.itemOf(match, divergence);
    const anchor = item?.anchor;
    if (!anchor) throw new Error('that match is no longer in the analysis; try again after it finishes');
    const replaces = item.decision && item.decision.key !== item.key ? item.decision.key : undefined;
    this.doc = recordDecision(session, { anchor, verdict, note, now: new Date(), ...(replaces ? { replaces } : {}) });
    this.changed();
    return 'written';
  }

  /** Undoes this session's last decision: true when one was undone, false when there was none, 'read-only' in Restricted Mode. */
  undo(): boolean | 'read-only' {
    const session = this.currentSession();
    if (!session) return false;
    if (session.readOnly) return 'read-only';
    const doc = undoLastDecision(session);
    if (!doc) return false;
    this.doc = doc;
    this.changed();
    return true;
  }

  private changed(): void {
    this.resolved = undefined;
    this.emitter.fire();
  }

  /** The look-up of the current analysis against the decisions (rebuilt when either changes). */
  private lookup(): ReviewLookup | undefined {
    const snap = this.corpus.snapshot;
    if (!snap) return undefined;
    const doc = this.document();
    if (this.resolved?.result === snap.result && this.resolved.doc === doc) return this.resolved.lookup;
    const byId = new Map(snap.articles.map((a) => [a.id, a]));
    const state = resolveReview(snap.result, doc, {
      textOf: (id) => byId.get(id)?.text,
      labelOf: (id) => {
        const a = byId.get(id);
        return a ? sourceLabel(a) : undefined;
      },
    });
    this.resolved = { result: snap.result, doc, lookup: reviewLookup(state) };
    return this.resolved.lookup;
  }
}
