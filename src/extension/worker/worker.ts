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
// Deltas: every final message carries a `tag` naming its result. A request
// names in `base` the tag of the last result the client holds in full; when
// that is the last result this worker posted, the next result goes as a delta
// against it, unless most items changed (resultDelta.ts: copy-runs plus the changed items, sent in chunks
// as above when there are more than CHUNK of them, else inline), ended by
// `{ id, delta, base, tag, ms, phase }`. The
// exact phase after a preview is a delta against that preview (the client
// pulls the exact run only once it holds the preview). Anything else (first
// request, a base the worker no longer has) gets the full result.
import { parentPort } from 'worker_threads';
import { AnalysisCancelled } from '../../core/align/align';
import { CorpusAnalyzer } from '../../core/pipeline/incremental';
import type { AnalysisResult, Article } from '../../core/types';
import { CHUNK, CHUNKED_FIELDS, type ChunkedField, type SentArticle, type WorkerRequest, type WorkerResponse } from './messages';
import { deltaPays, deltaSize, diffResults, emptied } from './resultDelta';
import { compactItem } from './transport';

// Kept between requests: an edit re-extracts and re-compares only what changed.
const analyzer = new CorpusAnalyzer();
/** The articles of the previous request, by id (requests name unchanged ones by id only). */
let known = new Map<string, Article>();
/** Articles sent ahead for the request with this id (parts of an older request are dropped). */
let ahead: { id: number; articles: SentArticle[] } | undefined;
let cancelFlag: Int32Array | undefined;

/** A queued message: a chunk of a result array (compacted when it is sent), or a result's final message. */
type Queued = { field: ChunkedField; items: unknown[] } | { final: WorkerResponse; tag: number; result: AnalysisResult };

/** Messages of the current result not yet sent (the client pulls them one by one). */
let outbox: Queued[] = [];
/** The id of the request the outbox belongs to (its articles are `known`, whose texts compact span texts). */
let outboxId = 0;
/** The exact run after a preview, started by the client's `next` once the preview is sent. */
let pendingExact: (() => void) | undefined;
/** The last result whose final message was posted, with its tag (what a delta is taken against). */
let posted: { tag: number; result: AnalysisResult } | undefined;
/** The tag of the result the client holds in full, as far as this worker knows. */
let clientHolds: number | undefined;

function post(msg: WorkerResponse): void {
  parentPort!.postMessage(msg);
}

/** Sends the next queued message of the current result. */
function sendNext(): void {
  const msg = outbox.shift();
  if (msg && 'field' in msg) return post({ id: outboxId, chunk: { field: msg.field, items: msg.items.map((item) => compactItem(msg.field, item, textOf)) } });
  if (msg) {
    post(msg.final);
    // sent after every chunk: the client holds this result once it receives it
    posted = { tag: msg.tag, result: msg.result };
    clientHolds = msg.tag;
    return;
  }
  const exact = pendingExact;
  pendingExact = undefined;
  exact?.();
}

/** The text of an article of the current request (what compacts span texts). */
function textOf(article: string): string | undefined {
  return known.get(article)?.text;
}

/** Queues arrays in chunks of at most CHUNK items. */
function queueChunks(arrays: Record<ChunkedField, readonly unknown[]>): void {
  for (const field of CHUNKED_FIELDS) {
    const list = arrays[field] ?? [];
    for (let i = 0; i < list.length; i += CHUNK) outbox.push({ field, items: list.slice(i, i + CHUNK) });
  }
}

/**
 * Queues a result (as a delta when the client holds the last result posted,
 * else in full), its arrays in chunks, then the final message, and sends the first message.
 */
function sendResult(id: number, result: AnalysisResult, ms: number, phase: 'preview' | 'exact'): void {
  outbox = [];
  outboxId = id;
  const tag = id * 2 + (phase === 'exact' ? 1 : 0);
  const base = posted && posted.tag === clientHolds ? posted : undefined;
  // a delta when the client holds the base and most items are unchanged (not, e.g., for another corpus)
  const delta = base && diffResults(base.result, result);
  let final: WorkerResponse;
  if (base && delta && deltaPays(delta)) {
    // a small delta (the usual edit) goes in one message; a big one sends its new items in chunks first
    const inline = deltaSize(delta) <= CHUNK;
    if (!inline) queueChunks({ articles: delta.articles.items, quotes: delta.quotes.items, matches: delta.matches.items, clusters: delta.clusters.items });
    const bare = { ...delta };
    for (const field of CHUNKED_FIELDS) {
      const items = inline ? delta[field].items.map((item) => compactItem(field, item, textOf)) : [];
      (bare as unknown as Record<string, unknown>)[field] = { ops: delta[field].ops, items };
    }
    final = { id, delta: bare, base: base.tag, tag, ms, phase };
  } else {
    queueChunks(result);
    final = phase === 'preview' ? { id, preview: emptied(result), ms, tag } : { id, result: emptied(result), ms, tag };
  }
  outbox.push({ final, tag, result });
  sendNext();
}

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.type === 'init') {
    cancelFlag = new Int32Array(req.cancel);
    return;
  }
  if (req.type === 'next') return sendNext();
  if (req.type === 'articles') {
    if (ahead?.id !== req.id) ahead = { id: req.id, articles: [] };
    for (const a of req.articles) ahead.articles.push(a);
    return;
  }
  const sentArticles = ahead?.id === req.id ? ahead.articles.concat(req.articles) : req.articles;
  ahead = undefined;
  outbox = []; // a new request: the rest of an older result is never wanted
  pendingExact = undefined;
  clientHolds = req.base;
  const t0 = Date.now();
  // rebuilt first, before any early return: the client assumes the worker holds this request's articles
  const articles: Article[] = [];
  const missing: string[] = [];
  for (const a of sentArticles) {
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
          return sendResult(req.id, preview, Date.now() - t0, 'preview');
        }
      }
      const result = analyzer.analyze(articles, { align: { isCancelled } });
      sendResult(req.id, result, Date.now() - t0, 'exact');
    } catch (e) {
      if (e instanceof AnalysisCancelled) return post({ id: req.id, cancelled: true });
      const err = e as Error;
      post({ id: req.id, error: (err && (err.stack || err.message)) || String(e) });
    }
  };
  run(req.preview ? 'preview' : 'exact');
});
