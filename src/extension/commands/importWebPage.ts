// crosscheck.importWebPage: a saved web page (.html) becomes a Markdown article with front
// matter in the corpus folder, through the core's Readability import. Also the shared parts
// of the two import commands: where the article goes and how the outcome is told.
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpus/corpusManager';
import { ImportError } from '../../core/webimport/extract';
import { importSavedPage, type ImportResult } from '../../core/webimport/importPage';
import type { Command } from './command';
import { Commands } from './ids';

/**
 * The folder imported articles are written to: `folder` when given, else the corpus folder
 * (a folder corpus's, or the first workspace folder); undefined when there is none (the user
 * is then asked to pick one) or the user cancels.
 */
export async function importTargetFolder(corpus: CorpusManager, folder?: unknown): Promise<vscode.Uri | undefined> {
  if (folder instanceof vscode.Uri) return folder;
  const source = corpus.snapshot?.source;
  if (source?.kind === 'folder') return source.uri;
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (root) return root;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Import Here', title: 'Crosscheck: folder to import the article into' });
  return picked?.[0];
}

/** Whether importing may write (not in Restricted Mode); says why not when it may not. */
export function mayImport(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage('Crosscheck: importing writes a file, which is disabled in Restricted Mode. Trust the workspace to import articles.');
  return false;
}

/** Runs an import, telling the user what was written (with an Open button) or, clearly, why nothing was. */
export async function runImport(what: string, run: () => Promise<ImportResult> | ImportResult, output: vscode.OutputChannel): Promise<vscode.Uri | undefined> {
  try {
    const r = await run();
    const uri = vscode.Uri.file(r.file);
    const m = r.article.meta;
    const facts = [m.outlet, m.date].filter(Boolean).join(', ');
    output.appendLine(`Imported ${what} as ${r.file}${facts ? ` (${facts})` : ''}.`);
    void vscode.window.showInformationMessage(`Crosscheck: imported ${m.title ? `"${m.title}"` : what}${facts ? ` (${facts})` : ''}.`, 'Open').then((o) => o && vscode.window.showTextDocument(uri));
    return uri;
  } catch (e) {
    const message = e instanceof ImportError ? e.message : (e as Error).message || String(e);
    output.appendLine(`Import of ${what} failed: ${message}`);
    void vscode.window.showErrorMessage(`Crosscheck: could not import ${what}: ${message}`);
    return undefined;
  }
}

/** Imports a saved page (given, or picked) into the corpus folder; returns the new file. */
export class ImportWebPageCommand implements Command {
  readonly id = Commands.importWebPage;
  constructor(private readonly corpus: CorpusManager, private readonly output: vscode.OutputChannel) {}

  /** `(page?: Uri, folder?: Uri)`: without a page, an open dialog for .html files. */
  async execute(page?: unknown, folder?: unknown): Promise<vscode.Uri | undefined> {
    if (!mayImport()) return undefined;
    let uri = page instanceof vscode.Uri ? page : undefined;
    if (!uri) {
      const picked = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectMany: false, filters: { 'Web pages': ['html', 'htm'] }, openLabel: 'Import', title: 'Crosscheck: Import Web Page' });
      if (!picked?.length) return undefined;
      uri = picked[0];
    }
    const target = await importTargetFolder(this.corpus, folder);
    if (!target) return undefined;
    const source = uri;
    const name = source.path.slice(source.path.lastIndexOf('/') + 1);
    return runImport(name, () => importSavedPage(source.fsPath, target.fsPath), this.output);
  }
}
