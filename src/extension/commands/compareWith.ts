// crosscheck.compareWith: a two-column panel comparing the active article (or a
// picked one) with another picked article.
import * as vscode from 'vscode';
import type { Article } from '../../core/types';
import type { CorpusManager } from '../corpus/corpusManager';
import type { PanelManager } from '../panel/panelManager';
import { clip } from '../view/text';
import type { Command } from './command';
import { Commands } from './ids';
import { requireCorpus } from './requireCorpus';

/** Quick-pick items of the articles, one left out. */
function articleItems(articles: Article[], exclude?: string) {
  return articles.filter((a) => a.id !== exclude).map((a) => ({ label: a.id, description: clip(a.title, 80), detail: a.file, id: a.id }));
}

/** Opens a pair panel; returns it. */
export class CompareWithCommand implements Command {
  readonly id = Commands.compareWith;
  constructor(private readonly corpus: CorpusManager, private readonly panels: PanelManager) {}

  /** Asks for the article(s) to compare and opens their pair panel. */
  async execute(): Promise<vscode.WebviewPanel | undefined> {
    const snap = await requireCorpus(this.corpus);
    if (!snap) return undefined;
    const editor = vscode.window.activeTextEditor;
    let here = editor ? this.corpus.articleIdOf(editor.document.uri) : undefined;
    if (here === undefined) {
      const first = await vscode.window.showQuickPick(articleItems(snap.articles), { title: 'Crosscheck: Compare…', placeHolder: 'First article' });
      if (!first) return undefined;
      here = first.id;
    }
    const other = await vscode.window.showQuickPick(articleItems(snap.articles, here), { title: `Crosscheck: Compare ${here} With…`, placeHolder: 'Article to compare with' });
    if (!other) return undefined;
    return this.panels.openPair(here, other.id);
  }
}
