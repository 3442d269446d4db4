// Dropped and added parts: a hunk's leftover content on one side only is an omission or an
// addition when it is a clause of some weight, a truncation when everything missing sits at the
// start and/or end of one version, else a detail or a short aside (cosmetic wording).
import { Divergence } from '../types';
import { isVerbForm } from '../lexicon/morphology';
import { Pair, Side, makeDivergence, wordCount } from './sides';
import { Item } from './items';
import { quote, versionOf } from './messages';
import { DIVERGENCE_TUNING } from './tuning';

/**
 * A dropped or added part, with its hunk and whether it holds a clause and a major share of its
 * version (kept beside the divergence, so the divergence object keeps only its own fields).
 */
export interface Structural {
  d: Divergence;
  hunk: number;
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
  return { d, hunk, clause, major };
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

/** True when a side's part of a hunk sits at the start or end of its version and the other side's part of it is empty (or punctuation). */
function atEdge(p: Pair, part: Structural, side: 'a' | 'b'): boolean {
  return hunkAtEdge(p, part.hunk, side);
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
  for (const { d, hunk, clause, major } of structural) {
    if ((truncA || truncB) && (clause || (d.a || d.b).split(/\s+/).length >= 5)) {
      d.type = 'truncation';
      d.message = truncA ? `The ${versionOf(p, 'b')} version is cut down: it lacks ${quote(d.a)}.` : `The ${versionOf(p, 'a')} version is cut down: it lacks ${quote(d.b)}.`;
      if (wholeSentences(p, { d, hunk, clause, major }, truncA ? 'a' : 'b')) {
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
