// The quantity pass: the quantities that changed between the two sides are paired and compared
// as claims (a different number, a changed qualifier, the same amount rounded or reworded).
import { Divergence } from '../types';
import { Quantity, describeQuantity } from '../extract/numbers';
import { compareQuantities } from '../extract/quantityComparison';
import { Pair, Side, hunkOf, makeDivergence } from './sides';
import { quote, vs } from './messages';

/** A year as written in news ("2002"): a date, not an amount. */
function isYear(q: Quantity): boolean {
  return !q.unit && q.op === '=' && Number.isInteger(q.value) && q.value >= 1800 && q.value <= 2100 && /^\d{4}$/.test(q.text.trim());
}

/**
 * True when two quantities measure the same kind of thing and can stand for each other: not a
 * percentage against a sum of money or a plain count ("6 percent" / "$600" / "63"), not a year
 * against an amount.
 */
function comparableQuantities(q: Quantity, p: Quantity): boolean {
  if (q.unit && p.unit && q.unit !== p.unit) return false;
  if ((q.unit === '%') !== (p.unit === '%')) return false;
  return isYear(q) === isYear(p);
}

/** The token range [from, to) of a quantity on its side. */
function quantityTokens(s: Side, q: Quantity): readonly [number, number] {
  const from = s.tokens.findIndex((t) => t.start >= q.start);
  let to = s.tokens.findIndex((t) => t.start >= q.end);
  if (to < 0) to = s.tokens.length;
  return [from, to] as const;
}

/** True when one of the quantity's own tokens has no equal counterpart. */
function isChanged(s: Side, q: Quantity): boolean {
  const [f, t] = quantityTokens(s, q);
  for (let k = f; k < t; k++) if (s.pair[k] < 0) return true;
  return false;
}

/** True when one of the quantity's tokens is paired with a token of one of `others` on side `o`. */
function alignsWith(s: Side, q: Quantity, o: Side, others: Quantity[]): boolean {
  const [f, t] = quantityTokens(s, q);
  return others.some((p) => {
    const [fo, to] = quantityTokens(o, p);
    for (let k = f; k < t; k++) if (s.pair[k] >= fo && s.pair[k] < to) return true;
    return false;
  });
}

/** Marks the quantity's tokens as consumed. */
function consume(s: Side, q: Quantity): void {
  const [f, t] = quantityTokens(s, q);
  for (let k = f; k < t; k++) s.used[k] = true;
}

/**
 * The quantities of each side that count as changed: their own words changed, or they line up
 * with one that did ("300" is unchanged in itself, but lines up with "up to 300").
 */
function changedQuantities(A: Side, B: Side): { qa: Quantity[]; qb: Quantity[] } {
  const changedA = A.quantities.filter((q) => isChanged(A, q));
  const changedB = B.quantities.filter((q) => isChanged(B, q));
  const qa = A.quantities.filter((q) => changedA.includes(q) || alignsWith(A, q, B, changedB));
  const qb = B.quantities.filter((q) => changedB.includes(q) || alignsWith(B, q, A, changedA));
  return { qa, qb };
}

/** B's partner for A's changed quantity `q`: one aligned with q's tokens, else the same claim, else the next comparable changed one (same hunk first). */
function findPartner(p: Pair, q: Quantity, qb: Quantity[], usedB: Set<Quantity>): Quantity | undefined {
  const { A, B, hunks } = p;
  const [fa, ta] = quantityTokens(A, q);
  let partner = B.quantities.find((o) => {
    const [fb, tb] = quantityTokens(B, o);
    for (let k = fa; k < ta; k++) if (A.pair[k] >= fb && A.pair[k] < tb) return !usedB.has(o);
    return false;
  });
  partner = partner ?? qb.find((o) => !usedB.has(o) && compareQuantities(q, o).same);
  const h = hunkOf(hunks, 'a', fa);
  return (
    partner ??
    qb.find((o) => !usedB.has(o) && comparableQuantities(q, o) && hunkOf(hunks, 'b', quantityTokens(B, o)[0]) === h) ??
    qb.find((o) => !usedB.has(o) && comparableQuantities(q, o))
  );
}

/** Reports how a paired quantity differs, if at all; returns the overlap credit the pair earns. */
function compareQuantityPair(p: Pair, q: Quantity, partner: Quantity, out: Divergence[]): number {
  const { A, B } = p;
  const [fa, ta] = quantityTokens(A, q);
  const [fb, tb] = quantityTokens(B, partner);
  const cmp = compareQuantities(q, partner);
  if (cmp.same) {
    if (q.text.toLowerCase() !== partner.text.toLowerCase()) out.push(makeDivergence('wording', A, fa, ta, B, fb, tb, `Same quantity in other words: ${vs(p, quote(q.text), quote(partner.text))}.`));
    return 1;
  }
  if (cmp.rounded) {
    out.push(makeDivergence('wording', A, fa, ta, B, fb, tb, `Same quantity, rounded: ${vs(p, quote(q.text), quote(partner.text))}.`));
    return 1;
  }
  const described = vs(p, `${quote(q.text)} (${describeQuantity(q)})`, `${quote(partner.text)} (${describeQuantity(partner)})`);
  if (cmp.onlyQualifier) {
    out.push(makeDivergence('qualifier', A, fa, ta, B, fb, tb, `Qualifier differs: ${described}.`));
    return 0.75;
  }
  out.push(makeDivergence('number', A, fa, ta, B, fb, tb, `Different quantity: ${described}.`));
  return 0.5;
}

/** Quantities: changed ones are paired and compared as claims; returns the overlap credit the pairs earn. */
export function classifyQuantities(p: Pair, out: Divergence[]): number {
  const { A, B } = p;
  const { qa, qb } = changedQuantities(A, B);
  const usedB = new Set<Quantity>();
  let credit = 0;
  for (const q of qa) {
    const partner = findPartner(p, q, qb, usedB);
    // a quantity only one side gives is added/dropped detail: left to the omission/addition check
    if (!partner) continue;
    consume(A, q);
    usedB.add(partner);
    consume(B, partner);
    credit += compareQuantityPair(p, q, partner, out);
  }
  return credit;
}
