// The editor-side measures of the benchmark, on one case's articles: the update after one
// edited article (in the engine, and through the real worker until the main thread has the
// result, its view model and the edited article's hovers made ahead), and hover look-up
// latency on the view model: a first look-up, and one after the article's hovers were made
// ahead as the extension makes them for the articles shown in editors.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { performance } from 'perf_hooks';
import { CorpusAnalyzer } from '../src/core/pipeline/incremental';
import type { AlignStats } from '../src/core/align/align';
import type { AnalysisResult, Article, ArticleInput } from '../src/core/types';
import { AnalysisClient } from '../src/extension/worker/analysisClient';
import { CorpusComputer } from '../src/extension/view/corpusComputer';
import { runSliced } from '../src/extension/view/slicing';
import { makeRandom } from './corpus';
import { ROOT } from './processes';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** Update timings (ms): phase 1 (preview) and exact, medians of the last 5 edits and the first edit. */
export interface UpdateTimes {
  size: number;
  /** Edit → phase-1 (preview) result. */
  previewMs: number;
  previewFirstMs: number;
  /** Edit → exact result (the preview, then the exact run, as the worker does them). */
  exactMs: number;
  exactFirstMs: number;
  /** compareTexts calls per edit (both phases). */
  compared: number;
  /** Edits whose preview had matches of the edited article's added sentence. */
  reflected: number;
  edits: number;
  /** The same edits through the real worker and AnalysisClient, until each result is on the main thread (medians of the last 5). */
  delivered?: Delivered;
}

/** Update timings through the real worker, on the main thread (ms, medians of the last 5 of 8 edits). */
export interface Delivered {
  /** Two-phase (as CorpusManager does it): edit → preview result on the main thread. */
  previewMs: number;
  /** Edit → the preview's view model (CorpusComputer) built. */
  previewViewMs: number;
  /** Edit → exact result on the main thread (after the preview). */
  exactMs: number;
  /** Edit → the exact result's view model built. */
  exactViewMs: number;
  /** Exact only (no preview asked): edit → exact result, and its view model. */
  exactOnlyMs: number;
  exactOnlyViewMs: number;
  /** Results that came as deltas, of all results delivered after the first. */
  deltas: number;
  results: number;
  /** Edit → the edited article's hovers made ahead (in slices, after the exact view model, as the extension does for a visible editor). */
  hoversAheadMs: number;
  /** Longest main-thread block during the updates (5 ms ticker), making the edited article's hovers ahead included. */
  blockMs: number;
}

/**
 * Time until results after an edit reach the main thread through dist/worker.js and
 * AnalysisClient (deltas or chunks, rebuilt on the main thread), and until their view
 * model (CorpusComputer.build, in slices) is ready, 8 edits each, medians of the last 5:
 * two-phase as CorpusManager does it (the preview's view model is built as soon as it
 * arrives and dropped if the exact result comes first), and exact only.
 */
export async function measureDelivery(articles: Article[]): Promise<Delivered> {
  const median5 = (times: number[]) => times.slice(3).sort((x, y) => x - y)[2];
  let longest = 0;
  const run = async (twoPhase: boolean) => {
    const client = new AnalysisClient(path.join(ROOT, 'dist', 'worker.js'));
    try {
      let current = articles;
      await client.analyze(current);
      const rnd = makeRandom(99);
      const times = { preview: [] as number[], previewView: [] as number[], exact: [] as number[], exactView: [] as number[], ahead: [] as number[] };
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last - 5);
        last = now;
      }, 5);
      for (let k = 0; k < 8; k++) {
        const i = Math.floor(rnd() * current.length);
        current = current.slice();
        current[i] = { ...current[i], text: `${current[i].text}\n\nThe ministry declined to comment on the report on Tuesday evening.\n` };
        const edited = current;
        let seq = 0; // as CorpusManager.publish: a newer result drops an older view-model build
        const t0 = performance.now();
        let tp = NaN;
        let tpv = NaN;
        let previewBuild: Promise<void> | undefined;
        const onPreview = (o: { result: AnalysisResult }) => {
          tp = performance.now() - t0;
          const mine = ++seq;
          previewBuild = CorpusComputer.build(o.result, edited, {}, undefined, () => mine !== seq).then(() => {
            if (mine === seq) tpv = performance.now() - t0;
          });
        };
        const outcome = await client.analyze(edited, twoPhase ? onPreview : undefined);
        if (!outcome) throw new Error('update superseded in the bench');
        times.exact.push(performance.now() - t0);
        const mine = ++seq;
        const view = await CorpusComputer.build(outcome.result, edited, {}, undefined, () => mine !== seq);
        times.exactView.push(performance.now() - t0);
        await runSliced(view.hoverWarmSteps(edited[i].id)); // the edited article's editor is visible
        times.ahead.push(performance.now() - t0);
        await previewBuild;
        times.preview.push(tp);
        times.previewView.push(tpv);
      }
      clearInterval(ticker);
      return { preview: median5(times.preview), previewView: median5(times.previewView), exact: median5(times.exact), exactView: median5(times.exactView), ahead: median5(times.ahead), deltas: client.deltas };
    } finally {
      client.dispose();
    }
  };
  const two = await run(true);
  const one = await run(false);
  return {
    previewMs: two.preview,
    previewViewMs: two.previewView,
    exactMs: two.exact,
    exactViewMs: two.exactView,
    exactOnlyMs: one.exact,
    exactOnlyViewMs: one.exactView,
    deltas: two.deltas + one.deltas,
    results: 8 * 2 + 8,
    hoversAheadMs: two.ahead,
    blockMs: longest,
  };
}

/**
 * measureDelivery in a fresh process on a folder's articles: its main thread holds
 * what the extension host's does (articles, results, view models), not the bench's
 * in-process analyses, so its garbage collections and longest block are the host's.
 */
export function measureDeliveryProcess(folder: string): Delivered {
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', folder, '--delivery'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`delivery process failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/**
 * Time to new results after one article of the corpus is edited: 8 edits in a row
 * on one analyzer (as the long-lived worker does), each a two-phase update: the
 * preview (phase 1), then the exact run (phase 2). Medians of the last 5 (once
 * the engine's JIT has seen an update) and the first edit's times.
 */
export function measureUpdate(corpus: ArticleInput[]): Omit<UpdateTimes, 'size'> & { result: AnalysisResult; corpus: ArticleInput[] } {
  const analyzer = new CorpusAnalyzer();
  let result = analyzer.analyze(corpus);
  const rnd = makeRandom(99);
  const previewTimes: number[] = [];
  const exactTimes: number[] = [];
  let compared = 0;
  let reflected = 0;
  let current = corpus;
  const added = 'The ministry declined to comment on the report on Tuesday evening.';
  const edits = 8;
  for (let k = 0; k < edits; k++) {
    const i = Math.floor(rnd() * current.length);
    const edited = current.slice();
    const text = edited[i].text.replace(/\b(\d+)\b/, (n) => String(Number(n) + 7)) + `\n\n${added}\n`;
    edited[i] = { ...edited[i], text };
    const stats = {} as AlignStats;
    const t0 = performance.now();
    const preview = analyzer.preview(edited);
    const t1 = performance.now();
    result = analyzer.analyze(edited, { stats });
    const t2 = performance.now();
    if (!preview) throw new Error('no preview after an edit');
    const at = text.lastIndexOf(added);
    if (preview.matches.some((m) => [m.a, m.b].some((s) => s.article === edited[i].id && s.start === at))) reflected++;
    previewTimes.push(t1 - t0);
    exactTimes.push(t2 - t0);
    compared += stats.compared;
    current = edited;
  }
  const median5 = (times: number[]) => times.slice(3).sort((x, y) => x - y)[2];
  return { previewMs: median5(previewTimes), previewFirstMs: previewTimes[0], exactMs: median5(exactTimes), exactFirstMs: exactTimes[0], compared: compared / edits, reflected, edits, result, corpus: current };
}

/** Hover look-up latency (ms) over 2,000 look-ups. */
export interface HoverTimes {
  /** Look-ups after the article's hovers were made ahead (as for an article shown in an editor). */
  median: number;
  p95: number;
  /** First look-ups on a view model that made nothing ahead (what a hover costs before or without that). */
  coldMedian: number;
  coldP95: number;
  /** Making one article's hovers ahead (ms of steps, run back to back): median and p95 over the articles hovered. */
  aheadMedian: number;
  aheadP95: number;
  /** Longest single step of it (the most a slice runs over its budget). */
  aheadStepMax: number;
  /** Look-ups that found a hover. */
  hits: number;
}

/**
 * Hover look-up latency: random positions in random articles (most inside a highlight),
 * first on a view model that made nothing ahead, then on one that made each article's
 * hovers ahead (timed apart) before its first look-up there, as the extension does for
 * the articles shown in editors.
 */
export function measureHover(result: AnalysisResult, corpus: ArticleInput[]): HoverTimes {
  const articles = corpus.map((a) => ({ ...a, file: a.id, title: '' })) as Article[];
  const cold = new CorpusComputer(result, articles);
  const rnd = makeRandom(7);
  const picks: { article: string; offset: number }[] = [];
  for (let k = 0; k < 2000; k++) {
    const a = articles[Math.floor(rnd() * articles.length)];
    const spans = cold.highlightsFor(a.id);
    picks.push({ article: a.id, offset: spans.length && rnd() < 0.8 ? spans[Math.floor(rnd() * spans.length)].start + 3 : Math.floor(rnd() * a.text.length) });
  }
  const lookUp = (computer: CorpusComputer, p: { article: string; offset: number }) => {
    const t0 = performance.now();
    const hover = computer.hoverMarkdown(p.article, p.offset);
    return { ms: performance.now() - t0, hit: !!hover };
  };
  const coldTimes = picks.map((p) => lookUp(cold, p).ms);
  const warm = new CorpusComputer(result, articles);
  const made = new Set<string>();
  const ahead: number[] = [];
  let stepMax = 0;
  let hits = 0;
  const times = picks.map((p) => {
    if (!made.has(p.article)) {
      made.add(p.article);
      let total = 0;
      const steps = warm.hoverWarmSteps(p.article);
      for (;;) {
        const t0 = performance.now();
        const r = steps.next();
        const ms = performance.now() - t0;
        total += ms;
        stepMax = Math.max(stepMax, ms);
        if (r.done) break;
      }
      ahead.push(total);
    }
    const r = lookUp(warm, p);
    if (r.hit) hits++;
    return r.ms;
  });
  const sorted = (xs: number[]) => xs.sort((x, y) => x - y);
  sorted(times);
  sorted(coldTimes);
  sorted(ahead);
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95), coldMedian: percentile(coldTimes, 0.5), coldP95: percentile(coldTimes, 0.95), aheadMedian: percentile(ahead, 0.5), aheadP95: percentile(ahead, 0.95), aheadStepMax: stepMax, hits };
}
