// Corpus loading: a folder of plain-text articles, one file per outlet.
// Never imports vscode. Bad files are reported as LoadProblems and skipped;
// the rest of the corpus is still loaded.
import * as fs from 'fs';
import * as path from 'path';
import type { Article, LoadProblem } from '../types';
import { decodeArticle, MAX_ARTICLE_BYTES, type TextEncodingName, tooLargeMessage } from './decode';

/** File extensions that hold articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** At most this many article files are loaded from one folder; the rest are reported. */
export const MAX_ARTICLE_FILES = 5000;

/** Listing stops after this many directory entries (files and folders), so a huge tree stays bounded. */
export const MAX_LISTED_ENTRIES = 100_000;

/** Folders nested deeper than this below the corpus folder are not descended into. */
export const MAX_FOLDER_DEPTH = 32;

/** Folders never descended into (besides every dot-folder, which is skipped too). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode', '.cache', 'dist', 'out']);

/** A whole-corpus failure: the folder is missing, unreadable or holds no article. */
export class CorpusError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusError';
  }
}

/** What `loadCorpus` returns: the articles that loaded, and the problems met on the way. */
export interface LoadedCorpus {
  /** Absolute path of the corpus folder. */
  folder: string;
  /** Articles that loaded, sorted by file. */
  articles: Article[];
  /** Files (or folders) that were skipped, each with a one-line reason, sorted by file. */
  problems: LoadProblem[];
  /** Files that loaded but deserve a word, e.g. decoded from Windows-1252 rather than UTF-8. */
  notes: LoadProblem[];
}

/** The file-system calls `loadCorpus` makes; a seam so tests can inject errors (e.g. EACCES). */
export type CorpusFs = Pick<typeof fs, 'readdirSync' | 'statSync' | 'readFileSync'>;

/** Limits and the file system used by `loadCorpus`; every field is optional. */
export interface LoadOptions {
  /** Largest article file in bytes (default MAX_ARTICLE_BYTES). */
  maxFileBytes?: number;
  /** Most article files loaded (default MAX_ARTICLE_FILES). */
  maxFiles?: number;
  /** Most directory entries listed (default MAX_LISTED_ENTRIES). */
  maxListedEntries?: number;
  /** File system to read through (default Node's `fs`). */
  fs?: CorpusFs;
}

/** Article id for a path relative to the corpus folder: without extension, `/`-separated. */
export function articleIdFor(relativeFile: string): string {
  const posix = relativeFile.split(path.sep).join('/');
  return posix.slice(0, posix.length - path.extname(posix).length);
}

/** Title of an article: its first non-empty line, trimmed (Markdown heading marks removed). */
export function titleOf(text: string): string {
  for (const line of text.split(/\r\n|\r|\n/)) {
    const t = line.replace(/^#+\s*/, '').trim();
    if (t) return t;
  }
  return '';
}

/** Whether a file name is an article by its extension. */
export function isArticleFile(name: string): boolean {
  return ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

/** Builds an Article from already-decoded text. */
export function createArticle(relativeFile: string, text: string, absolutePath?: string): Article {
  const file = relativeFile.split(path.sep).join('/');
  return { id: articleIdFor(file), file, title: titleOf(text), text, path: absolutePath };
}

/** The error code of a file-system error, else its message. */
function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code || (e as Error).message;
}

/** A folder entry as the walk reads it (Node's fs.Dirent is one): a symbolic link is neither a folder nor a file. */
export interface FolderEntry {
  name: string;
  isDirectory(): boolean;
  isFile(): boolean;
  isSymbolicLink(): boolean;
}

/** What a walk step gets back: the entries of the folder it asked for, or the error reading it threw. */
export type FolderListing = readonly FolderEntry[] | { error: unknown };

/**
 * The folder walk as steps, so each caller reads folders its own way (Node's fs in
 * listArticleFiles, vscode.workspace.fs in the extension): every step yields the relative
 * path of a folder to list ('' for the root) and takes back its listing. Returns the
 * article files found, sorted, as paths relative to the root. Folders that are symbolic
 * links are never followed (so a link loop cannot recurse); listing stops after
 * `maxEntries` entries and below MAX_FOLDER_DEPTH, with a problem saying so.
 */
export function* walkArticleFiles(problems: LoadProblem[], maxEntries: number = MAX_LISTED_ENTRIES): Generator<string, string[], FolderListing> {
  const found: string[] = [];
  let listed = 0;
  let stopped = false;
  function* walk(rel: string, depth: number): Generator<string, void, FolderListing> {
    const listing = yield rel;
    if ('error' in listing) {
      problems.push({ file: rel || '.', message: `cannot read folder: ${errorCode(listing.error)}` });
      return;
    }
    for (const entry of listing) {
      if (++listed > maxEntries) {
        if (!stopped) problems.push({ file: rel || '.', message: `listing stopped after ${maxEntries} files and folders; the rest of the folder is not read` });
        stopped = true;
        return;
      }
      const child = rel ? path.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
        if (depth >= MAX_FOLDER_DEPTH) problems.push({ file: child, message: `folder skipped: nested more than ${MAX_FOLDER_DEPTH} levels deep` });
        else yield* walk(child, depth + 1);
      } else if (isArticleFile(entry.name)) {
        if (entry.isFile() || entry.isSymbolicLink()) found.push(child);
        else problems.push({ file: child.split(path.sep).join('/'), message: NOT_REGULAR });
      }
    }
  }
  yield* walk('', 0);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Lists article files under a folder, recursively, sorted, as paths relative to it
 * (walkArticleFiles read with Node's fs, or `opts.fs`).
 */
export function listArticleFiles(folder: string, problems: LoadProblem[] = [], opts: LoadOptions = {}): string[] {
  const io = opts.fs ?? fs;
  const steps = walkArticleFiles(problems, opts.maxListedEntries ?? MAX_LISTED_ENTRIES);
  for (let step = steps.next(); ; ) {
    if (step.done) return step.value;
    let listing: FolderListing;
    try {
      listing = io.readdirSync(path.join(folder, step.value), { withFileTypes: true });
    } catch (error) {
      listing = { error };
    }
    step = steps.next(listing);
  }
}

const NOT_REGULAR = 'not a regular file (a device, pipe or socket)';

/** A loaded article and how it was decoded. */
export type ReadArticleResult = { article: Article; encoding: TextEncodingName } | { problem: LoadProblem };

/**
 * Reads and decodes one article file; a problem instead of an article when it is unusable
 * (missing, unreadable, not a regular file, too large, empty, binary, undecodable).
 */
export function readArticleFile(folder: string, relativeFile: string, opts: LoadOptions = {}): ReadArticleResult {
  const io = opts.fs ?? fs;
  const maxBytes = opts.maxFileBytes ?? MAX_ARTICLE_BYTES;
  const abs = path.join(folder, relativeFile);
  const file = relativeFile.split(path.sep).join('/');
  let bytes: Buffer;
  try {
    const stat = io.statSync(abs);
    // A FIFO or device named *.txt would block the read forever; a folder cannot be read.
    if (!stat.isFile()) return { problem: { file, message: stat.isDirectory() ? 'not a regular file (a folder)' : NOT_REGULAR } };
    if (stat.size > maxBytes) return { problem: { file, message: tooLargeMessage(stat.size, maxBytes) } };
    bytes = io.readFileSync(abs);
  } catch (e) {
    return { problem: { file, message: `cannot read file: ${errorCode(e)}` } };
  }
  const decoded = decodeArticle(bytes, maxBytes);
  if (!decoded.ok) return { problem: { file, message: decoded.message } };
  return { article: createArticle(relativeFile, decoded.text, abs), encoding: decoded.encoding };
}

/** Reads and decodes one article file; a problem instead of an article when it is unusable. */
export function readArticle(folder: string, relativeFile: string, opts: LoadOptions = {}): Article | LoadProblem {
  const r = readArticleFile(folder, relativeFile, opts);
  return 'problem' in r ? r.problem : r.article;
}

/** The note for an article that was not UTF-8, or undefined. */
function encodingNote(file: string, encoding: TextEncodingName): LoadProblem | undefined {
  if (encoding === 'windows-1252') return { file, message: 'not valid UTF-8; decoded as Windows-1252 (Western)' };
  if (encoding !== 'utf-8') return { file, message: `decoded as ${encoding.toUpperCase()} (byte-order mark)` };
  return undefined;
}

/**
 * Loads every `.txt`/`.md` file under `folder` (recursively) as an article, at most
 * `maxFiles` of them (sorted by path; the rest are reported as one problem).
 * Throws CorpusError when the folder is missing or not a folder, or when no article loads.
 */
export function loadCorpus(folder: string, opts: LoadOptions = {}): LoadedCorpus {
  const io = opts.fs ?? fs;
  const abs = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = io.statSync(abs);
  } catch (e) {
    const code = errorCode(e);
    throw new CorpusError(code === 'ENOENT' || code === 'ENOTDIR' ? `folder not found: ${folder}` : `cannot open folder ${folder}: ${code}`);
  }
  if (!stat.isDirectory()) throw new CorpusError(`not a folder: ${folder}`);
  const problems: LoadProblem[] = [];
  const notes: LoadProblem[] = [];
  const articles: Article[] = [];
  /** Ids taken so far (a set: one look-up per file, not a scan of every article). */
  const ids = new Set<string>();
  const files = listArticleFiles(abs, problems, opts);
  const maxFiles = opts.maxFiles ?? MAX_ARTICLE_FILES;
  if (files.length > maxFiles) {
    problems.push({ file: files[maxFiles].split(path.sep).join('/'), message: `skipped with ${files.length - maxFiles - 1} more: only the first ${maxFiles} of ${files.length} article files are loaded` });
    files.length = maxFiles;
  }
  for (const rel of files) {
    const result = readArticleFile(abs, rel, opts);
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    const article = result.article;
    const note = encodingNote(article.file, result.encoding);
    if (note) notes.push(note);
    const entry = ids.has(article.id) ? { ...article, id: article.file } : article; // a.txt beside a.md
    ids.add(entry.id);
    articles.push(entry);
  }
  if (articles.length === 0) {
    const why = problems.length ? `; ${problems.length} file(s) could not be used: ${problems[0].file}: ${problems[0].message}` : '';
    throw new CorpusError(`no articles (.txt or .md files) in ${folder}${why}`);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { folder: abs, articles, problems, notes };
}
