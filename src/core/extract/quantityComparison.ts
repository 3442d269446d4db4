// Comparing two quantity claims: the same claim, a claim that differs only in
// its qualifier ("about 400" / "400"), or amounts that differ only by rounding.
import type { Quantity } from './numbers';

/** Outcome of comparing two quantities. */
export interface QuantityComparison {
  /** True when both make the same claim ("400" vs "four hundred"). */
  same: boolean;
  /** True when the amounts agree and only the qualifier differs ("about 400" vs "400"). */
  onlyQualifier: boolean;
  /**
   * True when the amounts differ only by rounding: the more precise one, rounded to the other's
   * precision, gives the other ("$114.3 million" / "$114 million", "14.7" / "about 15").
   */
  rounded: boolean;
}

/** True when two amounts are equal up to floating-point error. */
function close(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

/**
 * Compares two quantity claims: the same claim needs the same amount (or
 * range), the same bound (op) and compatible units. "more than 400",
 * "several hundred", "up to 300" and "hundreds" are all different claims.
 */
export function compareQuantities(a: Quantity, b: Quantity): QuantityComparison {
  const unitsOk = !a.unit || !b.unit || a.unit === b.unit;
  const amountSame = unitsOk && close(a.low, b.low) && close(a.high, b.high);
  const opA = a.op === 'range' ? '=' : a.op;
  const opB = b.op === 'range' ? '=' : b.op;
  const sameOp = a.op === b.op || (opA === opB && a.op !== 'range' && b.op !== 'range');
  const rounded = !amountSame && unitsOk && a.op !== 'range' && b.op !== 'range' && roundedAlike(a, b);
  return { same: amountSame && sameOp, onlyQualifier: amountSame && !sameOp, rounded };
}

/** Precision a quantity is written to: 0.01 for "$9.99", 100 for "5,200", 1 for "30", 0.1 million for "2.5 million". */
export function precisionOf(q: Quantity): number {
  const m = /(\d[\d,]*)(?:\.(\d+))?/.exec(q.text);
  if (!m) return 1;
  const written = Number(m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
  const scale = written > 0 && Number.isFinite(q.value / written) ? Math.round(q.value / written) || 1 : 1;
  if (m[2]) return Math.pow(10, -m[2].length) * scale;
  // "5,200" and "300" are round figures; a single trailing zero ("30") may well be exact
  const digits = m[1].replace(/,/g, '');
  const zeros = Math.min(/0+$/.exec(digits)?.[0].length ?? 0, digits.length - 1);
  return (zeros >= 2 ? Math.pow(10, zeros) : 1) * scale;
}

/** Largest relative gap that rounding (or "about") may explain: 5 %. */
export const ROUNDING_SHARE = 0.05;

/**
 * True when two amounts with the same bound differ only by rounding: written to different
 * precisions, the more precise one rounds to the other, and they are within ROUNDING_SHARE of each
 * other ("540" is not "1,000" rounded). "About" (and "nearly") allows ROUNDING_SHARE.
 */
function roundedAlike(a: Quantity, b: Quantity): boolean {
  const approx = (q: Quantity) => q.op === '~' || q.op === '~<';
  if (approx(a) || approx(b)) {
    const other = approx(a) ? b : a;
    if (!approx(other) && other.op !== '=') return false;
    return Math.abs(a.value - b.value) <= ROUNDING_SHARE * Math.max(Math.abs(a.value), Math.abs(b.value));
  }
  if (a.op !== b.op) return false;
  const pa = precisionOf(a);
  const pb = precisionOf(b);
  if (close(pa, pb)) return false;
  const p = Math.max(pa, pb);
  const near = Math.abs(a.value - b.value) <= ROUNDING_SHARE * Math.max(Math.abs(a.value), Math.abs(b.value));
  return near && close(Math.round(a.value / p) * p, Math.round(b.value / p) * p) && Math.abs(a.value - b.value) < p;
}
