// Importing a page into a corpus folder: extract, name the file after date, outlet and
// title, and write it whole (atomically) under a name that is not taken. Never overwrites.
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomicSync } from '../io/atomicWrite';
import { extractArticle, ImportError, renderArticleFile, type ExtractedArticle } from './extract';
import { decodeHtml, fetchPage, type FetchOptions } from './fetchPage';

/** Longest file name stem written. */
const MAX_STEM = 80;

/** A file name stem: `2023-06-11-minembwe-capital-news-white-house-reports-…` (ASCII, lower case). */
export function articleFileStem(a: ExtractedArticle): string {
  const parts = [a.meta.date?.slice(0, 10), a.meta.outlet, a.meta.title].filter((x): x is string => !!x);
  const slug = parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM)
    .replace(/-+$/, '');
  return slug || 'imported-article';
}

/** `stem.md` in `folder`, or `stem-2.md`, `stem-3.md`… : the first name not taken. */
export function freeFileName(folder: string, stem: string, exists: (p: string) => boolean = fs.existsSync): string {
  for (let i = 1; ; i++) {
    const name = `${stem}${i > 1 ? `-${i}` : ''}.md`;
    if (!exists(path.join(folder, name))) return name;
  }
}

/** What an import wrote. */
export interface ImportResult {
  /** Absolute path of the new article file. */
  file: string;
  article: ExtractedArticle;
}

/** Writes an extracted article into `folder` (created when missing) under a free name; atomically. */
export function writeImportedArticle(folder: string, article: ExtractedArticle): ImportResult {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw new ImportError(`cannot create folder ${folder}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const file = path.join(folder, freeFileName(folder, articleFileStem(article)));
  try {
    writeFileAtomicSync(file, renderArticleFile(article));
  } catch (e) {
    throw new ImportError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return { file, article };
}

/** Imports a saved page (an .html file) into `folder`. */
export function importSavedPage(htmlFile: string, folder: string, maxBytes = 5 * 1024 * 1024): ImportResult {
  let bytes: Buffer;
  try {
    if (fs.statSync(htmlFile).size > maxBytes) throw new ImportError(`${htmlFile} is too large (the limit is ${Math.round(maxBytes / 1024 / 1024)} MB)`);
    bytes = fs.readFileSync(htmlFile);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`cannot read ${htmlFile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return writeImportedArticle(folder, extractArticle(decodeHtml(bytes)));
}

/** Imports the page at a web address into `folder`: fetched whole, extracted, then written. */
export async function importUrl(address: string, folder: string, opts: FetchOptions = {}): Promise<ImportResult> {
  const page = await fetchPage(address, opts);
  return writeImportedArticle(folder, extractArticle(page.html, page.url));
}
