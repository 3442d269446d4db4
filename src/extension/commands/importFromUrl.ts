// crosscheck.importFromUrl: the page at a web address becomes a Markdown article with front
// matter in the corpus folder. The core's fetch bounds it (size, time, redirects, HTML only).
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpus/corpusManager';
import { checkPageUrl } from '../../core/webimport/fetchPage';
import { importUrl } from '../../core/webimport/importPage';
import type { Command } from './command';
import { Commands } from './ids';
import { importTargetFolder, mayImport, runImport } from './importWebPage';

/** The input box's check of an address: undefined when it is usable, else why not. */
export function validateAddress(value: string): string | undefined {
  if (!value.trim()) return 'Type the address of an article (http:// or https://).';
  try {
    checkPageUrl(value.trim());
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Imports the page at an address (given, or typed) into the corpus folder; returns the new file. */
export class ImportFromUrlCommand implements Command {
  readonly id = Commands.importFromUrl;
  constructor(private readonly corpus: CorpusManager, private readonly output: vscode.OutputChannel) {}

  /** `(address?: string, folder?: Uri)`: without an address, an input box asks for one. */
  async execute(address?: unknown, folder?: unknown): Promise<vscode.Uri | undefined> {
    if (!mayImport()) return undefined;
    let url = typeof address === 'string' ? address.trim() : undefined;
    if (!url) {
      url = (await vscode.window.showInputBox({ title: 'Crosscheck: Import Article from URL', prompt: 'Address of the article page', placeHolder: 'https://…', ignoreFocusOut: true, validateInput: validateAddress }))?.trim();
      if (!url) return undefined;
    }
    const target = await importTargetFolder(this.corpus, folder);
    if (!target) return undefined;
    const page = url;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Crosscheck: importing ${page}…` }, () =>
      runImport(page, () => importUrl(page, target.fsPath), this.output),
    );
  }
}
