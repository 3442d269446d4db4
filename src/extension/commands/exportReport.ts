// crosscheck.exportReport: writes the JSON or Markdown report of the corpus,
// atomically, where the user says; refused in Restricted Mode and over an article.
import * as path from 'path';
import * as vscode from 'vscode';
import { renderMarkdown, writeJsonReport } from '../../core/report';
import type { CorpusManager } from '../corpus/corpusManager';
import type { Command } from './command';
import { bytesOfChunks, exportRefusal, tempNameFor, writeFileAtomic } from './exportFile';
import { Commands } from './ids';

/** A report format. */
type ReportFormat = 'json' | 'markdown';

/** The format the user picks (undefined: cancelled). */
async function pickFormat(): Promise<ReportFormat | undefined> {
  const pick = await vscode.window.showQuickPick(
    [
      { label: 'JSON', description: 'the crosscheck --json contract', format: 'json' as const },
      { label: 'Markdown', description: 'a readable report', format: 'markdown' as const },
    ],
    { title: 'Crosscheck: Export Report', placeHolder: 'Report format' },
  );
  return pick?.format;
}

/** The file the user picks in a save dialog (undefined: cancelled). */
function pickTarget(format: ReportFormat): Thenable<vscode.Uri | undefined> {
  const base = vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = format === 'json' ? 'crosscheck-report.json' : 'crosscheck-report.md';
  return vscode.window.showSaveDialog({
    title: 'Crosscheck: Export Report',
    defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
    filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
  });
}

/** Exports the report; returns the file written (undefined when refused, cancelled or failed). */
export class ExportReportCommand implements Command {
  readonly id = Commands.exportReport;
  constructor(private readonly corpus: CorpusManager, private readonly output: vscode.OutputChannel) {}

  /** Exports to `uri` in `format`, asking for whichever is not given. */
  execute(uri?: unknown, format?: unknown): Promise<vscode.Uri | undefined> {
    return this.exportReport(uri instanceof vscode.Uri ? uri : undefined, format === 'json' || format === 'markdown' ? format : undefined);
  }

  private async exportReport(uri?: vscode.Uri, format?: ReportFormat): Promise<vscode.Uri | undefined> {
    if (!vscode.workspace.isTrusted) {
      const refusal = exportRefusal({ trusted: false })!;
      this.output.appendLine(`Export refused: ${refusal}`);
      // Not awaited: the command returns at once, the notification stays until dismissed.
      void vscode.window.showWarningMessage(`Crosscheck: ${refusal}`, 'Manage Workspace Trust').then((pick) => pick && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const result = await this.corpus.whenReady();
    if (!format && uri) format = uri.path.toLowerCase().endsWith('.md') ? 'markdown' : 'json';
    format ??= await pickFormat();
    if (!format) return undefined;
    uri ??= await pickTarget(format);
    if (!uri) return undefined;
    const refusal = exportRefusal({ trusted: vscode.workspace.isTrusted, targetArticle: this.corpus.articleIdOf(uri) });
    if (refusal) {
      this.output.appendLine(`Export refused: ${refusal}`);
      void vscode.window.showWarningMessage(`Crosscheck: ${refusal}`);
      return undefined;
    }
    const skipped = this.corpus.snapshot?.problems ?? [];
    const full = skipped.length ? { ...result, skipped } : result;
    // JSON is streamed in chunks (never one string: at 10,000 articles it would pass V8's string limit)
    const bytes = format === 'json' ? bytesOfChunks((put) => writeJsonReport(full, put)) : new TextEncoder().encode(renderMarkdown(full));
    return this.write(uri, bytes, format);
  }

  /** Writes the report atomically; logs and shows a failure. */
  private async write(uri: vscode.Uri, bytes: Uint8Array, format: ReportFormat): Promise<vscode.Uri | undefined> {
    const temp = vscode.Uri.joinPath(uri, '..', tempNameFor(path.posix.basename(uri.path), `${process.pid}-${Date.now().toString(36)}`));
    try {
      await writeFileAtomic(vscode.workspace.fs, uri, temp, bytes);
    } catch (e) {
      const message = `could not write ${uri.fsPath || uri.toString()}: ${(e as Error).message}`;
      this.output.appendLine(`Export failed: ${message}`);
      void vscode.window.showErrorMessage(`Crosscheck: ${message}`);
      return undefined;
    }
    this.output.appendLine(`Exported a ${format} report to ${uri.fsPath || uri.toString()}`);
    return uri;
  }
}
