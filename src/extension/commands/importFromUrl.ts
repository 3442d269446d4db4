// crosscheck.importFromUrl: the page at a web address becomes a Markdown article with front
// matter in the corpus folder. The core's fetch bounds it (size, time, redirects, HTML only).
import * as vscode from 'vscode';
import type { CorpusManager } from '../corpus/corpusManager';
import { checkPageUrl, type FetchOptions } from '../../core/webimport/fetchPage';
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

  /** `(address?: string, folder?: Uri, limits?: { timeoutMs?, maxBytes?, maxRedirects? })`: without an address, an input box asks for one. */
  async execute(address?: unknown, folder?: unknown, limits?: unknown): Promise<vscode.Uri | undefined> {
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
      runImport(page, () => importUrl(page, target.fsPath, fetchLimits(limits)), this.output),
    );
  }
}

/** The fetch limits a caller may tighten (positive integers only; anything else keeps the defaults). */
export function fetchLimits(raw: unknown): FetchOptions {
  const out: FetchOptions = {};
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  for (const key of ['timeoutMs', 'maxBytes', 'maxRedirects'] as const) {
    const v = r[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[key] = v;
  }
  return out;
}
