// Cluster-coloured highlights in ordinary editors: one decoration type per
// palette slot, refreshed for every visible editor on each update.
import * as vscode from 'vscode';
import type { Configuration } from '../configuration';
import type { CorpusManager } from '../corpus/corpusManager';
import { Disposable } from '../dispose';
import { PALETTE_SIZE, colorId } from '../palette';

/** The decoration type of one palette slot. */
function slotDecoration(slot: number): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor(colorId(slot, 'Background')),
    borderColor: new vscode.ThemeColor(colorId(slot, 'Border')),
    borderStyle: 'solid',
    borderWidth: '1px',
    borderRadius: '2px',
    overviewRulerColor: new vscode.ThemeColor(colorId(slot, 'Border')),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/** Highlights every matched span of the articles shown in editors, in its cluster's colour. */
export class HighlightManager extends Disposable {
  private readonly types: vscode.TextEditorDecorationType[] = [];

  constructor(private readonly corpus: CorpusManager, private readonly configuration: Configuration) {
    super();
    this._register(corpus.onDidUpdate(() => this.refreshAll()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()));
    this._register(configuration.onDidChange(() => this.refreshAll()));
    for (let slot = 1; slot <= PALETTE_SIZE; slot++) this.types.push(this._register(slotDecoration(slot)));
  }

  /** Redraws the highlights of every visible editor. */
  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  private refresh(editor: vscode.TextEditor): void {
    const snap = this.corpus.snapshot;
    const id = this.corpus.articleIdOf(editor.document.uri);
    const perSlot: vscode.Range[][] = this.types.map(() => []);
    if (snap && id !== undefined && this.configuration.current.highlightsEnabled) {
      const article = snap.computer.article(id);
      // Only decorate when the editor shows the text the analysis saw.
      if (article && article.text === editor.document.getText()) {
        for (const h of snap.computer.highlightsFor(id)) {
          perSlot[h.slot - 1].push(new vscode.Range(editor.document.positionAt(h.start), editor.document.positionAt(h.end)));
        }
      }
    }
    this.types.forEach((t, i) => editor.setDecorations(t, perSlot[i]));
  }
}
