// Normalising and tokenising text, with offsets back to the original string.
// Folds typography (quote marks, apostrophes, dashes), whitespace runs and
// case; folds British/American spelling pairs so they compare as equal.

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

// --- spelling (British -> American) --------------------------------------

const SPELLING_WORDS: Record<string, string> = {
  programme: 'program', programmes: 'programs', tyre: 'tire', tyres: 'tires', grey: 'gray', aluminium: 'aluminum',
  cheque: 'check', cheques: 'checks', plough: 'plow', manoeuvre: 'maneuver', manoeuvres: 'maneuvers',
  defence: 'defense', defences: 'defenses', offence: 'offense', offences: 'offenses', licence: 'license',
  licences: 'licenses', pretence: 'pretense', practise: 'practice', practised: 'practiced', practising: 'practicing',
  jewellery: 'jewelry', enrol: 'enroll', enrolment: 'enrollment', fulfil: 'fulfill', fulfilment: 'fulfillment',
  skilful: 'skillful', wilful: 'willful', ageing: 'aging', judgement: 'judgment', acknowledgement: 'acknowledgment',
  mould: 'mold', smoulder: 'smolder', moustache: 'mustache', pyjamas: 'pajamas', sceptic: 'skeptic',
  sceptical: 'skeptical', scepticism: 'skepticism', draught: 'draft', catalogue: 'catalog', analogue: 'analog',
  dialogue: 'dialog', storey: 'story', kerb: 'curb', sulphur: 'sulfur', paediatric: 'pediatric', anaemia: 'anemia',
  haemorrhage: 'hemorrhage', oestrogen: 'estrogen', foetus: 'fetus', leukaemia: 'leukemia', encyclopaedia: 'encyclopedia',
  diarrhoea: 'diarrhea', orthopaedic: 'orthopedic', anaesthetic: 'anesthetic', archaeology: 'archeology',
  gaol: 'jail', learnt: 'learned', spelt: 'spelled', burnt: 'burned', dreamt: 'dreamed', whilst: 'while',
};

const RE_WORDS = ['centre', 'theatre', 'metre', 'litre', 'fibre', 'calibre', 'sombre', 'spectre', 'lustre', 'meagre', 'sabre', 'kilometre', 'centimetre', 'millimetre', 'lacklustre'];
const LL_VERBS = ['travel', 'cancel', 'label', 'model', 'fuel', 'signal', 'channel', 'counsel', 'level', 'marshal', 'total', 'dial', 'equal', 'quarrel', 'rival', 'tunnel', 'jewel', 'panel', 'pencil', 'shovel', 'marvel', 'duel', 'funnel', 'grovel', 'libel', 'swivel', 'towel', 'refuel', 'unravel', 'initial', 'pedal', 'worship', 'spiral', 'snorkel', 'barrel'];
const OUR_EXCEPTIONS = new Set(['four', 'hour', 'your', 'our', 'pour', 'tour', 'flour', 'sour', 'devour', 'contour', 'troubadour', 'amour', 'detour', 'velour', 'dour', 'scour', 'glamour', 'paramour']);
const ISE_EXCEPTIONS = new Set(['advise', 'arise', 'rise', 'wise', 'otherwise', 'likewise', 'clockwise', 'exercise', 'compromise', 'surprise', 'comprise', 'supervise', 'televise', 'revise', 'devise', 'despise', 'disguise', 'enterprise', 'franchise', 'merchandise', 'premise', 'promise', 'raise', 'praise', 'noise', 'poise', 'precise', 'concise', 'expertise', 'cruise', 'bruise', 'chemise', 'treatise', 'paradise', 'vise', 'improvise', 'incise', 'circumcise', 'excise', 'demise', 'reprise', 'mortise', 'anise', 'apprise', 'braise', 'chastise', 'guise', 'porpoise', 'tortoise', 'turquoise', 'valise', 'mise', 'appraise', 'upraise', 'sunrise', 'moonrise', 'elise', 'louise', 'denise', 'lise']);

const RE_MAP = new Map<string, string>();
for (const w of RE_WORDS) {
  const us = w.slice(0, -2) + 'er';
  RE_MAP.set(w, us);
  RE_MAP.set(w + 's', us + 's');
  RE_MAP.set(w.slice(0, -1) + 'ed', us + 'ed');
}
const LL_MAP = new Map<string, string>();
for (const v of LL_VERBS) {
  for (const suf of ['ed', 'ing', 'er', 'ers']) LL_MAP.set(v + v.slice(-1) + suf, v + suf);
}
LL_MAP.set('marvellous', 'marvelous');

/**
 * Folds a lower-case word's British spelling to the American one
 * (defence→defense, publicise→publicize, colour→color, travelled→traveled,
 * programme→program, centre→center, analyse→analyze). Other words unchanged.
 */
export function foldSpelling(word: string): string {
  // cached under the word as given (callers mostly pass lower case already), so a hit skips toLowerCase
  const cached = spellingCache.get(word);
  if (cached !== undefined) return cached;
  const w = word.toLowerCase();
  const folded = spellingCache.get(w) ?? foldSpellingUncached(w);
  if (spellingCache.size > 200000) spellingCache.clear();
  spellingCache.set(word, folded);
  if (w !== word) spellingCache.set(w, folded);
  return folded;
}

const spellingCache = new Map<string, string>();

function foldSpellingUncached(w: string): string {
  if (Object.prototype.hasOwnProperty.call(SPELLING_WORDS, w)) return SPELLING_WORDS[w];
  const re = RE_MAP.get(w) ?? LL_MAP.get(w);
  if (re) return re;
  let m = /^(.*(?:ana|para|cata|dia|electro)l)ys(e|es|ed|ing|er|ers)$/.exec(w);
  if (m) return `${m[1]}yz${m[2]}`;
  m = /^([a-z]{2,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(w);
  if (m && !ISE_EXCEPTIONS.has(m[1] + 'ise') && !/(?:ais|ois|uis)$/.test(m[1] + 'is')) return `${m[1]}iz${m[2]}`;
  m = /^([a-z]+)our(s|ed|ing|ite|ites|ful|able|er|ers|less|ism)?$/.exec(w);
  if (m && !OUR_EXCEPTIONS.has(m[1] + 'our') && m[1].length >= 2) return `${m[1]}or${m[2] ?? ''}`;
  return w;
}

/** True when two words differ only as British/American spelling variants. */
export function isSpellingVariant(a: string, b: string): boolean {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la !== lb && foldSpelling(la) === foldSpelling(lb);
}

// --- tokens ---------------------------------------------------------------

const TOKEN_RE = /([$£€¥]?\d+(?:[.,]\d+)*(?:%|(?![\p{L}\d])))|((?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’\u2011\-][\p{L}\p{N}]+)*)|(\S)/gu;

/** Folds a token's text to its comparison form (typography, case, spelling). */
export function normalizeToken(text: string): string {
  return foldSpelling(foldTypographyText(text).toLowerCase());
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
