// Items: the words and domain phrases the diff left unpaired, per hunk, and the pass that pairs
// those of the two sides that are the same word moved, another form of it, or synonyms.
import { Divergence } from '../types';
import { STOPWORDS } from '../text/wordLists';
import { lemmaForms, sameLemmaForms, LemmaForms } from '../lexicon/morphology';
import { hasDomainConcept, matchDomainPhrase } from '../lexicon/domains';
import { synonymForms, synonymFormsMatch, SynonymForms } from '../lexicon/synonyms';
import { rememberBounded } from '../util/memo';
import { Hunk, Pair, Side, isCapitalised, makeDivergence, span } from './sides';
import { MarkerType, markerOf } from './markers';
import { quote, vs } from './messages';

/** An unmatched word or phrase of one side. */
export interface Item {
  side: 'a' | 'b';
  from: number;
  to: number;
  hunk: number;
  text: string;
  key: string;
  matched: boolean;
  /** The key's word forms (filled when first compared). */
  lemma: LemmaForms | undefined;
  /** The text's synonym forms (filled when first compared). */
  synonym: SynonymForms | undefined;
}

/** Unmatched words and domain phrases of one side, per hunk. */
export function collectItems(s: Side, side: 'a' | 'b', hunks: Hunk[]): Item[] {
  const items: Item[] = [];
  hunks.forEach((h, hi) => {
    const from = side === 'a' ? h.aFrom : h.bFrom;
    const to = side === 'a' ? h.aTo : h.bTo;
    let k = from;
    while (k < to) {
      const t = s.tokens[k];
      if (s.used[k] || t.kind === 'punct') {
        k++;
        continue;
      }
      const words: string[] = [];
      for (let x = k; x < to && x < k + 4 && s.tokens[x].kind === 'word' && !s.used[x]; x++) words.push(s.tokens[x].norm);
      const phrase = matchDomainPhrase(words, 0);
      const len = phrase ? phrase.length : 1;
      const sp = span(s, k, k + len);
      items.push({ side, from: k, to: k + len, hunk: hi, text: sp.text, key: phrase ? phrase.concepts[0] : t.norm, matched: false, lemma: undefined, synonym: undefined });
      k += len;
    }
  });
  return items;
}

/** The item's raw text when it is capitalised mid-sentence (then it is a name, not a marker word). */
export function capitalMid(s: Side, it: Item): string | undefined {
  return isCapitalised(s, it.from) ? s.tokens[it.from].text : undefined;
}

/** The marker an item is, or null (never for a name, nor for a hedge word used as a noun: "the claims", "Claims in …"). */
export function itemMarker(s: Side, it: Item): MarkerType | null {
  const m = markerOf(it.key, capitalMid(s, it));
  return m === 'hedge' && isHedgeNoun(s, it) ? null : m;
}

/** Hedge words that are also nouns (a claim, a rumour). */
const HEDGE_NOUN_RE = /^(?:claims?|rumou?rs?)$/;
/** Words before a noun (determiners, possessives, prepositions). */
const BEFORE_NOUN_RE = /^(?:the|a|an|these|those|this|that|his|her|their|its|our|your|my|of|in|on|about|against|any|no|such|false|new)$/;
/** Prepositions after a noun ("claims of fraud", "claims in the suit"). */
const AFTER_NOUN_RE = /^(?:of|in|about|against|for|on|by|from|were|are|was|is)$/;

/** True when a hedge word is used as a noun: after a determiner or preposition, or before one ("Claims in Sex Bias Suit"). */
function isHedgeNoun(s: Side, it: Item): boolean {
  if (!HEDGE_NOUN_RE.test(it.key)) return false;
  const before = s.tokens[it.from - 1];
  const after = s.tokens[it.to];
  return (!!before && BEFORE_NOUN_RE.test(before.norm)) || (!!after && AFTER_NOUN_RE.test(after.norm));
}

/** Memo of `isFrozen` per key (pure). */
const frozenMemo = new Map<string, boolean>();

/** True for an item key that the synonym pass leaves alone: a negation or hedge marker, or a function word that is no domain concept; memoised per key. */
function isFrozen(k: string): boolean {
  return frozenMemo.get(k) ?? rememberBounded(frozenMemo, k, (markerOf(k) !== null && markerOf(k) !== 'qualifier') || (STOPWORDS.has(k) && !hasDomainConcept(k)), 50_000);
}

/** The item's word forms, looked up once (not once per candidate pair). */
function lemmaOf(it: Item): LemmaForms {
  return it.lemma ?? (it.lemma = lemmaForms(it.key));
}

/** The item's synonym forms, looked up once. */
function synonymOf(it: Item): SynonymForms {
  return it.synonym ?? (it.synonym = synonymForms(it.text));
}

/** Pass 0: the same key; pass 1: another form of the same word; pass 2: synonyms (or the same key). */
function itemsEqual(pass: number, x: Item, y: Item): boolean {
  return pass === 0 ? x.key === y.key : pass === 1 ? sameLemmaForms(lemmaOf(x), lemmaOf(y)) : synonymFormsMatch(synonymOf(x), synonymOf(y)) || x.key === y.key;
}

/** True when pass `pass` leaves side A's item alone. */
function skipsItem(pass: number, x: Item): boolean {
  if (pass === 2 && (isFrozen(x.key) || (markerOf(x.key) === 'qualifier' && !hasDomainConcept(x.key)))) return true;
  // pass 1 pairs only words of three letters or more that are not domain concepts
  return pass === 1 && (x.key.startsWith('d') || x.key.length <= 2);
}

/** The first unmatched item of B equal to `x` in `pass` in the same hunk, else the first one anywhere. */
function findPartner(pass: number, x: Item, ib: Item[], frozenB: boolean[]): Item | undefined {
  let first: Item | undefined;
  for (let k = 0; k < ib.length; k++) {
    const c = ib[k];
    if (c.matched || (pass === 2 && frozenB[k]) || !itemsEqual(pass, x, c)) continue;
    if (c.hunk === x.hunk) return c;
    first = first ?? c;
  }
  return first;
}

/** Pairs unmatched items of the two sides that are the same word moved, another form, or synonyms. */
export function matchItems(p: Pair, ia: Item[], ib: Item[], out: Divergence[]): void {
  const { A, B } = p;
  // which items of B the synonym pass leaves alone, looked up once per item
  let frozenB: boolean[] = [];
  for (let pass = 0; pass < 3; pass++) {
    if (pass === 2) frozenB = ib.map((c) => isFrozen(c.key));
    for (const x of ia) {
      if (x.matched || skipsItem(pass, x)) continue;
      const y = findPartner(pass, x, ib, frozenB);
      if (!y) continue;
      x.matched = y.matched = true;
      for (let k = x.from; k < x.to; k++) A.used[k] = true;
      for (let k = y.from; k < y.to; k++) B.used[k] = true;
      if (x.text.toLowerCase() !== y.text.toLowerCase() && x.key !== y.key) {
        const how = pass === 1 ? 'the same word in another form' : 'synonyms';
        out.push(makeDivergence('wording', A, x.from, x.to, B, y.from, y.to, `Wording: ${vs(p, quote(x.text), quote(y.text))} (${how}).`));
      }
    }
  }
}
