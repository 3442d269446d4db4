// The bench's child modes, each run by bench.js in a fresh process of its own:
//   --child <folder>             the extension's path: analysis in the worker, view model on the main thread
//   --child <folder> --stats     analyzeCorpus in-thread, printing the alignment counters (AlignStats)
//   --child <folder> --delivery  updates after edits through the worker (interactive.ts)
import { spawnSync } from 'child_process';
import * as path from 'path';
import { monitorEventLoopDelay, performance } from 'perf_hooks';
import { analyzeCorpus } from '../src/core/pipeline/analyze';
import { loadCorpus } from '../src/core/io/corpus';
import type { AlignStats } from '../src/core/align/align';
import type { Article } from '../src/core/types';
import { AnalysisClient } from '../src/extension/worker/analysisClient';
import { CorpusComputer } from '../src/extension/view/corpusComputer';
import { runSliced } from '../src/extension/view/slicing';
import { measureDelivery } from './interactive';
import { ROOT, type Skipped } from './processes';
import type { WorkerRow } from './table';

const SEEDS = path.join(ROOT, 'seeds');

/** Every article file of a folder (no cap). */
export function loadArticles(folder: string): Article[] {
  return loadCorpus(folder, { maxFiles: Number.MAX_SAFE_INTEGER }).articles;
}

/**
 * Child mode: a fresh process loads the folder and analyses it the way the
 * extension host does: in the analysis worker, while a 5 ms ticker on the main
 * thread records the longest block (receiving the chunked result and building
 * the view model included). Prints timings and memory as JSON.
 */
async function childWorker(folder: string): Promise<void> {
  const workerPath = path.join(ROOT, 'dist', 'worker.js');
  const client = new AnalysisClient(workerPath);
  await client.analyze(loadArticles(SEEDS)); // warm up the worker: WordNet index, JIT
  const articles = loadArticles(folder);
  if (global.gc) global.gc();
  const rssBefore = process.memoryUsage().rss;
  const h = monitorEventLoopDelay({ resolution: 5 });
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 5);
  h.enable();
  const t0 = performance.now();
  const outcome = await client.analyze(articles);
  if (!outcome) throw new Error('analysis superseded');
  // what the extension host does on a new result: the view model, built in slices
  // (CorpusManager.publish), then the Problems-panel diagnostics, also in slices
  // (DiagnosticsManager), and the status bar text
  const t1 = performance.now();
  const computer = await CorpusComputer.build(outcome.result, articles);
  await runSliced(computer.diagnosticSteps());
  computer.statusText();
  const computerMs = performance.now() - t1;
  const roundTripMs = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(ticker);
  h.disable();
  client.dispose();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const result = outcome.result;
  process.stdout.write(
    JSON.stringify({ ms: outcome.ms, roundTripMs, rssBefore, maxRss, matches: result.matches.length, clusters: result.clusters.length, blockMs: Math.max(0, longest - 5), loopMaxMs: h.max / 1e6, computerMs }) + '\n',
  );
}

/** Child mode with --stats: analyzeCorpus in this thread, printing the alignment counters. */
function childStats(folder: string): void {
  const articles = loadArticles(folder);
  const stats = {} as AlignStats;
  const t0 = performance.now();
  analyzeCorpus(articles, { stats });
  process.stdout.write(JSON.stringify({ ms: performance.now() - t0, stats }) + '\n');
}

/** Child mode with --delivery: measureDelivery on the folder's articles, printed as JSON. */
async function childDelivery(folder: string): Promise<void> {
  process.stdout.write(JSON.stringify(await measureDelivery(loadArticles(folder))) + '\n');
}

/** Runs the child mode the arguments ask for. */
export function runChild(folder: string, mode: { stats?: boolean; delivery?: boolean }): Promise<void> | void {
  return mode.stats ? childStats(folder) : mode.delivery ? childDelivery(folder) : childWorker(folder);
}

/** The extension's path on a folder, in a fresh process (the worker child). */
export function measureWorker(folder: string): WorkerRow | Skipped {
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', folder], { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 30 * 60_000 });
  if (r.status !== 0) return { skipped: `worker run failed (${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-2).join(' ').slice(0, 200)}` };
  const out = JSON.parse(r.stdout.trim().split('\n').pop()!);
  return { ms: out.ms, blockMs: out.blockMs, loopMaxMs: out.loopMaxMs, computerMs: out.computerMs, maxRss: out.maxRss, matches: out.matches };
}
