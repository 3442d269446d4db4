// Corpus loading: a folder of plain-text articles, one file per outlet.
// Never imports vscode. Bad files are reported as LoadProblems and skipped;
// the rest of the corpus is still loaded.
import * as fs from 'fs';
import * as path from 'path';
import type { Article, ArticleMeta, LoadProblem } from '../types';
import { assignArticleMeta, describeArticle } from '../meta/articleMeta';
import { manifestMetaFor, unusedManifestKeys, type Manifest } from '../meta/manifest';
import { readManifest } from '../meta/manifestFile';

/** File extensions that hold articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** Files larger than this are refused as articles (a news article is a few KB). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

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

/** How an article's bytes were decoded. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Result of decoding one file's bytes: text and its encoding, or the reason it is not an article. */
export type DecodeResult = { ok: true; text: string; encoding: TextEncodingName } | { ok: false; message: string };

/**
 * Decodes an article file's bytes. Accepts UTF-8 (BOM stripped), UTF-16 with a BOM, and
 * text that is not valid UTF-8 but reads as Windows-1252 (a superset of Latin-1; `encoding`
 * says so). Refuses empty or whitespace-only, binary (NUL bytes), oversized and undecodable
 * input with a one-line reason. Never throws.
 */
export function decodeArticle(bytes: Uint8Array, maxBytes: number = MAX_ARTICLE_BYTES): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'file is empty' };
  if (bytes.length > maxBytes) return { ok: false, message: tooLargeMessage(bytes.length, maxBytes) };
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 === null) return { ok: false, message: 'file has a UTF-16 byte-order mark but is not valid UTF-16; re-save it as UTF-8' };
  if (utf16 !== undefined) return checkDecodedText(utf16.text, utf16.encoding);
  if (looksBinary(bytes)) return { ok: false, message: 'file looks binary (it contains NUL bytes), not text' };
  try {
    return checkDecodedText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), 'utf-8');
  } catch {
    const cp1252 = decodeWindows1252(bytes);
    if (cp1252 !== undefined) return checkDecodedText(cp1252, 'windows-1252');
    return { ok: false, message: `file is neither valid UTF-8 (first bad byte at offset ${findInvalidUtf8(bytes)}) nor Western (Windows-1252) text; re-save it as UTF-8` };
  }
}

/** The message for a file over the size limit. */
export function tooLargeMessage(size: number, maxBytes: number): string {
  return `file is too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)})`;
}

function checkDecodedText(text: string, encoding: TextEncodingName): DecodeResult {
  if (text.trim() === '') return { ok: false, message: 'file is empty (whitespace only)' };
  return { ok: true, text, encoding };
}

/** Text of a UTF-16 file with a BOM; undefined without a UTF-16 BOM; null when the bytes are not valid UTF-16. */
function decodeUtf16WithBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | undefined | null {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const encoding = le ? 'utf-16le' : 'utf-16be';
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2)), encoding };
  } catch {
    return null;
  }
}

/**
 * Windows-1252's characters for bytes 0x80–0x9F (the WHATWG index; 0 marks the five undefined
 * bytes). Every other byte is its Latin-1 code point. A table, because Node's TextDecoder
 * decodes the 'windows-1252' label as plain Latin-1, turning curly quotes into C1 controls.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Text of bytes read as Windows-1252, or undefined when they do not look like Western text:
 * an undefined byte, or so many high bytes (over a third) that it is more likely another
 * legacy encoding (Cyrillic, CJK) that would come out as gibberish.
 */
function decodeWindows1252(bytes: Uint8Array): string | undefined {
  let high = 0;
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80) high++;
    const c = b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : b;
    if (c === 0) return undefined;
    codes[i] = c;
  }
  if (high * 3 > bytes.length) return undefined;
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return text;
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
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

/**
 * Builds an Article from already-decoded text. Its metadata comes from the text's front
 * matter, then `manifestMeta` (the corpus manifest's entry) for the fields front matter
 * leaves out; the title, when neither gives one, is the first headline-like line of the body.
 * The text is kept exactly as given; `bodyStart` marks where front matter ends.
 */
export function createArticle(relativeFile: string, text: string, absolutePath?: string, manifestMeta?: ArticleMeta): Article {
  return buildArticle(relativeFile, text, absolutePath, manifestMeta).article;
}

/** createArticle, with the remarks about its front matter (for the corpus notes). */
function buildArticle(relativeFile: string, text: string, absolutePath: string | undefined, manifestMeta?: ArticleMeta): { article: Article; warnings: string[] } {
  const file = relativeFile.split(path.sep).join('/');
  const d = describeArticle(text, manifestMeta);
  const article = assignArticleMeta({ id: articleIdFor(file), file, title: d.meta.title, text, path: absolutePath }, d);
  return { article, warnings: d.warnings };
}

/** The error code of a file-system error, else its message. */
function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code || (e as Error).message;
}

/**
 * Lists article files under a folder, recursively, sorted, as paths relative to it.
 * Symbolic links to folders are never followed (so a link loop cannot recurse); listing
 * stops after `maxListedEntries` entries and below MAX_FOLDER_DEPTH, with a problem saying so.
 */
export function listArticleFiles(folder: string, problems: LoadProblem[] = [], opts: LoadOptions = {}): string[] {
  const io = opts.fs ?? fs;
  const maxEntries = opts.maxListedEntries ?? MAX_LISTED_ENTRIES;
  const found: string[] = [];
  let listed = 0;
  let stopped = false;
  const walk = (rel: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = io.readdirSync(path.join(folder, rel), { withFileTypes: true });
    } catch (e) {
      problems.push({ file: rel || '.', message: `cannot read folder: ${errorCode(e)}` });
      return;
    }
    for (const entry of entries) {
      if (++listed > maxEntries) {
        if (!stopped) problems.push({ file: rel || '.', message: `listing stopped after ${maxEntries} files and folders; the rest of the folder is not read` });
        stopped = true;
        return;
      }
      const child = rel ? path.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
        if (depth >= MAX_FOLDER_DEPTH) problems.push({ file: child, message: `folder skipped: nested more than ${MAX_FOLDER_DEPTH} levels deep` });
        else walk(child, depth + 1);
      } else if (isArticleFile(entry.name)) {
        if (entry.isFile() || entry.isSymbolicLink()) found.push(child);
        else problems.push({ file: child.split(path.sep).join('/'), message: NOT_REGULAR });
      }
    }
  };
  walk('', 0);
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const NOT_REGULAR = 'not a regular file (a device, pipe or socket)';

/** A loaded article and how it was decoded. */
export type ReadArticleResult = { article: Article; encoding: TextEncodingName; warnings?: string[] } | { problem: LoadProblem };

/**
 * Reads and decodes one article file; a problem instead of an article when it is unusable
 * (missing, unreadable, not a regular file, too large, empty, binary, undecodable).
 */
export function readArticleFile(folder: string, relativeFile: string, opts: LoadOptions = {}, manifest?: Manifest): ReadArticleResult {
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
  const built = buildArticle(relativeFile, decoded.text, abs, manifestMetaFor(manifest, file, articleIdFor(file)));
  return { article: built.article, encoding: decoded.encoding, ...(built.warnings.length ? { warnings: built.warnings } : {}) };
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
  const manifest = readManifest(abs, io);
  for (const rel of files) {
    const result = readArticleFile(abs, rel, opts, manifest);
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    const article = result.article;
    const note = encodingNote(article.file, result.encoding);
    if (note) notes.push(note);
    for (const message of result.warnings ?? []) notes.push({ file: article.file, message });
    const entry = ids.has(article.id) ? { ...article, id: article.file } : article; // a.txt beside a.md
    ids.add(entry.id);
    articles.push(entry);
  }
  if (articles.length === 0) {
    const why = problems.length ? `; ${problems.length} file(s) could not be used: ${problems[0].file}: ${problems[0].message}` : '';
    throw new CorpusError(`no articles (.txt or .md files) in ${folder}${why}`);
  }
  problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (manifest) notes.push(...manifestNotes(manifest, articles));
  return { folder: abs, articles, problems, notes };
}

/** Notes about the manifest: its problems, and entries that name no loaded article. */
function manifestNotes(manifest: Manifest, articles: Article[]): LoadProblem[] {
  const unused = unusedManifestKeys(manifest, articles);
  const notes = manifest.problems.map((message) => ({ file: manifest.file, message }));
  if (unused.length) notes.push({ file: manifest.file, message: `no article named ${unused.slice(0, 5).join(', ')}${unused.length > 5 ? ` and ${unused.length - 5} more` : ''}` });
  return notes;
}
