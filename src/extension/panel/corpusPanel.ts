// One webview panel showing the corpus, or a pair of its articles: posts the
// view model (built in slices) with its review counts and timeline, and answers the
// page's messages (details, reveals, review decisions and undo).
import * as vscode from 'vscode';
import { Commands, PANEL_TITLE } from '../commands/ids';
import type { ReviewDecisionArgs } from '../commands/reviewDecision';
import type { Configuration } from '../configuration';
import type { CorpusManager, CorpusSnapshot } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import { Disposable } from '../dispose';
import { pairComparison } from '../view/pairComparison';
import { clusterToReview, detailProvenance, detailReview, panelReview, timelineModel } from '../view/panelReview';
import { sliced } from '../view/slicing';
import { corpusName, panelTitle } from './corpusName';
import { panelHtml, webviewOptions } from './panelHtml';
import { parseFromWebview, postedModel, type ClusterDetail, type FromWebview, type PanelModel, type ToWebview } from './protocol';

/** What a panel needs to show review state and record decisions. */
export interface PanelReviewContext {
  review: ReviewState;
  configuration: Configuration;
}

/** One webview panel showing the corpus or a pair of its articles. */
export class CorpusPanel extends Disposable {
  private ready = false;
  private pendingFocus: string | undefined;
  /** Bumped per model build; only the newest is posted. */
  private modelSeq = 0;
  /** The version and article texts of the model last posted (answers `requestTexts`). */
  private posted: { version: number; texts: Map<string, string> } | undefined;
  /** The detail last asked for (sent again when review decisions change). */
  private lastDetail: { cluster: string; article?: string } | undefined;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Fired once when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly corpus: CorpusManager,
    readonly pair: [string, string] | undefined,
    private readonly reviewContext?: PanelReviewContext,
  ) {
    super();
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'crosscheck.svg');
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    this._register(panel.webview.onDidReceiveMessage((m) => this.onMessage(m)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(corpus.onDidUpdate((s) => this.postModel(s)));
    this._register(corpus.onDidChangeBusy((busy) => this.post({ type: 'busy', busy })));
    if (reviewContext) {
      this._register(reviewContext.review.onDidChange(() => this.postReview()));
      this._register(reviewContext.configuration.onDidChange(() => this.postReview()));
    }
  }

  /** Focuses a cluster (once the page is ready). */
  focusCluster(cluster: string): void {
    if (this.ready) this.post({ type: 'focusCluster', cluster });
    else this.pendingFocus = cluster;
  }

  private post(msg: ToWebview): void {
    if (this.ready) void this.panel.webview.postMessage(msg);
  }

  private postModel(snap: CorpusSnapshot | undefined = this.corpus.snapshot): void {
    if (!this.ready) return;
    if (!snap) {
      this.post({ type: 'busy', busy: true, message: 'Loading the corpus…' });
      return;
    }
    const name = corpusName(snap.source, vscode.workspace.name);
    this.panel.title = panelTitle(PANEL_TITLE, name, this.pair);
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    const seq = ++this.modelSeq;
    // built in slices across event-loop turns; a model overtaken by a newer one is dropped
    void sliced(snap.computer.panelModelSteps(this.pair)).then((model) => {
      if (seq !== this.modelSeq) return;
      this.posted = { version: seq, texts: new Map(model.articles.map((a) => [a.id, a.text ?? ''])) };
      const counted = this.pair ? {} : { divergenceCount: snap.computer.divergenceCount() };
      // a pair panel shows its two articles compared, and no timeline of the whole corpus
      const compared = this.pair ? { comparison: pairComparison(snap.computer, this.pair) } : { timeline: timelineModel(snap.computer) };
      const posted = this.withReview(snap, { ...postedModel(model, seq), ...counted, ...compared, corpusName: name });
      this.post({ type: 'model', model: posted, focusCluster: focus });
    });
  }

  /** The model with the review counts and each cluster's divergences to review (main panel only). */
  private withReview(snap: CorpusSnapshot, model: PanelModel): PanelModel {
    const ctx = this.reviewContext;
    if (!ctx || this.pair) return model;
    const reviews = ctx.review.divergenceReviews();
    const toReview = clusterToReview(snap.computer.divergenceGroups(), reviews);
    const counts = ctx.review.counts(ctx.configuration.current.reviewShowDismissed);
    return { ...model, review: panelReview(snap.computer, counts, !vscode.workspace.isTrusted), clusters: model.clusters.map((c) => ({ ...c, toReview: toReview[c.id] ?? 0 })) };
  }

  /** Review decisions changed: new counts, and the open detail again with its controls' state. */
  private postReview(): void {
    const snap = this.corpus.snapshot;
    const ctx = this.reviewContext;
    if (!snap || !ctx || this.pair) return;
    const toReview = clusterToReview(snap.computer.divergenceGroups(), ctx.review.divergenceReviews());
    const counts = ctx.review.counts(ctx.configuration.current.reviewShowDismissed);
    this.post({ type: 'review', review: panelReview(snap.computer, counts, !vscode.workspace.isTrusted), toReview });
    if (this.lastDetail) this.postDetail(this.lastDetail.cluster, this.lastDetail.article);
  }

  /** Sends a cluster's detail, with its divergences' review state and its provenance. */
  private postDetail(cluster: string, article: string | undefined): void {
    const snap = this.corpus.snapshot;
    const only = this.pair ? new Set(this.pair) : undefined;
    const detail: ClusterDetail | undefined = snap?.computer.clusterDetail(cluster, article, only);
    if (!snap || !detail) return;
    const provenance = detailProvenance(snap.computer, cluster, only); // a pair panel names its two articles only
    if (provenance) detail.provenance = provenance;
    const ctx = this.reviewContext;
    if (ctx && !this.pair) detail.review = detailReview(snap.computer, cluster, snap.computer.divergenceGroups(), ctx.review.divergenceReviews());
    this.post({ type: 'detail', detail });
  }

  /** Records (or clears) a decision from the detail view through the command the quick fixes use. */
  private recordDecision(msg: Extract<FromWebview, { type: 'reviewDecision' }>): void {
    const args: ReviewDecisionArgs = { match: msg.match, divergence: msg.divergence, verdict: msg.verdict, ...(msg.note ? { note: msg.note } : {}) };
    void vscode.commands.executeCommand(Commands.reviewDecision, args);
  }

  private onMessage(raw: unknown): void {
    const msg = parseFromWebview(raw);
    if (!msg) return;
    switch (msg.type) {
      case 'ready':
        this.ready = true;
        this.postModel();
        if (this.corpus.busy) this.post({ type: 'busy', busy: true });
        break;
      case 'requestDetail':
        this.lastDetail = { cluster: msg.cluster, article: msg.article };
        this.postDetail(msg.cluster, msg.article);
        break;
      case 'reviewDecision':
        this.recordDecision(msg);
        break;
      case 'reviewUndo':
        void vscode.commands.executeCommand(Commands.undoReviewDecision);
        break;
      case 'reveal':
        void vscode.commands.executeCommand(Commands.revealSpan, { article: msg.article, start: msg.start, end: msg.end });
        break;
      case 'refresh':
        void vscode.commands.executeCommand(Commands.refresh);
        break;
      case 'requestTexts': {
        const posted = this.posted;
        if (!posted || posted.version !== msg.version) break; // an older model's request: the newer model's columns ask again
        const texts = msg.ids.filter((id) => posted.texts.has(id)).map((id) => ({ id, text: posted.texts.get(id)! }));
        this.post({ type: 'texts', version: msg.version, texts });
        break;
      }
    }
  }

  /** Closes the panel and fires onDidDispose, once. */
  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}
