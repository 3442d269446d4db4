// The analysis worker (dist/worker.js): runs the core engine off the extension
// host's main thread. Protocol: { id, articles } in; { id, result } or { id, error } out.
import { parentPort } from 'worker_threads';
import { CorpusAnalyzer } from '../core/incremental';
import type { AnalysisResult, Article } from '../core/types';

export interface WorkerRequest {
  id: number;
  articles: Article[];
}

export type WorkerResponse = { id: number; result: AnalysisResult; ms: number } | { id: number; error: string };

// Kept between requests: an edit re-extracts and re-compares only what changed.
const analyzer = new CorpusAnalyzer();

parentPort?.on('message', (req: WorkerRequest) => {
  const t0 = Date.now();
  try {
    const result = analyzer.analyze(req.articles);
    parentPort!.postMessage({ id: req.id, result, ms: Date.now() - t0 } satisfies WorkerResponse);
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ id: req.id, error: (err && (err.stack || err.message)) || String(e) } satisfies WorkerResponse);
  }
});
