// The rows of "Find Quote Across Sources…": one row per quoted statement (per
// cluster), with its speaker and the outlets carrying it. Headlines are left
// out; one- or two-word scare quotes are grouped apart. Pure: no `vscode` import.
import type { Article, Quote } from '../../core/types';
import type { CorpusIndex } from './corpusIndex';
import { quoteItem } from './trees';

/** One quoted statement as carried across the corpus. */
export interface QuoteRow {
  /** The statement's words (the longest version). */
  text: string;
  /** The speaker most versions name, or null. */
  speaker: string | null;
  /** Distinct outlets (article ids) carrying it, in corpus order. */
  outlets: string[];
  /** Clusters the statement belongs to. */
  clusters: string[];
  /** The version to reveal when the row is picked. */
  quote: Quote;
}

/** The rows: statements first (most widely carried first), scare quotes apart. */
export interface QuoteRows {
  statements: QuoteRow[];
  scareQuotes: QuoteRow[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const wordCount = (s: string) => s.split(/\s+/).filter((w) => /\w/.test(w)).length;

/** True when the quote sits in the article's headline (its first line, when that line is the title). */
export function isHeadlineQuote(q: Quote, article: Article): boolean {
  const nl = article.text.indexOf('\n');
  const firstLine = nl < 0 ? article.text : article.text.slice(0, nl);
  if (q.start >= firstLine.length) return false;
  return !article.title || norm(firstLine) === norm(article.title) || norm(article.title).includes(norm(q.text));
}

/** True for a one- or two-word quote that reports no statement (a scare quote: “criminals”, “rapists”). */
export function isScareQuote(q: Quote): boolean {
  return wordCount(q.text) <= 2 && (q.partial === true || !q.cue);
}

/** Groups the corpus's quotes into rows (see the module comment). */
export function quoteRows(index: CorpusIndex): QuoteRows {
  const order = new Map(index.articles.map((a, i) => [a.id, i]));
  const statements = new Map<string, Quote[]>();
  const scare = new Map<string, Quote[]>();
  const clustersOf = new Map<Quote, string[]>();
  for (const q of index.result.quotes ?? []) {
    const article = index.article(q.article);
    if (!article || isHeadlineQuote(q, article)) continue;
    const clusters = quoteItem(index, q).clusters;
    clustersOf.set(q, clusters);
    const [map, key] = isScareQuote(q) ? [scare, 't:' + norm(q.text)] : [statements, clusters.length ? 'c:' + clusters[0] : 't:' + norm(q.text)];
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    list.push(q);
  }
  const build = (quotes: Quote[]) => rowOf(index, quotes, clustersOf, order);
  const sort = (rows: QuoteRow[]) => rows.sort((a, b) => b.outlets.length - a.outlets.length || a.text.localeCompare(b.text));
  return { statements: sort([...statements.values()].map(build)), scareQuotes: sort([...scare.values()].map(build)) };
}

/** One row from the quotes of one statement. */
function rowOf(index: CorpusIndex, quotes: Quote[], clustersOf: Map<Quote, string[]>, order: Map<string, number>): QuoteRow {
  const clusters = [...new Set(quotes.flatMap((q) => clustersOf.get(q) ?? []))];
  const outlets = new Set(quotes.map((q) => q.article));
  for (const id of clusters) for (const m of index.cluster(id)?.members ?? []) if (index.article(m.article)) outlets.add(m.article);
  const longest = quotes.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return {
    text: longest.text,
    speaker: commonSpeaker(quotes),
    outlets: [...outlets].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)),
    clusters,
    quote: quotes[0],
  };
}

/** The speaker named by most versions (ties: the first named), or null. */
function commonSpeaker(quotes: Quote[]): string | null {
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.speaker) counts.set(q.speaker, (counts.get(q.speaker) ?? 0) + 1);
  let best: string | null = null;
  for (const [s, n] of counts) if (best === null || n > counts.get(best)!) best = s;
  return best;
}
