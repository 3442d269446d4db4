// Tuning, counters and cancellation of an alignment run.

/** Counters of one alignment run (for benchmarks and profiling). */
export interface AlignStats {
  /** Units that took part (no boilerplate, one copy per article). */
  units: number;
  /** Candidate pairs from the index. */
  candidates: number;
  /** compareTexts calls (text pairs not already in the cache). */
  compared: number;
  /** Candidates graded as saying the same thing. */
  graded: number;
  /** compareTexts calls that graded the pair as saying the same thing. */
  comparedSame: number;
}

/** Tuning of the candidate search. */
export interface AlignOptions {
  /** Minimum IDF-weighted key overlap (share of the lighter unit) for a candidate. */
  minOverlap?: number;
  /** Candidates graded per (unit, other article). */
  perArticle?: number;
  /** Candidates graded per unit overall (the best by key overlap). */
  perUnit?: number;
  /** Probe keys (stem pairs, numbers) held by more distinct texts than this are too common to look candidates up. */
  maxProbeDf?: number;
  /** Polled during the run; returning true stops it with AnalysisCancelled. */
  isCancelled?: () => boolean;
  /** Minimum Dice overlap of key sets (shared keys over both units' mean) for a candidate, unless its minOverlap share reaches `containOverlap`. */
  minDice?: number;
  /** A pair whose lighter unit is this much contained in the other stays a candidate whatever its Dice (truncations). */
  containOverlap?: number;
}

/** The candidate search tuning with every default filled in. */
export type ResolvedAlignOptions = Required<Omit<AlignOptions, 'isCancelled'>>;

const DEFAULTS: ResolvedAlignOptions = { minOverlap: 0.25, perArticle: 2, perUnit: 24, maxProbeDf: 100, minDice: 0.3, containOverlap: 0.7 };

/** The options with their defaults filled in. */
export function resolveAlignOptions(options: AlignOptions): ResolvedAlignOptions {
  return { ...DEFAULTS, ...options };
}

/** Thrown when an analysis is cancelled (its `isCancelled` callback returned true). */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** Calls `isCancelled` every 64th time and throws AnalysisCancelled when it says so. */
export function cancellationCheck(isCancelled?: () => boolean): () => void {
  if (!isCancelled) return () => {};
  let n = 0;
  return () => {
    if ((++n & 63) === 0 && isCancelled()) throw new AnalysisCancelled();
  };
}
