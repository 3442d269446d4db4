// Runs analyses in a worker_threads Worker (dist/worker.js). No `vscode` import.
// One analysis at a time. A new request cancels the running one (the worker
// stops within milliseconds through a shared flag and keeps its caches) and
// supersedes any request still waiting: latest wins, superseded callers get
// `undefined`. A worker that crashes is reported once, replaced by a fresh
// one, and its request fails with a WorkerCrashed error; the caller keeps its
// last good results. A worker that does not stop when cancelled is terminated.
// After the first full result the worker sends deltas (resultDelta.ts) against
// the result this client holds in full (`held`, named by its tag); the client
// rebuilds each new result from the held one in slices, without changing it.
import { Worker } from 'worker_threads';
import { analysisInputOf } from '../../core/meta/labels';
import type { AnalysisResult, Article } from '../../core/types';
import type { IDisposable } from '../dispose';
import type { SentArticle, WorkerRequest, WorkerResponse } from './messages';
import { ReceivedResults } from './receivedResults';
import { addChunk, type AnalysisOutcome, type Pending, type Running } from './request';
import { batchArticles, POST_BATCH_CHARS } from './transport';

/** The error a request fails with when the worker crashed while running it (already logged once). */
export class WorkerCrashed extends Error {
  /** The crash was already written to the log. */
  readonly reported = true;
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashed';
  }
}

/** Tuning, for tests. */
export interface AnalysisClientOptions {
  /** A cancelled worker that has not answered after this long is terminated (ms). */
  cancelGraceMs?: number;
  /** Characters of article text per message when a big request is posted in parts (default POST_BATCH_CHARS). */
  postBatchChars?: number;
}

/** Runs analyses in a worker thread, one at a time, latest request wins; see the module comment. */
export class AnalysisClient implements IDisposable {
  private worker: Worker | undefined;
  private cancelFlag: Int32Array | undefined;
  private nextId = 1;
  private running: Running | undefined;
  private waiting: Pending | undefined;
  private disposed = false;
  /** The articles of the last request posted to the current worker, by id. */
  private sent = new Map<string, Article>();
  /** The results received from the current worker (the base of its deltas). */
  private received = new ReceivedResults();
  /** A finished request whose result is being rebuilt from a delta (a newer request makes it stale). */
  private delivering: Running | undefined;
  private readonly cancelGraceMs: number;
  private readonly postBatchChars: number;
  /** Worker crashes so far (each reported once). */
  crashes = 0;
  /** Analyses stopped by cancellation before they finished. */
  cancelled = 0;

  constructor(private readonly workerPath: string, private readonly log: (line: string) => void = () => {}, options: AnalysisClientOptions = {}) {
    this.cancelGraceMs = options.cancelGraceMs ?? 3000;
    this.postBatchChars = options.postBatchChars ?? POST_BATCH_CHARS;
  }

  /**
   * Analyses the articles; resolves undefined when a newer request superseded this one.
   * With `onPreview`, an update after an edit is two-phase: `onPreview` first gets a
   * quick result (the edited articles aligned against the last exact run's frozen
   * index), then the promise resolves with the exact result, as without it.
   */
  analyze(articles: Article[], onPreview?: (outcome: AnalysisOutcome) => void): Promise<AnalysisOutcome | undefined> {
    if (this.disposed) return Promise.reject(new Error('analysis client disposed'));
    return new Promise((resolve, reject) => {
      if (this.waiting) this.waiting.resolve(undefined);
      this.waiting = { articles, resolve, reject, onPreview };
      this.cancelRunning();
      this.pump();
    });
  }

  /** Stops the running analysis (if any) and drops the waiting one; both resolve undefined. */
  cancel(): void {
    this.waiting?.resolve(undefined);
    this.waiting = undefined;
    this.cancelRunning();
  }

  /** Results that arrived as deltas (for tests and the bench). */
  get deltas(): number {
    return this.received.deltas;
  }

  /** Whether an analysis is running or waiting. */
  get busy(): boolean {
    return !!this.running || !!this.waiting;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.workerPath);
    this.sent = new Map(); // a new worker holds no articles yet
    this.received.forget(); // nor results
    const cancel = new SharedArrayBuffer(4);
    w.postMessage({ type: 'init', cancel } satisfies WorkerRequest);
    w.on('message', (msg: WorkerResponse) => this.onMessage(w, msg));
    w.on('error', (err) => this.onCrash(w, err));
    w.on('messageerror', (err) => this.onCrash(w, err));
    w.on('exit', (code) => this.onCrash(w, new Error(`analysis worker exited with code ${code}`)));
    this.worker = w;
    this.cancelFlag = new Int32Array(cancel);
    return w;
  }

  private cancelRunning(): void {
    if (this.delivering) this.delivering.cancelled = true;
    const r = this.running;
    if (!r || r.cancelled) return;
    r.cancelled = true;
    if (r.posting) {
      // the worker never got the request's `analyze` message: nothing to stop there (it drops the parts on the next request)
      this.finish(r);
      r.resolve(undefined);
      queueMicrotask(() => this.pump());
      return;
    }
    if (r.receiving) {
      // the analysis is done; stop pulling its result (the worker drops it on the next request)
      this.finish(r);
      r.resolve(undefined);
      queueMicrotask(() => this.pump());
      return;
    }
    if (this.cancelFlag && r.worker === this.worker) Atomics.store(this.cancelFlag, 0, r.id);
    // a worker stuck outside a cancellation point is replaced
    r.killTimer = setTimeout(() => {
      if (this.running !== r) return;
      this.log('Analysis worker did not stop when cancelled; restarting it.');
      this.finish(r);
      this.replaceWorker(r.worker);
      r.resolve(undefined);
      this.pump();
    }, this.cancelGraceMs);
  }

  private pump(): void {
    if (this.running || !this.waiting || this.disposed) return;
    const p = this.waiting;
    this.waiting = undefined;
    // front matter is never analysed: the engine gets it blanked (same length, so offsets still match the document)
    const inputs = p.articles.map(analysisInputOf);
    const id = this.nextId++;
    try {
      const worker = this.ensureWorker();
      this.running = { ...p, id, worker, cancelled: false, receiving: false, parts: {} };
      // articles the worker already holds unchanged go by id only (no copy of their text)
      const articles: SentArticle[] = inputs.map((a) => {
        const old = this.sent.get(a.id);
        return old && old.text === a.text && old.file === a.file && old.title === a.title ? { id: a.id, known: true } : { id: a.id, text: a.text, file: a.file, title: a.title };
      });
      const batches = batchArticles(articles, this.postBatchChars);
      const running = this.running;
      const postFinal = () => {
        running.posting = false;
        worker.postMessage({ type: 'analyze', id, articles: batches[batches.length - 1], preview: !!p.onPreview, base: this.received.heldTag } satisfies WorkerRequest);
        this.sent = new Map(inputs.map((a) => [a.id, a]));
      };
      if (batches.length === 1) return postFinal();
      // a big corpus goes in parts, one per event-loop turn: one structured clone of 25–45 MB would block the main thread 40–60 ms
      running.posting = true;
      const postPart = (k: number) => {
        if (this.running !== running || running.cancelled || running.worker !== this.worker) return; // cancelled, crashed or disposed meanwhile
        try {
          if (k === batches.length - 1) return postFinal();
          worker.postMessage({ type: 'articles', id, articles: batches[k] } satisfies WorkerRequest);
          setImmediate(() => postPart(k + 1));
        } catch (e) {
          this.finish(running);
          running.reject(e as Error);
          this.pump();
        }
      };
      postPart(0);
    } catch (e) {
      this.running = undefined;
      p.reject(e as Error);
      this.pump();
    }
  }

  private finish(r: Running): void {
    if (r.killTimer) clearTimeout(r.killTimer);
    if (this.running === r) this.running = undefined;
  }

  private onMessage(w: Worker, msg: WorkerResponse): void {
    const r = this.running;
    if (!r || r.worker !== w || r.id !== msg.id) return;
    const previewDone = 'preview' in msg || ('delta' in msg && msg.phase === 'preview');
    if (r.cancelled && ('chunk' in msg || previewDone)) {
      // cancelled, but the worker finished (a phase) before it saw the flag: it drops the rest on the next request
      if (previewDone) void this.received.receive(r, msg).catch(() => undefined); // still held: the worker takes the next delta against it
      this.finish(r);
      r.resolve(undefined);
      this.pump();
      return;
    }
    if ('chunk' in msg) {
      r.receiving = true;
      addChunk(r, msg.chunk.field, msg.chunk.items);
      // pull the next message on a later turn of the event loop, so other work runs in between
      setImmediate(() => {
        if (this.running === r && !r.cancelled) w.postMessage({ type: 'next' } satisfies WorkerRequest);
      });
      return;
    }
    if (previewDone) {
      const result = this.received.receive(r, msg);
      // the exact phase follows: its chunks start a new result
      r.receiving = false;
      r.parts = {};
      // the exact run starts once the preview is rebuilt (it would compete with the rebuild for the CPU), just
      // before the preview is handed over; it starts even when cancelled meanwhile, so the worker answers `cancelled` at once
      const startExact = () => {
        if (this.running === r) w.postMessage({ type: 'next' } satisfies WorkerRequest);
      };
      result.then(
        (full) => {
          startExact();
          if (this.running === r && !r.cancelled) r.onPreview?.({ result: full, ms: msg.ms });
        },
        startExact, // the exact phase's delta then fails on the same base and reports it
      );
      return;
    }
    this.finish(r);
    if ('cancelled' in msg) {
      this.cancelled++;
      r.resolve(undefined);
    } else if ('error' in msg) {
      this.sent = new Map(); // whatever went wrong, the next request sends every article in full
      if (r.cancelled || this.waiting) r.resolve(undefined);
      else r.reject(new Error(msg.error));
    } else {
      const result = this.received.receive(r, msg);
      if (r.cancelled || this.waiting) r.resolve(undefined); // finished, but a newer request is waiting: stale
      else this.deliver(r, result, msg.ms);
    }
    this.pump();
  }

  /** Resolves a finished request once its result is rebuilt, unless a newer request made it stale meanwhile. */
  private deliver(r: Running, result: Promise<AnalysisResult>, ms: number): void {
    this.delivering = r;
    result.then(
      (full) => r.resolve(r.cancelled ? undefined : { result: full, ms }),
      (e: Error) => (r.cancelled ? r.resolve(undefined) : r.reject(e)),
    ).finally(() => {
      if (this.delivering === r) this.delivering = undefined;
    });
  }

  private replaceWorker(w: Worker): void {
    if (this.worker === w) {
      this.worker = undefined;
      this.cancelFlag = undefined;
    }
    w.removeAllListeners();
    w.on('error', () => undefined);
    w.terminate().catch(() => undefined);
  }

  private onCrash(w: Worker, err: Error): void {
    if (this.disposed || w !== this.worker) return; // a worker we already replaced or terminated
    this.crashes++;
    const r = this.running && this.running.worker === w ? this.running : undefined;
    this.replaceWorker(w);
    this.log(`Analysis worker crashed${r ? ' during an analysis' : ''}: ${err.message}. It was restarted; the last results stay in use.`);
    if (r) {
      this.finish(r);
      if (r.cancelled) r.resolve(undefined);
      else r.reject(new WorkerCrashed(`analysis worker crashed: ${err.message}`));
    }
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    if (this.delivering) this.delivering.cancelled = true;
    const r = this.running;
    if (r) this.finish(r);
    r?.resolve(undefined);
    this.waiting?.resolve(undefined);
    this.waiting = undefined;
    if (this.worker) this.replaceWorker(this.worker);
  }
}
