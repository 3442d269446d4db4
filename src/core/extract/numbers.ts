// Quantities as claims: "more than 400" is {op:'>', 400}, "several hundred" is
// a vague range, "four hundred" equals "400". Comparing two quantities tells
// whether they make the same claim.
import { Token, tokenize } from '../text/normalize';

/** How a quantity bounds the true value. `~` about, `~<` nearly, `range` a vague amount. */
export type QuantityOp = '=' | '>' | '>=' | '<' | '<=' | '~' | '~<' | 'range';

/** A quantity claim found in a text. */
export interface Quantity {
  /** The words of the claim, qualifier included ("more than 400"). */
  text: string;
  /** Offsets into the text it was extracted from. */
  start: number;
  end: number;
  op: QuantityOp;
  /** The value (for `range`, the lower bound). */
  value: number;
  /** Bounds of the claimed amount (equal to value for exact amounts). */
  low: number;
  high: number;
  /** '%', '$', '£', '€' when given. */
  unit?: string;
  /** The qualifier words ("more than", "up to"), when present. */
  qualifier?: string;
}

/** Outcome of comparing two quantities. */
export interface QuantityComparison {
  /** True when both make the same claim ("400" vs "four hundred"). */
  same: boolean;
  /** True when the amounts agree and only the qualifier differs ("about 400" vs "400"). */
  onlyQualifier: boolean;
  /**
   * True when the amounts differ only by rounding: the more precise one, rounded to the other's
   * precision, gives the other ("$114.3 million" / "$114 million", "14.7" / "about 15").
   */
  rounded: boolean;
}

/**
 * A lookup table without Object.prototype behind it, so that `word in table` and `table[word]`
 * never find "constructor", "toString" and the like.
 */
function table<V>(entries: Record<string, V>): Record<string, V> {
  return Object.assign(Object.create(null) as Record<string, V>, entries);
}

const UNITS: Record<string, number> = table({
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALES: Record<string, number> = table({ hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mln: 1e6 });
const PLURAL_SCALES: Record<string, [number, number]> = table({
  dozens: [24, 144], hundreds: [200, 999], thousands: [2000, 9999], millions: [2e6, 999e6], billions: [2e9, 999e9], trillions: [2e12, 999e12],
});
const VAGUE_MULTIPLIERS: Record<string, [number, number]> = table({
  several: [2, 9], 'a few': [2, 5], few: [2, 5], 'a couple of': [2, 3], many: [2, 9], some: [2, 9],
});

const QUALIFIERS: [string, QuantityOp][] = [
  ['more than', '>'], ['greater than', '>'], ['over', '>'], ['in excess of', '>'], ['upwards of', '>'], ['above', '>'], ['just over', '>'],
  ['at least', '>='], ['no fewer than', '>='], ['no less than', '>='], ['a minimum of', '>='],
  ['up to', '<='], ['as many as', '<='], ['as much as', '<='], ['at most', '<='], ['no more than', '<='], ['a maximum of', '<='],
  ['fewer than', '<'], ['less than', '<'], ['under', '<'], ['below', '<'], ['just under', '<'],
  ['about', '~'], ['around', '~'], ['approximately', '~'], ['roughly', '~'], ['some', '~'], ['an estimated', '~'], ['estimated', '~'], ['almost', '~<'], ['nearly', '~<'], ['close to', '~<'], ['approx', '~'],
  ['exactly', '='], ['precisely', '='], ['only', '='], ['just', '='],
];

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
function lower(t: Token | undefined): string {
  return t ? t.norm : '';
}

const QUALIFIER_FIRST_WORDS = new Set<string>();
const NUMBERISH = /^(?:[$£€¥]?\d|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|trillions|tens|several|a|few|many|some)/;

/** Words of the fixed phrases `matchPhrase` is asked about (qualifiers, vague amounts), split once. */
const phraseWords = new Map<string, string[]>();

/** Matches one of `phrases` (lower-case, space separated) at tokens[i]; returns the word count. */
function matchPhrase(tokens: Token[], i: number, phrase: string): number {
  let words = phraseWords.get(phrase);
  if (!words) phraseWords.set(phrase, (words = phrase.split(' ')));
  for (let k = 0; k < words.length; k++) if (lower(tokens[i + k]) !== words[k]) return 0;
  return words.length;
}

/** Reads a numeric core (numeral or number words or vague amount) at tokens[i]. */
function readCore(tokens: Token[], i: number): { end: number; low: number; high: number; vague: boolean; unit?: string } | null {
  const t = tokens[i];
  if (!t) return null;
  let unit: string | undefined;
  let j = i;
  let value: number | null = null;
  if (t.kind === 'number') {
    const n = parseNumeral(t.text);
    if (!n) return null;
    value = n.value;
    unit = n.unit;
    j = i + 1;
    // scale words: "2.5 million"
    while (tokens[j] && (lower(tokens[j]) in SCALES)) {
      value *= SCALES[lower(tokens[j])];
      j++;
    }
  } else if (lower(t) in PLURAL_SCALES) {
    let [low, high] = PLURAL_SCALES[lower(t)];
    j = i + 1;
    // "hundreds of thousands", "tens of thousands"
    if (lower(tokens[j]) === 'of' && lower(tokens[j + 1]) in PLURAL_SCALES) {
      const [l2] = PLURAL_SCALES[lower(tokens[j + 1])];
      const base = l2 / 2;
      low *= base;
      high = high * base + base - 1;
      j += 2;
    }
    return withUnit(tokens, j, low, high, true, undefined);
  } else if (lower(t) === 'tens' && lower(tokens[i + 1]) === 'of' && lower(tokens[i + 2]) in PLURAL_SCALES) {
    const base = PLURAL_SCALES[lower(tokens[i + 2])][0] / 2;
    return withUnit(tokens, i + 3, 20 * base, 99 * base, true, undefined);
  } else {
    for (const vague of Object.keys(VAGUE_MULTIPLIERS)) {
      const n = matchPhrase(tokens, i, vague);
      const scale = n ? lower(tokens[i + n]) : '';
      if (n && (scale === 'hundred' || scale === 'dozen' || scale in SCALES)) {
        const mult = scale === 'dozen' ? 12 : scale === 'hundred' ? 100 : SCALES[scale];
        const [a, b] = VAGUE_MULTIPLIERS[vague];
        return withUnit(tokens, i + n + 1, a * mult, b * mult, true, undefined);
      }
    }
    const words: string[] = [];
    let k = i;
    while (tokens[k] && tokens[k].kind === 'word') {
      const parts = lower(tokens[k]).split('-');
      const isNum = (w: string) => w in UNITS || w in SCALES || w === 'hundred' || w === 'dozen' || w === 'one' || w === 'and' || (w === 'a' && k === i);
      if (!parts.every(isNum) || (parts.length > 1 && parts.includes('one') && parts[0] !== 'twenty' && !(parts[0] in UNITS))) break;
      words.push(...parts);
      k++;
    }
    while (words.length && words[words.length - 1] === 'and') words.pop();
    // lone "one"/"a" are not quantities; "a" must lead into a scale ("a dozen")
    if (words.length === 0 || (words.length === 1 && (words[0] === 'one' || words[0] === 'a'))) return null;
    if (words[0] === 'a' && !(words[1] === 'dozen' || words[1] === 'hundred' || words[1] in SCALES)) return null;
    value = parseNumberWords(words);
    if (value === null) return null;
    j = k;
  }
  if (value === null) return null;
  return withUnit(tokens, j, value, value, false, unit);
}

/** Reads a unit after a numeric core ("percent", "per cent", "dollars", "of dollars"). */
function withUnit(tokens: Token[], j: number, low: number, high: number, vague: boolean, unit: string | undefined): { end: number; low: number; high: number; vague: boolean; unit?: string } {
  const next = lower(tokens[j]);
  if (next === 'percent' || next === '%') {
    unit = '%';
    j++;
  } else if (next === 'per' && lower(tokens[j + 1]) === 'cent') {
    unit = '%';
    j += 2;
  } else if ((next === 'dollars' || next === 'dollar') && !unit) {
    unit = '$';
    j++;
  } else if (next === 'of' && lower(tokens[j + 1]) === 'dollars' && !unit) {
    unit = '$';
    j += 2;
  }
  return { end: j, low, high, vague, unit };
}

const COMPACT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, tn: 1e12, trn: 1e12 };
/** "$250m", "£2.5bn", "$ 250-M", "3.2 bn": a numeral with an abbreviated scale. */
const COMPACT_RE = /(?<![\p{L}\p{N}.,])([$£€¥]\s?)?(\d+(?:[.,]\d+)*)(\s?-\s?|\s?)(bn|mn|mln|tn|trn|m|b|k)(?![\p{L}\p{N}])/giu;

/**
 * Quantities written with an abbreviated scale. bn/mn/mln/tn always mean a scale; the
 * one-letter k/m/b only after a currency sign or as "-M"/"-B" (else "100m" may be metres).
 */
export function extractCompactQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  COMPACT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMPACT_RE.exec(text))) {
    const [whole, currency, digits, joint, scale] = m;
    const short = scale.length === 1;
    if (short && !currency && !(joint.includes('-') && /[A-Z]/.test(scale))) continue;
    if (!short && /\s/.test(joint) && !currency) continue;
    const n = parseNumeral(digits);
    if (!n) continue;
    const value = n.value * COMPACT_SCALES[scale.toLowerCase()];
    const unit = currency ? currency.trim() : undefined;
    out.push({ text: whole, start: m.index, end: m.index + whole.length, op: '=', value, low: value, high: value, unit });
  }
  return out;
}

/** A compact quantity with the qualifier just before it ("more than $250m"), when there is one. */
function withQualifierBefore(text: string, tokens: Token[], i: number, q: Quantity): Quantity {
  for (const [phrase, op] of QUALIFIERS) {
    const n = phrase.split(' ').length;
    if (i - n >= 0 && matchPhrase(tokens, i - n, phrase) === n) {
      const start = tokens[i - n].start;
      return { ...q, text: text.slice(start, q.end), start, op, qualifier: phrase };
    }
  }
  return q;
}

/** Extracts every quantity claim of a text, with offsets into it. */
export function extractQuantities(text: string, tokens: Token[] = tokenize(text)): Quantity[] {
  const out: Quantity[] = [];
  const compact = /\d\s?-?\s?(?:bn|mn|mln|tn|trn|m|b|k)(?![\p{L}\p{N}])/iu.test(text) ? extractCompactQuantities(text) : [];
  if (QUALIFIER_FIRST_WORDS.size === 0) for (const [phrase] of QUALIFIERS) QUALIFIER_FIRST_WORDS.add(phrase.split(' ')[0]);
  let i = 0;
  while (i < tokens.length) {
    let op: QuantityOp = '=';
    let qualifier: string | undefined;
    let coreAt = i;
    const first = lower(tokens[i]);
    const inCompact = compact.find((c) => tokens[i].start < c.end && c.start < tokens[i].end);
    if (inCompact) {
      if (!out.some((q) => q.end === inCompact.end)) out.push(withQualifierBefore(text, tokens, i, inCompact));
      i++;
      continue;
    }
    if (!QUALIFIER_FIRST_WORDS.has(first) && !NUMBERISH.test(first)) {
      i++;
      continue;
    }
    for (const [phrase, qop] of QUALIFIER_FIRST_WORDS.has(first) ? QUALIFIERS : []) {
      const n = matchPhrase(tokens, i, phrase);
      if (n && readCore(tokens, i + n)) {
        op = qop;
        qualifier = phrase;
        coreAt = i + n;
        break;
      }
    }
    const core = readCore(tokens, coreAt);
    if (!core) {
      i++;
      continue;
    }
    let unit = core.unit;
    if (!unit && /^[$£€¥]/.test(tokens[coreAt].text)) unit = tokens[coreAt].text[0];
    // a currency sign set apart from the amount ("$ 30 billion", as in tokenised headlines)
    if (!unit && coreAt === i && i > 0 && /^[$£€¥]$/.test(tokens[i - 1].text)) unit = tokens[i - 1].text;
    const start = tokens[i].start;
    const end = tokens[core.end - 1].end;
    const finalOp: QuantityOp = core.vague && op === '=' ? 'range' : op;
    out.push({ text: text.slice(start, end), start, end, op: finalOp, value: core.low, low: core.low, high: core.high, unit, qualifier: op === '=' && qualifier === undefined ? undefined : qualifier });
    i = core.end;
  }
  return out;
}

function close(x: number, y: number): boolean {
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}

/**
 * Compares two quantity claims: the same claim needs the same amount (or
 * range), the same bound (op) and compatible units. "more than 400",
 * "several hundred", "up to 300" and "hundreds" are all different claims.
 */
export function compareQuantities(a: Quantity, b: Quantity): QuantityComparison {
  const unitsOk = !a.unit || !b.unit || a.unit === b.unit;
  const amountSame = unitsOk && close(a.low, b.low) && close(a.high, b.high);
  const opA = a.op === 'range' ? '=' : a.op;
  const opB = b.op === 'range' ? '=' : b.op;
  const sameOp = a.op === b.op || (opA === opB && a.op !== 'range' && b.op !== 'range');
  const rounded = !amountSame && unitsOk && a.op !== 'range' && b.op !== 'range' && roundedAlike(a, b);
  return { same: amountSame && sameOp, onlyQualifier: amountSame && !sameOp, rounded };
}

/** Precision a quantity is written to: 0.01 for "$9.99", 100 for "5,200", 1 for "30", 0.1 million for "2.5 million". */
export function precisionOf(q: Quantity): number {
  const m = /(\d[\d,]*)(?:\.(\d+))?/.exec(q.text);
  if (!m) return 1;
  const written = Number(m[1].replace(/,/g, '') + (m[2] ? `.${m[2]}` : ''));
  const scale = written > 0 && Number.isFinite(q.value / written) ? Math.round(q.value / written) || 1 : 1;
  if (m[2]) return Math.pow(10, -m[2].length) * scale;
  // "5,200" and "300" are round figures; a single trailing zero ("30") may well be exact
  const digits = m[1].replace(/,/g, '');
  const zeros = Math.min(/0+$/.exec(digits)?.[0].length ?? 0, digits.length - 1);
  return (zeros >= 2 ? Math.pow(10, zeros) : 1) * scale;
}

/** Largest relative gap that rounding (or "about") may explain: 5 %. */
export const ROUNDING_SHARE = 0.05;

/**
 * True when two amounts with the same bound differ only by rounding: written to different
 * precisions, the more precise one rounds to the other, and they are within ROUNDING_SHARE of each
 * other ("540" is not "1,000" rounded). "About" (and "nearly") allows ROUNDING_SHARE.
 */
function roundedAlike(a: Quantity, b: Quantity): boolean {
  const approx = (q: Quantity) => q.op === '~' || q.op === '~<';
  if (approx(a) || approx(b)) {
    const other = approx(a) ? b : a;
    if (!approx(other) && other.op !== '=') return false;
    return Math.abs(a.value - b.value) <= ROUNDING_SHARE * Math.max(Math.abs(a.value), Math.abs(b.value));
  }
  if (a.op !== b.op) return false;
  const pa = precisionOf(a);
  const pb = precisionOf(b);
  if (close(pa, pb)) return false;
  const p = Math.max(pa, pb);
  const near = Math.abs(a.value - b.value) <= ROUNDING_SHARE * Math.max(Math.abs(a.value), Math.abs(b.value));
  return near && close(Math.round(a.value / p) * p, Math.round(b.value / p) * p) && Math.abs(a.value - b.value) < p;
}

/** Describes a quantity claim in words ("more than 400", "between 200 and 900"). */
export function describeQuantity(q: Quantity): string {
  const u = q.unit === '%' ? '%' : '';
  const pre = q.unit && q.unit !== '%' ? q.unit : '';
  const n = (x: number) => `${pre}${x.toLocaleString('en-US')}${u}`;
  switch (q.op) {
    case 'range': return `between ${n(q.low)} and ${n(q.high)}`;
    case '>': return `more than ${n(q.value)}`;
    case '>=': return `at least ${n(q.value)}`;
    case '<': return `less than ${n(q.value)}`;
    case '<=': return `at most ${n(q.value)}`;
    case '~': return `about ${n(q.value)}`;
    case '~<': return `nearly ${n(q.value)}`;
    default: return n(q.value);
  }
}
