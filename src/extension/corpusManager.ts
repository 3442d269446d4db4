// Owns the corpus: which files form it, their live text, the watcher, the
// debounced re-analysis in the worker, and the current result. Every other
// feature listens to `onDidUpdate` and reads `snapshot`.
import * as vscode from 'vscode';
import type { AnalysisResult, Article, LoadProblem } from '../core/types';
import { AnalysisClient, type WorkerCrashed } from './analysisClient';
import { isArticleFile, SKIPPED_DIRS } from '../core/io/corpus';
import { articleFromText, decodeArticle, dedupeArticles } from './corpusFiles';
import { CorpusComputer, emptyResult } from './computer';
import { type CrosscheckSettings } from './settings';

export type CorpusSource = { kind: 'workspace' } | { kind: 'folder'; uri: vscode.Uri; label?: string };

/** Default of `crosscheck.maxArticles`: the most article files one corpus analyses. */
export const DEFAULT_MAX_ARTICLES = 5000;
/** Largest value `crosscheck.maxArticles` accepts. */
export const MAX_ARTICLES_LIMIT = 50000;

/**
 * The `crosscheck.maxArticles` setting (read here, beside the folder walk that
 * uses it): a whole number from 1 to MAX_ARTICLES_LIMIT, else the default.
 */
export function readMaxArticles(): number {
  const v = vscode.workspace.getConfiguration('crosscheck').get<unknown>('maxArticles', DEFAULT_MAX_ARTICLES);
  if (typeof v !== 'number' || !Number.isFinite(v)) return DEFAULT_MAX_ARTICLES;
  return Math.min(MAX_ARTICLES_LIMIT, Math.max(1, Math.floor(v)));
}

/** Whether two article lists hold the same ids and texts in the same order. */
function sameArticles(a: Article[], b: Article[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].id !== b[i].id || a[i].text !== b[i].text) return false;
  return true;
}

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

export class CorpusManager implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<CorpusSnapshot>();
  readonly onDidUpdate = this.emitter.event;
  private readonly busyEmitter = new vscode.EventEmitter<boolean>();
  readonly onDidChangeBusy = this.busyEmitter.event;

  private source: CorpusSource = { kind: 'workspace' };
  private articles: Article[] = [];
  private problems: LoadProblem[] = [];
  private readonly uriById = new Map<string, vscode.Uri>();
  /** The article cap of the last load (crosscheck.maxArticles). */
  private maxArticles = readMaxArticles();
  private readonly idByUri = new Map<string, string>();
  private watcher: vscode.Disposable | undefined;
  private current: CorpusSnapshot | undefined;
  /** The articles of the last analysis published (undefined: analyse again). */
  private analyzed: Article[] | undefined;
  /** Bumped on every publish; a slower, older view-model build is dropped. */
  private publishSeq = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private inFlight = 0;
  private readyWaiters: { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void }[] = [];
  /** The worker time of the last exact analysis (decides whether an update asks for a preview). */
  private lastAnalysisMs = 0;
  /** The last exact result published (what whenReady gives while a preview is shown). */
  private exactResult: AnalysisResult | undefined;
  private lastProblemsLogged = '';
  private lastError: Error | undefined;

  constructor(
    private readonly client: AnalysisClient,
    private settings: CrosscheckSettings,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      this.emitter,
      this.busyEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.onDocumentChanged(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.onDocumentChanged(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.source.kind === 'workspace') this.scheduleReload(0);
      }),
    );
  }

  get snapshot(): CorpusSnapshot | undefined {
    return this.current;
  }

  get corpusSource(): CorpusSource {
    return this.source;
  }

  get busy(): boolean {
    return this.inFlight > 0 || !!this.reloadTimer || !!this.analyzeTimer;
  }

  uriOf(articleId: string): vscode.Uri | undefined {
    return this.uriById.get(articleId);
  }

  articleIdOf(uri: vscode.Uri): string | undefined {
    return this.idByUri.get(uri.toString());
  }

  /** Resolves with the (exact) result once no load or analysis is pending; a preview shown meanwhile is not it. */
  whenReady(): Promise<AnalysisResult> {
    if (!this.busy && this.exactResult) return Promise.resolve(this.exactResult);
    if (!this.busy && this.lastError) return Promise.reject(this.lastError);
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  updateSettings(next: CrosscheckSettings): void {
    const prev = this.settings;
    this.settings = next;
    if (prev.include !== next.include || prev.exclude !== next.exclude || prev.maxFileSizeKb !== next.maxFileSizeKb || readMaxArticles() !== this.maxArticles) {
      this.scheduleReload(0);
    } else if (prev.minGrade !== next.minGrade && this.current) {
      this.publishInFlight(this.current.result, !!this.current.preview);
    }
  }

  /** Switches the corpus and loads it now. */
  async setSource(source: CorpusSource): Promise<AnalysisResult> {
    this.source = source;
    this.analyzed = undefined;
    this.resetWatcher();
    this.scheduleReload(0);
    return this.whenReady();
  }

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

  private resetWatcher(): void {
    this.watcher?.dispose();
    const inFolder = (glob: string) => (this.source.kind === 'folder' ? new vscode.RelativePattern(this.source.uri, glob) : glob);
    const pattern = this.source.kind === 'folder' ? inFolder('**/*.{txt,md}') : this.settings.include;
    const w = vscode.workspace.createFileSystemWatcher(pattern);
    const onFs = (uri: vscode.Uri) => {
      if (isArticleFile(uri.path) || this.idByUri.has(uri.toString())) this.scheduleReload(this.settings.debounceMs);
    };
    w.onDidCreate(onFs);
    w.onDidDelete(onFs);
    w.onDidChange(onFs);
    // A deleted folder is reported once, as the folder (which the article glob does not match): watch deletions of anything.
    const folders = vscode.workspace.createFileSystemWatcher(inFolder('**/*'), true, true, false);
    folders.onDidDelete((uri) => {
      if (this.holdsArticlesUnder(uri)) this.scheduleReload(this.settings.debounceMs);
    });
    this.watcher = vscode.Disposable.from(w, folders);
  }

  /** Whether an article of the corpus lies inside this folder (a deleted or renamed folder is reported once, not per file). */
  private holdsArticlesUnder(folder: vscode.Uri): boolean {
    const prefix = folder.toString().replace(/\/?$/, '/');
    for (const key of this.idByUri.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  private onDocumentChanged(doc: vscode.TextDocument): void {
    const id = this.idByUri.get(doc.uri.toString());
    if (id === undefined) return;
    const i = this.articles.findIndex((a) => a.id === id);
    if (i < 0) return;
    const text = doc.getText();
    if (this.articles[i].text === text) return;
    const old = this.articles[i];
    this.articles = this.articles.slice();
    this.articles[i] = articleFromText(old.file, text, old.path);
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
      const { articles, problems, uris } = await this.load();
      if (gen !== this.generation) return;
      this.articles = articles;
      this.problems = problems;
      this.uriById.clear();
      this.idByUri.clear();
      for (const [id, uri] of uris) {
        this.uriById.set(id, uri);
        this.idByUri.set(uri.toString(), id);
      }
      this.logProblems(problems);
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
        await this.publish(emptyResult([]));
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
      this.output.appendLine(`[${new Date().toLocaleTimeString()}] Analysed ${articles.length} articles in ${outcome.ms} ms: ${outcome.result.matches.length} matches, ${outcome.result.clusters?.length ?? 0} clusters.`);
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
  private async publish(result: AnalysisResult, preview = false): Promise<void> {
    if (!result.clusters) result.clusters = [];
    const seq = ++this.publishSeq;
    const { articles, problems, source } = this;
    const computer = await CorpusComputer.build(result, articles, { minGrade: this.settings.minGrade }, undefined, () => seq !== this.publishSeq);
    if (seq !== this.publishSeq) return; // a newer result is being published
    this.lastError = undefined;
    if (!preview) this.exactResult = result;
    this.current = { computer, result, articles, problems, source, ...(preview ? { preview } : {}) };
    this.emitter.fire(this.current);
  }

  private fail(e: Error): void {
    this.lastError = e;
    if ((e as Partial<WorkerCrashed>).reported) return; // the client logged the crash once; the last results stay
    this.output.appendLine(`[${new Date().toLocaleTimeString()}] Error: ${e.stack || e.message}`);
  }

  private settle(): void {
    if (this.busy) return;
    this.busyEmitter.fire(false);
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) {
      if (this.exactResult) w.resolve(this.exactResult);
      else w.reject(this.lastError ?? new Error('Crosscheck: no corpus loaded'));
    }
  }

  private logProblems(problems: LoadProblem[]): void {
    const text = problems.map((p) => `  ${p.file}: ${p.message}`).join('\n');
    if (text === this.lastProblemsLogged) return;
    this.lastProblemsLogged = text;
    if (problems.length) this.output.appendLine(`[${new Date().toLocaleTimeString()}] ${problems.length} file(s) could not be used:\n${text}`);
  }

  /** Lists and reads the corpus files; open documents contribute their live (possibly unsaved) text. */
  private async load(): Promise<{ articles: Article[]; problems: LoadProblem[]; uris: Map<string, vscode.Uri> }> {
    const problems: LoadProblem[] = [];
    const cap = (this.maxArticles = readMaxArticles());
    const files: { uri: vscode.Uri; rel: string }[] = [];
    if (this.source.kind === 'folder') {
      const root = this.source.uri;
      await this.walk(root, '', files, problems);
    } else {
      const folders = vscode.workspace.workspaceFolders ?? [];
      if (folders.length) {
        const exclude = this.settings.exclude ? this.settings.exclude : undefined;
        const found = await vscode.workspace.findFiles(this.settings.include, exclude, cap * 4);
        for (const uri of found) {
          if (!isArticleFile(uri.path)) continue;
          files.push({ uri, rel: vscode.workspace.asRelativePath(uri, folders.length > 1) });
        }
      }
    }
    files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
    if (files.length > cap) {
      problems.push({ file: files[cap].rel, message: `skipped: only the first ${cap} article files are analysed (${files.length} found; crosscheck.maxArticles)` });
      files.length = cap;
    }
    const open = new Map<string, vscode.TextDocument>();
    for (const d of vscode.workspace.textDocuments) open.set(d.uri.toString(), d);
    const maxBytes = this.settings.maxFileSizeKb * 1024;
    const loaded: Article[] = [];
    const uriByFile = new Map<string, vscode.Uri>();
    await Promise.all(
      files.map(async ({ uri, rel }) => {
        const doc = open.get(uri.toString());
        const abs = uri.scheme === 'file' ? uri.fsPath : undefined;
        try {
          if (doc && !doc.isClosed) {
            const text = doc.getText();
            if (text.length > maxBytes) {
              problems.push({ file: rel, message: `skipped: larger than the ${this.settings.maxFileSizeKb} KB limit (crosscheck.maxFileSizeKb)` });
              return;
            }
            if (!text.trim()) {
              problems.push({ file: rel, message: text ? 'skipped: file is empty (whitespace only)' : 'skipped: file is empty' });
              return;
            }
            loaded.push(articleFromText(rel, text, abs));
          } else {
            const stat = await vscode.workspace.fs.stat(uri);
            if (stat.size > maxBytes) {
              problems.push({ file: rel, message: `skipped: ${Math.ceil(stat.size / 1024)} KB is larger than the ${this.settings.maxFileSizeKb} KB limit (crosscheck.maxFileSizeKb)` });
              return;
            }
            const r = decodeArticle(rel, await vscode.workspace.fs.readFile(uri), { maxBytes, absPath: abs });
            if ('problem' in r) {
              problems.push(r.problem);
              return;
            }
            loaded.push(r.article);
          }
          uriByFile.set(rel.replace(/\\/g, '/'), uri);
        } catch (e) {
          problems.push({ file: rel, message: `could not be read: ${(e as Error).message}` });
        }
      }),
    );
    const { articles, problems: dupes } = dedupeArticles(loaded);
    problems.push(...dupes);
    const uris = new Map<string, vscode.Uri>();
    for (const a of articles) {
      const u = uriByFile.get(a.file);
      if (u) uris.set(a.id, u);
    }
    problems.sort((a, b) => (a.file < b.file ? -1 : 1));
    return { articles, problems, uris };
  }

  private async walk(dir: vscode.Uri, rel: string, out: { uri: vscode.Uri; rel: string }[], problems: LoadProblem[], depth = 0): Promise<void> {
    if (depth > 12 || out.length > this.maxArticles * 4) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch (e) {
      problems.push({ file: rel || dir.fsPath, message: `folder could not be read: ${(e as Error).message}` });
      return;
    }
    for (const [name, type] of entries) {
      if (name.startsWith('.')) continue;
      const childRel = rel ? `${rel}/${name}` : name;
      const child = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        // Like the core loader, never follow a symlinked folder: a link back up the
        // tree would otherwise repeat every article until the depth limit.
        if (type & vscode.FileType.SymbolicLink) continue;
        if (!SKIPPED_DIRS.has(name)) await this.walk(child, childRel, out, problems, depth + 1);
      } else if (type & vscode.FileType.File && isArticleFile(name)) {
        out.push({ uri: child, rel: childRel });
      }
    }
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    if (this.analyzeTimer) clearTimeout(this.analyzeTimer);
    this.watcher?.dispose();
    for (const d of this.disposables) d.dispose();
    for (const w of this.readyWaiters) w.reject(new Error('Crosscheck: disposed'));
    this.readyWaiters = [];
  }
}
