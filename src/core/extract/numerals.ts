// Numerals: reading an amount written as digits ("1,200", "$2.5 million"),
// as words ("four hundred", "twenty-five") or vaguely ("several hundred",
// "tens of thousands") at a token, with its unit ("percent", "dollars").
import type { Token } from '../text/normalize';

/**
 * A lookup table without Object.prototype behind it, so that `word in table` and `table[word]`
 * never find "constructor", "toString" and the like.
 */
function table<V>(entries: Record<string, V>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}

/** Number words below a hundred. */
const UNITS: Record<string, number> = table({
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
/** Scale words and their factors. */
const SCALES: Record<string, number> = table({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mln: 1e6 });
/** Plural scales as vague ranges ("hundreds": 200 to 999). */
const PLURAL_SCALES: Record<string, [number, number]> = table({
  dozens: [24, 144], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 999e6], billions: [2e9, 999e9], trillions: [2e12, 999e12],
});
/** Vague multipliers of a scale ("several" hundred: 2 to 9 hundred). */
const VAGUE_MULTIPLIERS: Record<string, [number, number]> = table({
  several: [2, 9], 'a few': [2, 5], few: [2, 5], 'a couple of': [2, 3], many: [2, 9], some: [2, 9],
});

/** Parses a numeral token ("1,200", "4.4%", "$2.5") into value and unit, or null. */
export function parseNumeral(text: string): { value: number; unit?: string } | null {
  const m = /^([$£€¥]?)(\d+(?:[.,]\d+)*)(%?)$/.exec(text);
  if (!m) return null;
  let digits = m[2];
  // "1,200" / "1,200,000" use commas as thousands separators; "2,5" is rare in English news.
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(digits)) digits = digits.replace(/,/g, '');
  else digits = digits.replace(/,/g, '.');
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  const unit = m[3] || m[1] || undefined;
  return { value, unit };
}

/** True for a word that names a number by itself ("three", "hundred", "dozen", "thousands"); not the article "a". */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in UNITS || w in SCALES || w in PLURAL_SCALES || w === 'one' || w === 'dozen';
}

/** Value of a spelled-out number ("four hundred", "two thousand five hundred"), or null. */
export function parseNumberWords(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (w === 'and' && seen) continue;
    if (w in UNITS) {
      current += UNITS[w];
      seen = true;
    } else if (w === 'one' || w === 'a') {
      current += 1;
      seen = true;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in SCALES) {
      total += (current || 1) * SCALES[w];
      current = 0;
      seen = true;
    } else return null;
  }
  return seen ? total + current : null;
}

/** A token's lower-case form: its `norm` (case, typography and spelling folded; numerals as written). */
export function lowerToken(t: Token | undefined): string {
  return t ? t.norm : '';
}

/** Words that may open a numeric core (digits, number words, vague amounts). */
export const NUMBERISH = /^(?:[$£€¥]?\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|trillions|tens|several|a|few|many|some)/;

/** Vague multipliers with their words split once ("a few" → ["a", "few"]); read-only. */
const VAGUE_PHRASES: ReadonlyArray<[string, string[]]> = Object.keys(VAGUE_MULTIPLIERS).map((phrase) => [phrase, phrase.split(' ')]);

/** True when tokens[i…] spell `words` (lower case); returns the word count, or 0. */
export function matchWords(tokens: Token[], i: number, words: string[]): number {
  for (let k = 0; k < words.length; k++) if (lowerToken(tokens[i + k]) !== words[k]) return 0;
  return words.length;
}

/** A numeric core read at some token: its bounds, where it ends and its unit. */
export interface NumericCore {
  /** Index of the token after the core. */
  end: number;
  low: number;
  high: number;
  /** True for a vague amount ("several hundred", "thousands"). */
  vague: boolean;
  unit?: string;
}

/** Reads a numeric core (numeral or number words or vague amount) at tokens[i]. */
export function readCore(tokens: Token[], i: number): NumericCore | null {
  const t = tokens[i];
  if (!t) return null;
  if (t.kind === 'number') return readNumeralCore(tokens, i);
  if (lowerToken(t) in PLURAL_SCALES) return readPluralScaleCore(tokens, i);
  if (lowerToken(t) === 'tens' && lowerToken(tokens[i + 1]) === 'of' && lowerToken(tokens[i + 2]) in PLURAL_SCALES) {
    const base = PLURAL_SCALES[lowerToken(tokens[i + 2])][0] / 2;
    return withUnit(tokens, i + 3, 20 * base, 99 * base, true, undefined);
  }
  return readVagueMultipleCore(tokens, i) ?? readNumberWordsCore(tokens, i);
}

/** A numeral with its scale words ("2.5 million") at tokens[i]. */
function readNumeralCore(tokens: Token[], i: number): NumericCore | null {
  const n = parseNumeral(tokens[i].text);
  if (!n) return null;
  let value = n.value;
  let j = i + 1;
  while (tokens[j] && (lowerToken(tokens[j]) in SCALES)) {
    value *= SCALES[lowerToken(tokens[j])];
    j++;
  }
  return withUnit(tokens, j, value, value, false, n.unit);
}

/** A plural scale ("hundreds", "hundreds of thousands") at tokens[i]. */
function readPluralScaleCore(tokens: Token[], i: number): NumericCore {
  let [low, high] = PLURAL_SCALES[lowerToken(tokens[i])];
  let j = i + 1;
  if (lowerToken(tokens[j]) === 'of' && lowerToken(tokens[j + 1]) in PLURAL_SCALES) {
    const [l2] = PLURAL_SCALES[lowerToken(tokens[j + 1])];
    const base = l2 / 2;
    low *= base;
    high = high * base + base - 1;
    j += 2;
  }
  return withUnit(tokens, j, low, high, true, undefined);
}

/** A vague multiple of a scale ("several hundred", "a few dozen") at tokens[i], or null. */
function readVagueMultipleCore(tokens: Token[], i: number): NumericCore | null {
  for (const [vague, words] of VAGUE_PHRASES) {
    const n = matchWords(tokens, i, words);
    const scale = n ? lowerToken(tokens[i + n]) : '';
    if (n && (scale === 'hundred' || scale === 'dozen' || scale in SCALES)) {
      const mult = scale === 'dozen' ? 12 : scale === 'hundred' ? 100 : SCALES[scale];
      const [a, b] = VAGUE_MULTIPLIERS[vague];
      return withUnit(tokens, i + n + 1, a * mult, b * mult, true, undefined);
    }
  }
  return null;
}

/** A spelled-out number ("four hundred", "twenty-five", "a dozen") at tokens[i], or null. */
function readNumberWordsCore(tokens: Token[], i: number): NumericCore | null {
  const words: string[] = [];
  let k = i;
  while (tokens[k] && tokens[k].kind === 'word') {
    const parts = lowerToken(tokens[k]).split('-');
    const isNum = (w: string) => w in UNITS || w in SCALES || w === 'hundred' || w === 'dozen' || w === 'one' || w === 'and' || (w === 'a' && k === i);
    if (!parts.every(isNum) || (parts.length > 1 && parts.includes('one') && parts[0] !== 'twenty' && !(parts[0] in UNITS))) break;
    words.push(...parts);
    k++;
  }
  while (words.length && words[words.length - 1] === 'and') words.pop();
  // lone "one"/"a" are not quantities; "a" must lead into a scale ("a dozen")
  if (words.length === 0 || (words.length === 1 && (words[0] === 'one' || words[0] === 'a'))) return null;
  if (words[0] === 'a' && !(words[1] === 'dozen' || words[1] === 'hundred' || words[1] in SCALES)) return null;
  const value = parseNumberWords(words);
  return value === null ? null : withUnit(tokens, k, value, value, false, undefined);
}

/** Reads a unit after a numeric core ("percent", "per cent", "dollars", "of dollars"). */
function withUnit(tokens: Token[], j: number, low: number, high: number, vague: boolean, unit: string | undefined): NumericCore {
  const next = lowerToken(tokens[j]);
  if (next === 'percent' || next === '%') {
    unit = '%';
    j++;
  } else if (next === 'per' && lowerToken(tokens[j + 1]) === 'cent') {
    unit = '%';
    j += 2;
  } else if ((next === 'dollars' || next === 'dollar') && !unit) {
    unit = '$';
    j++;
  } else if (next === 'of' && lowerToken(tokens[j + 1]) === 'dollars' && !unit) {
    unit = '$';
    j += 2;
  }
  return { end: j, low, high, vague, unit };
}
