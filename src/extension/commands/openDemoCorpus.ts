// crosscheck.openDemoCorpus: analyses the bundled seeds/ folder and opens its first article.
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/types';
import type { CorpusManager } from '../corpus/corpusManager';
import { revealSpan } from '../editor/reveal';
import type { Command } from './command';
import { Commands } from './ids';

/** Switches to the demo corpus; returns its analysis. */
export class OpenDemoCorpusCommand implements Command {
  readonly id = Commands.openDemoCorpus;
  constructor(private readonly extensionUri: vscode.Uri, private readonly corpus: CorpusManager) {}

  /** Loads the demo corpus with a progress notification, then shows its first article. */
  async execute(): Promise<AnalysisResult | undefined> {
    const seeds = vscode.Uri.joinPath(this.extensionUri, 'seeds');
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Crosscheck: analysing the demo corpus…' }, () =>
      this.corpus.setSource({ kind: 'folder', uri: seeds, label: 'Demo corpus' }).catch(() => undefined),
    );
    const first = this.corpus.snapshot?.articles[0];
    if (first) await revealSpan(this.corpus, { article: first.id, start: 0, end: 0 });
    return this.corpus.snapshot?.result;
  }
}
