// Short display texts shared by the views (hovers, diagnostics, trees, quick
// picks, the panel). Pure: no `vscode` import.
import { DIVERGENCE_ORDER, type DivergenceType } from '../../core/types';

/** Text on one line (whitespace runs collapsed), cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

/**
 * One side of a divergence for display: the text in quotation marks, or "(nothing)"
 * when that side has none (an em dash in quotes read as if the text were a dash).
 */
export function quotedOrNothing(text: string, max: number, escape: (s: string) => string = (s) => s): string {
  const t = clip(text, max);
  return t ? `“${escape(t)}”` : escape('(nothing)');
}

/** The text with its first character upper-cased. */
export function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * Divergences (or groups of them) ordered for display: substantive first, then by
 * core's DIVERGENCE_ORDER, stable otherwise. Unlike core report's sortDivergences,
 * it drops nothing.
 */
export function orderByDivergenceType<T extends { type: DivergenceType; substantive: boolean }>(list: T[]): T[] {
  return list
    .map((d, i) => ({ d, i }))
    .sort((x, y) => {
      if (x.d.substantive !== y.d.substantive) return x.d.substantive ? -1 : 1;
      const tx = DIVERGENCE_ORDER.indexOf(x.d.type);
      const ty = DIVERGENCE_ORDER.indexOf(y.d.type);
      return tx !== ty ? tx - ty : x.i - y.i;
    })
    .map((e) => e.d);
}
