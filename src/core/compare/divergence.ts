// Classifies the differences between two versions of a passage: a word-level diff of their
// tokens (text/myers.ts, see ./sides), then each changed part typed as substantive (number,
// attribution, entity, negation, hedge, qualifier, truncation, omission, addition) or cosmetic
// (typography, punctuation, spelling, case, wording) by the passes of ./classify,
// ./quantities, ./items and ./leftovers. This module is the entry: it runs the passes in order,
// with the two sides in one canonical order, and mirrors the result back when needed.
import { Divergence, DivergenceType } from '../types';
import { PreparedTexts } from './preparedTexts';
import { DivergenceContext, Pair, diffSides, makeSide } from './sides';
import { classifyAttribution, classifyEqualTokens, classifyPunctuation } from './classify';
import { classifyQuantities } from './quantities';
import { classifyContractions } from './contractions';
import { collectItems, matchItems } from './items';
import { classifyLeftovers } from './leftovers';
import { demoteHedgesAgainstStance, demoteRewordedClauses } from './paraphrase';
import { DiffStats, mirrorStats, overlapStats } from './stats';

/** Divergences plus the overlap figures behind them. */
export interface DiffAnalysis {
  divergences: Divergence[];
  stats: DiffStats;
}

/**
 * The prepared texts of every comparison whose caller hands none of its own. This module owns it;
 * `releaseSideTexts` empties it.
 */
const sharedTexts = new PreparedTexts();

/**
 * Empties the shared cache of prepared texts (tokens, quantities, attributions per text: tens of
 * MB after a large alignment), e.g. once an alignment's comparisons are done. Results never depend
 * on it; texts compared again later are prepared again.
 */
export function releaseSideTexts(): void {
  sharedTexts.clear();
}

/**
 * Diffs two texts and classifies every difference; also returns overlap figures. The analysis
 * always runs with the two sides in one canonical order and is mirrored back when needed, so
 * comparing b with a gives exactly the mirror image of comparing a with b.
 * With `classifyIf`, the overlap figures (which never depend on how leftover differences are
 * classified) are computed first, and when `classifyIf(stats)` is false the analysis stops there:
 * `divergences` is then empty. `texts` caches the texts' preparation (by default a cache shared
 * by every caller that hands none).
 */
export function analyzeDivergence(a: string, b: string, ctx: DivergenceContext = {}, classifyIf?: (stats: DiffStats) => boolean, texts: PreparedTexts = sharedTexts): DiffAnalysis {
  const ta = a ?? '';
  const tb = b ?? '';
  const swap = ta > tb || (ta === tb && (ctx.speakerA ?? '') > (ctx.speakerB ?? ''));
  if (!swap) return analyzeOrdered(ta, tb, ctx, false, classifyIf, texts);
  const mirroredCtx = { speakerA: ctx.speakerB, speakerB: ctx.speakerA };
  const r = analyzeOrdered(tb, ta, mirroredCtx, true, classifyIf && ((stats) => classifyIf(mirrorStats(stats))), texts);
  const divergences = r.divergences.map(mirrorDivergence);
  divergences.sort(byStart);
  return { divergences, stats: mirrorStats(r.stats) };
}

/**
 * Word-level diff of two texts, each changed part classified into a typed
 * divergence (substantive or cosmetic). Offsets are relative to `a` and `b`.
 */
export function classifyDivergence(a: string, b: string, ctx?: DivergenceContext): Divergence[] {
  return analyzeDivergence(a, b, ctx).divergences;
}

/** Orders divergences by their start offset (side A's, else side B's). */
function byStart(x: Divergence, y: Divergence): number {
  return (x.aStart ?? x.bStart ?? 0) - (y.aStart ?? y.bStart ?? 0);
}

/** A divergence seen from the other side: sides and offsets swapped, omission ↔ addition. */
function mirrorDivergence(d: Divergence): Divergence {
  const type: DivergenceType = d.type === 'omission' ? 'addition' : d.type === 'addition' ? 'omission' : d.type;
  const m: Divergence = { type, substantive: d.substantive, a: d.b, b: d.a, message: d.message };
  if (d.bStart !== undefined) {
    m.aStart = d.bStart;
    m.aEnd = d.bEnd;
  }
  if (d.aStart !== undefined) {
    m.bStart = d.aStart;
    m.bEnd = d.aEnd;
  }
  return m;
}

/** Which tokens of each side `step` consumes (used after it, not before). */
function consumedBy(p: Pair, step: () => void): [boolean[], boolean[]] {
  const before = { a: p.A.used.slice(), b: p.B.used.slice() };
  step();
  return [p.A.used.map((u, k) => u && !before.a[k]), p.B.used.map((u, k) => u && !before.b[k])];
}

/**
 * The analysis proper, sides as given; `mirrored` says they are the other way round from the
 * caller's order (messages are written for the caller's). See analyzeDivergence for `classifyIf`.
 */
function analyzeOrdered(a: string, b: string, ctx: DivergenceContext, mirrored: boolean, classifyIf: ((stats: DiffStats) => boolean) | undefined, texts: PreparedTexts): DiffAnalysis {
  const A = makeSide(a, texts);
  const B = makeSide(b, texts);
  const p: Pair = { A, B, hunks: diffSides(A, B, texts), mirrored };
  const typo: Divergence[] = [];
  classifyEqualTokens(p, typo);
  classifyContractions(p, typo);
  const subst: Divergence[] = [];
  const quantityCredit = classifyQuantities(p, subst);
  const [attributionUsedA, attributionUsedB] = consumedBy(p, () => classifyAttribution(p, ctx, subst));
  const ia = collectItems(A, 'a', p.hunks);
  const ib = collectItems(B, 'b', p.hunks);
  const wording: Divergence[] = [];
  matchItems(p, ia, ib, wording);
  // classifying the leftovers and punctuation below never changes which tokens are paired or used
  const stats = overlapStats(p, quantityCredit, attributionUsedA, attributionUsedB);
  if (classifyIf && !classifyIf(stats)) return { divergences: [], stats };
  classifyLeftovers(p, ia, ib, subst);
  demoteRewordedClauses(p, subst);
  demoteHedgesAgainstStance(p, subst);
  classifyPunctuation(p, typo);
  const divergences = [...subst, ...wording, ...typo].sort(byStart);
  return { divergences, stats };
}
