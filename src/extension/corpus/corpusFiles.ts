// Turning file bytes into articles, with problems reported instead of thrown.
// Pure (no `vscode`): delegates to the core's decoding and naming rules so the
// extension and the CLI see the same ids, titles and offsets.
import { createArticle } from '../../core/io/corpus';
import { decodeArticle as coreDecode } from '../../core/io/decode';
import type { Article, ArticleMeta, LoadProblem } from '../../core/types';

/**
 * An article from already-decoded text (e.g. an open document's live text); `manifestMeta`
 * (the corpus manifest's entry) fills the fields its front matter leaves out.
 */
export function articleFromText(relPath: string, text: string, absPath?: string, manifestMeta?: ArticleMeta): Article {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const a = createArticle(relPath.replace(/\\/g, '/'), clean, absPath, manifestMeta);
  if (!a.title) a.title = a.file;
  if (!absPath) delete a.path;
  return a;
}

/**
 * Decodes a file's bytes as VS Code shows them by default: UTF-8 (BOM stripped) or UTF-16
 * with a BOM. Binary, empty, whitespace-only and oversized files become problems, and so
 * do files that are not UTF-8: the core would read them as Windows-1252, but VS Code opens
 * them as UTF-8, and offsets must match what the editor shows, so the message says how to
 * convert them.
 */
export function decodeArticle(
  relPath: string,
  bytes: Uint8Array,
  opts: { maxBytes: number; absPath?: string; manifestMeta?: ArticleMeta },
): { article: Article } | { problem: LoadProblem } {
  const file = relPath.replace(/\\/g, '/');
  if (bytes.length > opts.maxBytes) return { problem: tooLargeProblem(file, bytes.length, opts.maxBytes) };
  const r = coreDecode(bytes, opts.maxBytes);
  if (!r.ok) return { problem: { file, message: `skipped: ${r.message}` } };
  if (r.encoding === 'windows-1252') {
    return { problem: { file, message: 'skipped: file is not valid UTF-8 (it reads as Windows-1252); use "Reopen with Encoding" → Western (Windows 1252), then "Save with Encoding" → UTF-8' } };
  }
  return { article: articleFromText(file, r.text, opts.absPath, opts.manifestMeta) };
}

/** The problem for a file over the size limit, naming the file's size, the limit and the setting. */
export function tooLargeProblem(file: string, size: number, maxBytes: number): LoadProblem {
  return { file, message: `skipped: ${Math.ceil(size / 1024)} KB is larger than the ${Math.round(maxBytes / 1024)} KB limit (crosscheck.maxFileSizeKb)` };
}

/** Sorts articles by file path and drops id duplicates (a.txt next to a.md), reporting them. */
export function dedupeArticles(articles: Article[]): { articles: Article[]; problems: LoadProblem[] } {
  const seen = new Set<string>();
  const out: Article[] = [];
  const problems: LoadProblem[] = [];
  for (const a of [...articles].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0))) {
    if (seen.has(a.id)) {
      problems.push({ file: a.file, message: `skipped: another file already has the article id "${a.id}"` });
      continue;
    }
    seen.add(a.id);
    out.push(a);
  }
  return { articles: out, problems };
}
