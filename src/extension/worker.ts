// The analysis worker (dist/worker.js): runs the core engine off the extension
// host's main thread. Protocol (types below): an `init` message hands over a
// shared cancellation flag; `{ id, articles }` asks for an analysis. The result
// comes back in chunks of at most CHUNK items per array, then a final
// `{ id, result, ms }`, with span texts emptied where they are slices of the
// articles (the client restores them); each message is sent only when the client asks for the
// next one (`{ type: 'next' }`), so the main thread handles one small message
// per event-loop turn and is never blocked by one huge result. Setting the
// flag to a request's id (or higher) cancels it: the worker answers
// `{ id, cancelled }` within milliseconds and keeps its caches.
// Two-phase updates: a request with `preview: true` first gets a quick result
// (CorpusAnalyzer.preview: only the edited articles aligned, against the frozen
// index of the last exact run), chunked the same way and ended by
// `{ id, preview, ms }`; the client's next `next` after that starts the exact
// run, whose result ends with `{ id, result, ms }` as usual. A newer request
// drops the pending exact run. Without a preview (first run, nothing edited)
// the exact result comes alone.
import { parentPort } from 'worker_threads';
import { AnalysisCancelled } from '../core/align';
import { CorpusAnalyzer } from '../core/incremental';
import type { AnalysisResult, Article } from '../core/types';

/** Items per chunk message (each deserialises in a few milliseconds). */
export const CHUNK = 500;

/** The arrays of an AnalysisResult that are sent in chunks. */
export const CHUNKED_FIELDS = ['articles', 'quotes', 'matches', 'clusters'] as const;

/** A chunked field's name. */
export type ChunkedField = (typeof CHUNKED_FIELDS)[number];

/** Messages to the worker. */
export type WorkerRequest = { type: 'init'; cancel: SharedArrayBuffer } | { type: 'analyze'; id: number; articles: SentArticle[]; preview?: boolean } | { type: 'next' };

/**
 * An article of an analyze request: in full, or only its id when the worker got
 * the same id, text, file and title in the previous request (an edit of one
 * article of thousands then copies one text to the worker, not all of them).
 */
export type SentArticle = Article | { id: string; known: true };

/** Messages from the worker. */
export type WorkerResponse =
  | { id: number; chunk: { field: ChunkedField; items: unknown[] } }
  | { id: number; result: AnalysisResult; ms: number }
  | { id: number; preview: AnalysisResult; ms: number }
  | { id: number; cancelled: true }
  | { id: number; error: string };

// Kept between requests: an edit re-extracts and re-compares only what changed.
const analyzer = new CorpusAnalyzer();
/** The articles of the previous request, by id (requests name unchanged ones by id only). */
let known = new Map<string, Article>();
let cancelFlag: Int32Array | undefined;

/** Messages of the current result not yet sent (the client pulls them one by one). */
let outbox: WorkerResponse[] = [];
/** The exact run after a preview, started by the client's `next` once the preview is sent. */
let pendingExact: (() => void) | undefined;

function post(msg: WorkerResponse): void {
  parentPort!.postMessage(msg);
}

/** Sends the next queued message of the current result. */
function sendNext(): void {
  const msg = outbox.shift();
  if (msg) return post(msg);
  const exact = pendingExact;
  pendingExact = undefined;
  exact?.();
}

/** Empties a span's text when it is exactly its article's slice (the client slices it back: compact messages, shared strings, same key order). */
function compactSpan(span: { article: string; start: number; end: number; text: string }, texts: Map<string, string>): void {
  if (span.text && texts.get(span.article)?.slice(span.start, span.end) === span.text) span.text = '';
}

/**
 * Compacts the result in place (its objects are fresh from this analysis; no
 * cache holds them): quote, match side and cluster member texts that the client
 * can slice from its articles are emptied.
 */
function compactResult(result: AnalysisResult, articles: Article[]): AnalysisResult {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  for (const q of result.quotes) compactSpan(q, texts);
  for (const m of result.matches) {
    compactSpan(m.a, texts);
    compactSpan(m.b, texts);
  }
  for (const c of result.clusters) for (const s of c.members) compactSpan(s, texts);
  return result;
}

/** Queues the result's big arrays in chunks, then the rest, and sends the first message. */
function sendResult(id: number, result: AnalysisResult, ms: number, preview = false): void {
  const rest = { ...result } as AnalysisResult;
  outbox = [];
  for (const field of CHUNKED_FIELDS) {
    const list = (result[field] ?? []) as unknown[];
    for (let i = 0; i < list.length; i += CHUNK) outbox.push({ id, chunk: { field, items: list.slice(i, i + CHUNK) } });
    (rest as unknown as Record<string, unknown[]>)[field] = [];
  }
  outbox.push(preview ? { id, preview: rest, ms } : { id, result: rest, ms });
  sendNext();
}

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.type === 'init') {
    cancelFlag = new Int32Array(req.cancel);
    return;
  }
  if (req.type === 'next') return sendNext();
  outbox = []; // a new request: the rest of an older result is never wanted
  pendingExact = undefined;
  const t0 = Date.now();
  // rebuilt first, before any early return: the client assumes the worker holds this request's articles
  const articles: Article[] = [];
  const missing: string[] = [];
  for (const a of req.articles) {
    const full = 'known' in a ? known.get(a.id) : a;
    if (full) articles.push(full);
    else missing.push(a.id);
  }
  known = new Map(articles.map((a) => [a.id, a]));
  if (missing.length) return post({ id: req.id, error: `analysis worker: article(s) sent by id only but not held: ${missing.slice(0, 3).join(', ')}` });
  const isCancelled = () => !!cancelFlag && Atomics.load(cancelFlag, 0) >= req.id;
  const run = (phase: 'preview' | 'exact') => {
    try {
      if (isCancelled()) return post({ id: req.id, cancelled: true });
      if (phase === 'preview') {
        const preview = analyzer.preview(articles, { align: { isCancelled } });
        if (preview) {
          pendingExact = () => run('exact');
          return sendResult(req.id, compactResult(preview, articles), Date.now() - t0, true);
        }
      }
      const result = analyzer.analyze(articles, { align: { isCancelled } });
      sendResult(req.id, compactResult(result, articles), Date.now() - t0);
    } catch (e) {
      if (e instanceof AnalysisCancelled) return post({ id: req.id, cancelled: true });
      const err = e as Error;
      post({ id: req.id, error: (err && (err.stack || err.message)) || String(e) });
    }
  };
  run(req.preview ? 'preview' : 'exact');
});
