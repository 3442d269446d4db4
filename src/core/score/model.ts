// The same-claim model: probability that two sentences say the same thing,
// with the reason split per feature so a hover can say why. Weights come from
// weights.json, written by scripts/train-model.ts (logistic regression on MSRP
// train). Never imports vscode; nothing is downloaded or read at run time.
import { FEATURES, FEATURE_NAMES, featuresOfSentences, ruleScoreOf, type FeatureName } from './features';
import { predictLogistic, type LogisticModel } from './logistic';
import { analyzeSentence, type ScoreContext } from './tokens';
import weightsJson from './weights.json';

/** What weights.json holds: the fitted model, its probability cuts, and how it was made. */
export interface ScoreWeights extends LogisticModel {
  /** Probability cuts chosen in cross-validation: best F1 and accuracy on MSRP, and a strict one that few mined unrelated pairs pass. */
  cuts: { bestF1: number; bestAccuracy: number; strict: number };
  /** Training data and settings. */
  trainedOn: string;
  /** Cross-validated figures at probability 0.5. */
  crossValidated: { folds: number; seed: number; accuracy: number; f1: number; auc: number };
}

/** One feature's share of the decision. */
export interface FeatureContribution {
  feature: FeatureName;
  /** The feature's plain-words description. */
  description: string;
  /** Its raw value for this pair. */
  value: number;
  /** Its contribution to the logit (positive: towards "same claim"). */
  contribution: number;
}

/**
 * Plain-words reasons: each groups features that measure one thing, so their shares add up
 * without cancelling out of sight. Each reads one way when it pushes towards the same claim
 * (compared with a typical pair of one story) and the other way when it pushes against.
 */
export const REASONS = {
  wording: { description: 'shared wording and word order', plus: 'much shared wording', minus: 'little shared wording' },
  content: { description: 'shared specific content (rare words, names, numbers, synonyms)', plus: 'shared specific content', minus: 'little shared specific content' },
  unmatched: { description: 'content only one side has', plus: 'little content only one side has', minus: 'content only one side has' },
  length: { description: 'difference in length', plus: 'similar length', minus: 'different length' },
  names: { description: 'names', plus: 'names agree', minus: 'names differ' },
  numbers: { description: 'numbers', plus: 'numbers agree', minus: 'numbers differ' },
  polarity: { description: 'negation or opposite words', plus: 'same polarity', minus: 'a negation or an opposite word' },
} as const;

/** A reason's key. */
export type ReasonName = keyof typeof REASONS;

/** The reason each feature belongs to. */
export const REASON_OF: Readonly<Record<FeatureName, ReasonName>> = {
  word_overlap: 'wording',
  bigram_overlap: 'wording',
  content_bigram_overlap: 'wording',
  trigram_overlap: 'wording',
  char_overlap: 'wording',
  char4_overlap: 'wording',
  bleu: 'wording',
  common_subsequence: 'wording',
  common_run: 'wording',
  word_edits: 'wording',
  word_order: 'wording',
  rule_score: 'wording',
  content_cover_min: 'content',
  content_cover_max: 'content',
  rare_cover_min: 'content',
  rare_cover_max: 'content',
  specific_cover_min: 'content',
  specific_cover_max: 'content',
  shared_evidence: 'content',
  synonym_share: 'content',
  no_shared_content: 'content',
  content_dice: 'content',
  rare_dice: 'content',
  unmatched_max: 'unmatched',
  unmatched_min: 'unmatched',
  specific_unmatched: 'unmatched',
  unmatched_run: 'unmatched',
  unmatched_things: 'unmatched',
  unmatched_actions: 'unmatched',
  unmatched_modifiers: 'unmatched',
  unmatched_words_max: 'unmatched',
  unmatched_words_min: 'unmatched',
  length_ratio: 'length',
  length_gap: 'length',
  names_shared: 'names',
  names_unmatched: 'names',
  names_conflict: 'names',
  numbers_shared: 'numbers',
  numbers_unmatched: 'numbers',
  numbers_conflict: 'numbers',
  negation_differs: 'polarity',
  antonym: 'polarity',
};

/** One reason's share of the decision: the sum of its features' contributions. */
export interface ReasonContribution {
  reason: ReasonName;
  /** What the reason measures. */
  description: string;
  /** How it reads for this pair, by the sign of its contribution ("numbers differ"). */
  phrase: string;
  contribution: number;
}

/** The model's verdict on a pair. */
export interface PairScore {
  /** Probability that the two texts make the same claim. */
  probability: number;
  /** bias + Σ contributions. */
  logit: number;
  /** The logit of a pair whose every feature sits at its training mean. */
  bias: number;
  /** One entry per feature, in FEATURE_NAMES order. */
  contributions: FeatureContribution[];
  /** The contributions summed per reason, strongest (by size) first. */
  reasons: ReasonContribution[];
}

/** The committed model. */
export const SCORE_WEIGHTS: ScoreWeights = weightsJson as ScoreWeights;

/** Probability cut that maximised F1 in cross-validation on MSRP (pairs of one story). */
export const SAME_CLAIM_CUT = SCORE_WEIGHTS.cuts.bestF1;

/** Stricter cut for candidates from articles that share no story (at most 1 in 200 mined unrelated pairs pass it in cross-validation). */
export const STRICT_CLAIM_CUT = SCORE_WEIGHTS.cuts.strict;

const DESCRIPTIONS = new Map<string, string>(FEATURES.map(([name, text]) => [name, text]));

/** Throws when the weights do not fit the features (a stale weights.json). */
function checkWeights(w: ScoreWeights): void {
  if (w.features.length !== FEATURE_NAMES.length || w.features.some((f, k) => f !== FEATURE_NAMES[k])) {
    throw new Error('score/weights.json does not match the features; run scripts/train-model.ts --write');
  }
}

/**
 * Scores two texts (sentences or short passages): probability of the same claim, and
 * each feature's contribution to the logit (they sum with `bias` to `logit`).
 * Pass one context per corpus so each sentence is analysed once, and the comparison's
 * score when compareTexts already ran on the pair (else it runs here).
 */
export function scorePair(a: string, b: string, ctx?: ScoreContext, weights: ScoreWeights = SCORE_WEIGHTS, ruleScore?: number): PairScore {
  checkWeights(weights);
  const x = featuresOfSentences(analyzeSentence(a, ctx), analyzeSentence(b, ctx), ruleScore ?? ruleScoreOf(a, b), ctx);
  const p = predictLogistic(weights, x);
  const contributions = p.contributions.map((c, k) => ({ feature: FEATURE_NAMES[k], description: DESCRIPTIONS.get(FEATURE_NAMES[k]) ?? '', value: x[k], contribution: c }));
  return { probability: p.probability, logit: p.logit, bias: p.bias, contributions, reasons: sumReasons(contributions) };
}

/** Sums feature contributions per reason, strongest first. */
export function sumReasons(contributions: readonly FeatureContribution[]): ReasonContribution[] {
  const sums = new Map<ReasonName, number>();
  for (const c of contributions) sums.set(REASON_OF[c.feature], (sums.get(REASON_OF[c.feature]) ?? 0) + c.contribution);
  return [...sums]
    .map(([reason, contribution]) => ({ reason, description: REASONS[reason].description, phrase: contribution >= 0 ? REASONS[reason].plus : REASONS[reason].minus, contribution }))
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution));
}

/** The `n` contributions that weigh most (by size), strongest first: what a hover shows. */
export function topReasons(score: PairScore, n = 3): FeatureContribution[] {
  return score.contributions
    .slice()
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, n);
}

/**
 * One line for a hover: the probability, then the reasons that weigh most, each with its
 * direction (+ towards the same claim, − against) and size in logit units.
 */
export function explainScore(score: PairScore, n = 3): string {
  const parts = score.reasons.slice(0, n).map((r) => `${r.phrase} (${r.contribution >= 0 ? '+' : '−'}${Math.abs(r.contribution).toFixed(1)})`);
  return `same claim ${(100 * score.probability).toFixed(0)} %: ${parts.join('; ')}`;
}
