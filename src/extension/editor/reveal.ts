// Opening an article at a span (in one reused editor group), and moving between
// the matched spans of the active editor.
import * as vscode from 'vscode';
import { PANEL_VIEW_TYPE, type RevealTarget } from '../commands/ids';
import type { CorpusManager } from '../corpus/corpusManager';
import { chooseRevealColumn, type GroupContent, type GroupInfo } from '../view/revealColumn';

/** What a tab group shows in its active tab, for the choice of the group to reveal in. */
function groupContent(corpus: CorpusManager, group: vscode.TabGroup): GroupContent {
  const input = group.activeTab?.input;
  if (!input) return 'empty';
  if (input instanceof vscode.TabInputWebview && input.viewType.includes(PANEL_VIEW_TYPE)) return 'panel';
  if (input instanceof vscode.TabInputText && corpus.articleIdOf(input.uri) !== undefined) return 'article';
  return 'other';
}

/** The editor groups as the reveal sees them. */
function describeGroups(corpus: CorpusManager, uri: vscode.Uri): GroupInfo[] {
  const key = uri.toString();
  return vscode.window.tabGroups.all.map((group) => ({
    viewColumn: group.viewColumn,
    active: group.isActive,
    content: groupContent(corpus, group),
    hasDocument: group.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key),
  }));
}

/**
 * Opens the article of `target` with the span selected and in view; undefined when there is no such article.
 * Every reveal (panel, trees, hovers, Find Quote) reuses one editor group: see chooseRevealColumn.
 */
export async function revealSpan(corpus: CorpusManager, target: RevealTarget | undefined): Promise<vscode.TextEditor | undefined> {
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
  const column = chooseRevealColumn(describeGroups(corpus, doc.uri));
  const editor = await vscode.window.showTextDocument(doc, {
    viewColumn: column === 'beside' ? vscode.ViewColumn.Beside : column,
    selection: new vscode.Selection(start, end),
    preserveFocus: false,
  });
  editor.revealRange(new vscode.Range(start, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Selects the next (dir 1) or previous (dir -1) matched span of the active editor's article, wrapping around. */
export function moveToMatch(corpus: CorpusManager, dir: 1 | -1): void {
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
}
