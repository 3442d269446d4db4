// VS Code glue for ordinary editors: cluster-coloured highlights, hovers,
// diagnostics (substantive divergences only) and the status bar item. Reads
// the pure CorpusComputer; owns and disposes every VS Code object it creates.
import * as vscode from 'vscode';
import { Commands, hoverCommands } from './commands';
import type { CorpusManager, CorpusSnapshot } from './corpusManager';
import { PALETTE_SIZE, colorId } from './palette';
import type { CrosscheckSettings } from './settings';
import { runSliced, SLICE_MS } from './computer';

/** One decoration type per palette slot, created once. */
export class HighlightManager implements vscode.Disposable {
  private readonly types: vscode.TextEditorDecorationType[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusManager, private settings: CrosscheckSettings) {
    for (let slot = 1; slot <= PALETTE_SIZE; slot++) {
      this.types.push(
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(colorId(slot, 'Background')),
          borderColor: new vscode.ThemeColor(colorId(slot, 'Border')),
          borderStyle: 'solid',
          borderWidth: '1px',
          borderRadius: '2px',
          overviewRulerColor: new vscode.ThemeColor(colorId(slot, 'Border')),
          overviewRulerLane: vscode.OverviewRulerLane.Center,
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      );
    }
    this.disposables.push(
      corpus.onDidUpdate(() => this.refreshAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
    );
  }

  updateSettings(s: CrosscheckSettings): void {
    this.settings = s;
    this.refreshAll();
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  private refresh(editor: vscode.TextEditor): void {
    const snap = this.corpus.snapshot;
    const id = this.corpus.articleIdOf(editor.document.uri);
    const perSlot: vscode.Range[][] = this.types.map(() => []);
    if (snap && id !== undefined && this.settings.highlightsEnabled) {
      const article = snap.computer.article(id);
      // Only decorate when the editor shows the text the analysis saw.
      if (article && article.text === editor.document.getText()) {
        for (const h of snap.computer.highlightsFor(id)) {
          perSlot[h.slot - 1].push(new vscode.Range(editor.document.positionAt(h.start), editor.document.positionAt(h.end)));
        }
      }
    }
    this.types.forEach((t, i) => editor.setDecorations(t, perSlot[i]));
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of this.types) t.dispose();
  }
}

/** Hover on a matched span: speaker, carrying sources, each version's diff, divergences, command links. */
export class CrosscheckHoverProvider implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusManager, private readonly getSettings: () => CrosscheckSettings) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!this.getSettings().hoverEnabled) return undefined;
    const snap = this.corpus.snapshot;
    const id = this.corpus.articleIdOf(document.uri);
    if (!snap || id === undefined) return undefined;
    const article = snap.computer.article(id);
    if (!article || article.text !== document.getText()) return undefined;
    const h = snap.computer.hoverMarkdown(id, document.offsetAt(position));
    if (!h) return undefined;
    const md = new vscode.MarkdownString(h.markdown);
    md.isTrusted = { enabledCommands: [...hoverCommands] };
    md.supportHtml = true; // only for <del>/<ins> diff marks: all user text is escaped (markdown.ts)
    return new vscode.Hover(md, new vscode.Range(document.positionAt(h.start), document.positionAt(h.end)));
  }
}

/** Substantive divergences in the Problems panel, on both articles of each match. */
export class DiagnosticsManager implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('crosscheck');
  private readonly disposables: vscode.Disposable[] = [];
  /** Bumped on every update; a sliced build of older diagnostics stops when it changes. */
  private generation = 0;

  constructor(private readonly corpus: CorpusManager, private settings: CrosscheckSettings) {
    this.disposables.push(corpus.onDidUpdate((s) => this.update(s)));
  }

  updateSettings(s: CrosscheckSettings): void {
    this.settings = s;
    this.update(this.corpus.snapshot);
  }

  private update(snap: CorpusSnapshot | undefined): void {
    const run = ++this.generation;
    this.collection.clear();
    if (!snap || !this.settings.diagnosticsEnabled) return;
    const severity = this.settings.diagnosticsSeverity === 'information' ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning;
    // built in slices across event-loop turns: thousands of articles never block the extension host
    void runSliced(this.steps(snap, severity), SLICE_MS, () => run !== this.generation).catch(() => undefined);
  }

  /** Builds the diagnostics step by step and hands them to the collection (per article, in batches). */
  private *steps(snap: CorpusSnapshot, severity: vscode.DiagnosticSeverity): Generator<void> {
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    // Offsets come from the analysed text; convert with a line index of that text.
    const index = new Map<string, LineIndex>();
    const rangeOf = (article: string, start: number, end: number) => {
      let li = index.get(article);
      if (!li) index.set(article, (li = new LineIndex(snap.computer.article(article)?.text ?? '')));
      return new vscode.Range(li.position(start), li.position(end));
    };
    for (const d of snap.computer.diagnosticSteps()) {
      if (!d) {
        yield;
        continue;
      }
      const uri = this.corpus.uriOf(d.article);
      if (!uri) continue;
      const diag = new vscode.Diagnostic(rangeOf(d.article, d.start, d.end), d.message, severity);
      diag.source = 'Crosscheck';
      diag.code = d.type;
      const relUri = this.corpus.uriOf(d.related.article);
      if (relUri) diag.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(relUri, rangeOf(d.related.article, d.related.start, d.related.end)), d.related.message)];
      let e = byUri.get(uri.toString());
      if (!e) byUri.set(uri.toString(), (e = { uri, list: [] }));
      e.list.push(diag);
    }
    for (const { uri, list } of byUri.values()) {
      this.collection.set(uri, list);
      yield;
    }
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables) d.dispose();
    this.collection.dispose();
  }
}

/** Offset → Position for a text that may not be open in an editor. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }
  position(offset: number): vscode.Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return new vscode.Position(lo, offset - this.starts[lo]);
  }
}

/** "Crosscheck: 5 sources · N matches · M divergences"; click opens the panel. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('crosscheck.status', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusManager) {
    this.item.name = 'Crosscheck';
    this.item.command = Commands.openPanel;
    this.item.tooltip = 'Open the Crosscheck corpus panel';
    this.item.text = '$(sync~spin) Crosscheck';
    this.item.show();
    this.disposables.push(
      corpus.onDidUpdate(() => this.render(false)),
      corpus.onDidChangeBusy((b) => this.render(b)),
    );
  }

  private render(busy: boolean): void {
    const snap = this.corpus.snapshot;
    if (!snap) {
      this.item.text = busy ? '$(sync~spin) Crosscheck: analysing…' : 'Crosscheck: no corpus';
      return;
    }
    this.item.text = (busy ? '$(sync~spin) ' : '') + snap.computer.statusText();
    this.item.tooltip = snap.problems.length
      ? `Open the Crosscheck corpus panel\n${snap.problems.length} file(s) skipped — see the Crosscheck output`
      : 'Open the Crosscheck corpus panel';
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.item.dispose();
  }
}
