// The classifier's tunable thresholds.

/** Tunable thresholds of the classifier. */
export const DIVERGENCE_TUNING = {
  /** Minimum content words for a dropped or added part to count as a clause (omission/addition). */
  clauseMinWords: 3,
  /**
   * Minimum share of its version's words for a dropped or added clause to change the claim;
   * a shorter clause is extra detail around the same claim (reported as wording).
   */
  clauseMinShare: 0.3,
  /** How many words after (or before) a negation, hedge or qualifier are searched for the word it bears on. */
  markerScope: 4,
  /**
   * Most other unmatched content words a hunk may hold for a name change in it to count as a
   * swapped name; more, and the names belong to a stretch written in other words (a name for a
   * description: "the Ohio-born singer" / "Swift").
   */
  entityContext: 0,
};
