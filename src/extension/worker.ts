// The analysis worker (dist/worker.js): runs the core engine off the extension
// host's main thread. Protocol: { id, articles } in; { id, result } or { id, error } out.
import { parentPort } from 'worker_threads';
import { analyzeCorpus } from '../core/analyze';
import type { AnalysisResult, Article } from '../core/types';

export interface WorkerRequest {
  id: number;
  articles: Article[];
}

export type WorkerResponse = { id: number; result: AnalysisResult; ms: number } | { id: number; error: string };

parentPort?.on('message', (req: WorkerRequest) => {
  const t0 = Date.now();
  try {
    const result = analyzeCorpus(req.articles);
    parentPort!.postMessage({ id: req.id, result, ms: Date.now() - t0 } satisfies WorkerResponse);
  } catch (e) {
    const err = e as Error;
    parentPort!.postMessage({ id: req.id, error: (err && (err.stack || err.message)) || String(e) } satisfies WorkerResponse);
  }
});
