// The hover on a matched span: speaker, carrying sources, each version's diff,
// divergences and command links (the markdown comes from view/hover.ts). The hovers
// of the articles shown in editors are made ahead, in short slices, after each
// update and when the visible editors change, so a first hover is a look-up.
import * as vscode from 'vscode';
import { hoverCommands } from '../commands/ids';
import type { Configuration } from '../configuration';
import type { CorpusManager } from '../corpus/corpusManager';
import { Disposable } from '../dispose';
import { runSliced } from '../view/slicing';

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

/** Makes the hovers of the articles shown in editors ahead of their first hover (view/hover.ts hoverWarmSteps). */
export class HoverWarmer extends Disposable {
  /** Bumped on every start; an older run stops at its next slice. */
  private run = 0;

  constructor(private readonly corpus: CorpusManager, private readonly configuration: Configuration) {
    super();
    this._register(corpus.onDidUpdate(() => this.warmVisible()));
    this._register(vscode.window.onDidChangeVisibleTextEditors(() => this.warmVisible()));
    this._register(configuration.onDidChange(() => this.warmVisible()));
    this.warmVisible();
  }

  /** Starts making the hovers of every visible article editor that shows the analysed text, in slices; stops when the snapshot changes. */
  warmVisible(): void {
    const run = ++this.run;
    const snap = this.corpus.snapshot;
    if (!snap || !this.configuration.current.hoverEnabled) return;
    const ids = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      const id = this.corpus.articleIdOf(editor.document.uri);
      if (id !== undefined && snap.computer.article(id)?.text === editor.document.getText()) ids.add(id);
    }
    if (!ids.size) return;
    const steps = (function* () {
      for (const id of ids) yield* snap.computer.hoverWarmSteps(id);
    })();
    // a failure here shows again, and is reported, on the hover that needs the section
    runSliced(steps, undefined, () => run !== this.run || this.isDisposed || this.corpus.snapshot !== snap).catch(() => undefined);
  }
}

/** Registers the hover provider for article documents, and the warmer that makes their hovers ahead. */
export function registerHoverProvider(corpus: CorpusManager, configuration: Configuration): vscode.Disposable {
  return vscode.Disposable.from(vscode.languages.registerHoverProvider(HOVER_SELECTOR, new CrosscheckHoverProvider(corpus, configuration)), new HoverWarmer(corpus, configuration));
}
