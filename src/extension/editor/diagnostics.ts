// Substantive divergences in the Problems panel, one per divergence on the
// article that deviates (the descriptors come from view/diagnostics.ts), built in slices.
// Divergences dismissed as false alarms are left out (crosscheck.review.showDismissed
// shows them again, marked); confirmed ones stay, marked as confirmed.
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import type { CorpusManager, CorpusSnapshot } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import { Disposable } from '../dispose';
import { hidesDivergence, statusMark } from '../view/reviewCounts';
import { runSliced, SLICE_MS } from '../view/slicing';
import { LineIndex } from './lineIndex';

/** Owns the `crosscheck` diagnostic collection and refills it on every update. */
export class DiagnosticsManager extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('crosscheck'));
  /** Bumped on every update; a sliced build of older diagnostics stops when it changes. */
  private generation = 0;

  constructor(private readonly corpus: CorpusManager, private readonly configuration: Configuration, private readonly review: ReviewState) {
    super();
    this._register(corpus.onDidUpdate((s) => this.update(s)));
    this._register(configuration.onDidChange(() => this.update(this.corpus.snapshot)));
    this._register(review.onDidChange(() => this.update(this.corpus.snapshot)));
  }

  private update(snap: CorpusSnapshot | undefined): void {
    const run = ++this.generation;
    this.collection.clear();
    const settings = this.configuration.current;
    if (!snap || !settings.diagnosticsEnabled) return;
    const severity = settings.diagnosticsSeverity === 'information' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
    // built in slices across event-loop turns: thousands of articles never block the extension host
    void runSliced(this.steps(snap, severity, settings.reviewShowDismissed), SLICE_MS, () => run !== this.generation).catch(() => undefined);
  }

  /** Builds the diagnostics step by step and hands them to the collection (per article, in batches). */
  private *steps(snap: CorpusSnapshot, severity: vscode.DiagnosticSeverity, showDismissed: boolean): Generator<void> {
    const reviews = this.review.divergenceReviews();
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    // Offsets come from the analysed text; convert with a line index of that text.
    const index = new Map<string, LineIndex>();
    const rangeOf = (article: string, start: number, end: number) => {
      let li = index.get(article);
      if (!li) index.set(article, (li = new LineIndex(snap.computer.article(article)?.text ?? '')));
      return new vscode.Range(li.position(start), li.position(end));
    };
    for (const d of snap.computer.diagnosticSteps()) {
      if (!d) {
        yield;
        continue;
      }
      const uri = this.corpus.uriOf(d.article);
      if (!uri) continue;
      const review = reviews.get(d.key) ?? { status: 'unreviewed' };
      if (hidesDivergence(review.status, showDismissed)) continue;
      const mark = statusMark(review);
      const diag = new vscode.Diagnostic(rangeOf(d.article, d.start, d.end), mark ? `${d.message} [${mark}]` : d.message, review.status === 'dismissed' ? vscode.DiagnosticSeverity.Information : severity);
      diag.source = 'Crosscheck';
      diag.code = d.type;
      diag.relatedInformation = d.related.flatMap((r) => {
        const relUri = this.corpus.uriOf(r.article);
        return relUri ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(relUri, rangeOf(r.article, r.start, r.end)), r.message)] : [];
      });
      let e = byUri.get(uri.toString());
      if (!e) byUri.set(uri.toString(), (e = { uri, list: [] }));
      e.list.push(diag);
    }
    for (const { uri, list } of byUri.values()) {
      this.collection.set(uri, list);
      yield;
    }
  }

  /** Stops a build in progress and disposes the collection. */
  override dispose(): void {
    this.generation++;
    super.dispose();
  }
}
