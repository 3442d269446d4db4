// Diagnostic descriptors: every substantive divergence, on both articles of its
// match, with the other side as related information. Pure: no `vscode` import.
import type { Divergence, DivergenceType, Match } from '../../core/types';
import type { RevealTarget } from '../commands/ids';
import type { CorpusIndex, OffsetRange } from './corpusIndex';
import { capitalize, clip } from './text';

/** One diagnostic, in article offsets. */
export interface DiagnosticDescriptor {
  article: string;
  start: number;
  end: number;
  message: string;
  type: DivergenceType;
  /** The other side of the match. */
  related: RevealTarget & { message: string };
}

/** Substantive divergences as diagnostics on both articles of each match. */
export function diagnostics(index: CorpusIndex): DiagnosticDescriptor[] {
  const out: DiagnosticDescriptor[] = [];
  for (const d of diagnosticSteps(index)) if (d) out.push(d);
  return out;
}

/**
 * The same diagnostics one by one (undefined between matches, so a caller can
 * slice the work with runSliced without blocking the event loop). Duplicates
 * (same place, other article, type and wordings) are given once.
 */
export function* diagnosticSteps(index: CorpusIndex): Generator<DiagnosticDescriptor | undefined> {
  const seen = new Set<string>();
  for (const m of index.matches) {
    yield undefined;
    for (const d of m.divergences) {
      if (!d.substantive) continue;
      const ra = index.divergenceRange(m, d, 'a');
      const rb = index.divergenceRange(m, d, 'b');
      for (const [side, here, there] of [['a', ra, rb], ['b', rb, ra]] as const) {
        const descriptor = describeSide(m, d, side, here, there);
        const key = `${descriptor.article}|${here.start}|${here.end}|${descriptor.related.article}|${d.type}|${side === 'a' ? d.a : d.b}|${side === 'a' ? d.b : d.a}`;
        if (seen.has(key)) continue;
        seen.add(key);
        yield descriptor;
      }
    }
  }
}

/** The diagnostic of a divergence on one side of its match. */
function describeSide(m: Match, d: Divergence, side: 'a' | 'b', here: OffsetRange, there: OffsetRange): DiagnosticDescriptor {
  const otherSide = side === 'a' ? 'b' : 'a';
  const other = m[otherSide].article;
  const mine = side === 'a' ? d.a : d.b;
  const theirs = side === 'a' ? d.b : d.a;
  const versions = !theirs.trim()
    ? `${other} lacks “${clip(mine, 80)}”`
    : !mine.trim()
      ? `${other} adds “${clip(theirs, 80)}”`
      : `this article has “${clip(mine, 80)}”, ${other} has “${clip(theirs, 80)}”`;
  return {
    article: m[side].article,
    start: here.start,
    end: here.end,
    message: `${capitalize(d.type)}: ${versions}` + (d.message ? ` — ${d.message}` : ''),
    type: d.type,
    related: { article: other, start: there.start, end: there.end, message: `${other}: “${clip(theirs || m[otherSide].text, 120)}”` },
  };
}
