// A dropped or added clause that is one side of a stretch told in other words: where the other
// version says the same in its own words at the same place ("We're not reading out details" /
// "There will be no further readout"), the clause is no omission or addition. It stays one only
// when it carries enough content that the other version's words there lack. Likewise a hedge one
// version adds ("Your budget appears to reflect") against a speaker's own stance in the other ("I
// am afraid that the budget reflects") is the same hedge in other words.
import { Divergence } from '../types';
import { lemmaForms, sameLemmaForms } from '../lexicon/morphology';
import { areSynonyms } from '../lexicon/synonyms';
import { markerOf } from './markers';
import { quote, vs } from './messages';
import { Pair, Side, hunkOf } from './sides';
import { DIVERGENCE_TUNING } from './tuning';
import { STANCE_WORDS } from '../text/wordLists';

/** Shortest lemma that may be read inside a compound of the other version ("read" in "readout"). */
const MIN_COMPOUND_STEM = 4;

/** Token indices of a side whose characters lie inside [start, end). */
function tokensIn(s: Side, start: number, end: number): number[] {
  const out: number[] = [];
  s.tokens.forEach((t, k) => {
    if (t.start >= start && t.end <= end) out.push(k);
  });
  return out;
}

/** True when a token was left unmatched by every pass (no diff partner, not consumed). */
function leftover(s: Side, k: number): boolean {
  return s.pair[k] < 0 && !s.used[k];
}

/** True when two words are one word in other forms, synonyms, or one's lemma begins the other ("reading" / "readout"). */
function related(x: string, y: string): boolean {
  const fx = lemmaForms(x);
  const fy = lemmaForms(y);
  if (sameLemmaForms(fx, fy) || areSynonyms(x, y)) return true;
  const prefix = (l: string, w: string) => l.length >= MIN_COMPOUND_STEM && w.length > l.length && w.startsWith(l);
  return prefix(fx.lemma, fy.clean) || prefix(fy.lemma, fx.clean);
}

/** The other side's leftover tokens in the hunk holding token `k` of side `side`, with the stretch they span. */
function otherLeftovers(p: Pair, side: 'a' | 'b', k: number): { tokens: number[]; from: number; to: number } {
  const h = hunkOf(p.hunks, side, k);
  if (h < 0) return { tokens: [], from: 0, to: 0 };
  const o = side === 'a' ? p.B : p.A;
  const from = side === 'a' ? p.hunks[h].bFrom : p.hunks[h].aFrom;
  const to = side === 'a' ? p.hunks[h].bTo : p.hunks[h].aTo;
  const tokens: number[] = [];
  for (let j = from; j < to; j++) if (o.tokens[j].kind !== 'punct' && leftover(o, j)) tokens.push(j);
  return { tokens, from, to };
}

/**
 * The same claim told in other words, or null: the divergence `d` (an omission on side A, an
 * addition on side B) stands against leftover content of the other version in the same hunk, and
 * fewer than `clauseMinWords` of its content words have no related word there.
 */
function rewordedCounterpart(p: Pair, d: Divergence): { text: string } | null {
  const side = d.type === 'omission' ? 'a' : 'b';
  const [s, o] = side === 'a' ? [p.A, p.B] : [p.B, p.A];
  const start = side === 'a' ? d.aStart : d.bStart;
  const end = side === 'a' ? d.aEnd : d.bEnd;
  if (start === undefined || end === undefined) return null;
  const own = tokensIn(s, start, end).filter((k) => s.content[k] && leftover(s, k) && !markerOf(s.tokens[k].norm));
  if (own.length === 0) return null;
  const other = otherLeftovers(p, side, own[0]);
  const otherWords = other.tokens.filter((j) => o.content[j] && !markerOf(o.tokens[j].norm)).map((j) => o.tokens[j].norm);
  if (otherWords.length === 0) return null;
  const lacking = own.filter((k) => !otherWords.some((w) => related(s.tokens[k].norm, w)));
  if (lacking.length >= DIVERGENCE_TUNING.clauseMinWords) return null;
  const first = other.tokens[0];
  const last = other.tokens[other.tokens.length - 1];
  return { text: o.text.slice(o.tokens[first].start, o.tokens[last].end) };
}

/**
 * Substantive omissions and additions that are one side of a stretch the other version tells in
 * its own words, shown as cosmetic wording (in place in `out`).
 */
export function demoteRewordedClauses(p: Pair, out: Divergence[]): void {
  out.forEach((d, i) => {
    if (!d.substantive || (d.type !== 'omission' && d.type !== 'addition')) return;
    const counterpart = rewordedCounterpart(p, d);
    if (!counterpart) return;
    const [x, y] = d.type === 'omission' ? [d.a, counterpart.text] : [counterpart.text, d.b];
    out[i] = { ...d, type: 'wording', substantive: false, message: `The same said in other words: ${vs(p, quote(x), quote(y))}.` };
  });
}

/** First-person subjects of a stance ("I", "we", "I'm"). */
const FIRST_PERSON_RE = /^(?:i|we)(?:'(?:m|re|ve|d))?$/;

/** Tokens before a stance word searched for its first-person subject ("I am afraid"). */
const STANCE_SUBJECT_WINDOW = 3;

/** True when a side frames its claim as the speaker's stance in words the other version lacks. */
function hasOwnStance(s: Side): boolean {
  return s.tokens.some((t, k) => {
    if (t.kind !== 'word' || !leftover(s, k) || !STANCE_WORDS.has(t.norm)) return false;
    for (let j = k - 1; j >= Math.max(0, k - STANCE_SUBJECT_WINDOW); j--) if (FIRST_PERSON_RE.test(s.tokens[j].norm)) return true;
    return false;
  });
}

/**
 * Substantive hedges one version adds where the other frames the same claim as the speaker's own
 * stance, shown as cosmetic wording (in place in `out`).
 */
export function demoteHedgesAgainstStance(p: Pair, out: Divergence[]): void {
  out.forEach((d, i) => {
    if (!d.substantive || d.type !== 'hedge' || (d.a && d.b) || !(d.a || d.b)) return;
    if (!hasOwnStance(d.a ? p.B : p.A)) return;
    out[i] = { ...d, type: 'wording', substantive: false, message: `Hedged in both, in other words (one version frames the claim as the speaker's view): ${vs(p, quote(d.a), quote(d.b))}.` };
  });
}
