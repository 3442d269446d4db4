// Overlap figures of a comparison: how many content words and words of each side have a
// counterpart on the other. They never depend on how leftover differences are classified.
import { Pair, Side } from './sides';

/** Word-overlap figures of a comparison, used for scoring. */
export interface DiffStats {
  /** Content tokens (non-stopword words and numbers) on each side. */
  contentA: number;
  contentB: number;
  /** Content tokens of each side with a counterpart on the other (equal, same lemma or synonym). */
  matchedA: number;
  matchedB: number;
  /** True when the texts are identical after typography, whitespace and case folding. */
  identical: boolean;
  /** Every word and number token on each side, function words included. */
  wordsA?: number;
  wordsB?: number;
  /** Word and number tokens of each side with a counterpart on the other. */
  wordsMatchedA?: number;
  wordsMatchedB?: number;
}

/** Word and number tokens of a side, and how many have a counterpart on the other side. */
function countWordTokens(s: Side): { words: number; matched: number } {
  let words = 0;
  let matched = 0;
  s.tokens.forEach((t, k) => {
    if (t.kind === 'punct') return;
    words++;
    if (s.pair[k] >= 0 || s.used[k]) matched++;
  });
  return { words, matched };
}

/** Content tokens of a side, and how many have a counterpart on the other side. */
function countContent(s: Side): { content: number; matched: number } {
  let content = 0;
  let matched = 0;
  s.tokens.forEach((t, k) => {
    if (!s.content[k]) return;
    content++;
    if (s.pair[k] >= 0 || s.used[k]) matched++;
  });
  return { content, matched };
}

/** Content tokens among those the attribution step consumed. */
function countAttributionContent(s: Side, consumed: boolean[]): number {
  let n = 0;
  for (let k = 0; k < consumed.length; k++) if (consumed[k] && s.content[k]) n++;
  return n;
}

/** Content tokens inside the side's quantities that have no equal counterpart (counted once per quantity holding them). */
function countChangedQuantityTokens(s: Side): number {
  let n = 0;
  for (const q of s.quantities) {
    for (let k = 0; k < s.tokens.length; k++) {
      const t = s.tokens[k];
      if (t.start >= q.start && t.end <= q.end && s.content[k] && s.pair[k] < 0) n++;
    }
  }
  return n;
}

/**
 * The overlap figures once words are paired. Attribution phrases (the tokens of each side that
 * the attribution step consumed) are not overlap and are counted out; changed quantities count
 * as one content token each side, matched by `quantityCredit` (capped at 1).
 */
export function overlapStats(p: Pair, quantityCredit: number, attributionUsedA: boolean[], attributionUsedB: boolean[]): DiffStats {
  const { A, B } = p;
  const ca = countContent(A);
  const cb = countContent(B);
  const attrA = countAttributionContent(A, attributionUsedA);
  const attrB = countAttributionContent(B, attributionUsedB);
  const qa = countChangedQuantityTokens(A);
  const qb = countChangedQuantityTokens(B);
  const wa = countWordTokens(A);
  const wb = countWordTokens(B);
  return {
    contentA: ca.content - attrA - qa + Math.min(qa, 1) * (A.quantities.length ? 1 : 0),
    contentB: cb.content - attrB - qb + Math.min(qb, 1) * (B.quantities.length ? 1 : 0),
    matchedA: ca.matched - attrA - qa + (qa > 0 ? Math.min(1, quantityCredit) : 0),
    matchedB: cb.matched - attrB - qb + (qb > 0 ? Math.min(1, quantityCredit) : 0),
    identical: A.identity === B.identity,
    wordsA: wa.words,
    wordsMatchedA: wa.matched,
    wordsB: wb.words,
    wordsMatchedB: wb.matched,
  };
}

/** Overlap figures seen from the other side. */
export function mirrorStats(s: DiffStats): DiffStats {
  return {
    contentA: s.contentB,
    contentB: s.contentA,
    matchedA: s.matchedB,
    matchedB: s.matchedA,
    identical: s.identical,
    wordsA: s.wordsB,
    wordsB: s.wordsA,
    wordsMatchedA: s.wordsMatchedB,
    wordsMatchedB: s.wordsMatchedA,
  };
}
