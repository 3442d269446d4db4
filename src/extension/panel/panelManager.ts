// Owns the corpus panels: the main one, the pairwise "compare with" panels, and
// the serializer that revives them after a window reload.
import * as vscode from 'vscode';
import { PANEL_TITLE, PANEL_VIEW_TYPE } from '../commands/ids';
import type { Configuration } from '../configuration';
import type { CorpusManager } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import { Disposable } from '../dispose';
import { CorpusPanel, type PanelReviewContext } from './corpusPanel';
import { webviewOptions } from './panelHtml';
import type { PanelState } from './protocol';

/** Owns the main corpus panel, the pairwise panels and the serializer that revives them after a reload. */
export class PanelManager extends Disposable implements vscode.WebviewPanelSerializer<PanelState> {
  private main: CorpusPanel | undefined;
  private readonly pairs = new Map<string, CorpusPanel>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly corpus: CorpusManager,
    private readonly review?: ReviewState,
    private readonly configuration?: Configuration,
  ) {
    super();
    this._register(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, this));
  }

  /** The main corpus panel, when open. */
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

  /** Revives a panel after a reload: a pair panel, or the main panel (a second main panel is closed). */
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
    const p = new CorpusPanel(panel, this.extensionUri, this.corpus, undefined, this.reviewContext());
    this.main = p;
    p.onDidDispose(() => {
      if (this.main === p) this.main = undefined;
    });
  }

  private adoptPair(panel: vscode.WebviewPanel, pair: [string, string]): void {
    const key = `${pair[0]}\u0000${pair[1]}`;
    this.pairs.get(key)?.dispose();
    const p = new CorpusPanel(panel, this.extensionUri, this.corpus, pair, this.reviewContext());
    this.pairs.set(key, p);
    p.onDidDispose(() => {
      if (this.pairs.get(key) === p) this.pairs.delete(key);
    });
  }

  /** What the panels need to show and record review decisions (absent without a review state). */
  private reviewContext(): PanelReviewContext | undefined {
    return this.review && this.configuration ? { review: this.review, configuration: this.configuration } : undefined;
  }

  /** Closes every panel and unregisters the serializer. */
  override dispose(): void {
    this.main?.dispose();
    for (const p of [...this.pairs.values()]) p.dispose();
    super.dispose();
  }
}
