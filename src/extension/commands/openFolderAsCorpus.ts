// crosscheck.openFolderAsCorpus: analyses a folder (given, or picked) as the corpus.
import * as path from 'path';
import * as vscode from 'vscode';
import type { AnalysisResult } from '../../core/types';
import type { CorpusManager } from '../corpus/corpusManager';
import type { Command } from './command';
import { Commands } from './ids';

/** Switches to a folder corpus; returns its analysis. */
export class OpenFolderAsCorpusCommand implements Command {
  readonly id = Commands.openFolderAsCorpus;
  constructor(private readonly corpus: CorpusManager, private readonly output: vscode.OutputChannel) {}

  /** Loads `folder` (or one the user picks) with a progress notification; warns when it holds no article or files were skipped. */
  async execute(folder?: unknown): Promise<AnalysisResult | undefined> {
    let uri = folder instanceof vscode.Uri ? folder : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Open as Corpus', title: 'Crosscheck: Open Folder as Corpus' });
      if (!picked?.length) return undefined;
      uri = picked[0];
    }
    const target = uri;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Crosscheck: analysing ${path.basename(target.fsPath || target.path)}…` },
      () => this.corpus.setSource({ kind: 'folder', uri: target }),
    );
    const problems = this.corpus.snapshot?.problems.length ?? 0;
    if (!result.articles.length) void vscode.window.showWarningMessage('Crosscheck: that folder holds no .txt or .md article.');
    else if (problems) void vscode.window.showWarningMessage(`Crosscheck: ${problems} file(s) were skipped; see the Crosscheck output.`, 'Show Output').then((p) => p && this.output.show());
    return result;
  }
}
