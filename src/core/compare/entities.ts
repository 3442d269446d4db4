// Entity tests: whether an unmatched word is a name or a date, and whether two names are the
// same entity written differently (an abbreviation, initials, a demonym, a slip of spelling).
import { DATE_WORDS, TITLES } from '../text/wordLists';
import { rememberBounded } from '../util/memo';
import { Side, isCapitalised } from './sides';
import { Item } from './items';
// natural is only ever imported through its submodules (see esbuild.config.js).
const { DamerauLevenshteinDistance } = require('natural/lib/natural/distance/levenshtein_distance') as { DamerauLevenshteinDistance(a: string, b: string): number };

/** Endings a place name or its demonym may carry beyond a shared stem (Britain/British, China/Chinese). */
const PLACE_SUFFIXES = ['ish', 'ese', 'ian', 'ean', 'an', 'i', 'ain', 'ia', 'a', 'y', 'o', 'e'];

/** True for a weekday or month name (a date, compared only with dates). */
export function isDateWord(norm: string): boolean {
  return DATE_WORDS.test(norm);
}

/** True when an unmatched item is a name: capitalised mid-sentence and not a title. */
export function isName(s: Side, x: Item): boolean {
  return !x.matched && isCapitalised(s, x.from) && !TITLES.has(s.tokens[x.from].norm.replace(/\.$/, ''));
}

/** Memo of `findSameEntity` per pair of names (pure). */
const entityMemo = new Map<string, boolean>();

/**
 * True when two names are the same entity written differently: DVD-CCA/DVD CCA,
 * IAEA/International Atomic Energy Agency, BoE/Bank of England, Fla./Florida, China/Chinese.
 * Memoised per pair.
 */
export function sameEntity(a: string, b: string): boolean {
  const key = `${a}\u0000${b}`;
  return entityMemo.get(key) ?? rememberBounded(entityMemo, key, findSameEntity(a, b), 50_000);
}

/** `sameEntity` unmemoised. */
function findSameEntity(a: string, b: string): boolean {
  const squash = (s: string) => s.toLowerCase().replace(/'s\b|’s\b/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
  const sa = squash(a);
  const sb = squash(b);
  if (!sa || !sb) return false;
  if (sa === sb || (sa.length >= 3 && sb.includes(sa)) || (sb.length >= 3 && sa.includes(sb))) return true;
  if ((sa.length >= 2 && isInitialism(sa, b)) || (sb.length >= 2 && isInitialism(sb, a))) return true;
  if (isPartyTagOf(a, b) || isPartyTagOf(b, a)) return true;
  return !/\s/.test(a.trim()) && !/\s/.test(b.trim()) && sameSingleWordEntity(sa, sb);
}

/** Party words by the letter of a party-and-state tag ("R-Calif." / "Republican of California", "D-N.Y." / "a New York Democrat"). */
const PARTY_WORDS: Readonly<Record<string, RegExp>> = { r: /^republican$/i, d: /^democrat(?:ic)?$/i, i: /^independent$/i };

/** True when `tag` is a party-and-state tag and `long` spells out the same party and state. */
function isPartyTagOf(tag: string, long: string): boolean {
  const m = /^([RDI])-([\p{L}.]+)$/u.exec(tag.trim());
  if (!m) return false;
  const words = long.split(/\s+/).filter((w) => !/^(?:of|a|an|the|from)$/i.test(w));
  const party = words.findIndex((w) => PARTY_WORDS[m[1].toLowerCase()].test(w));
  if (party < 0) return false;
  // the party alone: the state is a detail left out ("R-Wyo." / "a Republican")
  if (words.length === 1) return true;
  const state = words.filter((_, k) => k !== party).join(' ');
  const short = m[2].toLowerCase().replace(/\./g, '');
  const squashed = state.toLowerCase().replace(/[^\p{L}]+/gu, '');
  return !!squashed && (short === squashed || isInitialism(short, state) || isAbbreviation(short, squashed));
}

/** True when the squashed `short` is the initials of `long`'s capitalised words, or of all its words ("Bank of England" → boe). */
function isInitialism(short: string, long: string): boolean {
  const initials = long.split(/[\s\-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0].toLowerCase()).join('');
  if (initials === short) return true;
  const allInitials = long.split(/[\s\-]+/).filter((w) => /^\p{L}/u.test(w)).map((w) => w[0].toLowerCase()).join('');
  return allInitials === short;
}

/** Two one-word names, squashed: an abbreviation, one slip of spelling in a long name, or a place and its demonym. */
function sameSingleWordEntity(sa: string, sb: string): boolean {
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  if (isAbbreviation(short, long)) return true;
  // one slip of spelling or transliteration in a long name (Guangdong/Guandong)
  if (short.length >= 6 && long.length - short.length <= 1 && DamerauLevenshteinDistance(sa, sb) <= 1) return true;
  const stemsA = placeStems(sa);
  return placeStems(sb).some((x) => x.length >= 4 && stemsA.includes(x));
}

/** Stems of a place name or its demonym (Britain/British → brit, China/Chinese → chin, Germany/German → german). */
function placeStems(w: string): string[] {
  const out = [w];
  for (const suffix of PLACE_SUFFIXES) if (w.endsWith(suffix) && w.length - suffix.length >= 4) out.push(w.slice(0, -suffix.length));
  return out;
}

/** True when the shorter word is a written abbreviation of the longer (Fla/Florida, Calif/California, Gen/General). */
function isAbbreviation(short: string, long: string): boolean {
  if (short.length < 2 || short.length >= long.length || short[0] !== long[0]) return false;
  if (short.length >= 3 && long.startsWith(short)) return true;
  // first and last letter (Ft/Fort, Mt/Mount, St/Street)
  if (short.length === 2 && long.length <= 7 && short[1] === long[long.length - 1]) return true;
  if (short.length > 4 || short[1] !== long[1]) return false;
  let k = 0;
  for (const ch of long) if (ch === short[k]) k++;
  return k === short.length;
}
