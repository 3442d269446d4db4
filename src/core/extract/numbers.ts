// Quantities as claims: "more than 400" is {op:'>', 400}, "several hundred" is
// a vague range, "four hundred" equals "400". This module reads them out of a
// text; quantityComparison.ts tells whether two of them make the same claim.
import { Token, tokenize } from '../text/normalize';
import { lowerToken, matchWords, NUMBERISH, parseNumeral, readCore } from './numerals';

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

/** Qualifier phrases and the bound each sets on the amount. */
const QUALIFIERS: [string, QuantityOp][] = [
  ['more than', '>'], ['greater than', '>'], ['over', '>'], ['in excess of', '>'], ['upwards of', '>'], ['above', '>'], ['just over', '>'],
  ['at least', '>='], ['no fewer than', '>='], ['no less than', '>='], ['a minimum of', '>='],
  ['up to', '<='], ['as many as', '<='], ['as much as', '<='], ['at most', '<='], ['no more than', '<='], ['a maximum of', '<='],
  ['fewer than', '<'], ['less than', '<'], ['under', '<'], ['below', '<'], ['just under', '<'],
  ['about', '~'], ['around', '~'], ['approximately', '~'], ['roughly', '~'], ['some', '~'], ['an estimated', '~'], ['estimated', '~'], ['almost', '~<'], ['nearly', '~<'], ['close to', '~<'], ['approx', '~'],
  ['exactly', '='], ['precisely', '='], ['only', '='], ['just', '='],
];

/** Abbreviated scales ("m", "bn") and their factors. */
const COMPACT_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, tn: 1e12, trn: 1e12 };
/** "$250m", "£2.5bn", "$ 250-M", "3.2 bn": a numeral with an abbreviated scale. Used only through matchAll (which copies it): no state between calls. */
const COMPACT_RE = /(?<![\p{L}\p{N}.,])([$£€¥]\s?)?(\d+(?:[.,]\d+)*)(\s?-\s?|\s?)(bn|mn|mln|tn|trn|m|b|k)(?![\p{L}\p{N}])/giu;

/**
 * Quantities written with an abbreviated scale. bn/mn/mln/tn always mean a scale; the
 * one-letter k/m/b only after a currency sign or as "-M"/"-B" (else "100m" may be metres).
 */
export function extractCompactQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(COMPACT_RE)) {
    const [whole, currency, digits, joint, scale] = m;
    const short = scale.length === 1;
    if (short && !currency && !(joint.includes('-') && /[A-Z]/.test(scale))) continue;
    if (!short && /\s/.test(joint) && !currency) continue;
    const n = parseNumeral(digits);
    if (!n) continue;
    const value = n.value * COMPACT_SCALES[scale.toLowerCase()];
    const unit = currency ? currency.trim() : undefined;
    out.push({ text: whole, start: m.index!, end: m.index! + whole.length, op: '=', value, low: value, high: value, unit });
  }
  return out;
}

/** Qualifiers with their words split once: a phrase, its words and the bound it sets; read-only. */
const QUALIFIER_PHRASES: ReadonlyArray<{ phrase: string; words: string[]; op: QuantityOp }> = QUALIFIERS.map(([phrase, op]) => ({ phrase, words: phrase.split(' '), op }));

/** First words of the qualifiers ("more", "up", "about"): a quantity may start there. */
const QUALIFIER_FIRST_WORDS: ReadonlySet<string> = new Set(QUALIFIERS.map(([phrase]) => phrase.split(' ')[0]));

/** A compact quantity with the qualifier just before it ("more than $250m"), when there is one. */
function withQualifierBefore(text: string, tokens: Token[], i: number, q: Quantity): Quantity {
  for (const { phrase, words, op } of QUALIFIER_PHRASES) {
    const n = words.length;
    if (i - n >= 0 && matchWords(tokens, i - n, words) === n) {
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
  let i = 0;
  while (i < tokens.length) {
    let op: QuantityOp = '=';
    let qualifier: string | undefined;
    let coreAt = i;
    const first = lowerToken(tokens[i]);
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
    for (const { phrase, words, op: qop } of QUALIFIER_FIRST_WORDS.has(first) ? QUALIFIER_PHRASES : []) {
      const n = matchWords(tokens, i, words);
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
