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

/** Longest text between two quotes of one speaker read as one quote (“…,” she said, “…”). */
export const MAX_CONTINUATION_GAP = 80;

/** Longest such text when neither quote has a known speaker. */
const MAX_UNATTRIBUTED_GAP = 40;

/** True when quote unit `next` (the first sentence of the next quote) continues the quote that `last` ends, across `gap`. */
function continuesQuote(last: Unit, next: Unit, gap: string): boolean {
  if (last.speaker !== next.speaker) return false;
  return gap.length <= (last.speaker ? MAX_CONTINUATION_GAP : MAX_UNATTRIBUTED_GAP);
}

/** Splits each (non-partial) quote into sentence units carrying the quote's speaker; neighbouring sentences of one speaker's quote are marked joinable (joinNext), and pieces too short to match alone are join-only. */
export function buildQuoteUnits(article: ArticleInput, quotes: Quote[]): Unit[] {
  const units: Unit[] = [];
  let last: Unit | undefined;
  for (const q of quotes) {
    if (q.partial) {
      last = undefined;
      continue;
    }
    splitSentences(q.text).forEach((s, k) => {
      const { start, end } = trimSpan(article.text, q.start + s.start, q.start + s.end);
      const text = article.text.slice(start, end);
      if (!hasWords(text, 1)) {
        last = undefined;
        return;
      }
      const unit: Unit = { article: article.id, start, end, text, kind: 'quote', speaker: q.speaker, quote: q.id };
      // a piece too short to match alone (“We will not stop,” she said, “until …”) is only read with its neighbours
      if (!hasWords(text, MIN_UNIT_WORDS)) unit.joinOnly = true;
      const gap = last ? article.text.slice(last.end, start) : '';
      if (last && (k > 0 || continuesQuote(last, unit, gap))) last.joinNext = gap;
      units.push((last = unit));
    });
  }
  return units;
}

/** Sentences outside full quotes become passage units; boilerplate ones are flagged; sentences next to each other are marked joinable (joinNext). */
export function buildPassageUnits(article: ArticleInput, quotes: Quote[]): Unit[] {
  const full = quotes.filter((q) => !q.partial);
  const units: Unit[] = [];
  let last: Unit | undefined;
  for (const s of splitSentences(article.text)) {
    if (full.some((q) => q.start < s.end && s.start < q.end)) continue;
    const { start, end } = trimSpan(article.text, s.start, s.end);
    const text = article.text.slice(start, end);
    if (!hasWords(text, MIN_UNIT_WORDS)) continue;
    const unit: Unit = { article: article.id, start, end, text, kind: 'passage', speaker: null };
    if (isBoilerplate(text)) unit.boilerplate = true;
    else if (last && !last.boilerplate && last.end <= start && /^\s*$/.test(article.text.slice(last.end, start))) last.joinNext = article.text.slice(last.end, start);
    units.push((last = unit));
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
