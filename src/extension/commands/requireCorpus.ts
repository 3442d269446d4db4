// The guard of commands that need a loaded, non-empty corpus.
import * as vscode from 'vscode';
import type { CorpusManager, CorpusSnapshot } from '../corpus/corpusManager';
import { Commands } from './ids';

/**
 * The current snapshot once the corpus is ready; undefined (after telling the user, and
 * offering to open the demo corpus or a folder) when it failed or holds no article.
 */
export async function requireCorpus(corpus: CorpusManager): Promise<CorpusSnapshot | undefined> {
  try {
    await corpus.whenReady();
  } catch (e) {
    void vscode.window.showErrorMessage(`Crosscheck: ${(e as Error).message}`);
    return undefined;
  }
  const snap = corpus.snapshot;
  if (!snap || !snap.articles.length) {
    const pick = await vscode.window.showInformationMessage('Crosscheck: the corpus has no articles.', 'Open Demo Corpus', 'Open Folder as Corpus…');
    if (pick === 'Open Demo Corpus') await vscode.commands.executeCommand(Commands.openDemoCorpus);
    else if (pick) await vscode.commands.executeCommand(Commands.openFolderAsCorpus);
    return undefined;
  }
  return snap;
}
