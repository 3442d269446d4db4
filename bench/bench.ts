// `npm run bench [-- --data DIR --sizes 10000 --seed 1 --naive 20 --dolos-max 2000 --no-peers --no-worker --keep DIR [folders…]]`
// Measures Crosscheck on real news (issue 13), every tool as a whole process on the same folders:
//  - cases (cases.ts): with a data folder (--data DIR or given as a folder; default ../shared/data
//    next to the repository), the distinct PolNeAR articles (and those of any other folders
//    given), those plus re-edited copies up to each of --sizes (default 10,000), and BASIL's dev
//    events flattened (mixed stories); with neither, corpora generated from seeds/ at each of
//    --sizes (default 1,000 and 10,000), so a clone without the data still runs;
//  - per case: `crosscheck report --json` (dist/cli.js), the bare-pass floor (read and
//    tokenise), the peers (naive all-pairs diffWords on the first --naive articles, Dolos's
//    winnowing library, installed on demand in bench/peers) with peak memory of each process;
//  - the extension's path (analysis in the worker, view model on the main thread) on the
//    distinct case and the largest; update after an edit and hover latency on the distinct case.
// Prints one Markdown report and writes it to test-output/bench.md. `--keep DIR` only writes
// the cases' folders under DIR (to profile or try them), and measures nothing.
// (`node out/bench/bench.js --child <folder> [--stats | --delivery]` are the child modes, children.ts.)
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildCases, isDataFolder, readRealSources, removeCase, type BenchCase } from './cases';
import { loadArticles, measureWorker, runChild } from './children';
import { measureDeliveryProcess, measureHover, measureUpdate } from './interactive';
import { ROOT, ensurePeers, runCrosscheck, runDolos, runFloor, runNaive, type Skipped } from './processes';
import { renderReport, type CaseResult, type EditorMeasures } from './table';

interface Args {
  sizes?: number[];
  seed: number;
  data?: string;
  folders: string[];
  naive: number;
  dolosMax: number;
  peers: boolean;
  worker: boolean;
  /** Write the cases under this folder and keep them (for profiling); no measurements. */
  keep?: string;
  child?: string;
  stats?: boolean;
  delivery?: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { seed: 1, folders: [], naive: 20, dolosMax: 2000, peers: true, worker: true };
  const num = (i: number) => Number(argv[i]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--sizes') args.sizes = argv[++i].split(',').map(Number);
    else if (a === '--seed') args.seed = num(++i);
    else if (a === '--data') args.data = path.resolve(argv[++i]);
    else if (a === '--naive') args.naive = num(++i);
    else if (a === '--dolos-max') args.dolosMax = num(++i);
    else if (a === '--no-peers') args.peers = false;
    else if (a === '--no-worker') args.worker = false;
    else if (a === '--keep') args.keep = path.resolve(argv[++i]);
    else if (a === '--child') args.child = argv[++i];
    else if (a === '--stats') args.stats = true;
    else if (a === '--delivery') args.delivery = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.folders.push(path.resolve(a));
  }
  if (args.sizes?.some((n) => !Number.isInteger(n) || n < 2)) throw new Error('--sizes takes a comma-separated list of article counts (≥ 2)');
  if (!Number.isInteger(args.naive) || args.naive < 0) throw new Error('--naive takes a number of articles (0: no naive peer)');
  return args;
}

/** A folder holding the first `n` articles of a case (by path), for the naive peer. */
function subsetFolder(c: BenchCase, n: number, tmp: string): string {
  const dir = path.join(tmp, `${path.basename(c.dir)}-first-${n}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const ids = c.articles.map((a) => (a.id.endsWith('.txt') ? a.id : `${a.id}.txt`)).sort().slice(0, n);
  for (const id of ids) fs.copyFileSync(path.join(c.dir, id), path.join(dir, id.replace(/\//g, '__')));
  return dir;
}

function log(line: string): void {
  console.log(line);
}

const secs = (r: { wallMs: number } | Skipped) => ('skipped' in r ? r.skipped : `${(r.wallMs / 1000).toFixed(2)} s`);

/** Every whole-process run on one case. */
function measureCase(c: BenchCase, args: Args, dolos: true | Skipped, tmp: string, withWorker: boolean): CaseResult {
  const n = c.articles.length;
  const crosscheck = runCrosscheck(c.dir, n, tmp);
  log(`  ${c.name}: ${n} articles, ${c.mb.toFixed(1)} MB · Crosscheck ${secs(crosscheck)}`);
  const floor = runFloor(c.dir);
  const r: CaseResult = { c, crosscheck, floor };
  if (args.peers) {
    r.dolos = n <= args.dolosMax ? runDolos(c.dir, dolos) : { skipped: `not run above ${args.dolosMax.toLocaleString('en')} articles (--dolos-max)` };
    log(`    floor ${secs(floor)} · Dolos ${secs(r.dolos)}`);
    if (args.naive >= 2 && c.kind !== 'copies') {
      const size = Math.min(args.naive, n);
      const dir = subsetFolder(c, size, tmp);
      r.naive = { size, naive: runNaive(dir, size), crosscheck: runCrosscheck(dir, size, tmp) };
      fs.rmSync(dir, { recursive: true, force: true });
      log(`    naive diffWords on the first ${size}: ${secs(r.naive.naive)} (Crosscheck on them ${secs(r.naive.crosscheck)})`);
    }
  }
  if (withWorker) {
    r.worker = measureWorker(c.dir);
    if (!('skipped' in r.worker)) log(`    through the worker: ${(r.worker.ms / 1000).toFixed(2)} s, main thread blocked ${r.worker.blockMs.toFixed(0)} ms`);
  }
  return r;
}

/** Update after an edit (in the engine and through the worker) and hover latency on one case. */
function measureEditor(c: BenchCase): EditorMeasures {
  const u = measureUpdate(c.articles);
  const { result, corpus, ...update } = u;
  const hover = measureHover(result, corpus);
  const delivered = measureDeliveryProcess(c.dir);
  log(`    update after an edit: preview on the main thread ${delivered.previewMs.toFixed(0)} ms; hover p95 ${hover.p95.toFixed(2)} ms (first look-up, nothing made ahead: ${hover.coldP95.toFixed(2)} ms)`);
  return { size: c.articles.length, update, delivered, hover };
}

function header(args: Args, dataDir: string, real: boolean, load: number[]): string[] {
  const cpu = os.cpus();
  const data = isDataFolder(dataDir) ? path.basename(dataDir) : undefined;
  const from = [data && `the real texts in ${data}/ (PolNeAR train + dev, BASIL dev)`, args.folders.some((f) => !isDataFolder(f)) && 'the folders given'].filter(Boolean).join(' and ');
  return [
    `Crosscheck benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC · Node ${process.version} · ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) · ${Math.round(os.totalmem() / 2 ** 30)} GB RAM · load average ${load.map((l) => l.toFixed(1)).join(' / ')} (start / end)`,
    real ? `Cases from ${from}; re-edited copies by bench/corpus.ts, seed ${args.seed}.` : `No data folder given or found: cases generated from seeds/, seed ${args.seed}.`,
    'Times are wall clock, spawn to exit, of a fresh Node process per tool (cpu: user + system time of that process, every thread); peak memory is that process\'s maximum resident set.',
  ];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return runChild(args.child, args);
  const load0 = os.loadavg()[0];
  const given = args.folders.find(isDataFolder);
  const folders = args.folders.filter((f) => f !== given);
  const dataDir = args.data ?? given ?? path.resolve(ROOT, '..', 'shared', 'data');
  const real = readRealSources(isDataFolder(dataDir) ? dataDir : undefined, folders.map(loadArticles));
  const extra = loadArticles(path.join(ROOT, 'seeds')).map((a) => a.text);
  const sizes = args.sizes ?? (real ? [10000] : [1000, 10000]);
  if (args.keep) {
    for (const c of buildCases({ sizes, seed: args.seed, extra, real, tmp: args.keep })) log(`${c.dir}: ${c.articles.length} articles, ${c.mb.toFixed(1)} MB`);
    return;
  }
  const dolos = args.peers ? ensurePeers(log) : { skipped: 'not run (--no-peers)' };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-bench-'));
  try {
    const cases = buildCases({ sizes, seed: args.seed, extra, real, tmp });
    const largest = cases.reduce((a, b) => (b.articles.length > a.articles.length ? b : a));
    const editorCase = cases.find((c) => c.kind === 'distinct') ?? cases.find((c) => c.articles.length === 1000) ?? cases[0];
    log(`Crosscheck benchmark: ${cases.length} cases, load average ${load0.toFixed(1)}`);
    const results: CaseResult[] = [];
    let editor: EditorMeasures | undefined;
    for (const c of cases) {
      results.push(measureCase(c, args, dolos, tmp, args.worker && (c === largest || c === editorCase)));
      if (c === editorCase && args.worker) editor = measureEditor(c);
      removeCase(c);
    }
    const lines = renderReport(header(args, dataDir, !!real, [load0, os.loadavg()[0]]), results, editor, results.find((r) => r.c === largest));
    const out = path.join(ROOT, 'test-output', 'bench.md');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, lines.join('\n') + '\n');
    console.log('\n' + lines.join('\n'));
    console.log(`\n(written to ${path.relative(process.cwd(), out)})`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
