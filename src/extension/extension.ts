// Crosscheck's VS Code entry point: wires the corpus manager (worker-backed
// analysis) to the editor features, the panel, the trees and the commands.
import * as path from 'path';
import * as vscode from 'vscode';
import { renderJson, renderMarkdown } from '../core/report';
import type { AnalysisResult, LoadProblem } from '../core/types';
import { AnalysisClient } from './analysisClient';
import { Commands, PANEL_VIEW_TYPE, Views, type RevealTarget } from './commands';
import { CorpusManager, type CorpusSnapshot } from './corpusManager';
import { clip } from './computer';
import { exportRefusal, tempNameFor, writeFileAtomic } from './exportFile';
import { CrosscheckHoverProvider, DiagnosticsManager, HighlightManager, StatusBar } from './editorFeatures';
import { PanelManager } from './panel';
import { SECTION, readSettings, type CrosscheckSettings } from './settings';
import { TreeViews } from './trees';

/** What `activate` returns (used by the extension-host tests). */
export interface CrosscheckApi {
  /** Resolves with the analysis once no load or analysis is pending. */
  whenReady(): Promise<AnalysisResult>;
  /** The latest analysis, if any. */
  getResult(): AnalysisResult | undefined;
  /** The file of an article of the current corpus. */
  uriOf(articleId: string): vscode.Uri | undefined;
  /** The corpus panel, when open. */
  getPanel(): vscode.WebviewPanel | undefined;
  /** Files of the current corpus that were skipped, with the reasons the output channel lists. */
  getProblems(): LoadProblem[];
  /** Called with every published result, the preview of a two-phase update included. */
  onDidUpdate(listener: (update: { preview: boolean; result: AnalysisResult }) => void): vscode.Disposable;
}


export function activate(context: vscode.ExtensionContext): CrosscheckApi {
  const output = vscode.window.createOutputChannel('Crosscheck');
  const getConfig = () => {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    return readSettings(<T>(key: string, def: T) => cfg.get<T>(key, def));
  };
  let settings: CrosscheckSettings = getConfig();

  const client = new AnalysisClient(vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath, (l) => output.appendLine(l));
  const corpus = new CorpusManager(client, settings, output);
  const highlights = new HighlightManager(corpus, settings);
  const diagnostics = new DiagnosticsManager(corpus, settings);
  const status = new StatusBar(corpus);
  const trees = new TreeViews(corpus);
  const panels = new PanelManager(context.extensionUri, corpus);
  const hover = new CrosscheckHoverProvider(corpus, () => settings);

  context.subscriptions.push(
    output,
    { dispose: () => client.dispose() },
    corpus,
    highlights,
    diagnostics,
    status,
    trees,
    panels,
    vscode.languages.registerHoverProvider(
      [
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'file', language: 'markdown' },
        { scheme: 'untitled', language: 'plaintext' },
        { scheme: 'vscode-remote', language: 'plaintext' },
        { scheme: 'vscode-remote', language: 'markdown' },
      ],
      hover,
    ),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SECTION)) return;
      settings = getConfig();
      corpus.updateSettings(settings);
      highlights.updateSettings(settings);
      diagnostics.updateSettings(settings);
    }),
    corpus.onDidUpdate((s: CorpusSnapshot) => {
      void vscode.commands.executeCommand('setContext', 'crosscheck.hasCorpus', s.articles.length > 0);
    }),
  );

  const requireSnapshot = async (): Promise<CorpusSnapshot | undefined> => {
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
  };

  const panelIsActive = () => {
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputWebview && input.viewType.includes(PANEL_VIEW_TYPE);
  };

  const revealSpan = async (target: RevealTarget | undefined): Promise<vscode.TextEditor | undefined> => {
    if (!target || typeof target.article !== 'string') return undefined;
    const uri = corpus.uriOf(target.article);
    if (!uri) {
      void vscode.window.showWarningMessage(`Crosscheck: article "${target.article}" is not in the corpus.`);
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(uri);
    const max = doc.getText().length;
    const start = doc.positionAt(Math.max(0, Math.min(max, target.start | 0)));
    const end = doc.positionAt(Math.max(0, Math.min(max, target.end | 0)));
    const editor = await vscode.window.showTextDocument(doc, {
      viewColumn: panelIsActive() ? vscode.ViewColumn.Beside : undefined,
      selection: new vscode.Selection(start, end),
      preserveFocus: false,
    });
    editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  };

  const moveMatch = async (dir: 1 | -1) => {
    const editor = vscode.window.activeTextEditor;
    const snap = corpus.snapshot;
    if (!editor || !snap) return;
    const id = corpus.articleIdOf(editor.document.uri);
    if (id === undefined) {
      void vscode.window.showInformationMessage('Crosscheck: this file is not an article of the corpus.');
      return;
    }
    const h = snap.computer.nextSpan(id, editor.document.offsetAt(editor.selection.active), dir);
    if (!h) {
      void vscode.window.showInformationMessage('Crosscheck: no matches in this article.');
      return;
    }
    const range = new vscode.Range(editor.document.positionAt(h.start), editor.document.positionAt(h.end));
    // The cursor goes to the start of the span, so the next "next" moves on.
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const exportReport = async (uri?: vscode.Uri, format?: 'json' | 'markdown'): Promise<vscode.Uri | undefined> => {
    if (!vscode.workspace.isTrusted) {
      const refusal = exportRefusal({ trusted: false })!;
      output.appendLine(`Export refused: ${refusal}`);
      // Not awaited: the command returns at once, the notification stays until dismissed.
      void vscode.window.showWarningMessage(`Crosscheck: ${refusal}`, 'Manage Workspace Trust').then((pick) => pick && vscode.commands.executeCommand('workbench.trust.manage'));
      return undefined;
    }
    const result = await corpus.whenReady();
    if (!format && uri) format = uri.path.toLowerCase().endsWith('.md') ? 'markdown' : 'json';
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'JSON', description: 'the crosscheck --json contract', format: 'json' as const },
          { label: 'Markdown', description: 'a readable report', format: 'markdown' as const },
        ],
        { title: 'Crosscheck: Export Report', placeHolder: 'Report format' },
      );
      if (!pick) return undefined;
      format = pick.format;
    }
    if (!uri) {
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const name = format === 'json' ? 'crosscheck-report.json' : 'crosscheck-report.md';
      uri = await vscode.window.showSaveDialog({
        title: 'Crosscheck: Export Report',
        defaultUri: base ? vscode.Uri.joinPath(base, name) : undefined,
        filters: format === 'json' ? { JSON: ['json'] } : { Markdown: ['md'] },
      });
      if (!uri) return undefined;
    }
    const refusal = exportRefusal({ trusted: vscode.workspace.isTrusted, targetArticle: corpus.articleIdOf(uri) });
    if (refusal) {
      output.appendLine(`Export refused: ${refusal}`);
      void vscode.window.showWarningMessage(`Crosscheck: ${refusal}`);
      return undefined;
    }
    const skipped = corpus.snapshot?.problems ?? [];
    const full = skipped.length ? { ...result, skipped } : result;
    const text = format === 'json' ? renderJson(full) : renderMarkdown(full);
    const temp = vscode.Uri.joinPath(uri, '..', tempNameFor(path.posix.basename(uri.path), `${process.pid}-${Date.now().toString(36)}`));
    try {
      await writeFileAtomic(vscode.workspace.fs, uri, temp, new TextEncoder().encode(text));
    } catch (e) {
      const message = `could not write ${uri.fsPath || uri.toString()}: ${(e as Error).message}`;
      output.appendLine(`Export failed: ${message}`);
      void vscode.window.showErrorMessage(`Crosscheck: ${message}`);
      return undefined;
    }
    output.appendLine(`Exported a ${format} report to ${uri.fsPath || uri.toString()}`);
    return uri;
  };

  if (!vscode.workspace.isTrusted) {
    output.appendLine('Restricted Mode (untrusted workspace): Crosscheck reads and analyses articles but writes nothing; exporting reports is disabled, and the workspace value of crosscheck.maxFileSizeKb is ignored.');
  }
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => output.appendLine('Workspace trusted: exporting reports is enabled.')));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments arrive untyped from VS Code
  const register = (id: string, fn: (...args: any[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register(Commands.openPanel, async () => {
    panels.open();
    return panels.mainPanel;
  });
  register(Commands.openInPanel, (cluster?: unknown) => {
    panels.open(typeof cluster === 'string' ? cluster : undefined);
    return panels.mainPanel;
  });
  register(Commands.openDemoCorpus, async () => {
    const seeds = vscode.Uri.joinPath(context.extensionUri, 'seeds');
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Crosscheck: analysing the demo corpus…' }, () =>
      corpus.setSource({ kind: 'folder', uri: seeds, label: 'Demo corpus' }).catch(() => undefined),
    );
    const first = corpus.snapshot?.articles[0];
    if (first) await revealSpan({ article: first.id, start: 0, end: 0 });
    return corpus.snapshot?.result;
  });
  register(Commands.openFolderAsCorpus, async (folder?: vscode.Uri) => {
    if (!(folder instanceof vscode.Uri)) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Open as Corpus', title: 'Crosscheck: Open Folder as Corpus' });
      if (!picked?.length) return undefined;
      folder = picked[0];
    }
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Crosscheck: analysing ${path.basename(folder.fsPath || folder.path)}…` },
      () => corpus.setSource({ kind: 'folder', uri: folder! }),
    );
    const problems = corpus.snapshot?.problems.length ?? 0;
    if (!result.articles.length) void vscode.window.showWarningMessage('Crosscheck: that folder holds no .txt or .md article.');
    else if (problems) void vscode.window.showWarningMessage(`Crosscheck: ${problems} file(s) were skipped; see the Crosscheck output.`, 'Show Output').then((p) => p && output.show());
    return result;
  });
  register(Commands.compareWith, async () => {
    const snap = await requireSnapshot();
    if (!snap) return undefined;
    const editor = vscode.window.activeTextEditor;
    let here = editor ? corpus.articleIdOf(editor.document.uri) : undefined;
    const items = (exclude?: string) =>
      snap.articles.filter((a) => a.id !== exclude).map((a) => ({ label: a.id, description: clip(a.title, 80), detail: a.file, id: a.id }));
    if (here === undefined) {
      const first = await vscode.window.showQuickPick(items(), { title: 'Crosscheck: Compare…', placeHolder: 'First article' });
      if (!first) return undefined;
      here = first.id;
    }
    const other = await vscode.window.showQuickPick(items(here), { title: `Crosscheck: Compare ${here} With…`, placeHolder: 'Article to compare with' });
    if (!other) return undefined;
    return panels.openPair(here, other.id);
  });
  register(Commands.findQuote, async () => {
    const snap = await requireSnapshot();
    if (!snap) return undefined;
    const n = snap.computer.sourceCount;
    const picks = snap.computer
      .quoteItems()
      .sort((a, b) => b.sources - a.sources)
      .map((it) => ({
        label: clip(it.quote.text, 100),
        description: it.quote.speaker ?? 'unattributed',
        detail: `Quoted by ${it.sources} of ${n} sources · ${it.quote.article}`,
        item: it,
      }));
    const pick = await vscode.window.showQuickPick(picks, { title: 'Crosscheck: Find Quote Across Sources', placeHolder: 'Search quotes by text or speaker', matchOnDescription: true, matchOnDetail: true });
    if (!pick) return undefined;
    const q = pick.item.quote;
    if (panels.mainPanel && pick.item.clusters.length) panels.open(pick.item.clusters[0]);
    await revealSpan({ article: q.article, start: q.start, end: q.end });
    return q;
  });
  register(Commands.nextMatch, () => moveMatch(1));
  register(Commands.previousMatch, () => moveMatch(-1));
  register(Commands.showDivergences, async () => {
    await vscode.commands.executeCommand(`${Views.divergences}.focus`);
  });
  register(Commands.exportReport, (uri?: unknown, format?: unknown) =>
    exportReport(uri instanceof vscode.Uri ? uri : undefined, format === 'json' || format === 'markdown' ? format : undefined),
  );
  register(Commands.refresh, () => corpus.refresh());
  register(Commands.revealSpan, (target?: RevealTarget) => revealSpan(target));

  corpus.start();

  return {
    whenReady: () => corpus.whenReady(),
    getResult: () => corpus.snapshot?.result,
    uriOf: (id: string) => corpus.uriOf(id),
    getPanel: () => panels.mainPanel,
    getProblems: () => [...(corpus.snapshot?.problems ?? [])],
    onDidUpdate: (listener) => corpus.onDidUpdate((s) => listener({ preview: !!s.preview, result: s.result })),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
