// The same-claim model: probability that two sentences say the same thing,
// with the reason split per feature so a hover can say why. Weights come from
// weights.json, written by scripts/train-model.ts (logistic regression on MSRP
// train). Never imports vscode; nothing is downloaded or read at run time.
import { FEATURES, FEATURE_NAMES, featuresOfSentences, type FeatureName } from './features';
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
 * Pass one context per corpus so each sentence is analysed once.
 */
export function scorePair(a: string, b: string, ctx?: ScoreContext, weights: ScoreWeights = SCORE_WEIGHTS): PairScore {
  checkWeights(weights);
  const x = featuresOfSentences(analyzeSentence(a, ctx), analyzeSentence(b, ctx), ctx);
  const p = predictLogistic(weights, x);
  return {
    probability: p.probability,
    logit: p.logit,
    bias: p.bias,
    contributions: p.contributions.map((c, k) => ({ feature: FEATURE_NAMES[k], description: DESCRIPTIONS.get(FEATURE_NAMES[k]) ?? '', value: x[k], contribution: c })),
  };
}

/** The `n` contributions that weigh most (by size), strongest first: what a hover shows. */
export function topReasons(score: PairScore, n = 3): FeatureContribution[] {
  return score.contributions
    .slice()
    .sort((x, y) => Math.abs(y.contribution) - Math.abs(x.contribution))
    .slice(0, n);
}

/** One line for a hover: the probability and the strongest reasons for and against. */
export function explainScore(score: PairScore, n = 3): string {
  const parts = topReasons(score, n).map((c) => `${c.contribution >= 0 ? '+' : '−'} ${c.description}`);
  return `same claim ${(100 * score.probability).toFixed(0)} %: ${parts.join('; ')}`;
}
