// The leftover pass: what the earlier passes left unmatched, per hunk, typed as an opposite,
// a marker change (negation, hedge, qualifier), a swapped name or date, a dropped or added part
// (see ./structural), or minor wording.
import { Divergence } from '../types';
import { BLOCKING_VERBS, FALL_LEMMAS, MODAL_HEDGES, PROBABILITY_NOUNS, OPPOSABLE_STOPWORDS, OPPOSITE_FUNCTION_WORDS, REPORTING_VERBS, RISE_LEMMAS, ROLE_GROUPS, ROLE_WORDS, SPEECH_VERBS, STOPWORDS } from '../text/wordLists';
import { areAntonyms } from '../lexicon/synonyms';
import { lemmatize } from '../lexicon/morphology';
import { Hunk, Pair, Side, isCapitalised, makeDivergence } from './sides';
import { Item, capitalMid, itemMarker } from './items';
import { MarkerType, markerOf, scopeShared } from './markers';
import { isDateWord, isName, sameEntity } from './entities';
import { quote, vs } from './messages';
import { DIVERGENCE_TUNING } from './tuning';
import { Structural, classifyEdgeWords, classifyMinorWording, collectStructural, resolveStructural } from './structural';

/** A verb a hedge may replace ("said" / "claimed", "showed" / "suggested"). */
const REPORTING_VERB_WORD_RE = new RegExp(`^(?:${[...SPEECH_VERBS, ...REPORTING_VERBS].join('|')})$`, 'i');

/** A speech verb ("said", "told"). */
const SPEECH_VERB_WORD_RE = new RegExp(`^(?:${SPEECH_VERBS.join('|')})$`, 'i');

/** How a marker change is named in its message. */
const MARKER_LABELS: Record<MarkerType, string> = { negation: 'Negation', hedge: 'Hedging', qualifier: 'Qualifier' };

/** Classifies what is left unmatched per hunk: negation, hedge, qualifier, entity, omission/addition, truncation. */
export function classifyLeftovers(p: Pair, ia: Item[], ib: Item[], out: Divergence[]): void {
  pairPolarityMarkers(p, ia, ib);
  // items by hunk (a hunk's step below changes only its own items)
  const itemsA = itemsByHunk(p.hunks, ia);
  const itemsB = itemsByHunk(p.hunks, ib);
  const structural: Structural[] = [];
  p.hunks.forEach((_, hi) => {
    const la = itemsA[hi].filter((x) => !x.matched);
    const lb = itemsB[hi].filter((y) => !y.matched);
    classifyOpposites(p, la, lb, out);
    for (const type of ['negation', 'hedge', 'qualifier'] as const) classifyMarker(p, type, la, lb, out);
    classifyRoles(p, la, lb, out);
    classifyNames(p, la, lb, out);
    const small = collectStructural(p, hi, la, lb, structural);
    classifyMinorWording(p, hi, small.a, small.b, out);
    classifyEdgeWords(p, hi, la, lb, out);
  });
  resolveStructural(p, structural, out);
}

/**
 * Both versions negate (or hedge) once each, in whatever words and wherever: same polarity
 * ("nor was he asked" / "he was not asked", "without going into" / "did not get into").
 */
function pairPolarityMarkers(p: Pair, ia: Item[], ib: Item[]): void {
  for (const type of ['negation', 'hedge'] as const) {
    const ma = ia.filter((x) => !x.matched && itemMarker(p.A, x) === type);
    const mb = ib.filter((y) => !y.matched && itemMarker(p.B, y) === type);
    for (let k = 0; k < Math.min(ma.length, mb.length); k++) ma[k].matched = mb[k].matched = true;
    // a negation against a verb that blocks ("no bills" / "vow to block bills"): the same polarity
    if (type === 'negation') pairWithBlockingVerb(p, ma.slice(mb.length), ib);
    if (type === 'negation') pairWithBlockingVerb(p, mb.slice(ma.length), ia);
    // the other side's marker inside a phrase an earlier pass consumed ("Mr. Bauer said that was never the case")
    pairWithConsumedMarker(p.B, type, ma.filter((x) => !x.matched), ib);
    pairWithConsumedMarker(p.A, type, mb.filter((y) => !y.matched), ia);
  }
}

/** Marks `lone` markers matched, one per marker of `type` that `other` has among its unpaired tokens no item holds (consumed by an earlier pass). */
function pairWithConsumedMarker(other: Side, type: MarkerType, lone: Item[], otherItems: Item[]): void {
  if (lone.length === 0) return;
  let n = 0;
  for (let k = 0; k < other.tokens.length && n < lone.length; k++) {
    if (other.pair[k] >= 0 || !other.used[k] || other.tokens[k].kind !== 'word' || otherItems.some((y) => y.from <= k && k < y.to)) continue;
    if (markerOf(other.tokens[k].norm) === type) lone[n++].matched = true;
  }
}

/** Pairs each unpaired negation in `negations` with an unmatched blocking verb among `others` (the other side's items). */
function pairWithBlockingVerb(p: Pair, negations: Item[], others: Item[]): void {
  for (const x of negations) {
    const y = others.find((z) => !z.matched && BLOCKING_VERBS.has(lemmatize(z.key)));
    if (!y) return;
    x.matched = y.matched = true;
  }
}

/** The items of each hunk, in order. */
function itemsByHunk(hunks: Hunk[], items: Item[]): Item[][] {
  const out: Item[][] = hunks.map(() => []);
  for (const x of items) out[x.hunk].push(x);
  return out;
}

/** Token range from the least start to the greatest end among the items, or [0, 0]. */
function itemBounds(xs: Item[]): [number, number] {
  return xs.length ? [Math.min(...xs.map((x) => x.from)), Math.max(...xs.map((x) => x.to))] : [0, 0];
}

/** Marks items matched. */
function markMatched(xs: Item[]): void {
  for (const it of xs) it.matched = true;
}

/** True when an item may take part in an opposite pair: a lower-case word, not a function word. */
function isOppositionWord(s: Side, it: Item): boolean {
  const t = s.tokens[it.from];
  return it.to - it.from === 1 && t.kind === 'word' && !capitalMid(s, it) && (!STOPWORDS.has(t.norm) || OPPOSABLE_STOPWORDS.has(t.norm));
}

/** Opposites: a word replaced by its antonym ("higher" vs "lower", "acquitted" vs "convicted"). */
function classifyOpposites(p: Pair, la: Item[], lb: Item[], out: Divergence[]): void {
  for (const x of la) {
    if (x.matched || !isOppositionWord(p.A, x)) continue;
    const y = lb.find((z) => !z.matched && isOppositionWord(p.B, z) && (areAntonyms(x.text, z.text) || oppositeDirections(x.key, z.key)));
    if (!y) continue;
    x.matched = y.matched = true;
    const d = makeDivergence('negation', p.A, x.from, x.to, p.B, y.from, y.to, '');
    d.message = `Opposite meaning: ${vs(p, quote(d.a), quote(d.b))}.`;
    out.push(d);
  }
}

/** Irregular forms of the rise and fall lemmas. */
const IRREGULAR_DIRECTION_FORMS: Readonly<Record<string, string>> = {
  rose: 'rise', risen: 'rise', fell: 'fall', fallen: 'fall', grew: 'grow', grown: 'grow', sank: 'sink', sunk: 'sink',
  won: 'win', lost: 'lose', slid: 'slide', shrank: 'shrink', shrunk: 'shrink', freed: 'free',
};

/** Every regular inflection of the rise and fall lemmas, by form (built once; never mutated). */
const DIRECTION_FORMS: ReadonlyMap<string, string> = buildDirectionForms();

/** The inflections of the rise and fall lemmas (soars, soared, soaring; slips, slipped, slipping). */
function buildDirectionForms(): Map<string, string> {
  const forms = new Map<string, string>(Object.entries(IRREGULAR_DIRECTION_FORMS));
  for (const l of [...RISE_LEMMAS, ...FALL_LEMMAS]) {
    const stem = l.endsWith('e') ? l.slice(0, -1) : l;
    const doubled = /[^aeiou][aeiou][bdgmnpt]$/.test(l) ? l + l.slice(-1) : l;
    for (const f of [l, `${l}s`, `${l}es`, `${stem}ed`, `${stem}ing`, `${doubled}ed`, `${doubled}ing`]) if (!forms.has(f)) forms.set(f, l);
  }
  return forms;
}

/** True when one word is a rise or gain and the other a fall or loss ("soared" / "slumped", "approved" / "vetoed"). */
function oppositeDirections(x: string, y: string): boolean {
  if (OPPOSITE_FUNCTION_WORDS[x] === y) return true;
  const lx = DIRECTION_FORMS.get(x);
  const ly = DIRECTION_FORMS.get(y);
  if (!lx || !ly) return false;
  return (RISE_LEMMAS.has(lx) && FALL_LEMMAS.has(ly)) || (FALL_LEMMAS.has(lx) && RISE_LEMMAS.has(ly));
}

/**
 * The role word an unmatched item is ("legislators" → legislature, "Senate" → senate), or null;
 * never a word inside a longer name ("White House", "President Obama").
 */
function roleOf(s: Side, it: Item): string | null {
  if (it.matched || it.to - it.from !== 1 || s.tokens[it.from].kind !== 'word') return null;
  if (isCapitalised(s, it.from - 1) || isCapitalised(s, it.to)) return null;
  const singular = it.key.replace(/(?<=[a-z]{3})s$/, '');
  const role = ROLE_WORDS.has(it.key) ? it.key : ROLE_WORDS.has(singular) ? singular : null;
  return role && (ROLE_GROUPS[role] ?? role);
}


/** Roles: one actor or role swapped for another ("the Senate voted" / "Congress is set to vote", "legislators" / "president"). */
function classifyRoles(p: Pair, la: Item[], lb: Item[], out: Divergence[]): void {
  for (const x of la) {
    const rx = roleOf(p.A, x);
    if (!rx) continue;
    const y = lb.find((z) => roleOf(p.B, z) !== null && roleOf(p.B, z) !== rx);
    if (!y) continue;
    x.matched = y.matched = true;
    const d = makeDivergence('entity', p.A, x.from, x.to, p.B, y.from, y.to, '');
    d.message = `Different actor or role: ${vs(p, quote(d.a), quote(d.b))}.`;
    out.push(d);
    return;
  }
}

/**
 * A qualifier word that the other version also uses ("significantly" in both, once aligned
 * elsewhere): the scope is reworded, not qualified differently.
 */
function qualifierOnBothSides(type: MarkerType, x: Item, other: Side): boolean {
  return type === 'qualifier' && other.tokens.some((t) => t.norm === x.key);
}

/**
 * One kind of marker in a hunk. A marker counts only when it bears on words both versions carry
 * ("not sold" vs "sold"); one that governs material only its own side has ("no ticket") belongs
 * to that extra material.
 */
function classifyMarker(p: Pair, type: MarkerType, la: Item[], lb: Item[], out: Divergence[]): void {
  const ma = la.filter((x) => !x.matched && itemMarker(p.A, x) === type && scopeShared(p.A, x.from, x.to) && !qualifierOnBothSides(type, x, p.B));
  const mb = lb.filter((y) => !y.matched && itemMarker(p.B, y) === type && scopeShared(p.B, y.from, y.to) && !qualifierOnBothSides(type, y, p.A));
  if (ma.length === 0 && mb.length === 0) return;
  // both sides negate (or both hedge): same polarity, different words
  if (type !== 'qualifier' && ma.length > 0 && mb.length > 0) {
    markMatched([...ma, ...mb]);
    return;
  }
  if (type === 'hedge' && modalWithSharedChance(p, ma.length > 0 ? ma : mb)) {
    markMatched([...ma, ...mb]);
    return;
  }
  const [pa, pb] = type === 'hedge' ? withReplacedVerb(ma, mb, la, lb) : [ma, mb];
  if (pa.length + pb.length === 0) return;
  markMatched([...pa, ...pb]);
  const [fa, ta] = itemBounds(pa);
  const [fb, tb] = itemBounds(pb);
  const d = makeDivergence(type, p.A, fa, ta, p.B, fb, tb, '');
  d.message = `${MARKER_LABELS[type]} differs: ${vs(p, quote(d.a), quote(d.b))}.`;
  out.push(d);
}

/**
 * True when a lone hedge is a modal ("could lose") and both versions state the chance in words
 * they share ("a 1-in-3 chance Republicans could lose" / "1 in 3 chance Republicans lose"): the
 * claim is hedged on both sides already.
 */
function modalWithSharedChance(p: Pair, lone: Item[]): boolean {
  if (!lone.every((x) => MODAL_HEDGES.has(x.key))) return false;
  return p.A.tokens.some((t, k) => p.A.pair[k] >= 0 && PROBABILITY_NOUNS.has(t.norm));
}

/** Hedges that say a claim is reported: the same status as a speech verb on the other side ("reportedly" / "a Republican said"). */
const REPORTED_HEDGES = new Set(['reportedly']);

/**
 * A hedge on one side only replaces a plain verb: paired with the other side's first leftover verb
 * ("said" vs "claimed"). A reporting hedge against a speech verb is no hedge at all: both report.
 */
function withReplacedVerb(ma: Item[], mb: Item[], la: Item[], lb: Item[]): [Item[], Item[]] {
  if (ma.length > 0 && mb.length > 0) return [ma, mb];
  const lone = ma.length > 0 ? ma : mb;
  const speech = (ma.length === 0 ? la : lb).find((z) => !z.matched && SPEECH_VERB_WORD_RE.test(z.text));
  if (speech && lone.every((x) => REPORTED_HEDGES.has(x.key))) {
    markMatched([...lone, speech]);
    return [[], []];
  }
  const other = (ma.length === 0 ? la : lb).filter((z) => !z.matched && REPORTING_VERB_WORD_RE.test(z.text));
  if (other.length === 0) return [ma, mb];
  return ma.length === 0 ? [[other[0]], mb] : [ma, [other[0]]];
}

/**
 * Entities: a name swapped for another name of the same kind (a date for a date, a name for a
 * name); names inside a stretch rewritten in other words are left to the clause check.
 */
function classifyNames(p: Pair, la: Item[], lb: Item[], out: Divergence[]): void {
  const namesA = la.filter((x) => isName(p.A, x));
  const namesB = lb.filter((y) => isName(p.B, y));
  for (const dates of [true, false]) {
    const capsA = namesA.filter((x) => !x.matched && isDateWord(p.A.tokens[x.from].norm) === dates);
    const capsB = namesB.filter((y) => !y.matched && isDateWord(p.B.tokens[y.from].norm) === dates);
    if (capsA.length === 0 || capsB.length === 0) continue;
    const d = makeDivergence('entity', p.A, capsA[0].from, capsA[capsA.length - 1].to, p.B, capsB[0].from, capsB[capsB.length - 1].to, '');
    const same = sameEntity(d.a, d.b);
    if (!same && (otherContent(p.A, la, namesA) > DIVERGENCE_TUNING.entityContext || otherContent(p.B, lb, namesB) > DIVERGENCE_TUNING.entityContext)) continue;
    // a name the other version gives elsewhere in another form moved; it was not swapped
    if (!same && (capsA.some((x) => namedElsewhere(p.A.tokens[x.from].text, p.B)) || capsB.some((y) => namedElsewhere(p.B.tokens[y.from].text, p.A)))) continue;
    markMatched([...capsA, ...capsB]);
    if (same) {
      // house style (an abbreviation, a party-and-state tag, a demonym): cosmetic, graded as an edit
      d.type = 'spelling';
      d.substantive = false;
      d.message = `Same name written differently: ${vs(p, quote(d.a), quote(d.b))}.`;
    } else d.message = `Different ${dates ? 'date' : 'name'}: ${vs(p, quote(d.a), quote(d.b))}.`;
    out.push(d);
  }
}

/**
 * True when the other side names the same entity somewhere else, in another form ("Democrats" and
 * "Democratic candidates"): the name moved or changed its form, it was not swapped for another.
 */
function namedElsewhere(name: string, other: Side): boolean {
  const singular = name.replace(/(?<=\p{Ll}{3})s$/u, '');
  return other.tokens.some((t, k) => isCapitalised(other, k) && t.kind === 'word' && (sameEntity(name, t.text) || (singular !== name && sameEntity(singular, t.text))));
}

/** How many unmatched content items of a hunk are not names. */
function otherContent(s: Side, xs: Item[], names: Item[]): number {
  return xs.filter((x) => !x.matched && !names.includes(x) && s.content[x.from]).length;
}
