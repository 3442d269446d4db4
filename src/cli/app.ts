// `crosscheck` command line: the same engine as the extension, headless.
//   crosscheck report [folder] [--json | --markdown] [--out FILE] [--max-articles N]
//   crosscheck compare <fileA> <fileB> [--json]
import * as fs from 'fs';
import * as path from 'path';
import { analyzeCorpus } from '../core/pipeline/analyze';
import { compareTexts } from '../core/compare/compare';
import { writeFileAtomicSync } from '../core/io/atomicWrite';
import { CorpusError, loadCorpus } from '../core/io/corpus';
import { decodeArticle } from '../core/io/decode';
import { renderJson, renderMarkdown, renderTerminal } from '../core/report';
import type { Comparison } from '../core/types';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** What the CLI writes to; injectable for tests. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

/** A usage or input error: printed as one line, exit code 2. */
export class UsageError extends Error {}

const USAGE = `Usage:
  crosscheck report [folder] [--json | --markdown] [--out FILE] [--max-articles N]
      Compare every article (.txt/.md) in folder (default: the bundled seeds/ corpus);
      at most N article files (default 5000), the rest reported.
  crosscheck compare <fileA> <fileB> [--json]
      Grade two texts against each other and list their divergences.
  crosscheck --help | --version`;

/** The bundled demo corpus, next to dist/ in the package. */
export function defaultCorpusFolder(): string {
  return path.resolve(__dirname, '..', 'seeds');
}

/** Parsed command line. */
export interface CliArgs {
  command: 'report' | 'compare' | 'help' | 'version';
  positionals: string[];
  format: 'text' | 'json' | 'markdown';
  out?: string;
  /** Cap on article files loaded (`--max-articles`); the core's default when absent. */
  maxArticles?: number;
}

/** Parses argv (without node and script). Throws UsageError on a bad flag. */
export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { command: 'help', positionals: [], format: 'text' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.format = setFormat(args.format, 'json');
    else if (a === '--markdown' || a === '--md') args.format = setFormat(args.format, 'markdown');
    else if (a === '--out' || a === '-o') {
      if (!argv[i + 1]) throw new UsageError(`${a} needs a file name`);
      args.out = argv[++i];
    } else if (a === '--max-articles') {
      const n = Number(argv[i + 1]);
      if (!Number.isInteger(n) || n < 1) throw new UsageError(`--max-articles needs a whole number of at least 1`);
      args.maxArticles = n;
      i++;
    } else if (a === '--help' || a === '-h') return { ...args, command: 'help' };
    else if (a === '--version' || a === '-v') return { ...args, command: 'version' };
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a} (see crosscheck --help)`);
    else rest.push(a);
  }
  const [command, ...positionals] = rest;
  if (command === undefined) return args;
  if (command !== 'report' && command !== 'compare') throw new UsageError(`unknown command "${command}" (expected report or compare)`);
  return { ...args, command, positionals };
}

function setFormat(current: CliArgs['format'], next: CliArgs['format']): CliArgs['format'] {
  if (current !== 'text' && current !== next) throw new UsageError('choose one of --json and --markdown');
  return next;
}

function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) throw new UsageError(`${file}: ${decoded.message}`);
  return decoded.text;
}

function runReport(args: CliArgs, io: CliIO): number {
  if (args.positionals.length > 1) throw new UsageError('report takes at most one folder');
  const folder = args.positionals[0] ?? defaultCorpusFolder();
  let corpus;
  try {
    corpus = loadCorpus(folder, args.maxArticles ? { maxFiles: args.maxArticles } : {});
  } catch (e) {
    if (e instanceof CorpusError) throw new UsageError(e.message);
    throw e;
  }
  for (const p of corpus.problems) io.stderr(`crosscheck: skipped ${p.file}: ${p.message}\n`);
  for (const n of corpus.notes) io.stderr(`crosscheck: note ${n.file}: ${n.message}\n`);
  if (args.out) refuseArticleTarget(args.out, corpus.folder, corpus.articles.map((a) => a.file ?? a.id));
  const result = { ...analyzeCorpus(corpus.articles), skipped: corpus.problems, notes: corpus.notes };
  const text =
    args.format === 'json' ? renderJson(result) : args.format === 'markdown' ? renderMarkdown(result) : renderTerminal(result, { color: io.isTTY && !args.out && !process.env.NO_COLOR }) + '\n';
  writeOutput(text, args, io);
  return EXIT.ok;
}

/** Crosscheck never writes to an article: refuses an --out path that is one of the corpus's files. */
export function refuseArticleTarget(out: string, folder: string, files: string[]): void {
  const target = realPathOf(path.resolve(out));
  if (files.some((f) => realPathOf(path.resolve(folder, f)) === target)) throw new UsageError(`refusing to write the report over an article: ${out}`);
}

function realPathOf(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function writeOutput(text: string, args: CliArgs, io: CliIO): void {
  if (!args.out) return io.stdout(text);
  try {
    writeFileAtomicSync(args.out, text);
  } catch (e) {
    throw new UsageError(`cannot write ${args.out}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  io.stderr(`crosscheck: wrote ${args.out}\n`);
}

/** Renders a comparison for the terminal. */
export function formatComparison(c: Comparison): string {
  const lines = [`grade: ${c.grade ?? 'no match'} (score ${c.score.toFixed(2)})`];
  for (const d of c.divergences) lines.push(`  ${d.substantive ? '!' : '~'} ${d.type}: “${d.a}” vs “${d.b}”${d.message ? ` — ${d.message}` : ''}`);
  return lines.join('\n') + '\n';
}

function runCompare(args: CliArgs, io: CliIO): number {
  if (args.positionals.length !== 2) throw new UsageError('compare needs exactly two files');
  const [a, b] = args.positionals.map(readTextFile);
  const c = compareTexts(a, b);
  writeOutput(args.format === 'json' ? JSON.stringify(c, null, 2) + '\n' : formatComparison(c), args, io);
  return EXIT.ok;
}

/** Runs the CLI; returns the exit code. Never throws for bad input. */
export function main(argv: string[], io: CliIO): number {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE + '\n');
      return argv.length === 0 ? EXIT.badInput : EXIT.ok;
    }
    if (args.command === 'version') {
      io.stdout(readVersion() + '\n');
      return EXIT.ok;
    }
    return args.command === 'report' ? runReport(args, io) : runCompare(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`crosscheck: ${e.message}\n`);
      return EXIT.badInput;
    }
    io.stderr(`crosscheck: internal error: ${(e as Error).stack ?? e}\n`);
    return EXIT.failure;
  }
}

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
