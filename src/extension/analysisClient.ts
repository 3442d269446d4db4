// Runs analyses in a worker_threads Worker (dist/worker.js). No `vscode` import.
// One analysis at a time; a request made while one runs supersedes any request
// still waiting (latest wins), and superseded callers get `undefined`.
import { Worker } from 'worker_threads';
import type { AnalysisResult, Article } from '../core/types';
import type { WorkerResponse } from './worker';

export interface AnalysisOutcome {
  result: AnalysisResult;
  ms: number;
}

interface Pending {
  articles: Article[];
  resolve: (r: AnalysisOutcome | undefined) => void;
  reject: (e: Error) => void;
}

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private running: (Pending & { id: number }) | undefined;
  private waiting: Pending | undefined;
  private disposed = false;

  constructor(private readonly workerPath: string, private readonly log: (line: string) => void = () => {}) {}

  /** Analyses the articles; resolves undefined when a newer request superseded this one. */
  analyze(articles: Article[]): Promise<AnalysisOutcome | undefined> {
    if (this.disposed) return Promise.reject(new Error('analysis client disposed'));
    return new Promise((resolve, reject) => {
      if (this.waiting) this.waiting.resolve(undefined);
      this.waiting = { articles, resolve, reject };
      this.pump();
    });
  }

  get busy(): boolean {
    return !!this.running || !!this.waiting;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerPath);
    w.on('message', (msg: WorkerResponse) => this.onMessage(msg));
    w.on('error', (err) => this.onCrash(err));
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = undefined;
      if (code !== 0 && this.running && !this.disposed) this.onCrash(new Error(`analysis worker exited with code ${code}`));
    });
    this.worker = w;
    return w;
  }

  private pump(): void {
    if (this.running || !this.waiting) return;
    const p = this.waiting;
    this.waiting = undefined;
    const id = this.nextId++;
    this.running = { ...p, id };
    try {
      this.ensureWorker().postMessage({ id, articles: p.articles.map((a) => ({ id: a.id, text: a.text, file: a.file, title: a.title })) });
    } catch (e) {
      this.running = undefined;
      p.reject(e as Error);
      this.pump();
    }
  }

  private onMessage(msg: WorkerResponse): void {
    const r = this.running;
    if (!r || r.id !== msg.id) return;
    this.running = undefined;
    // A newer request is already waiting: this result is stale.
    if (this.waiting) r.resolve(undefined);
    else if ('error' in msg) r.reject(new Error(msg.error));
    else r.resolve({ result: msg.result, ms: msg.ms });
    this.pump();
  }

  private onCrash(err: Error): void {
    this.log(`Analysis worker failed: ${err.message}`);
    const r = this.running;
    this.running = undefined;
    const w = this.worker;
    this.worker = undefined;
    w?.terminate().catch(() => undefined);
    r?.reject(err);
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.running?.resolve(undefined);
    this.waiting?.resolve(undefined);
    this.running = this.waiting = undefined;
    this.worker?.terminate().catch(() => undefined);
    this.worker = undefined;
  }
}
