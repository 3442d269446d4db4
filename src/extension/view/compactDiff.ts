// A word diff cut down to its changes: the unchanged words between them are
// elided to a few words of context, so a long passage's differences fit on one
// hover line. Pure: no `vscode` import.
import type { DiffSegment } from './wordDiff';

/** Words of unchanged text kept on each side of a change. */
export const DIFF_CONTEXT_WORDS = 4;

/** The first `n` words of a text (with the whitespace between them). */
function firstWords(text: string, n: number): string {
  const m = new RegExp(`^\\s*(?:\\S+\\s+){0,${Math.max(0, n - 1)}}\\S+`).exec(text);
  return m ? m[0] : text;
}

/** The last `n` words of a text. */
function lastWords(text: string, n: number): string {
  const m = new RegExp(`\\S+(?:\\s+\\S+){0,${Math.max(0, n - 1)}}\\s*$`).exec(text);
  return m ? m[0] : text;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The segments with each unchanged run shortened to `context` words next to a change
 * ("… " / " …" marks a cut). No change at all gives no segment.
 */
export function elideUnchanged(segments: readonly DiffSegment[], context = DIFF_CONTEXT_WORDS): DiffSegment[] {
  if (!segments.some((s) => s.op !== 'eq')) return [];
  return segments.map((s, i) => {
    if (s.op !== 'eq') return s;
    const first = i === 0;
    const last = i === segments.length - 1;
    const words = wordCount(s.text);
    if (first && words > context) return { op: 'eq', text: '… ' + lastWords(s.text, context) };
    if (last && words > context) return { op: 'eq', text: firstWords(s.text, context) + ' …' };
    if (!first && !last && words > 2 * context + 1) return { op: 'eq', text: `${firstWords(s.text, context)} … ${lastWords(s.text, context)}` };
    return s;
  });
}
