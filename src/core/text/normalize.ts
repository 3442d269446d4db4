// Normalising and tokenising text, with offsets back to the original string: the one
// tokenizer of core. Folds typography (quote marks, apostrophes, dashes), whitespace runs
// and case; a word token's comparison form also folds spelling (see ./spelling).
import { foldSpelling } from './spelling';

/** A normalised string plus, for each of its characters, the original offset. */
export interface NormalizedText {
  /** The normalised text. */
  text: string;
  /** map[i] = offset in the original of normalised char i; map[text.length] = original length (sentinel). */
  map: number[];
}

/** What a token is made of. */
export type TokenKind = 'word' | 'number' | 'punct';

/** One token with offsets into the ORIGINAL string. */
export interface Token {
  /** The token exactly as in the original (`original.slice(start, end)`). */
  text: string;
  /** Folded form: typography folded, lower case, spelling folded (American). */
  norm: string;
  /** Offset of the first character in the original string. */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** Word, number or punctuation. */
  kind: TokenKind;
}

const CHAR_FOLDS: Record<string, string> = {
  '\u2019': "'", '\u2018': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2011': '-', '\u2010': '-', '\u2012': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...',
};

/** Folds one character's typography (curly quotes, primes, guillemets, dashes) to ASCII. */
export function foldTypography(ch: string): string {
  return CHAR_FOLDS[ch] ?? ch;
}

/** Folds a whole string's typography (no case or whitespace folding). */
export function foldTypographyText(text: string): string {
  // fast path (hot: called for every word compared): plain ASCII without a backtick needs no folding
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f || c === 0x60) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  return FOLD_RE.test(text) ? text.replace(FOLD_RE_G, (ch) => CHAR_FOLDS[ch] ?? ch) : text;
}

const FOLD_CLASS = `[${Object.keys(CHAR_FOLDS).join('').replace(/[\]\\^-]/g, '\\$&')}]`;
const FOLD_RE = new RegExp(FOLD_CLASS);
const FOLD_RE_G = new RegExp(FOLD_CLASS, 'g');

/**
 * Normalises typography, whitespace runs (to one space, trimmed) and case.
 * `map[i]` is the original offset of normalised character i, plus a sentinel.
 */
export function normalizeText(text: string): NormalizedText {
  let out = '';
  const map: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && out.length > 0) {
      out += ' ';
      map.push(pendingSpace);
    }
    pendingSpace = -1;
    const folded = foldTypography(ch).toLowerCase();
    for (const f of folded) {
      out += f;
      map.push(i);
    }
  }
  map.push(text.length);
  return { text: out, map };
}

/**
 * `normalizeText(text).text` without building the offset map. Whole-string folding
 * equals normalizeText's per-character folding unless the text has a surrogate
 * (lower-cased per code unit there) or a capital sigma (final-sigma rule); those
 * take normalizeText's path.
 */
export function normalizeString(text: string): string {
  if (/[\uD800-\uDFFF\u03A3]/.test(text)) return normalizeText(text).text;
  return foldTypographyText(text.replace(/\s+/g, ' ').trim()).toLowerCase();
}

// --- tokens ---------------------------------------------------------------

// words: a party-and-state tag ("D-N.Y."), an abbreviation with periods ("F.B.I.", "s.o.b."), a
// censored word ("f***ing", "f---ing": one token; hyphens only three or more, or two between single
// lower-case letters and a short ending, so "word--word" stays a dash), else letters and digits
// joined by apostrophes or hyphens
const TOKEN_RE = /([$£€¥]?\d+(?:[.,]\d+)*(?:%|(?![\p{L}\d])))|([RDI]-(?:\p{Lu}\.){2,}|(?:\p{Lu}\.){2,}|(?:\p{Ll}\.){2,}(?!\p{L})|\p{L}+(?:\*{2,}\p{L}*|\*+\p{L}+)|\p{L}-{3,}\p{Ll}{0,3}(?![\p{L}\d-])|\p{Ll}--\p{Ll}{1,3}(?![\p{L}\d-])|[\p{L}\p{N}]+(?:['’\u2011\-][\p{L}\p{N}]+)*)|(\S)/gu;

/** Title abbreviations (lower case, no period) and the words they stand for: "Sen." and "Senator" compare as one word. */
const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  sen: 'senator', sens: 'senators', rep: 'representative', reps: 'representatives', gov: 'governor', govs: 'governors',
  gen: 'general', lt: 'lieutenant', col: 'colonel', capt: 'captain', sgt: 'sergeant', adm: 'admiral', cmdr: 'commander',
  pres: 'president', atty: 'attorney', supt: 'superintendent', prof: 'professor', gens: 'generals',
};

/** Most word forms the comparison-form memo keeps; a fuller memo is emptied and refilled. */
const TOKEN_MEMO_LIMIT = 200_000;

/**
 * Memo of `normalizeToken` by the token's text. Harmless to share across runs in one process:
 * the comparison form is a pure function of the text, and the table is bounded.
 */
const tokenMemo = new Map<string, string>();

/** Folds a token's text to its comparison form (typography, case, spelling, house style: F.B.I./FBI, Sen./Senator, f***ing/f**king); memoised. */
export function normalizeToken(text: string): string {
  const known = tokenMemo.get(text);
  if (known !== undefined) return known;
  if (tokenMemo.size >= TOKEN_MEMO_LIMIT) tokenMemo.clear();
  const norm = foldToken(text);
  tokenMemo.set(text, norm);
  return norm;
}

/** `normalizeToken` without the memo. */
function foldToken(text: string): string {
  const lower = foldTypographyText(text).toLowerCase();
  if (lower.includes('.')) return lower.replace(/\./g, '');
  if (lower.includes('*')) return foldCensored(lower);
  if (lower.includes('--')) return foldCensored(lower.replace(/-/g, '*'));
  if (Object.prototype.hasOwnProperty.call(TITLE_ABBREVIATIONS, lower) && /^[A-Z]/.test(text)) return TITLE_ABBREVIATIONS[lower];
  return foldSpelling(lower);
}

/** A censored word's comparison form: its first letter, a star and its last two letters ("f***ing", "f**king" and "f---ing" → "f*ng"). */
function foldCensored(lower: string): string {
  const tail = lower.slice(lower.lastIndexOf('*') + 1);
  return `${lower[0]}*${tail.slice(-2)}`;
}

/**
 * True when one word is the other written censored ("f***ing", "f---ing" for "fucking"): same
 * first letters and ending around the stars or hyphens, and the full word long enough to fill them.
 */
export function isCensoredFormOf(a: string, b: string): boolean {
  const [censored, full] = /[*]|--/.test(a) ? [a, b] : [b, a];
  const m = /^(\p{L}+)(?:\*+|-{2,})(\p{L}*)$/u.exec(foldTypographyText(censored).toLowerCase());
  const word = foldTypographyText(full).toLowerCase();
  if (!m || !/^\p{L}+$/u.test(word)) return false;
  const [, head, tail] = m;
  return word.length > head.length + tail.length && word.startsWith(head) && word.endsWith(tail);
}

/** True for a title abbreviation ("Sen", "Gov"), which a period follows without ending the sentence. */
export function isTitleAbbreviation(word: string): boolean {
  return /^\p{Lu}/u.test(word) && Object.prototype.hasOwnProperty.call(TITLE_ABBREVIATIONS, word.toLowerCase());
}

/** Splits text into word, number and punctuation tokens with offsets into the original. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  if (!text) return tokens;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const kind: TokenKind = m[1] ? 'number' : m[2] ? 'word' : 'punct';
    const raw = m[0];
    const norm = kind === 'punct' ? foldTypography(raw) : kind === 'number' ? raw : normalizeToken(raw);
    tokens.push({ text: raw, norm, start: m.index, end: m.index + raw.length, kind });
  }
  return tokens;
}
