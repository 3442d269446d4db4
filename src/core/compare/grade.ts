// Grading: how closely two versions of a quote or passage agree, from their divergence analysis:
// verbatim, edited, truncated, reworded, or null (they do not say the same thing).
import { Comparison, Divergence, GRADE_ORDER, Grade } from '../types';
import { DiffAnalysis } from './divergence';
import { DiffStats } from './stats';

/** Minimum overlap (see `overlapScore`) for two texts to count as saying the same thing. */
export const SAME_CLAIM_THRESHOLD = 0.5;
/**
 * How much each kind of substantive divergence (number, negation, entity, ...) lowers the
 * similarity score: two versions that differ in a number make less the same claim.
 */
export const SUBSTANTIVE_PENALTY = 0.2;
/** Minimum share of the shorter side found in the longer one for a truncation. */
export const TRUNCATION_COVERAGE = 0.9;
/** Weight of the all-words overlap (function words included: they carry structure and scope) in `overlapScore`. */
export const WORD_OVERLAP_WEIGHT = 0.5;

/** The weaker of two grades (verbatim > edited > truncated > reworded). */
export function weakerGrade(a: Grade, b: Grade): Grade {
  return GRADE_ORDER.indexOf(a) >= GRADE_ORDER.indexOf(b) ? a : b;
}

/**
 * Overlap score in [0, 1]. Content overlap is the mean of the share of content words with a
 * counterpart over both sides (Dice) and the smaller side's share (so that a short text inside a
 * long one is not the same claim as the long one); it is blended with the Dice share of every
 * word (WORD_OVERLAP_WEIGHT).
 */
export function overlapScore(stats: DiffStats): number {
  const total = stats.contentA + stats.contentB;
  if (total <= 0) return stats.identical ? 1 : 0;
  const dice = (stats.matchedA + stats.matchedB) / total;
  const least = Math.min(stats.contentA > 0 ? stats.matchedA / stats.contentA : 0, stats.contentB > 0 ? stats.matchedB / stats.contentB : 0);
  const content = (dice + least) / 2;
  const words = (stats.wordsA ?? 0) + (stats.wordsB ?? 0);
  const all = words > 0 ? ((stats.wordsMatchedA ?? 0) + (stats.wordsMatchedB ?? 0)) / words : content;
  return Math.max(0, Math.min(1, (1 - WORD_OVERLAP_WEIGHT) * content + WORD_OVERLAP_WEIGHT * all));
}

/** Share of the shorter side's content that the longer side carries. */
export function coverageScore(stats: DiffStats): number {
  // sides of equal length: the better-covered one, so that the figure is the same either way round
  if (stats.contentA === stats.contentB) return stats.contentA > 0 ? Math.min(1, Math.max(stats.matchedA, stats.matchedB) / stats.contentA) : 0;
  const shorter = stats.contentA < stats.contentB ? [stats.matchedA, stats.contentA] : [stats.matchedB, stats.contentB];
  return shorter[1] > 0 ? Math.min(1, shorter[0] / shorter[1]) : 0;
}

/** True when the overlap figures alone show that the pair grades null (not the same claim, not a truncation). */
export function cannotMatch(stats: DiffStats): boolean {
  return !stats.identical && overlapScore(stats) < SAME_CLAIM_THRESHOLD && coverageScore(stats) < TRUNCATION_COVERAGE;
}

/** The comparison of two texts from their divergence analysis. */
export function gradeAnalysis(a: string, b: string, { divergences, stats }: DiffAnalysis): Comparison {
  if (!/[\p{L}\p{N}]/u.test(a ?? '') || !/[\p{L}\p{N}]/u.test(b ?? '')) return { grade: null, score: 0, divergences: [] };
  const types = new Set(divergences.map((d) => d.type));
  // identical words: verbatim only when written alike too; a curly apostrophe or a capital changed is an edit
  if (stats.identical) return { grade: types.has('typography') || types.has('case') ? 'edited' : 'verbatim', score: 1, divergences };
  const score = overlapScore(stats);
  const truncation = types.has('truncation');
  if (score < SAME_CLAIM_THRESHOLD && !(truncation && coverageScore(stats) >= TRUNCATION_COVERAGE)) {
    const kinds = new Set(divergences.filter((d) => d.substantive).map((d) => d.type)).size;
    return { grade: null, score: round(Math.max(0, score - SUBSTANTIVE_PENALTY * kinds)), divergences };
  }
  const { grade, kinds } = gradeDivergences(divergences);
  const overlap = truncation ? Math.max(score, 0.5 + 0.4 * coverageScore(stats) * score) : score;
  const finalScore = Math.max(0, overlap - SUBSTANTIVE_PENALTY * kinds);
  return { grade, score: round(grade === 'verbatim' ? Math.max(finalScore, 0.99) : Math.min(finalScore, 0.99)), divergences };
}

/** The grade the divergences leave a same-claim pair, and how many kinds of substantive divergence they hold. */
function gradeDivergences(divergences: Divergence[]): { grade: Grade; kinds: number } {
  let grade: Grade = 'verbatim';
  const kinds = new Set<string>();
  for (const d of divergences) {
    if (d.substantive) kinds.add(d.type);
    // who is credited is no change of the words: an identical quote with another speaker stays verbatim
    if (d.type === 'attribution') continue;
    if (d.type === 'typography' || d.type === 'case' || d.type === 'punctuation' || d.type === 'spelling') grade = weakerGrade(grade, 'edited');
    else if (d.type === 'truncation') grade = weakerGrade(grade, 'truncated');
    else grade = 'reworded';
  }
  return { grade, kinds: kinds.size };
}

/** Rounds a score to three decimals. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
