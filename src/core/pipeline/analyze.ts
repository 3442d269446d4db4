// The engine's entry point: articles in, quotes + graded cross-source matches
// out. One run of the incremental analyzer (incremental.ts), the one pipeline:
// sentence splitting, quote extraction, boilerplate filtering and alignment.
import type { AnalysisResult } from '../types';
import { CorpusAnalyzer, type AnalyzeOptions } from './incremental';
import type { AnalyzableArticle } from './units';

/**
 * Analyses a corpus: direct quotes with speakers, and graded matches (clustered)
 * between quotes and passages of different articles, with their divergences.
 */
export function analyzeCorpus(articles: AnalyzableArticle[], options: AnalyzeOptions = {}): AnalysisResult {
  return new CorpusAnalyzer().analyze(articles, options);
}
