// Incremental re-analysis: a CorpusAnalyzer remembers, between runs, each
// article's quotes and passage units (by id and text) and the alignment's memo
// tables (index keys per text, comparisons per text pair). Re-analysing after
// one article changed re-extracts that article only and compares only the
// pairs that involve its new texts; every other step reuses cached work.
// The result is exactly analyzeCorpus's for the same articles.
import { alignUnits, cancellationCheck, createAlignCache, type AlignCache } from './align';
import { buildPassageUnits, buildQuoteUnits, summarizeArticle, type AnalyzableArticle, type AnalyzeOptions } from './analyze';
import { extractQuotes } from './quotes';
import { canonicalizeSpeakers } from './speakers';
import type { AnalysisResult, ArticleSummary, Quote, Unit } from './types';

/** What is remembered of one article (keyed by id and text). */
interface ArticleMemo {
  text: string;
  /** Quotes extracted with ids q1.. (renumbered when the corpus is assembled). */
  quotes: Quote[];
  /** Passage units (they depend on quote positions only, never on speakers). */
  passages: Unit[];
  /** Quote units of the last run and the speakers and quote ids they were built with. */
  quoteUnits?: { speakers: (string | null)[]; ids: string[]; units: Unit[] };
  /** The article's summary and the file name and title it was made from. */
  summary?: { file?: string; title?: string; value: ArticleSummary };
}

/** Analyses a corpus again and again, reusing the work of earlier runs. */
export class CorpusAnalyzer {
  private memos = new Map<string, ArticleMemo>();
  private readonly cache: AlignCache = createAlignCache();

  /** Analyses the articles; the same result as analyzeCorpus(articles, options). */
  analyze(articles: AnalyzableArticle[], options: AnalyzeOptions = {}): AnalysisResult {
    const check = cancellationCheck(options.align?.isCancelled);
    const next = new Map<string, ArticleMemo>();
    const raw: Quote[] = [];
    for (const article of articles) {
      check();
      const memo = this.memoOf(article);
      next.set(article.id, memo);
      const base = raw.length;
      for (const q of memo.quotes) raw.push({ ...q, id: `q${base + Number(q.id.slice(1))}` });
    }
    // memos of articles extracted so far are kept even if alignment is cancelled
    for (const [id, memo] of next) this.memos.set(id, memo);
    if (this.memos.size > next.size) this.memos = next;
    const quotes = canonicalizeSpeakers(raw);
    const byArticle = new Map<string, Quote[]>();
    for (const q of quotes) {
      const list = byArticle.get(q.article);
      if (list) list.push(q);
      else byArticle.set(q.article, [q]);
    }
    const units: Unit[] = [];
    for (const article of articles) {
      const memo = next.get(article.id)!;
      units.push(...quoteUnitsOf(article, memo, byArticle.get(article.id) ?? []), ...memo.passages);
    }
    const { matches, clusters } = alignUnits(units, options.align, options.stats, this.cache);
    return { version: 1, articles: articles.map((a) => summaryOf(a, next.get(a.id)!)), quotes, matches, clusters };
  }

  /** Forgets everything (e.g. when the corpus folder changes). */
  clear(): void {
    this.memos.clear();
    this.cache.keys.clear();
    this.cache.comparisons.clear();
  }

  private memoOf(article: AnalyzableArticle): ArticleMemo {
    const old = this.memos.get(article.id);
    if (old && old.text === article.text) return old;
    const quotes = extractQuotes(article, 1);
    return { text: article.text, quotes, passages: buildPassageUnits(article, quotes) };
  }
}

/** The article's quote units, reused while its quotes keep their speakers and ids (speaker merging is corpus-wide). */
function quoteUnitsOf(article: AnalyzableArticle, memo: ArticleMemo, quotes: Quote[]): Unit[] {
  const old = memo.quoteUnits;
  if (old && old.speakers.length === quotes.length && quotes.every((q, i) => q.speaker === old.speakers[i] && q.id === old.ids[i])) return old.units;
  const units = buildQuoteUnits(article, quotes);
  memo.quoteUnits = { speakers: quotes.map((q) => q.speaker), ids: quotes.map((q) => q.id), units };
  return units;
}

/** The article's summary, reused while its file name and title stay the same. */
function summaryOf(article: AnalyzableArticle, memo: ArticleMemo): ArticleSummary {
  const old = memo.summary;
  if (old && old.file === article.file && old.title === article.title) return old.value;
  const value = summarizeArticle(article);
  memo.summary = { file: article.file, title: article.title, value };
  return value;
}
