// The API `activate` returns, used by the extension-host tests.
import type * as vscode from 'vscode';
import type { AnalysisResult, LoadProblem } from '../core/types';
import type { CorpusManager } from './corpus/corpusManager';
import type { PanelManager } from './panel/panelManager';

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

/** The API over the corpus and its panels. */
export function createApi(corpus: CorpusManager, panels: PanelManager): CrosscheckApi {
  return {
    whenReady: () => corpus.whenReady(),
    getResult: () => corpus.snapshot?.result,
    uriOf: (id: string) => corpus.uriOf(id),
    getPanel: () => panels.mainPanel,
    getProblems: () => [...(corpus.snapshot?.problems ?? [])],
    onDidUpdate: (listener) => corpus.onDidUpdate((s) => listener({ preview: !!s.preview, result: s.result })),
  };
}
