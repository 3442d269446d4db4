// The status bar item: "Crosscheck: 5 sources · N passages matched · M divergences: R reviewed · T to review"
// (the corpus name and what each count means in its tooltip; the counts are the ones
// every view shows, see view/reviewCounts.ts), spinning while busy; a click opens the corpus panel.
import * as vscode from 'vscode';
import { Commands } from '../commands/ids';
import type { Configuration } from '../configuration';
import type { CorpusManager } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import { Disposable } from '../dispose';
import { corpusName } from '../panel/corpusName';
import { reviewCountsDetail, summaryLine } from '../view/reviewCounts';

const TOOLTIP = 'Open the Crosscheck corpus panel';

/** Owns the status bar item and keeps it in step with the corpus. */
export class StatusBar extends Disposable {
  private readonly item = this._register(vscode.window.createStatusBarItem('crosscheck.status', vscode.StatusBarAlignment.Left, 50));

  private busy = false;

  constructor(private readonly corpus: CorpusManager, private readonly review: ReviewState, private readonly configuration: Configuration) {
    super();
    this.item.name = 'Crosscheck';
    this.item.command = Commands.openPanel;
    this.item.tooltip = TOOLTIP;
    this.item.text = '$(sync~spin) Crosscheck';
    this.item.show();
    this._register(corpus.onDidUpdate(() => this.render((this.busy = false))));
    this._register(corpus.onDidChangeBusy((b) => this.render((this.busy = b))));
    this._register(review.onDidChange(() => this.render(this.busy)));
    this._register(configuration.onDidChange(() => this.render(this.busy)));
  }

  private render(busy: boolean): void {
    const snap = this.corpus.snapshot;
    if (!snap) {
      this.item.text = busy ? '$(sync~spin) Crosscheck: analysing…' : 'Crosscheck: no corpus';
      return;
    }
    const counts = this.review.counts(this.configuration.current.reviewShowDismissed);
    this.item.text = `${busy ? '$(sync~spin) ' : ''}Crosscheck: ${summaryLine(snap.computer.sourceCount, snap.computer.clusters.length, counts)}`;
    const name = corpusName(snap.source, vscode.workspace.name);
    const what = `${snap.computer.clusters.length} passages matched (clusters of matching quotes and passages)\n${reviewCountsDetail(counts)}`;
    const tooltip = `Corpus: ${name}\n${what}\n${TOOLTIP}`;
    this.item.tooltip = snap.problems.length ? `${tooltip}\n${snap.problems.length} file(s) skipped — see the Crosscheck output` : tooltip;
  }
}
