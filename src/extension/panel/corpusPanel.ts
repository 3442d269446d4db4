// One webview panel showing the corpus, or a pair of its articles: posts the
// view model (built in slices) and answers the page's messages.
import * as vscode from 'vscode';
import { Commands, PANEL_TITLE } from '../commands/ids';
import type { CorpusManager, CorpusSnapshot } from '../corpus/corpusManager';
import { Disposable } from '../dispose';
import { pairComparison } from '../view/pairComparison';
import { sliced } from '../view/slicing';
import { corpusName, panelTitle } from './corpusName';
import { panelHtml, webviewOptions } from './panelHtml';
import { parseFromWebview, postedModel, type ToWebview } from './protocol';

/** One webview panel showing the corpus or a pair of its articles. */
export class CorpusPanel extends Disposable {
  private ready = false;
  private pendingFocus: string | undefined;
  /** Bumped per model build; only the newest is posted. */
  private modelSeq = 0;
  /** The version and article texts of the model last posted (answers `requestTexts`). */
  private posted: { version: number; texts: Map<string, string> } | undefined;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  /** Fired once when the panel is closed or disposed. */
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly corpus: CorpusManager,
    readonly pair: [string, string] | undefined,
  ) {
    super();
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'crosscheck.svg');
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    this._register(panel.webview.onDidReceiveMessage((m) => this.onMessage(m)));
    this._register(panel.onDidDispose(() => this.dispose()));
    this._register(corpus.onDidUpdate((s) => this.postModel(s)));
    this._register(corpus.onDidChangeBusy((busy) => this.post({ type: 'busy', busy })));
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
      const compared = this.pair ? { comparison: pairComparison(snap.computer, this.pair) } : {};
      this.post({ type: 'model', model: { ...postedModel(model, seq), ...counted, ...compared, corpusName: name }, focusCluster: focus });
    });
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
      case 'requestDetail': {
        const snap = this.corpus.snapshot;
        const detail = snap?.computer.clusterDetail(msg.cluster, msg.article, this.pair ? new Set(this.pair) : undefined);
        if (detail) this.post({ type: 'detail', detail });
        break;
      }
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
