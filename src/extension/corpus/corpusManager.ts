// Owns the corpus: which files form it, their live text, the watcher, the
// debounced re-analysis in the worker, and the current result. Every other
// feature listens to `onDidUpdate` and reads `snapshot`.
import * as vscode from 'vscode';
import type { AnalysisResult, Article, LoadProblem } from '../../core/types';
import type { Configuration, SettingsChange } from '../configuration';
import { Disposable } from '../dispose';
import { CorpusComputer } from '../view/corpusComputer';
import type { AnalysisClient, WorkerCrashed } from '../worker/analysisClient';
import { ArticleUris } from './articleUris';
import { articleFromText } from './corpusFiles';
import { loadCorpusFiles, manifestMetaOf, type CorpusSource } from './corpusLoader';
import type { Manifest } from '../../core/meta/manifest';
import { withArticleMeta } from '../../core/meta/labels';
import { Readiness } from './readiness';
import { CorpusWatcher } from './corpusWatcher';

/** What the views show: one analysis of the corpus with its view computer. */
export interface CorpusSnapshot {
  readonly computer: CorpusComputer;
  readonly result: AnalysisResult;
  readonly articles: Article[];
  readonly problems: LoadProblem[];
  readonly source: CorpusSource;
  /** True for the quick first phase of a two-phase update (the exact result follows). */
  readonly preview?: boolean;
}

/**
 * An update asks the worker for a preview first (two-phase: the preview is
 * published, then the exact result) when the previous analysis took longer
 * than this (ms): below it the exact result comes about as soon, and one
 * repaint is better than two.
 */
export const PREVIEW_AFTER_MS = 100;

/** Whether two article lists hold the same ids and texts in the same order. */
function sameArticles(a: Article[], b: Article[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].text !== b[i].text || !sameMeta(a[i], b[i])) return false;
  return true;
}

/** Whether two articles carry the same name, outlet, date and url (a manifest edit changes only these). */
function sameMeta(a: Article, b: Article): boolean {
  return a.title === b.title && a.outlet === b.outlet && a.date === b.date && a.url === b.url;
}

/** An empty result, for an empty corpus. */
function emptyResult(): AnalysisResult {
  return { version: 1, articles: [], quotes: [], matches: [], clusters: [] };
}

/** The current time for a log line. */
function now(): string {
  return new Date().toLocaleTimeString();
}

/** The corpus, its analysis and its snapshot; see the module comment. */
export class CorpusManager extends Disposable {
  private readonly emitter = this._register(new vscode.EventEmitter<CorpusSnapshot>());
  /** Fired with every snapshot published (previews included). */
  readonly onDidUpdate = this.emitter.event;
  private readonly busyEmitter = this._register(new vscode.EventEmitter<boolean>());
  /** Fired when a load or analysis starts (true) and when all have settled (false). */
  readonly onDidChangeBusy = this.busyEmitter.event;

  private source: CorpusSource = { kind: 'workspace' };
  private articles: Article[] = [];
  private problems: LoadProblem[] = [];
  private manifest: Manifest | undefined;
  private readonly files = new ArticleUris();
  private watcher: CorpusWatcher | undefined;
  private current: CorpusSnapshot | undefined;
  /** The articles of the last analysis published (undefined: analyse again). */
  private analyzed: Article[] | undefined;
  /** Bumped on every publish; a slower, older view-model build is dropped. */
  private publishSeq = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private inFlight = 0;
  private readonly readiness = new Readiness();
  /** The worker time of the last exact analysis (decides whether an update asks for a preview). */
  private lastAnalysisMs = 0;
  private lastProblemsLogged = '';

  constructor(
    private readonly client: AnalysisClient,
    private readonly configuration: Configuration,
    private readonly output: vscode.OutputChannel,
  ) {
    super();
    this._register(configuration.onDidChange((change) => this.onSettingsChanged(change)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.onDocumentChanged(d)));
    this._register(
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.source.kind === 'workspace') this.scheduleReload(0);
      }),
    );
  }

  /** The latest published snapshot, if any. */
  get snapshot(): CorpusSnapshot | undefined {
    return this.current;
  }

  /** Whether a load, an analysis or a view-model build is pending. */
  get busy(): boolean {
    return this.inFlight > 0 || !!this.reloadTimer || !!this.analyzeTimer;
  }

  /** The file of an article of the corpus. */
  uriOf(articleId: string): vscode.Uri | undefined {
    return this.files.uriOf(articleId);
  }

  /** The article id of a file of the corpus. */
  articleIdOf(uri: vscode.Uri): string | undefined {
    return this.files.articleIdOf(uri);
  }

  /** Resolves with the (exact) result once no load or analysis is pending; a preview shown meanwhile is not it. */
  whenReady(): Promise<AnalysisResult> {
    return this.readiness.whenReady(this.busy);
  }

  /** Switches the corpus and loads it now. */
  setSource(source: CorpusSource): Promise<AnalysisResult> {
    this.source = source;
    this.analyzed = undefined;
    this.resetWatcher();
    this.scheduleReload(0);
    return this.whenReady();
  }

  /** Reloads and re-analyses the corpus. */
  refresh(): Promise<AnalysisResult> {
    this.analyzed = undefined;
    this.scheduleReload(0);
    return this.whenReady();
  }

  /** Starts watching and loads the corpus. */
  start(): void {
    this.resetWatcher();
    this.scheduleReload(0);
  }

  private get settings() {
    return this.configuration.current;
  }

  private onSettingsChanged({ previous: prev, current: next }: SettingsChange): void {
    if (prev.include !== next.include || prev.exclude !== next.exclude || prev.maxFileSizeKb !== next.maxFileSizeKb || prev.maxArticles !== next.maxArticles) {
      this.scheduleReload(0);
    } else if (prev.minGrade !== next.minGrade && this.current) {
      this.publishInFlight(this.current.result, !!this.current.preview);
    }
  }

  private resetWatcher(): void {
    this.watcher?.dispose();
    this.watcher = new CorpusWatcher(this.source, this.settings.include, this.files, () => this.scheduleReload(this.settings.debounceMs));
  }

  private onDocumentChanged(doc: vscode.TextDocument): void {
    const id = this.files.articleIdOf(doc.uri);
    if (id === undefined) return;
    const i = this.articles.findIndex((a) => a.id === id);
    if (i < 0) return;
    const text = doc.getText();
    if (this.articles[i].text === text) return;
    const old = this.articles[i];
    this.articles = this.articles.slice();
    this.articles[i] = articleFromText(old.file, text, old.path, manifestMetaOf(this.manifest, old.file));
    this.scheduleAnalyze(this.settings.debounceMs);
  }

  private scheduleReload(ms: number): void {
    this.client.cancel(); // a running analysis of the old state stops now
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.analyzeTimer) {
      clearTimeout(this.analyzeTimer);
      this.analyzeTimer = undefined;
    }
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      void this.reload();
    }, ms);
  }

  private scheduleAnalyze(ms: number): void {
    if (this.reloadTimer) return; // the reload analyses anyway
    this.client.cancel(); // a running analysis of the old text stops now
    if (this.analyzeTimer) clearTimeout(this.analyzeTimer);
    this.analyzeTimer = setTimeout(() => {
      this.analyzeTimer = undefined;
      void this.analyze();
    }, ms);
  }

  private async reload(): Promise<void> {
    const gen = ++this.generation;
    this.inFlight++;
    this.busyEmitter.fire(true);
    try {
      const { articles, problems, uris, manifest, notes } = await loadCorpusFiles(this.source, this.settings);
      if (gen !== this.generation) return;
      this.articles = articles;
      this.problems = problems;
      this.manifest = manifest;
      this.files.reset(uris);
      this.logProblems(problems, notes);
      await this.analyze();
    } catch (e) {
      this.fail(e as Error);
    } finally {
      this.inFlight--;
      this.settle();
    }
  }

  private async analyze(): Promise<void> {
    const articles = this.articles;
    if (this.current && this.analyzed && sameArticles(articles, this.analyzed)) {
      this.settle();
      return;
    }
    this.inFlight++;
    this.busyEmitter.fire(true);
    try {
      if (!articles.length) {
        this.analyzed = articles;
        await this.publish(emptyResult());
        return;
      }
      // two-phase when it pays: a quick preview first, published as soon as it arrives, then the exact result
      const onPreview =
        this.current && this.lastAnalysisMs > PREVIEW_AFTER_MS
          ? (preview: { result: AnalysisResult }) => {
              if (articles !== this.articles) return; // edited meanwhile
              this.publishInFlight(preview.result, true);
            }
          : undefined;
      const outcome = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Crosscheck: analysing ${articles.length} articles` },
        () => this.client.analyze(articles, onPreview),
      );
      if (!outcome) return; // superseded by a newer request
      if (articles !== this.articles) return; // edited meanwhile; the pending analysis will publish
      this.analyzed = articles;
      this.lastAnalysisMs = outcome.ms;
      this.output.appendLine(`[${now()}] Analysed ${articles.length} articles in ${outcome.ms} ms: ${outcome.result.matches.length} matches, ${outcome.result.clusters?.length ?? 0} clusters.`);
      await this.publish(outcome.result);
    } catch (e) {
      this.fail(e as Error);
    } finally {
      this.inFlight--;
      this.settle();
    }
  }

  /** publish outside an analysis: busy until its build ends (a newer publish stops it early), failures logged. */
  private publishInFlight(result: AnalysisResult, preview: boolean): void {
    this.inFlight++;
    this.publish(result, preview)
      .catch((e) => this.fail(e as Error))
      .finally(() => {
        this.inFlight--;
        this.settle();
      });
  }

  /**
   * Builds the view model (in slices, so the extension host never blocks long) and
   * announces it; the snapshot it replaces stays in use until then (no repaint
   * without highlights in between). A newer publish drops this one.
   */
  private async publish(analysed: AnalysisResult, preview = false): Promise<void> {
    if (!analysed.clusters) analysed.clusters = [];
    const seq = ++this.publishSeq;
    const { articles, problems, source } = this;
    const result = withArticleMeta(analysed, articles); // outlets, dates and urls reach the views
    const computer = await CorpusComputer.build(result, articles, { minGrade: this.settings.minGrade }, undefined, () => seq !== this.publishSeq);
    if (seq !== this.publishSeq) return; // a newer result is being published
    this.readiness.published(result, preview);
    this.current = { computer, result, articles, problems, source, ...(preview ? { preview } : {}) };
    this.emitter.fire(this.current);
  }

  private fail(e: Error): void {
    this.readiness.failed(e);
    if ((e as Partial<WorkerCrashed>).reported) return; // the client logged the crash once; the last results stay
    this.output.appendLine(`[${now()}] Error: ${e.stack || e.message}`);
  }

  private settle(): void {
    if (this.busy) return;
    this.busyEmitter.fire(false);
    this.readiness.settle();
  }

  private logProblems(problems: LoadProblem[], notes: LoadProblem[] = []): void {
    const lines = (list: LoadProblem[]) => list.map((p) => `  ${p.file}: ${p.message}`).join('\n');
    const text = lines(problems);
    const noted = lines(notes);
    if (text + noted === this.lastProblemsLogged) return;
    this.lastProblemsLogged = text + noted;
    if (problems.length) this.output.appendLine(`[${now()}] ${problems.length} file(s) could not be used:\n${text}`);
    if (notes.length) this.output.appendLine(`[${now()}] Corpus manifest:\n${noted}`);
  }

  /** Stops the timers and the watcher, rejects pending waiters and disposes what it owns. */
  override dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.analyzeTimer) clearTimeout(this.analyzeTimer);
    this.watcher?.dispose();
    super.dispose();
    this.readiness.dispose();
  }
}
