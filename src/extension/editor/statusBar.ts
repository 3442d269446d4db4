// The status bar item: "Crosscheck: 5 sources · N passages matched · M divergences to review"
// (the corpus name and what is counted in its tooltip),
// spinning while busy; a click opens the corpus panel.
import * as vscode from 'vscode';
import { Commands } from '../commands/ids';
import type { CorpusManager } from '../corpus/corpusManager';
import { Disposable } from '../dispose';
import { corpusName } from '../panel/corpusName';

const TOOLTIP = 'Open the Crosscheck corpus panel';

/** Owns the status bar item and keeps it in step with the corpus. */
export class StatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('crosscheck.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly corpus: CorpusManager) {
    super();
    this.item.name = 'Crosscheck';
    this.item.command = Commands.openPanel;
    this.item.tooltip = TOOLTIP;
    this.item.text = '$(sync~spin) Crosscheck';
    this.item.show();
    this._register(corpus.onDidUpdate(() => this.render(false)));
    this._register(corpus.onDidChangeBusy((b) => this.render(b)));
  }

  private render(busy: boolean): void {
    const snap = this.corpus.snapshot;
    if (!snap) {
      this.item.text = busy ? '$(sync~spin) Crosscheck: analysing…' : 'Crosscheck: no corpus';
      return;
    }
    this.item.text = (busy ? '$(sync~spin) ' : '') + snap.computer.statusText();
    const name = corpusName(snap.source, vscode.workspace.name);
    const counts = `${snap.computer.clusters.length} passages matched (clusters) · ${snap.computer.divergenceCount()} divergences to review (one per divergence, as in Problems)`;
    const tooltip = `Corpus: ${name}\n${counts}\n${TOOLTIP}`;
    this.item.tooltip = snap.problems.length ? `${tooltip}\n${snap.problems.length} file(s) skipped — see the Crosscheck output` : tooltip;
  }
}
