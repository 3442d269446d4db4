// How results and articles travel between the worker and the client: span
// texts emptied where they are slices of their article (the client slices
// them back), repeated strings pooled on arrival, and big requests posted in
// batches. Pure: no `vscode` import.
import type { AnalysisResult, Cluster, Match, MatchSide, Quote } from '../../core/types';
import type { ChunkedField, SentArticle } from './messages';

/** A span of an article with its text. */
type Span = { article: string; start: number; end: number; text: string };

/** A span with its text emptied when it is exactly its article's slice (the client slices it back: compact messages, shared strings, same key order). */
function compactSpan<T extends Span>(span: T, textOf: (article: string) => string | undefined): T {
  return span.text && textOf(span.article)?.slice(span.start, span.end) === span.text ? { ...span, text: '' } : span;
}

/**
 * A result item as sent: a copy with the span texts the client can slice from
 * its articles emptied (the item itself is never changed: the worker keeps its
 * results, e.g. as the base of the next delta).
 */
export function compactItem(field: ChunkedField, item: unknown, textOf: (article: string) => string | undefined): unknown {
  if (field === 'quotes') return compactSpan(item as Quote, textOf);
  if (field === 'matches') {
    const m = item as Match;
    return { ...m, a: compactSpan(m.a, textOf), b: compactSpan(m.b, textOf) };
  }
  if (field === 'clusters') {
    const c = item as Cluster;
    return { ...c, members: c.members.map((s: MatchSide) => compactSpan(s, textOf)) };
  }
  return item;
}

/**
 * Puts back the span texts the worker sent empty in one chunk of a result array (each
 * is its article's slice; V8 shares the characters), as each chunk arrives, so no
 * turn does them all. It also keeps one copy of each repeated string (article ids,
 * speakers, kinds, grades, cluster ids, divergence types, wordings and messages)
 * through `pool`: structured clone gives every occurrence its own copy, which at
 * 10,000 articles is about a third of the result's memory on the main thread.
 */
export function restoreChunk(field: ChunkedField, items: unknown[], texts: Map<string, string>, pool: Map<string, string> = new Map()): void {
  /** Replaces a string field's value with the pooled copy (fields that are absent or not strings stay as they are). */
  const keep = <T extends object>(item: T, key: keyof T & string) => {
    const value = (item as Record<string, unknown>)[key];
    if (typeof value !== 'string') return;
    const kept = pool.get(value);
    if (kept !== undefined) (item as Record<string, unknown>)[key] = kept;
    else pool.set(value, value);
  };
  const restore = (s: Span & { speaker?: string | null }) => {
    keep(s, 'article');
    keep(s, 'speaker');
    if (s.text === '' && s.end > s.start) s.text = texts.get(s.article)?.slice(s.start, s.end) ?? '';
  };
  const keepAll = <T extends object>(item: T, keys: (keyof T & string)[]) => {
    for (const key of keys) keep(item, key);
  };
  if (field === 'quotes') {
    for (const q of items as Quote[]) {
      restore(q);
      keep(q, 'cue');
    }
  } else if (field === 'matches') {
    for (const m of items as Match[]) {
      keepAll(m, ['kind', 'grade', 'cluster']);
      restore(m.a);
      restore(m.b);
      for (const d of m.divergences ?? []) keepAll(d, ['type', 'a', 'b', 'message']);
    }
  } else if (field === 'clusters') {
    for (const c of items as Cluster[]) {
      keepAll(c, ['id', 'kind', 'grade', 'speaker']);
      for (const s of c.members ?? []) restore(s);
    }
  }
}

/** restoreChunk for each array of a result (or of a delta's items) that came whole, not in chunks. */
export function restoreUnchunked(
  arrays: Pick<AnalysisResult, 'quotes' | 'matches' | 'clusters'>,
  chunked: Partial<Record<ChunkedField, unknown>>,
  texts: Map<string, string>,
  pool: Map<string, string>,
): void {
  for (const field of ['quotes', 'matches', 'clusters'] as const) if (!chunked[field]) restoreChunk(field, arrays[field] ?? [], texts, pool);
}

/** Characters of article text per message when a request is posted in parts (about 8 MB as UTF-16, a few milliseconds to clone). */
export const POST_BATCH_CHARS = 4_000_000;

/** Splits a request's articles into consecutive batches of at most about `maxChars` characters of text (at least one batch). */
export function batchArticles(articles: SentArticle[], maxChars: number): SentArticle[][] {
  const batches: SentArticle[][] = [[]];
  let chars = 0;
  for (const a of articles) {
    const size = 'text' in a ? a.text.length : 0;
    if (chars > 0 && chars + size > maxChars) {
      batches.push([]);
      chars = 0;
    }
    batches[batches.length - 1].push(a);
    chars += size;
  }
  return batches;
}
