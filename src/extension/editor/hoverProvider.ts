// The hover on a matched span: speaker, carrying sources, each version's diff,
// divergences and command links (the markdown comes from view/hover.ts).
import * as vscode from 'vscode';
import { hoverCommands } from '../commands/ids';
import type { Configuration } from '../configuration';
import type { CorpusManager } from '../corpus/corpusManager';

/** The documents hovers are offered in. */
const HOVER_SELECTOR: vscode.DocumentSelector = [
  { scheme: 'file', language: 'plaintext' },
  { scheme: 'file', language: 'markdown' },
  { scheme: 'untitled', language: 'plaintext' },
  { scheme: 'vscode-remote', language: 'plaintext' },
  { scheme: 'vscode-remote', language: 'markdown' },
];

/** Hover on a matched span of an article whose editor shows the analysed text. */
export class CrosscheckHoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusManager, private readonly configuration: Configuration) {}

  /** The hover at a position, or undefined outside matched spans. */
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.configuration.current.hoverEnabled) return undefined;
    const snap = this.corpus.snapshot;
    const id = this.corpus.articleIdOf(document.uri);
    if (!snap || id === undefined) return undefined;
    const article = snap.computer.article(id);
    if (!article || article.text !== document.getText()) return undefined;
    const h = snap.computer.hoverMarkdown(id, document.offsetAt(position));
    if (!h) return undefined;
    const md = new vscode.MarkdownString(h.markdown);
    md.isTrusted = { enabledCommands: [...hoverCommands] };
    md.supportHtml = true; // only for <del>/<ins> diff marks: all user text is escaped (view/markdown.ts)
    return new vscode.Hover(md, new vscode.Range(document.positionAt(h.start), document.positionAt(h.end)));
  }
}

/** Registers the hover provider for article documents. */
export function registerHoverProvider(corpus: CorpusManager, configuration: Configuration): vscode.Disposable {
  return vscode.languages.registerHoverProvider(HOVER_SELECTOR, new CrosscheckHoverProvider(corpus, configuration));
}
