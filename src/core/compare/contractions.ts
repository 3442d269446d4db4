// House-style forms of the same words: a changed stretch that differs only by a contraction
// written out ("I'd" / "I would", "don't" / "do not", "it's" / "it is"), by hyphenation
// ("year-end" / "year end", "e-mail" / "email") or by numerals against number words ("2 in 3" /
// "two-in-three", "5%" / "five percent") is house style, an edit, not a rewording.
import { Divergence } from '../types';
import { isNumberWord, parseNumberWords } from '../extract/numerals';
import { Pair, Side, makeDivergence } from './sides';
import { quote, vs } from './messages';

/** Endings of a contraction and the words each may stand for. */
const CONTRACTED_ENDINGS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(ca)n't$/, ['not']],
  [/^(wo)n't$/, ['not']],
  [/^(.+)n't$/, ['not']],
  [/^(.+)'d$/, ['would', 'had']],
  [/^(.+)'ll$/, ['will']],
  [/^(.+)'ve$/, ['have']],
  [/^(.+)'re$/, ['are']],
  [/^(i)'m$/, ['am']],
  [/^(he|she|it|that|there|here|what|who|where|how)'s$/, ['is', 'has']],
  [/^(let)'s$/, ['us']],
];

/** Irregular first halves of a negated contraction ("won't" → will, "can't" → can). */
const FIRST_HALVES: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', ai: 'is', sha: 'shall' };

/** Most written-out readings of a stretch tried (a stretch holds few contractions). */
const MAX_READINGS = 16;

/** A numeral with thousands separators ("1,200"). */
const GROUPED_NUMERAL_RE = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** A percentage written with its sign ("4.5%"). */
const PERCENT_RE = /^(\d[\d.,]*)%$/;

/** The readings of one word key: itself, or a contraction's written-out words; a hyphenated word also split and closed up. */
function readingsOf(key: string): string[][] {
  if (key === 'cannot') return [['can', 'not'], [key]];
  for (const [re, seconds] of CONTRACTED_ENDINGS) {
    const m = re.exec(key);
    if (m) return seconds.map((w) => [FIRST_HALVES[m[1]] ?? m[1], w]);
  }
  const percent = PERCENT_RE.exec(key);
  if (percent) return [[percent[1], 'percent']];
  const parts = key.split('-').filter((w) => w !== '');
  if (parts.length > 1) return [parts, [parts.join('')]];
  return [[key]];
}

/**
 * One reading's words with its numbers in one form: a run of number words as its numeral
 * ("twenty two" → "22"), thousands separators dropped, "per cent" closed up.
 */
function foldNumbers(words: string[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && isNumberWord(words[j])) j++;
    const value = j > i ? parseNumberWords(words.slice(i, j)) : null;
    if (value !== null) {
      out.push(String(value));
      i = j;
      continue;
    }
    const w = words[i];
    if (w === 'per' && words[i + 1] === 'cent') {
      out.push('percent');
      i += 2;
      continue;
    }
    out.push(GROUPED_NUMERAL_RE.test(w) ? w.replace(/,/g, '') : w);
    i++;
  }
  return out.join(' ');
}

/** Every written-out reading of tokens [from, to) of a side (words only), each as one string with its numbers folded. */
function readings(s: Side, from: number, to: number): Set<string> {
  let out: string[][] = [[]];
  for (let k = from; k < to; k++) {
    if (s.tokens[k].kind === 'punct') continue;
    const alts = readingsOf(s.keys[k].replace(/’/g, "'"));
    const next: string[][] = [];
    for (const r of out) for (const a of alts) if (next.length < MAX_READINGS) next.push([...r, ...a]);
    out = next;
  }
  return new Set(out.map(foldNumbers));
}

/** True when tokens [from, to) of a side hold a contraction. */
function holdsContraction(s: Side, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.tokens[k].kind === 'word' && (/['’]/.test(s.tokens[k].text) || s.keys[k] === 'cannot')) return true;
  return false;
}

/** True when tokens [from, to) of a side hold a word that may be written in another house style: a contraction, a hyphen, a number. */
function holdsVariableForm(s: Side, from: number, to: number): boolean {
  if (holdsContraction(s, from, to)) return true;
  for (let k = from; k < to; k++) {
    const t = s.tokens[k];
    if (t.kind === 'number' || (t.kind === 'word' && (t.text.includes('-') || isNumberWord(t.norm) || t.norm === 'percent' || t.norm === 'cent'))) return true;
  }
  return false;
}

/**
 * Changed stretches that differ only by house style (a contraction written out, hyphenation,
 * numerals against number words): their words consumed, one cosmetic spelling divergence each.
 */
export function classifyContractions(p: Pair, out: Divergence[]): void {
  const { A, B } = p;
  for (const h of p.hunks) {
    if (h.aFrom === h.aTo || h.bFrom === h.bTo) continue;
    if (!holdsVariableForm(A, h.aFrom, h.aTo) && !holdsVariableForm(B, h.bFrom, h.bTo)) continue;
    const ra = readings(A, h.aFrom, h.aTo);
    const rb = readings(B, h.bFrom, h.bTo);
    if (![...ra].some((r) => r !== '' && rb.has(r))) continue;
    for (let k = h.aFrom; k < h.aTo; k++) if (A.tokens[k].kind !== 'punct') A.used[k] = true;
    for (let k = h.bFrom; k < h.bTo; k++) if (B.tokens[k].kind !== 'punct') B.used[k] = true;
    const d = makeDivergence('spelling', A, h.aFrom, h.aTo, B, h.bFrom, h.bTo, '');
    const contraction = holdsContraction(A, h.aFrom, h.aTo) || holdsContraction(B, h.bFrom, h.bTo);
    d.message = contraction ? `Contraction written out: ${vs(p, quote(d.a), quote(d.b))}.` : `House style (numerals or hyphenation): ${vs(p, quote(d.a), quote(d.b))}.`;
    out.push(d);
  }
}
