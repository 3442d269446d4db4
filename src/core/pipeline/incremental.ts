// Incremental re-analysis: a CorpusAnalyzer remembers, between runs, each
// article's quotes and passage units (by id and text) and the alignment's memo
// tables (index keys per text, comparisons per text pair). Re-analysing after
// one article changed re-extracts that article only and compares only the
// pairs that involve its new texts; every other step reuses cached work.
// analyzeCorpus is one run of a fresh CorpusAnalyzer: there is one pipeline.
// `preview` is the fast first phase of an update: alignment from the index of
// the last exact run, frozen (see previewAlignment); `analyze` afterwards gives
// the exact result.
import { alignUnits, cancellationCheck, createAlignCache, previewAlignment, type AlignCache, type AlignOptions, type AlignStats } from '../align/align';
import { resetAlignCache } from '../align/cache';
import { buildPassageUnits, buildQuoteUnits, quotesByArticle, summarizeArticle, type AnalyzableArticle } from './units';
import { extractQuotes } from '../extract/quotes';
import { canonicalizeSpeakers } from '../extract/speakers';
import type { AnalysisResult, ArticleSummary, Match, Quote, Unit } from '../types';

/** Options of an analysis: alignment tuning, and counters filled in for benchmarks. */
export interface AnalyzeOptions {
  /** Candidate search tuning (defaults suit news corpora). */
  align?: AlignOptions;
  /** Filled with the alignment's counters when given. */
  stats?: AlignStats;
}

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

  /** The article texts and matches of the last exact run (what previews start from). */
  private exact?: { texts: Map<string, string>; matches: Match[] };

  /** Canonical speaker per speaker name, for the set of speaker names it was made from (see canonicalNames). */
  private speakerNames?: { names: Set<string>; canonical: Map<string, string | null> };

  /** Analyses the articles (quotes with speakers, graded and clustered matches); reuses the work of earlier runs. */
  analyze(articles: AnalyzableArticle[], options: AnalyzeOptions = {}): AnalysisResult {
    const { next, quotes, units } = this.assemble(articles, cancellationCheck(options.align?.isCancelled));
    const { matches, clusters } = alignUnits(units, options.align, options.stats, this.cache);
    this.exact = { texts: new Map(articles.map((a) => [a.id, a.text])), matches };
    return { version: 1, articles: articles.map((a) => summaryOf(a, next.get(a.id)!)), quotes, matches, clusters };
  }

  /**
   * A quick, approximate result (phase 1 of an update): quotes, units and
   * summaries as `analyze` gives them, and the matches of articles whose text
   * changed since the last exact run found in that run's frozen index (see
   * previewAlignment); the other matches are kept. Undefined before the first
   * exact run, or when nothing changed since it.
   */
  preview(articles: AnalyzableArticle[], options: AnalyzeOptions = {}): AnalysisResult | undefined {
    const exact = this.exact;
    if (!exact || !this.cache.frozen) return undefined;
    const changed = new Set<string>();
    for (const a of articles) if (exact.texts.get(a.id) !== a.text) changed.add(a.id);
    if (!changed.size && articles.length === exact.texts.size) return undefined;
    const { next, quotes, units } = this.assemble(articles, cancellationCheck(options.align?.isCancelled));
    const texts = new Map(articles.map((a) => [a.id, a.text]));
    const aligned = previewAlignment(units, changed, exact.matches, texts, this.cache, options.align);
    if (!aligned) return undefined;
    return { version: 1, articles: articles.map((a) => summaryOf(a, next.get(a.id)!)), quotes, ...aligned };
  }

  /** Extracts (or reuses) each article's quotes and units, numbers the quotes across the corpus and merges speakers. */
  private assemble(articles: AnalyzableArticle[], check: () => void): { next: Map<string, ArticleMemo>; quotes: Quote[]; units: Unit[] } {
    const next = new Map<string, ArticleMemo>();
    const names = new Set<string>();
    for (const article of articles) {
      check();
      const memo = this.memoOf(article);
      next.set(article.id, memo);
      for (const q of memo.quotes) if (q.speaker) names.add(q.speaker);
    }
    // memos of articles extracted so far are kept even if alignment is cancelled
    for (const [id, memo] of next) this.memos.set(id, memo);
    if (this.memos.size > next.size) this.memos = next;
    // quotes numbered across the corpus, speakers merged (one copy of each quote)
    const canonical = this.canonicalNames(names);
    const quotes: Quote[] = [];
    for (const article of articles) {
      const memo = next.get(article.id)!;
      const base = quotes.length;
      for (const q of memo.quotes) {
        const id = `q${base + Number(q.id.slice(1))}`;
        quotes.push(q.speaker ? { ...q, id, speaker: canonical.get(q.speaker)! } : { ...q, id });
      }
    }
    const byArticle = quotesByArticle(quotes);
    const units: Unit[] = [];
    for (const article of articles) {
      const memo = next.get(article.id)!;
      units.push(...quoteUnitsOf(article, memo, byArticle.get(article.id) ?? []), ...memo.passages);
    }
    return { next, quotes, units };
  }

  /**
   * What canonicalizeSpeakers makes of each speaker name, worked out once per
   * distinct name: its output for a quote depends only on that quote's speaker
   * and on the set of every quote's speaker (the full names it merges aliases
   * into), so the mapping is kept while that set stays the same (an edit rarely changes it).
   */
  private canonicalNames(names: Set<string>): Map<string, string | null> {
    let memo = this.speakerNames;
    if (!memo || !sameSet(memo.names, names)) {
      const probes = [...names].map((speaker) => ({ speaker }) as Quote);
      const canonical = canonicalizeSpeakers(probes).map((q) => q.speaker);
      memo = this.speakerNames = { names, canonical: new Map(probes.map((p, i) => [p.speaker!, canonical[i]])) };
    }
    return memo.canonical;
  }

  /** Forgets everything (e.g. when the corpus folder changes). */
  clear(): void {
    this.speakerNames = undefined;
    this.memos.clear();
    this.exact = undefined;
    resetAlignCache(this.cache);
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

/** Whether two sets hold the same items. */
function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
