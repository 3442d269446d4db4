// Crosscheck's VS Code entry point: wires the corpus manager (worker-backed
// analysis) to the editor features, the panel, the trees and the commands.
// Each component owns its VS Code objects; this module only connects them.
import * as vscode from 'vscode';
import { createApi, type CrosscheckApi } from './api';
import { registerCommands } from './commands';
import { Configuration } from './configuration';
import { CorpusManager } from './corpus/corpusManager';
import { ReviewState } from './corpus/reviewState';
import { registerReviewCodeActions } from './editor/reviewCodeActions';
import { HighlightManager } from './editor/decorations';
import { DiagnosticsManager } from './editor/diagnostics';
import { registerHoverProvider } from './editor/hoverProvider';
import { StatusBar } from './editor/statusBar';
import { TreeViews } from './editor/treeViews';
import { PanelManager } from './panel/panelManager';
import { AnalysisClient } from './worker/analysisClient';
import { logWorkspaceTrust } from './workspaceTrust';

/** Creates and connects every component; everything is disposed through `context.subscriptions`. */
export function activate(context: vscode.ExtensionContext): CrosscheckApi {
  const subscribe = <T extends vscode.Disposable>(d: T): T => (context.subscriptions.push(d), d);
  const output = subscribe(vscode.window.createOutputChannel('Crosscheck'));
  const configuration = subscribe(new Configuration());
  const workerPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.js').fsPath;
  const client = subscribe(new AnalysisClient(workerPath, (line) => output.appendLine(line)));
  const corpus = subscribe(new CorpusManager(client, configuration, output));
  const review = subscribe(new ReviewState(corpus, output));
  subscribe(new HighlightManager(corpus, configuration));
  subscribe(new DiagnosticsManager(corpus, configuration, review));
  subscribe(new StatusBar(corpus, review, configuration));
  subscribe(new TreeViews(corpus, review, configuration));
  const panels = subscribe(new PanelManager(context.extensionUri, corpus, review, configuration));
  subscribe(registerHoverProvider(corpus, configuration));
  subscribe(corpus.onDidUpdate((s) => void vscode.commands.executeCommand('setContext', 'crosscheck.hasCorpus', s.articles.length > 0)));
  subscribe(logWorkspaceTrust(output));
  subscribe(registerReviewCodeActions(corpus, review));
  subscribe(registerCommands({ extensionUri: context.extensionUri, corpus, panels, output }, review));
  corpus.start();
  return createApi(corpus, panels);
}

/** Nothing to do: everything is disposed through context.subscriptions. */
export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
