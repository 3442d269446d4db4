// Marker words: a negation, hedge or qualifier changes a claim's polarity, certainty or scope.
// Which words are markers, and whether a marker bears on words both versions carry.
import { HEDGES, NEGATED_AUXILIARY_STEMS, NEGATIONS, QUALIFIERS } from '../text/wordLists';
import { lemmatize } from '../lexicon/morphology';
import { rememberBounded } from '../util/memo';
import { Side } from './sides';
import { DIVERGENCE_TUNING } from './tuning';

/** The kind of marker a word is. */
export type MarkerType = 'negation' | 'hedge' | 'qualifier';

/** A contracted negation folded without its apostrophe ("didnt", "wont"). */
const NEGATED_AUXILIARY_RE = new RegExp(`^(?:${NEGATED_AUXILIARY_STEMS.join('|')})nt$`);

/** Memo of `findMarker` per key (pure: a key's marker never changes). */
const markerMemo = new Map<string, MarkerType | null>();

/** The marker a key is, or null; always null when `raw` is given (a word capitalised mid-sentence is a name). Memoised per key. */
export function markerOf(key: string, raw?: string): MarkerType | null {
  if (raw) return null;
  const m = markerMemo.get(key);
  return m !== undefined ? m : rememberBounded(markerMemo, key, findMarker(key), 50_000);
}

/** The marker a key is, or null (the key or its lemma in a marker list). */
function findMarker(key: string): MarkerType | null {
  if (/n't$/.test(key) || NEGATED_AUXILIARY_RE.test(key) || NEGATIONS.has(key) || NEGATIONS.has(lemmatize(key))) return 'negation';
  if (HEDGES.has(key) || HEDGES.has(lemmatize(key))) return 'hedge';
  if (QUALIFIERS.has(key)) return 'qualifier';
  return null;
}

/** Most tokens after a marker searched for the content words of its clause (function words between them included). */
const CLAUSE_TOKENS = 3 * DIVERGENCE_TUNING.markerScope;

/**
 * True when a marker word over tokens [from, to) bears on material both versions carry: the first
 * content word after it in its clause, and at least half of the next few content words of that
 * clause, have a counterpart on the other side ("did not respond to repeated requests" in a clause
 * only one version has is part of that clause, not a negation of the other's words; "money I
 * shouldn't have used for personal purposes" against "money that should have been used for my
 * campaign" negates a predicate told in other words, not the other's claim), or, when nothing
 * follows, the content word just before it does.
 */
export function scopeShared(s: Side, from: number, to: number): boolean {
  const shared = (k: number) => s.pair[k] >= 0 || s.used[k];
  let words = 0;
  let common = 0;
  for (let k = to; k < Math.min(s.tokens.length, to + CLAUSE_TOKENS) && words < DIVERGENCE_TUNING.markerScope; k++) {
    const t = s.tokens[k];
    if (t.kind === 'punct') break;
    if (!s.content[k] || markerOf(t.norm)) continue;
    // the word it bears on first: unshared, the marker belongs to other words
    if (words === 0 && !shared(k)) return false;
    words++;
    if (shared(k)) common++;
  }
  if (words > 0) return 2 * common > words;
  for (let k = from - 1; k >= Math.max(0, from - DIVERGENCE_TUNING.markerScope); k--) {
    const t = s.tokens[k];
    if (t.kind === 'punct') break;
    if (s.content[k] && !markerOf(t.norm)) return shared(k);
  }
  return false;
}
