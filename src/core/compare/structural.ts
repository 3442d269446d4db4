// Dropped and added parts: a hunk's leftover content on one side only is an omission or an
// addition when it is a clause of some weight, a truncation when everything missing sits at the
// start and/or end of one version or where the other prints an ellipsis (a marked cut), else a
// detail or a short aside (cosmetic wording). Function words dropped at an edge ("But", "And")
// are a cut too.
import { Divergence } from '../types';
import { isVerbForm } from '../lexicon/morphology';
import { isCensoredFormOf } from '../text/normalize';
import { Pair, Side, makeDivergence, wordCount } from './sides';
import { Item, itemMarker } from './items';
import { quote, versionOf, vs } from './messages';
import { DIVERGENCE_TUNING } from './tuning';

/**
 * A dropped or added part, with its hunk and whether it holds a clause and a major share of its
 * version (kept beside the divergence, so the divergence object keeps only its own fields).
 */
export interface Structural {
  d: Divergence;
  hunk: number;
  /** The part's token range on its side. */
  from: number;
  to: number;
  clause: boolean;
  major: boolean;
}

/** True when the items hold a verb (a clause; a dropped phrase without one is a detail). */
function holdsVerb(s: Side, xs: Item[]): boolean {
  return xs.some((x) => s.tokens[x.from].kind === 'word' && isVerbForm(s.tokens[x.from].norm));
}

/** Share of the version's words that the content items span: a short aside is detail, not a new claim. */
function shareOfVersion(s: Side, xs: Item[]): number {
  return xs.length ? wordCount(s, xs[0].from, xs[xs.length - 1].to) / Math.max(1, wordCount(s, 0, s.tokens.length)) : 0;
}

/** The dropped or added part of one side of a hunk, when its unmatched content is large enough; else null. */
function structuralPart(p: Pair, side: 'a' | 'b', hunk: number, rest: Item[], content: Item[]): Structural | null {
  const s = side === 'a' ? p.A : p.B;
  const big = content.length >= DIVERGENCE_TUNING.clauseMinWords;
  if (!big) return null;
  const clause = holdsVerb(s, rest);
  const major = shareOfVersion(s, content) >= DIVERGENCE_TUNING.clauseMinShare;
  const from = content[0].from;
  const to = content[content.length - 1].to;
  const d = side === 'a' ? makeDivergence('omission', p.A, from, to, p.B, 0, 0, '') : makeDivergence('addition', p.A, 0, 0, p.B, from, to, '');
  d.message = `Only in the ${versionOf(p, side)} version: ${quote(side === 'a' ? d.a : d.b)}.`;
  return { d, hunk, clause, major, from, to };
}

/**
 * Records the dropped and added parts of hunk `hunk` (its leftover items `la`, `lb`) in
 * `structural`; returns the leftover content items of each side too few to be one.
 */
export function collectStructural(p: Pair, hunk: number, la: Item[], lb: Item[], structural: Structural[]): { a: Item[]; b: Item[] } {
  const restA = la.filter((x) => !x.matched);
  const restB = lb.filter((y) => !y.matched);
  const contentA = restA.filter((x) => p.A.content[x.from]);
  const contentB = restB.filter((y) => p.B.content[y.from]);
  const partA = structuralPart(p, 'a', hunk, restA, contentA);
  const partB = structuralPart(p, 'b', hunk, restB, contentB);
  if (partA) structural.push(partA);
  if (partB) structural.push(partB);
  return { a: partA ? [] : contentA, b: partB ? [] : contentB };
}

/** True when a side's part of a hunk is cut: at an edge of its version (see hunkAtEdge), or where the other prints an ellipsis (see markedCut). */
function atEdge(p: Pair, part: Structural, side: 'a' | 'b'): boolean {
  return cutAt(p, part.hunk, side);
}

/** True when side `side`'s part of hunk `hunk` is what the other version cut: at an edge, or marked by an ellipsis. */
function cutAt(p: Pair, hunk: number, side: 'a' | 'b'): boolean {
  return hunkAtEdge(p, hunk, side) || markedCut(p, hunk, side);
}

/** True when tokens [from, to) of a side hold an ellipsis ("…", or three periods in a row). */
function holdsEllipsis(s: Side, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = s.tokens[k];
    if (t.text === '…' || t.norm === '...') return true;
    if (t.text === '.' && k + 2 < to && s.tokens[k + 1].text === '.' && s.tokens[k + 2].text === '.') return true;
  }
  return false;
}

/**
 * True when side `side`'s part of hunk `hunk` stands where the other version prints an ellipsis
 * and no words ("for years … now" / "for years, every paycheck, now"): the other outlet marked
 * its cut there. The ellipsis may sit in the run of punctuation around the other's part.
 */
export function markedCut(p: Pair, hunk: number, side: 'a' | 'b'): boolean {
  const h = p.hunks[hunk];
  const o = side === 'a' ? p.B : p.A;
  let [from, to] = side === 'a' ? [h.bFrom, h.bTo] : [h.aFrom, h.aTo];
  for (let k = from; k < to; k++) if (o.tokens[k].kind !== 'punct') return false;
  while (from > 0 && o.tokens[from - 1].kind === 'punct') from--;
  while (to < o.tokens.length && o.tokens[to].kind === 'punct') to++;
  return holdsEllipsis(o, from, to);
}

/**
 * A truncation over every word of side `side`'s part of hunk `hunk` that no earlier pass consumed
 * (function words too), or over `fallback` when there is none.
 */
function cutPart(p: Pair, hunk: number, side: 'a' | 'b', fallback: [number, number]): Divergence {
  const h = p.hunks[hunk];
  const s = side === 'a' ? p.A : p.B;
  const [hFrom, hTo] = side === 'a' ? [h.aFrom, h.aTo] : [h.bFrom, h.bTo];
  let [from, to] = [hTo, hFrom];
  for (let k = hFrom; k < hTo; k++) {
    if (s.tokens[k].kind === 'punct' || s.used[k]) continue;
    from = Math.min(from, k);
    to = k + 1;
  }
  if (from >= to) [from, to] = fallback;
  return side === 'a' ? makeDivergence('truncation', p.A, from, to, p.B, 0, 0, '') : makeDivergence('truncation', p.A, 0, 0, p.B, from, to, '');
}

/**
 * A cosmetic cut of side `side`'s part of hunk `hunk`: a truncation over every word of that part
 * no earlier pass consumed (function words too: "and we call these districts", not "call these
 * districts"), its message naming them; `fallback` is the token range when there is none.
 */
function cutDivergence(p: Pair, hunk: number, side: 'a' | 'b', fallback: [number, number]): Divergence {
  const d = cutPart(p, hunk, side, fallback);
  d.substantive = false;
  const text = quote(side === 'a' ? d.a : d.b);
  const other = versionOf(p, side === 'a' ? 'b' : 'a');
  d.message = !hunkAtEdge(p, hunk, side) && markedCut(p, hunk, side) ? `The ${other} version marks a cut with an ellipsis: it leaves out ${text}.` : `The ${other} version leaves out ${text} at its edge.`;
  return d;
}

/** True when side `side`'s part of hunk `hunk` sits at the start or end of its version and the other side's part of it is empty (or punctuation). */
export function hunkAtEdge(p: Pair, hunk: number, side: 'a' | 'b'): boolean {
  const h = p.hunks[hunk];
  const [s, o] = side === 'a' ? [p.A, p.B] : [p.B, p.A];
  const [from, to] = side === 'a' ? [h.aFrom, h.aTo] : [h.bFrom, h.bTo];
  const [oFrom, oTo] = side === 'a' ? [h.bFrom, h.bTo] : [h.aFrom, h.aTo];
  const otherEmpty = oFrom === oTo || o.tokens.slice(oFrom, oTo).every((t) => t.kind === 'punct');
  const onlyPunctBefore = s.tokens.slice(0, from).every((t) => t.kind === 'punct');
  const onlyPunctAfter = s.tokens.slice(to).every((t) => t.kind === 'punct');
  return otherEmpty && (onlyPunctBefore || onlyPunctAfter) && s.tokens.length > 0;
}

/**
 * True when the part a cut-down version lacks is whole sentences of the longer one: the other
 * outlet split the quote, or printed its rest in the next sentence (the cut changes no claim).
 */
function wholeSentences(p: Pair, part: Structural, side: 'a' | 'b'): boolean {
  const h = p.hunks[part.hunk];
  const s = side === 'a' ? p.A : p.B;
  const [from, to] = side === 'a' ? [h.aFrom, h.aTo] : [h.bFrom, h.bTo];
  const ends = (k: number) => k >= 0 && k < s.tokens.length && s.tokens[k].kind === 'punct' && /[.!?]/.test(s.tokens[k].text);
  // or the framing around a quotation: the cut part is set off by a quotation mark ("..., he said to the group")
  const mark = (k: number) => k >= 0 && k < s.tokens.length && s.tokens[k].kind === 'punct' && /["“”]/.test(foldQuote(s.tokens[k].text));
  const marks = (k0: number, k1: number) => Array.from({ length: k1 - k0 }, (_, i) => k0 + i).some(mark);
  const tail = s.tokens.slice(to).every((t) => t.kind === 'punct');
  if (tail) return ends(from - 1) || ends(from) || marks(from - 1, from + 3);
  return ends(to - 1) || ends(from - 1) || marks(to - 3, to + 1);
}

/** A quotation mark's plain form. */
function foldQuote(ch: string): string {
  return ch.replace(/[“”„]/g, '"');
}

/** Which side, if either, is a cut-down version: everything missing sits at its edges, and nothing else substantive differs. */
function findTruncation(p: Pair, structural: Structural[], out: Divergence[]): { truncA: boolean; truncB: boolean } {
  const omissions = structural.filter((x) => x.d.type === 'omission');
  const additions = structural.filter((x) => x.d.type === 'addition');
  const otherSubstantive = out.some((d) => d.substantive);
  const truncA = !otherSubstantive && omissions.length > 0 && additions.length === 0 && omissions.every((x) => atEdge(p, x, 'a'));
  const truncB = !otherSubstantive && additions.length > 0 && omissions.length === 0 && additions.every((x) => atEdge(p, x, 'b'));
  return { truncA, truncB };
}

/** Types the dropped and added parts (truncation, omission/addition, detail, aside) and adds them to `out`. */
export function resolveStructural(p: Pair, structural: Structural[], out: Divergence[]): void {
  const { truncA, truncB } = findTruncation(p, structural, out);
  for (const part of structural) {
    const { hunk, clause, major, from, to } = part;
    if ((truncA || truncB) && !clause && (part.d.a || part.d.b).split(/\s+/).length < 5) {
      // a detail cut at an edge or at an ellipsis ("…, and we call these districts"): a cut, cosmetic
      out.push(cutDivergence(p, hunk, truncA ? 'a' : 'b', [from, to]));
      continue;
    }
    // a cut names every word left out ("and we call these the cold schools")
    const d = truncA || truncB ? cutPart(p, hunk, truncA ? 'a' : 'b', [from, to]) : part.d;
    if (truncA || truncB) {
      d.message = truncA ? `The ${versionOf(p, 'b')} version is cut down: it lacks ${quote(d.a)}.` : `The ${versionOf(p, 'a')} version is cut down: it lacks ${quote(d.b)}.`;
      if (wholeSentences(p, part, truncA ? 'a' : 'b')) {
        d.substantive = false;
        d.message = `The ${versionOf(p, truncA ? 'b' : 'a')} version quotes fewer sentences or leaves out the framing: it lacks ${quote(d.a || d.b)}.`;
      }
    } else if (!clause) {
      d.type = 'wording';
      d.substantive = false;
      d.message = `Detail only in the ${versionOf(p, d.a ? 'a' : 'b')} version (no clause): ${quote(d.a || d.b)}.`;
    } else if (!major) {
      d.type = 'wording';
      d.substantive = false;
      d.message = `Short aside only in the ${versionOf(p, d.a ? 'a' : 'b')} version: ${quote(d.a || d.b)}.`;
    }
    out.push(d);
  }
}

/** The rest of a hunk that is no clause dropped or added: one minor wording difference, a censored word, or a few words cut at an edge. */
export function classifyMinorWording(p: Pair, hunk: number, smallA: Item[], smallB: Item[], out: Divergence[]): void {
  if (smallA.length + smallB.length === 0) return;
  const [fa, ta] = itemRange(smallA);
  const [fb, tb] = itemRange(smallB);
  const d = makeDivergence('wording', p.A, fa, ta, p.B, fb, tb, '');
  d.message = `Minor wording difference: ${vs(p, quote(d.a), quote(d.b))}.`;
  if (smallA.length === 1 && smallB.length === 1 && ta - fa === 1 && tb - fb === 1 && isCensoredFormOf(d.a, d.b)) {
    // house style: a censored word against the word in full
    d.type = 'spelling';
    d.message = `House style (a censored word): ${vs(p, quote(d.a), quote(d.b))}.`;
  }
  // a few words dropped at a start or end ("Number one,", "You know,", "Well,") or at an ellipsis: a cut, not a rewording
  const side = smallB.length === 0 ? 'a' : smallA.length === 0 ? 'b' : null;
  out.push(side && cutAt(p, hunk, side) ? cutDivergence(p, hunk, side, side === 'a' ? [fa, ta] : [fb, tb]) : d);
}

/**
 * A hunk whose only leftovers are function words of one side, cut at an edge or at an ellipsis
 * ("But the message …" / "The message …"): a cut, graded truncated, not a verbatim copy. A
 * negation, hedge or qualifier among them is left alone (the marker passes judge those).
 */
export function classifyEdgeWords(p: Pair, hunk: number, la: Item[], lb: Item[], out: Divergence[]): void {
  const restA = la.filter((x) => !x.matched);
  const restB = lb.filter((y) => !y.matched);
  const side = restB.length === 0 && restA.length > 0 ? 'a' : restA.length === 0 && restB.length > 0 ? 'b' : null;
  if (!side) return;
  const s = side === 'a' ? p.A : p.B;
  const rest = side === 'a' ? restA : restB;
  if (rest.some((x) => s.content[x.from] || itemMarker(s, x) !== null) || !cutAt(p, hunk, side)) return;
  // a word of the part moved elsewhere ("… supports by inspectors" / "inspectors found …"): reworded, not cut
  const h = p.hunks[hunk];
  const [from, to] = side === 'a' ? [h.aFrom, h.aTo] : [h.bFrom, h.bTo];
  for (let k = from; k < to; k++) if (s.tokens[k].kind !== 'punct' && s.used[k]) return;
  out.push(cutDivergence(p, hunk, side, itemRange(rest)));
}

/** Token range from the first item's start to the last one's end, or [0, 0]. */
function itemRange(xs: Item[]): [number, number] {
  return xs.length ? [xs[0].from, xs[xs.length - 1].to] : [0, 0];
}
