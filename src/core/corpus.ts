// Corpus loading: a folder of plain-text articles, one file per outlet.
// Never imports vscode. Bad files are reported as LoadProblems and skipped;
// the rest of the corpus is still loaded.
import * as fs from 'fs';
import * as path from 'path';
import type { Article, LoadProblem } from './types';

/** File extensions that hold articles. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'];

/** Files larger than this are refused as articles (a news article is a few KB). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

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
  articles: Article[];
  problems: LoadProblem[];
}

/** Result of decoding one file's bytes: text, or the reason it is not an article. */
export type DecodeResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Decodes an article file's bytes. Accepts UTF-8 (BOM stripped) and UTF-16 with a BOM.
 * Refuses empty, binary (NUL bytes), oversized and non-UTF-8 input with a one-line reason.
 */
export function decodeArticle(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: 'file is empty' };
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return { ok: false, message: `file is too large (${formatBytes(bytes.length)}; the limit is ${formatBytes(MAX_ARTICLE_BYTES)})` };
  }
  const utf16 = decodeUtf16WithBom(bytes);
  if (utf16 === null) return { ok: false, message: 'file has a UTF-16 byte-order mark but is not valid UTF-16; re-save it as UTF-8' };
  if (utf16 !== undefined) return checkDecodedText(utf16);
  if (looksBinary(bytes)) return { ok: false, message: 'file looks binary (it contains NUL bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, message: `file is not valid UTF-8 (first bad byte at offset ${findInvalidUtf8(bytes)}); re-save it as UTF-8` };
  }
  return checkDecodedText(text);
}

function checkDecodedText(text: string): DecodeResult {
  if (text.trim() === '') return { ok: false, message: 'file holds only whitespace' };
  return { ok: true, text };
}

/** Text of a UTF-16 file with a BOM; undefined without a UTF-16 BOM; null when the bytes are not valid UTF-16. */
function decodeUtf16WithBom(bytes: Uint8Array): string | undefined | null {
  const le = bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  try {
    return new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes.subarray(2));
  } catch {
    return null;
  }
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

/** Builds an Article from already-decoded text. */
export function createArticle(relativeFile: string, text: string, absolutePath?: string): Article {
  const file = relativeFile.split(path.sep).join('/');
  return { id: articleIdFor(file), file, title: titleOf(text), text, path: absolutePath };
}

/** Lists article files under a folder, recursively, sorted, as paths relative to it. */
export function listArticleFiles(folder: string, problems: LoadProblem[] = []): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(folder, rel), { withFileTypes: true });
    } catch (e) {
      problems.push({ file: rel || '.', message: `cannot read folder: ${(e as Error).message}` });
      return;
    }
    for (const entry of entries) {
      const child = rel ? path.join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRS.has(entry.name)) walk(child);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isArticleFile(entry.name)) {
        found.push(child);
      }
    }
  };
  walk('');
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Reads and decodes one article file; a problem instead of an article when it is unusable. */
export function readArticle(folder: string, relativeFile: string): Article | LoadProblem {
  const abs = path.join(folder, relativeFile);
  const file = relativeFile.split(path.sep).join('/');
  let bytes: Buffer;
  try {
    const stat = fs.statSync(abs);
    if (stat.size > MAX_ARTICLE_BYTES) {
      return { file, message: `file is too large (${formatBytes(stat.size)}; the limit is ${formatBytes(MAX_ARTICLE_BYTES)})` };
    }
    bytes = fs.readFileSync(abs);
  } catch (e) {
    return { file, message: `cannot read file: ${(e as NodeJS.ErrnoException).code || (e as Error).message}` };
  }
  const decoded = decodeArticle(bytes);
  if (!decoded.ok) return { file, message: decoded.message };
  return createArticle(relativeFile, decoded.text, abs);
}

/**
 * Loads every `.txt`/`.md` file under `folder` (recursively) as an article.
 * Throws CorpusError when the folder is missing or not a folder, or when no article loads.
 */
export function loadCorpus(folder: string): LoadedCorpus {
  const abs = path.resolve(folder);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new CorpusError(`folder not found: ${folder}`);
  }
  if (!stat.isDirectory()) throw new CorpusError(`not a folder: ${folder}`);
  const problems: LoadProblem[] = [];
  const articles: Article[] = [];
  for (const rel of listArticleFiles(abs, problems)) {
    const result = readArticle(abs, rel);
    if (!('text' in result)) problems.push(result);
    else if (articles.some((a) => a.id === result.id)) articles.push({ ...result, id: result.file }); // a.txt beside a.md
    else articles.push(result);
  }
  if (articles.length === 0) {
    const why = problems.length ? `; ${problems.length} file(s) could not be used: ${problems[0].file}: ${problems[0].message}` : '';
    throw new CorpusError(`no articles (.txt or .md files) in ${folder}${why}`);
  }
  return { folder: abs, articles, problems };
}
