// `crosscheck` command line: the same engine as the extension, headless.
//   crosscheck report [folder] [--json | --markdown] [--out FILE] [--max-articles N]
//   crosscheck compare <fileA> <fileB> [--json]
//   crosscheck import <page.html | url> [--out folder]
import * as fs from 'fs';
import * as path from 'path';
import { analyzeCorpus } from '../core/pipeline/analyze';
import { compareTexts } from '../core/compare/compare';
import { writeChunksAtomicSync, writeFileAtomicSync } from '../core/io/atomicWrite';
import { CorpusError, loadCorpus } from '../core/io/corpus';
import { decodeArticle } from '../core/io/decode';
import { renderMarkdown, renderTerminal, writeJsonReport } from '../core/report';
import { renderHtml } from '../core/report/html';
import { analysisInputOf, sourceLabels, withArticleMeta } from '../core/meta/labels';
import { maskFrontMatter, parseFrontMatter } from '../core/meta/frontMatter';
import { resolveReview, type ReviewState } from '../core/review/decisions';
import { reviewJson } from '../core/review/format';
import { readReviewFile, ReviewFileError } from '../core/review/store';
import { ImportError } from '../core/webimport/extract';
import { describeImport, runImportCommand, runImportFileSync } from './importCommand';
import type { AnalysisResult, Article, Comparison } from '../core/types';

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
  crosscheck report [folder] [--json | --markdown | --html] [--review FILE] [--out FILE] [--max-articles N]
      Compare every article (.txt/.md) in folder (default: the bundled seeds/ corpus);
      at most N article files (default 5000), the rest reported. --html writes one
      self-contained page; --review adds the decisions of a review file
      (e.g. .crosscheck/review.json).
  crosscheck import <page.html | https://…> [--out folder]
      Turn a saved web page, or the page at an address, into a Markdown article with
      front matter (title, outlet, date, url, author) in folder (default: here).
  crosscheck compare <fileA> <fileB> [--json]
      Grade two texts against each other and list their divergences.
  crosscheck --help | --version`;

/** The bundled demo corpus, next to dist/ in the package. */
export function defaultCorpusFolder(): string {
  return path.resolve(__dirname, '..', 'seeds');
}

/** Parsed command line. */
export interface CliArgs {
  command: 'report' | 'compare' | 'import' | 'help' | 'version';
  positionals: string[];
  format: 'text' | 'json' | 'markdown' | 'html';
  /** Review file whose decisions the report shows (`--review`). */
  review?: string;
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
    else if (a === '--html') args.format = setFormat(args.format, 'html');
    else if (a === '--review') {
      if (!argv[i + 1]) throw new UsageError('--review needs a review file (e.g. .crosscheck/review.json)');
      args.review = argv[++i];
    }
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
  if (command !== 'report' && command !== 'compare' && command !== 'import') throw new UsageError(`unknown command "${command}" (expected report, compare or import)`);
  return { ...args, command, positionals };
}

function setFormat(current: CliArgs['format'], next: CliArgs['format']): CliArgs['format'] {
  if (current !== 'text' && current !== next) throw new UsageError('choose one of --json, --markdown and --html');
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
  // Front matter is blanked for the engine (same offsets); outlet, date and url join the summaries.
  const analysed = analyzeCorpus(corpus.articles.map(analysisInputOf));
  const result = { ...withArticleMeta(analysed, corpus.articles), skipped: corpus.problems, notes: corpus.notes };
  const review = args.review ? loadReview(args.review, result, corpus.articles) : undefined;
  writeOutput((put) => writeReport(result, args, io, review, put), args, io);
  return EXIT.ok;
}

/** Writes the report in the chosen format through `put` (the JSON report chunk by chunk, never as one string). */
function writeReport(result: AnalysisResult, args: CliArgs, io: CliIO, review: ReviewState | undefined, put: (chunk: string) => void): void {
  if (args.format === 'json') return writeJsonReport(result, put, review ? { review: reviewJson(review, args.review!) } : {});
  if (args.format === 'markdown') return put(renderMarkdown(result, { review }));
  if (args.format === 'html') return put(renderHtml(result, { review }));
  put(renderTerminal(result, { color: io.isTTY && !args.out && !process.env.NO_COLOR, review }) + '\n');
}

/** Reads a review file and matches its decisions to this analysis; a bad file is a usage error (nothing is written). */
function loadReview(file: string, result: AnalysisResult, articles: Article[]): ReviewState {
  if (!fs.existsSync(file)) throw new UsageError(`review file not found: ${file}`);
  try {
    const doc = readReviewFile(file);
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const labels = sourceLabels(result.articles);
    return resolveReview(result, doc, { textOf: (id) => texts.get(id), labelOf: (id) => labels.get(id) });
  } catch (e) {
    if (e instanceof ReviewFileError) throw new UsageError(e.message);
    throw e;
  }
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

/** Produces output by calling `put` with each chunk, in order. */
type ChunkProducer = (put: (chunk: string) => void) => void;

/** Writes the output (a text, or chunks from a producer) to stdout or, with --out, atomically to the file. */
function writeOutput(output: string | ChunkProducer, args: CliArgs, io: CliIO): void {
  if (!args.out) return typeof output === 'string' ? io.stdout(output) : output(io.stdout);
  try {
    if (typeof output === 'string') {
      const text = output;
      writeFileAtomicSync(args.out, text);
    } else writeChunksAtomicSync(args.out, output);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === undefined) throw e; // not the file system's: an internal error
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
  // Front matter is blanked (same offsets): an outlet or title in it is no divergence.
  const [a, b] = args.positionals.map(readTextFile).map((t) => maskFrontMatter(t, parseFrontMatter(t)?.bodyStart));
  const c = compareTexts(a, b);
  writeOutput(args.format === 'json' ? JSON.stringify(c, null, 2) + '\n' : formatComparison(c), args, io);
  return EXIT.ok;
}

function checkImportArgs(args: CliArgs): string {
  if (args.positionals.length !== 1) throw new UsageError('import needs exactly one saved page (.html) or web address');
  if (args.format !== 'text' || args.review) throw new UsageError('import takes only --out <folder>');
  return args.positionals[0];
}

/** Runs the CLI, including imports from a web address; resolves to the exit code. Never rejects for bad input. */
export async function runCli(argv: string[], io: CliIO, fetchOptions = {}): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
    if (args.command !== 'import') return main(argv, io);
    const r = await runImportCommand(checkImportArgs(args), args.out, fetchOptions);
    io.stderr(`crosscheck: ${describeImport(r)}\n`);
    io.stdout(r.file + '\n');
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io);
  }
}

function reportError(e: unknown, io: CliIO): number {
  if (e instanceof UsageError || e instanceof ImportError) {
    io.stderr(`crosscheck: ${e.message}\n`);
    return EXIT.badInput;
  }
  io.stderr(`crosscheck: internal error: ${(e as Error).stack ?? e}\n`);
  return EXIT.failure;
}

/** Runs the CLI; returns the exit code. Never throws for bad input. Imports from a web address need runCli. */
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
    if (args.command === 'import') {
      const r = runImportFileSync(checkImportArgs(args), args.out);
      io.stderr(`crosscheck: ${describeImport(r)}\n`);
      io.stdout(r.file + '\n');
      return EXIT.ok;
    }
    return args.command === 'report' ? runReport(args, io) : runCompare(args, io);
  } catch (e) {
    return reportError(e, io);
  }
}

function readVersion(): string {
  try {
    return JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}
