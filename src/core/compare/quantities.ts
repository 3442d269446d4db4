// The quantity pass: the quantities that changed between the two sides are paired and compared
// as claims (a different number, a changed qualifier, the same amount rounded or reworded).
import { Divergence } from '../types';
import { Quantity, describeQuantity } from '../extract/numbers';
import { compareQuantities } from '../extract/quantityComparison';
import { Token } from '../text/normalize';
import { lemmatize } from '../lexicon/morphology';
import { Pair, Side, hunkOf, isCapitalised, makeDivergence } from './sides';
import { isDateWord } from './entities';
import { quote, vs } from './messages';

/** A year as written in news ("2002"): a date, not an amount. */
function isYear(q: Quantity): boolean {
  return !q.unit && q.op === '=' && Number.isInteger(q.value) && q.value >= 1800 && q.value <= 2100 && /^\d{4}$/.test(q.text.trim());
}

/** What a number stands for, read from the words around it: a year, a day of a month ("Sept. 14"), an age ("Lauten, 31,", "aged 16"), else an amount. */
type QuantityRole = 'year' | 'day' | 'age' | 'amount';

/** Words right before a number that make it an age. */
const AGE_BEFORE = new Set(['aged', 'age', 'ages']);

/** The role of quantity `q` on side `s`. */
function roleOf(s: Side, q: Quantity): QuantityRole {
  if (isYear(q)) return 'year';
  if (q.unit || q.op !== '=' || !Number.isInteger(q.value)) return 'amount';
  const [from, to] = quantityTokens(s, q);
  const before = s.tokens[from - 1];
  const after = s.tokens[to];
  const isMonth = (t: Token | undefined) => !!t && isDateWord(t.norm) && !/day/.test(t.norm);
  if (q.value >= 1 && q.value <= 31 && (isMonth(before) || isMonth(after))) return 'day';
  if (before && AGE_BEFORE.has(before.norm)) return 'age';
  // an appositive age after a name: "Elizabeth Lauten, 31, who"
  if (q.value < 120 && before?.text === ',' && isCapitalised(s, from - 2) && (!after || after.text === ',' || after.text === '.')) return 'age';
  return 'amount';
}

/**
 * True when two quantities measure the same kind of thing and can stand for each other: not a
 * percentage against a sum of money or a plain count ("6 percent" / "$600" / "63"), not a year,
 * a day of a month or an age against an amount.
 */
function comparableQuantities(p: Pair, q: Quantity, o: Quantity): boolean {
  if (q.unit && o.unit && q.unit !== o.unit) return false;
  if ((q.unit === '%') !== (o.unit === '%')) return false;
  return roleOf(p.A, q) === roleOf(p.B, o);
}

/** How many tokens either side of a quantity count as its context (the thing counted, the verb). */
const CONTEXT_TOKENS = 4;

/** The lemmas of the content words within CONTEXT_TOKENS of a quantity, itself excluded. */
function contextWords(s: Side, q: Quantity): Set<string> {
  const [from, to] = quantityTokens(s, q);
  const out = new Set<string>();
  for (let k = Math.max(0, from - CONTEXT_TOKENS); k < Math.min(s.tokens.length, to + CONTEXT_TOKENS); k++) {
    if (k >= from && k < to) continue;
    if (s.content[k] && s.tokens[k].kind === 'word') out.add(lemmatize(s.tokens[k].norm));
  }
  return out;
}

/**
 * True when two changed quantities are about the same thing, so that a different figure is a
 * different claim: they stand in the same place (the word before or after each is paired with the
 * other's), or a content word near one is near the other ("$750,000 in campaign cash" and "a
 * $43,000 Rolex watch" share none: two figures for two things).
 */
function sameReferent(p: Pair, q: Quantity, o: Quantity): boolean {
  const [fa, ta] = quantityTokens(p.A, q);
  const [fb, tb] = quantityTokens(p.B, o);
  if ((fa > 0 && fb > 0 && p.A.pair[fa - 1] === fb - 1) || (ta < p.A.tokens.length && p.A.pair[ta] === tb && tb < p.B.tokens.length)) return true;
  const cb = contextWords(p.B, o);
  for (const w of contextWords(p.A, q)) if (cb.has(w)) return true;
  return false;
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

/** True when an earlier pass consumed every changed token of the quantity (house style: "only 3" / "only three"). */
function consumedBefore(s: Side, q: Quantity): boolean {
  const [f, t] = quantityTokens(s, q);
  let consumed = false;
  for (let k = f; k < t; k++) {
    if (s.pair[k] >= 0) continue;
    if (!s.used[k]) return false;
    consumed = true;
  }
  return consumed;
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
  const changedA = A.quantities.filter((q) => isChanged(A, q) && !consumedBefore(A, q));
  const changedB = B.quantities.filter((q) => isChanged(B, q) && !consumedBefore(B, q));
  const qa = A.quantities.filter((q) => changedA.includes(q) || alignsWith(A, q, B, changedB));
  const qb = B.quantities.filter((q) => changedB.includes(q) || alignsWith(B, q, A, changedA));
  return { qa, qb };
}

/**
 * B's partner for A's changed quantity `q`: one aligned with q's tokens, else the same claim, else
 * the next comparable changed one about the same thing (same hunk first); when each side changed
 * only one quantity, within one hunk, that one.
 */
function findPartner(p: Pair, q: Quantity, qa: Quantity[], qb: Quantity[], usedB: Set<Quantity>): Quantity | undefined {
  const { A, B, hunks } = p;
  const [fa, ta] = quantityTokens(A, q);
  let partner = B.quantities.find((o) => {
    const [fb, tb] = quantityTokens(B, o);
    for (let k = fa; k < ta; k++) if (A.pair[k] >= fb && A.pair[k] < tb) return !usedB.has(o);
    return false;
  });
  partner = partner ?? qb.find((o) => !usedB.has(o) && compareQuantities(q, o).same);
  const h = hunkOf(hunks, 'a', fa);
  const sameHunk = (o: Quantity) => hunkOf(hunks, 'b', quantityTokens(B, o)[0]) === h;
  const fits = (o: Quantity) => !usedB.has(o) && comparableQuantities(p, q, o) && (sameReferent(p, q, o) || (qa.length === 1 && qb.length === 1 && sameHunk(o)));
  return partner ?? qb.find((o) => fits(o) && sameHunk(o)) ?? qb.find(fits);
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
  // a changed quantity an earlier pass paired as house style ("2 in 3" / "two-in-three") is the same amount
  const houseStyle = (s: Side) => s.quantities.some((q) => isChanged(s, q) && consumedBefore(s, q));
  let credit = houseStyle(A) || houseStyle(B) ? 1 : 0;
  for (const q of qa) {
    const partner = findPartner(p, q, qa, qb, usedB);
    // a quantity only one side gives is added/dropped detail: left to the omission/addition check
    if (!partner) continue;
    consume(A, q);
    usedB.add(partner);
    consume(B, partner);
    credit += compareQuantityPair(p, q, partner, out);
  }
  return credit;
}
