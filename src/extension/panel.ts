// The corpus panel (and the pairwise "compare with" panel): webview glue.
// The extension sends data (article text + spans) with postMessage; media/panel.js
// builds the DOM with textContent only, so article text is never parsed as HTML.
import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { Commands, PANEL_TITLE, PANEL_VIEW_TYPE } from './commands';
import type { CorpusManager, CorpusSnapshot } from './corpusManager';
import { sliced } from './computer';
import { parseFromWebview, postedModel, type PanelState, type ToWebview } from './panel/protocol';


/** A fresh CSP nonce for each page load: 128 random bits from the OS, base64url. */
function nonce(): string {
  return randomBytes(16).toString('base64url');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableFindWidget: true,
    // Only media/ (panel.js, panel.css, the icon) is ever loaded; nothing else is reachable.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** One webview panel showing the corpus or a pair of its articles. */
class CorpusPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private pendingFocus: string | undefined;
  /** Bumped per model build; only the newest is posted. */
  private modelSeq = 0;
  /** The version and article texts of the model last posted (answers `requestTexts`). */
  private posted: { version: number; texts: Map<string, string> } | undefined;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusManager,
    readonly pair: [string, string] | undefined,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'crosscheck.svg');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.webview.onDidReceiveMessage((m) => this.onMessage(m)),
      panel.onDidDispose(() => this.dispose()),
      corpus.onDidUpdate((s) => this.postModel(s)),
      corpus.onDidChangeBusy((busy) => this.post({ type: 'busy', busy })),
    );
  }

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
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    const seq = ++this.modelSeq;
    // built in slices across event-loop turns; a model overtaken by a newer one is dropped
    void sliced(snap.computer.panelModelSteps(this.pair)).then((model) => {
      if (seq !== this.modelSeq) return;
      this.posted = { version: seq, texts: new Map(model.articles.map((a) => [a.id, a.text ?? ''])) };
      this.post({ type: 'model', model: postedModel(model, seq), focusCluster: focus });
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

  private html(): string {
    const webview = this.panel.webview;
    const n = nonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'panel.css'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource} data:`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${n}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link href="${style}" rel="stylesheet">
<title>${PANEL_TITLE}</title>
</head>
<body>
<header id="cc-toolbar" role="toolbar" aria-label="Crosscheck">
  <label><input type="checkbox" id="cc-filter-quotes" checked> Quotes</label>
  <label><input type="checkbox" id="cc-filter-passages" checked> Passages</label>
  <label><input type="checkbox" id="cc-filter-substantive"> Substantive divergences only</label>
  <span class="cc-sep"></span>
  <button id="cc-prev" title="Previous match (k / p)" aria-label="Previous match">&#8592;</button>
  <button id="cc-next" title="Next match (j / n)" aria-label="Next match">&#8594;</button>
  <span id="cc-position" aria-live="polite"></span>
  <span class="cc-sep"></span>
  <span id="cc-status" aria-live="polite"></span>
</header>
<details id="cc-overview-box" open>
  <summary>Legend and sources &times; clusters</summary>
  <div id="cc-legend" aria-label="Legend"></div>
  <div id="cc-overview"></div>
</details>
<div id="cc-body">
  <main id="cc-columns"></main>
  <aside id="cc-detail" hidden aria-label="Match detail"></aside>
</div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
  }

  private disposed = false;

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
    this.disposables.length = 0;
    this.panel.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

/** Owns the main corpus panel, the pairwise panels and the serializer that revives them after a reload. */
export class PanelManager implements vscode.Disposable, vscode.WebviewPanelSerializer<PanelState> {
  private main: CorpusPanel | undefined;
  private readonly pairs = new Map<string, CorpusPanel>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly corpus: CorpusManager) {
    this.disposables.push(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, this));
  }

  get mainPanel(): vscode.WebviewPanel | undefined {
    return this.main?.panel;
  }

  /** Opens (or reveals) the corpus panel, optionally focused on a cluster. */
  open(cluster?: string): vscode.WebviewPanel {
    if (!this.main) {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, PANEL_TITLE, vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
      this.adoptMain(panel);
    } else {
      this.main.panel.reveal();
    }
    if (cluster) this.main!.focusCluster(cluster);
    return this.main!.panel;
  }

  /** Opens a two-column panel comparing two articles. */
  openPair(a: string, b: string): vscode.WebviewPanel {
    const key = `${a}\u0000${b}`;
    const existing = this.pairs.get(key);
    if (existing) {
      existing.panel.reveal();
      return existing.panel;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, `${PANEL_TITLE}: ${a} ↔ ${b}`, vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    this.adoptPair(panel, [a, b]);
    return panel;
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PanelState | undefined): Promise<void> {
    const pair = state?.pair;
    if (Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string') {
      this.adoptPair(panel, [pair[0], pair[1]]);
    } else if (!this.main) {
      this.adoptMain(panel);
    } else {
      panel.dispose();
    }
  }

  private adoptMain(panel: vscode.WebviewPanel): void {
    const p = new CorpusPanel(panel, this.extensionUri, this.corpus, undefined);
    this.main = p;
    p.onDidDispose(() => {
      if (this.main === p) this.main = undefined;
    });
  }

  private adoptPair(panel: vscode.WebviewPanel, pair: [string, string]): void {
    const key = `${pair[0]}\u0000${pair[1]}`;
    this.pairs.get(key)?.dispose();
    const p = new CorpusPanel(panel, this.extensionUri, this.corpus, pair);
    this.pairs.set(key, p);
    p.onDidDispose(() => {
      if (this.pairs.get(key) === p) this.pairs.delete(key);
    });
  }

  dispose(): void {
    this.main?.dispose();
    for (const p of [...this.pairs.values()]) p.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
