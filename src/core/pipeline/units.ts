// Units of an article: sentences of its direct quotes (carrying the speaker)
// and sentences outside them (passages), the pieces the aligner matches.
import { isBoilerplate } from '../extract/boilerplate';
import { extractQuotes } from '../extract/quotes';
import { canonicalizeSpeakers } from '../extract/speakers';
import { titleOf } from '../io/corpus';
import { splitSentences } from '../text/sentences';
import type { ArticleInput, ArticleSummary, Quote, Unit } from '../types';

/** Fewest words a quote or passage unit needs to be worth matching. */
export const MIN_UNIT_WORDS = 5;

/** An article as analyzeCorpus accepts it: the file name and title are optional. */
export type AnalyzableArticle = ArticleInput & { file?: string; title?: string };

/** True when a string has at least `min` words (stops counting there instead of listing every word). */
function hasWords(text: string, min: number): boolean {
  const word = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  let n = 0;
  while (n < min && word.exec(text)) n++;
  return n >= min;
}

/** Trims whitespace and stray quote marks/punctuation off a span's ends. */
function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /[\s"“”‘’'«»(]/.test(text[start])) start++;
  while (end > start && /[\s"“”‘’'«»),;:]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Fewest words a quoted fragment needs to be looked up inside longer units (align/fragments.ts). */
export const MIN_FRAGMENT_WORDS = 4;

/**
 * Splits each quote into sentences carrying the quote's speaker: those of a non-partial quote
 * with MIN_UNIT_WORDS words are units; the other sentences of MIN_FRAGMENT_WORDS words (a
 * partial quote's, short ones) are fragment units (`fragment: true`), which are only looked up
 * inside longer units of other articles.
 */
export function buildQuoteUnits(article: ArticleInput, quotes: Quote[]): Unit[] {
  const units: Unit[] = [];
  for (const q of quotes) {
    for (const s of splitSentences(q.text)) {
      const { start, end } = trimSpan(article.text, q.start + s.start, q.start + s.end);
      const text = article.text.slice(start, end);
      if (!hasWords(text, MIN_FRAGMENT_WORDS)) continue;
      const unit: Unit = { article: article.id, start, end, text, kind: 'quote', speaker: q.speaker, quote: q.id };
      if (q.partial || !hasWords(text, MIN_UNIT_WORDS)) unit.fragment = true;
      units.push(unit);
    }
  }
  return units;
}

/** Sentences outside full quotes become passage units; boilerplate ones are flagged. */
export function buildPassageUnits(article: ArticleInput, quotes: Quote[]): Unit[] {
  const full = quotes.filter((q) => !q.partial);
  const units: Unit[] = [];
  for (const s of splitSentences(article.text)) {
    if (full.some((q) => q.start < s.end && s.start < q.end)) continue;
    const { start, end } = trimSpan(article.text, s.start, s.end);
    const text = article.text.slice(start, end);
    if (!hasWords(text, MIN_UNIT_WORDS)) continue;
    const unit: Unit = { article: article.id, start, end, text, kind: 'passage', speaker: null };
    if (isBoilerplate(text)) unit.boilerplate = true;
    units.push(unit);
  }
  return units;
}

/** Summarises an article for the report. */
export function summarizeArticle(article: AnalyzableArticle): ArticleSummary {
  const { id, file, text } = article;
  const title = article.title ?? titleOf(text);
  // `file` only when known, and in the contract's field order: id, file, title, length.
  return file !== undefined ? { id, file, title, length: text.length } : { id, title, length: text.length };
}

/** Each article's quotes, grouped once (not a scan of every quote per article). */
export function quotesByArticle(quotes: readonly Quote[]): Map<string, Quote[]> {
  const byArticle = new Map<string, Quote[]>();
  for (const q of quotes) {
    const list = byArticle.get(q.article);
    if (list) list.push(q);
    else byArticle.set(q.article, [q]);
  }
  return byArticle;
}

/** Extracts the quotes of every article, numbering them across the corpus, with aliases merged. */
export function extractCorpusQuotes(articles: ArticleInput[]): Quote[] {
  const quotes: Quote[] = [];
  for (const article of articles) quotes.push(...extractQuotes(article, quotes.length + 1));
  return canonicalizeSpeakers(quotes);
}
