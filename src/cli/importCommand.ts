// `crosscheck import <page.html | url> [--out folder]`: a saved web page, or the page at an
// address, becomes a Markdown article with front matter in the folder (default: the current one).
import * as path from 'path';
import { ImportError } from '../core/webimport/extract';
import { importSavedPage, importUrl, type ImportResult } from '../core/webimport/importPage';

/** True when the argument is a web address rather than a file. */
export function isWebAddress(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** One line describing what was imported. */
export function describeImport(r: ImportResult, cwd = process.cwd()): string {
  const m = r.article.meta;
  const facts = [m.outlet, m.date, m.author && `by ${m.author}`].filter(Boolean).join(', ');
  return `imported ${path.relative(cwd, r.file) || r.file}${m.title ? `: ${m.title}` : ''}${facts ? ` (${facts})` : ''}`;
}

/** Imports one page; ImportError's message becomes the CLI's one-line error. */
export async function runImportCommand(source: string, outFolder: string | undefined, fetchOptions = {}): Promise<ImportResult> {
  const folder = path.resolve(outFolder ?? '.');
  return isWebAddress(source) ? importUrl(source, folder, fetchOptions) : importSavedPage(source, folder);
}

/** The synchronous path (saved pages only). */
export function runImportFileSync(source: string, outFolder: string | undefined): ImportResult {
  if (isWebAddress(source)) throw new ImportError('importing from an address needs the asynchronous CLI entry (runCli)');
  return importSavedPage(source, path.resolve(outFolder ?? '.'));
}
