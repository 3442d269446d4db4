// Compares two texts: their divergence analysis (./divergence), graded (./grade). The entry of
// compare/ for the rest of core: compareTexts for every pair, matchTexts for an aligner's many
// candidate pairs.
import { Comparison } from '../types';
import { analyzeDivergence } from './divergence';
import { cannotMatch, gradeAnalysis } from './grade';
import { PreparedTexts } from './preparedTexts';
import { DivergenceContext } from './sides';

export { weakerGrade } from './grade';

/**
 * Compares two texts: `verbatim` when identical up to whitespace; `edited` when
 * only cosmetic (typography, case, punctuation, spelling; score 1 when the words
 * are identical);
 * `truncated` when one is a cut-down version of the other; `reworded` when the
 * same claim is made in other words; null when they do not say the same thing.
 * `texts` caches the texts' preparation (default: the cache shared by callers that hand none).
 */
export function compareTexts(a: string, b: string, ctx?: DivergenceContext, texts?: PreparedTexts): Comparison {
  return gradeAnalysis(a, b, analyzeDivergence(a ?? '', b ?? '', ctx ?? {}, undefined, texts));
}

/**
 * What matchTexts returns for two texts whose overlap figures rule a match out. Those figures
 * never depend on the speakers, so neither does this answer (frozen and shared: never mutate).
 */
export const CANNOT_MATCH: Comparison = Object.freeze({ grade: null, score: 0, divergences: Object.freeze([]) }) as unknown as Comparison;

/**
 * compareTexts for callers that use only the comparisons that match: the same result when the
 * grade is not null; a pair that cannot match is CANNOT_MATCH, found without classifying its
 * differences (most candidate pairs of an alignment).
 */
export function matchTexts(a: string, b: string, ctx?: DivergenceContext, texts?: PreparedTexts): Comparison {
  const analysis = analyzeDivergence(a ?? '', b ?? '', ctx ?? {}, (stats) => !cannotMatch(stats), texts);
  return cannotMatch(analysis.stats) ? CANNOT_MATCH : gradeAnalysis(a, b, analysis);
}
