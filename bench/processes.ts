// Whole-process measurements: every tool under test (Crosscheck's CLI, the bare-pass floor,
// the peers) runs as a fresh Node process on a case's folder, with bench/peers/usage.cjs
// preloaded to record its peak resident memory and CPU time at exit; the wall time is
// spawn to exit. The Dolos peer lives in bench/peers with its own package.json, installed
// on demand (it compiles tree-sitter natively, too slow for the project's own install).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';

/** The repository root (out/bench/bench.js is two levels below it). */
export const ROOT = path.resolve(__dirname, '..', '..');
/** The peers' folder: their scripts, package.json and (once installed) node_modules. */
export const PEERS = path.join(ROOT, 'bench', 'peers');

/** One timed process. */
export interface ProcessRun {
  /** Spawn to exit (ms). */
  wallMs: number;
  /** User + system CPU time of the whole process, all threads (ms). */
  cpuMs: number;
  /** Peak resident memory of the whole process (bytes). */
  maxRssBytes: number;
  /** The last line of its stdout parsed as JSON, when it printed one. */
  out?: Record<string, number>;
}

/** A process that failed or was not run, with the reason shown in the table. */
export interface Skipped {
  skipped: string;
}

/** Runs `node [nodeArgs] script args` with the usage preload; a Skipped when it fails or times out. */
export function runTimed(script: string, args: string[], opts: { nodeArgs?: string[]; timeoutMs?: number; stdoutFile?: string } = {}): ProcessRun | Skipped {
  const usageFile = path.join(os.tmpdir(), `crosscheck-bench-usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const stdout = opts.stdoutFile ? fs.openSync(opts.stdoutFile, 'w') : 'pipe';
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), '--require', path.join(PEERS, 'usage.cjs'), script, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: opts.timeoutMs ?? 30 * 60_000,
    env: { ...process.env, CROSSCHECK_BENCH_USAGE: usageFile },
    stdio: ['ignore', stdout, 'pipe'],
  });
  const wallMs = performance.now() - t0;
  if (typeof stdout === 'number') fs.closeSync(stdout);
  try {
    if (r.error || r.status !== 0) {
      const stderr = (r.stderr ?? '').trim().split('\n');
      const message = stderr.find((l) => /\b\w*Error\b|heap out of memory/.test(l)) ?? stderr.slice(-2).join(' ');
      const why = r.error ? String(r.error.message) : `exit ${r.status ?? r.signal}: ${message.trim()}`;
      const usage = fs.existsSync(usageFile) ? JSON.parse(fs.readFileSync(usageFile, 'utf8')) : undefined;
      const peak = usage ? `, peak ${Math.round(usage.maxRssBytes / 1048576)} MB` : '';
      return { skipped: `failed after ${(wallMs / 1000).toFixed(1)} s${peak} (${why.slice(0, 200)})` };
    }
    const usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    const last = (r.stdout ?? '').trim().split('\n').pop();
    return { wallMs, cpuMs: usage.cpuMs, maxRssBytes: usage.maxRssBytes, out: last && last.startsWith('{') ? JSON.parse(last) : undefined };
  } finally {
    fs.rmSync(usageFile, { force: true });
  }
}

/** True when a run was skipped. */
export function isSkipped(r: ProcessRun | Skipped | undefined): r is Skipped {
  return !!r && 'skipped' in r;
}

/** `crosscheck report <folder> --json` (dist/cli.js), the JSON written to a scratch file; adds its match count. */
export function runCrosscheck(folder: string, articles: number, scratch: string): ProcessRun | Skipped {
  const out = path.join(scratch, 'report.json');
  const r = runTimed(path.join(ROOT, 'dist', 'cli.js'), ['report', folder, '--json', '--max-articles', String(Math.max(articles, 1))], { stdoutFile: out });
  if (!isSkipped(r)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    r.out = { matches: report.matches.length, clusters: report.clusters.length, quotes: report.quotes.length };
  }
  fs.rmSync(out, { force: true });
  return r;
}

/** The bare-pass floor: read and tokenise every file, nothing else. */
export function runFloor(folder: string): ProcessRun | Skipped {
  return runTimed(path.join(PEERS, 'floor.cjs'), [folder]);
}

/** Naive all-pairs jsdiff diffWords on the first `limit` articles of the folder. */
export function runNaive(folder: string, limit: number): ProcessRun | Skipped {
  return runTimed(path.join(PEERS, 'naive.cjs'), [folder, String(limit)]);
}

/** Dolos (char winnowing) on the folder; skipped when the peer could not be installed. */
export function runDolos(folder: string, installed: true | Skipped): ProcessRun | Skipped {
  return installed === true ? runTimed(path.join(PEERS, 'dolos.cjs'), [folder]) : installed;
}

/**
 * Installs bench/peers' dependencies (Dolos) when missing: `npm install --prefix bench/peers`.
 * Returns true when Dolos can be loaded, else why not (the bench then goes on without it).
 */
export function ensurePeers(log: (line: string) => void): true | Skipped {
  if (dolosLoads()) return true;
  log('installing the Dolos peer (npm install --prefix bench/peers; compiles tree-sitter, a few minutes)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['install', '--prefix', PEERS, '--no-audit', '--no-fund', '--loglevel=error'], { encoding: 'utf8', timeout: 20 * 60_000, shell: process.platform === 'win32' });
  if (r.status === 0 && dolosLoads()) return true;
  const why = r.error ? r.error.message : (r.stderr ?? '').trim().split('\n').slice(-2).join(' ');
  log(`Dolos peer not installed, skipped: ${why.slice(0, 300)}`);
  return { skipped: 'not installed (npm install --prefix bench/peers failed)' };
}

/** True when bench/peers' Dolos can be imported. */
function dolosLoads(): boolean {
  if (!fs.existsSync(path.join(PEERS, 'node_modules', '@dodona', 'dolos-lib', 'package.json'))) return false;
  const r = spawnSync(process.execPath, ['-e', "import('@dodona/dolos-lib').then((m) => process.exit(typeof m.Dolos === 'function' ? 0 : 1))"], { cwd: PEERS, timeout: 120_000 });
  return r.status === 0;
}
