// Grading candidate pairs (compareTexts through the cache), keeping one best
// counterpart per (unit, other article), and the matches they become.
import { CANNOT_MATCH, matchTexts } from '../compare/compare';
import { GRADE_ORDER, type Comparison, type Divergence, type Grade, type Match, type MatchSide, type Unit } from '../types';
import { CACHE_LIMIT, type AlignCache } from './cache';
import { textEntry } from './keys';
import { cutCarriesCue, cutNextToKept } from './cutCue';

/** compareTexts calls made by a run, and how many found the same thing said. */
export interface CompareCounts {
  compared: number;
  comparedSame: number;
}

/** The cached stand-in for every comparison that found no match. */
const NO_MATCH: Comparison = Object.freeze({ grade: null, score: 0, divergences: [] }) as unknown as Comparison;

/**
 * compareTexts on two units (speakers as context), through the cache. A text pair that cannot
 * match whatever the speakers (CANNOT_MATCH) is remembered once, under `${idA},${idB}` alone.
 */
export function compareUnits(a: Unit, b: Unit, cache: AlignCache, counts: CompareCounts, idA = textEntry(a.text, cache).id, idB = textEntry(b.text, cache).id): Comparison {
  const pair = `${idA},${idB}`;
  if (cache.comparisons.get(pair) === CANNOT_MATCH) return CANNOT_MATCH;
  const key = `${pair},${a.speaker ?? ''}\u0000${b.speaker ?? ''}`;
  let cmp = cache.comparisons.get(key);
  if (!cmp) {
    cmp = matchTexts(a.text, b.text, { speakerA: a.speaker, speakerB: b.speaker });
    if (cache.comparisons.size >= CACHE_LIMIT) cache.comparisons.clear();
    // pairs that do not match are only ever asked "do you match?": keep no divergences for them
    if (cmp === CANNOT_MATCH) cache.comparisons.set(pair, cmp);
    else cache.comparisons.set(key, cmp.grade ? cmp : NO_MATCH);
    counts.compared++;
    if (cmp.grade) counts.comparedSame++;
  }
  return cmp;
}

/** A pair graded as saying the same thing: units i and j (the caller's numbers; ties between equal grades break by them) of articles ai ≠ aj. */
export interface GradedPair {
  i: number;
  j: number;
  ai: number;
  aj: number;
  cmp: Comparison;
}

const GRADE_RANK = Object.fromEntries(GRADE_ORDER.map((g, r) => [g, r])) as Record<Grade, number>;

/**
 * One best counterpart per (unit, other article): the pairs best first (score,
 * then grade, then i, then j), each kept unless one of its units already has a
 * counterpart in the other's article. `articles` exceeds every article number.
 */
export function acceptBestPairs<T extends GradedPair>(graded: T[], articles: number): T[] {
  graded.sort((x, y) => y.cmp.score - x.cmp.score || GRADE_RANK[x.cmp.grade!] - GRADE_RANK[y.cmp.grade!] || x.i - y.i || x.j - y.j);
  const taken = new Set<number>();
  const accepted: T[] = [];
  for (const g of graded) {
    const ka = g.i * articles + g.aj; // (unit, other article)
    const kb = g.j * articles + g.ai;
    if (taken.has(ka) || taken.has(kb)) continue;
    taken.add(ka);
    taken.add(kb);
    accepted.push(g);
  }
  return accepted;
}

/** A divergence with offsets made absolute (relative to the two units' articles). */
function shiftDivergence(d: Divergence, aOffset: number, bOffset: number): Divergence {
  const out = { ...d };
  if (out.aStart !== undefined) out.aStart += aOffset;
  if (out.aEnd !== undefined) out.aEnd += aOffset;
  if (out.bStart !== undefined) out.bStart += bOffset;
  if (out.bEnd !== undefined) out.bEnd += bOffset;
  return out;
}

/** A unit's span as a match side. */
export function sideOf(u: Unit): MatchSide {
  return { article: u.article, start: u.start, end: u.end, text: u.text, speaker: u.speaker ?? null };
}

/**
 * Two outlets' own reporting told in other words (passages, or a reporter's paraphrase of the
 * other's quote): a clause that only one of them includes is editorial selection, not a changed
 * claim, and a paraphrase is not a cut-down quote. Such an omission, addition or substantive
 * truncation is shown as cosmetic detail; numbers, names, negation, hedges and attribution inside it
 * stay flagged.
 */
export function asEditorialSelection(d: Divergence): Divergence {
  if (d.type === 'truncation') {
    if (!d.substantive || (d.a && d.b) || !(d.a || d.b)) return d;
    return { ...d, type: 'wording', substantive: false, message: `Editorial selection: only the ${d.a ? 'first' : 'second'} version reports “${d.a || d.b}”.` };
  }
  if (d.type !== 'omission' && d.type !== 'addition') return d;
  const only = d.type === 'omission' ? 'first' : 'second';
  return { ...d, type: 'wording', substantive: false, message: `Editorial selection: only the ${only} version reports ${d.type === 'omission' ? `“${d.a}”` : `“${d.b}”`}.` };
}

/** True when a reworded pair is not two versions of one quote (so clauses one side has are the outlet's selection). */
function isOwnReporting(a: Unit, b: Unit, cmp: Comparison): boolean {
  return cmp.grade === 'reworded' && !(a.kind === 'quote' && b.kind === 'quote');
}

/**
 * A substantive truncation whose left-out part carries no negation, condition, number, hedge or
 * qualifier, shown as cosmetic (cutCue.ts). `near`, when given, is the part of the cut that bears
 * on the words kept (cutNextToKept); only it is read.
 */
export function asPlainCut(d: Divergence, near?: string): Divergence {
  if (d.type !== 'truncation' || !d.substantive || cutCarriesCue(near ?? `${d.a ?? ''} ${d.b ?? ''}`)) return d;
  const why = near !== undefined && near.trim() !== `${d.a ?? ''}${d.b ?? ''}`.trim() ? ' next to the words both versions give' : '';
  return { ...d, substantive: false, message: `${d.message} The part left out carries no negation, condition, number, hedge or qualifier${why}.` };
}

/**
 * The part of a cut (offsets relative to the compared texts `textA`, `textB`) that bears on the
 * words the other version kept, or undefined when the divergence is no one-sided cut with offsets
 * into those texts.
 */
function cutPartNearKept(d: Divergence, textA: string, textB: string): string | undefined {
  if (d.type !== 'truncation' || !!d.a === !!d.b) return undefined;
  const [text, start, end, part] = d.a ? [textA, d.aStart, d.aEnd, d.a] : [textB, d.bStart, d.bEnd, d.b];
  if (start === undefined || end === undefined || text.slice(start, end) !== part) return undefined;
  return cutNextToKept(text, start, end);
}

/** The match of units a and b graded `cmp` (id and cluster not yet numbered); divergence offsets absolute. */
export function newMatch(a: Unit, b: Unit, cmp: Comparison, sideA = sideOf(a), sideB = sideOf(b)): Match {
  const kind = a.kind === 'quote' || b.kind === 'quote' ? 'quote' : 'passage';
  const selection = isOwnReporting(a, b, cmp);
  return {
    id: '',
    cluster: '',
    kind,
    grade: cmp.grade!,
    score: cmp.score,
    a: sideA,
    b: sideB,
    divergences: cmp.divergences.map((d) => {
      const near = cutPartNearKept(d, a.text, b.text);
      const shifted = shiftDivergence(d, a.start, b.start);
      return asPlainCut(selection ? asEditorialSelection(shifted) : shifted, near);
    }),
  };
}
