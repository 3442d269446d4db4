// Sentence splitting with offsets into the text exactly as given.
// Hand-rolled, single pass per line, no backtracking-prone regexes:
//  - a line break always ends a sentence (headlines, captions, bylines);
//  - `.`, `!`, `?`, `…` end a sentence when followed by whitespace and a
//    sentence-opening character, unless the word before is an abbreviation
//    (Mr, Dr, Jan., U.S., initials) or the terminator sits inside a double
//    quote that closes later on the same line (“One. Two,” he said.).

/** A half-open `[start, end)` range of one sentence, trimmed of whitespace. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Abbreviations after which a full stop never ends a sentence (lower-case, no dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'adm', 'maj', 'cpl', 'pvt', 'rep', 'reps', 'sen', 'sens', 'gov', 'pres', 'rev', 'hon', 'supt', 'det', 'insp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vs', 'v', 'etc', 'e.g', 'i.e', 'approx', 'est', 'dept', 'univ', 'assn', 'bros', 'inc', 'corp',
  'co', 'ltd', 'plc', 'fig', 'vol', 'ch', 'pp', 'al', 'ave', 'blvd', 'rd',
]);

/** Abbreviations that may also end a sentence; they end one before a typical sentence opener. */
const SOFT_ABBREVIATIONS = new Set(['etc', 'inc', 'corp', 'co', 'ltd', 'plc', 'bros', 'no', 'jr', 'sr']);

/** Words that typically open a sentence; after "U.S." or "Inc." they signal a real boundary. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'this', 'that', 'these', 'those',
  'in', 'on', 'at', 'for', 'if', 'when', 'while', 'as', 'after', 'before', 'his', 'her', 'their', 'its', 'our',
  'there', 'however', 'meanwhile', 'still', 'yet', 'so', 'then', 'since', 'although', 'though', 'some', 'many',
  'most', 'officials', 'earlier', 'last', 'now', 'also', 'what', 'why', 'how', 'who',
]);

const OPEN_DOUBLE = '“';
const CLOSE_DOUBLE = '”';
const STRAIGHT_DOUBLE = '"';
/** Characters that may trail a terminator and still belong to its sentence. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
/** Characters that may open a sentence besides letters and digits. */
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', '¿', '¡', '#', '@', '$', '£', '€', '•', '-', '—']);

/** True for the whitespace characters a sentence is trimmed of (not line breaks). */
function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\f' || ch === '\v' || ch === '\u2009' || ch === '\u202f';
}

/** True for a line-break character. */
function isLineBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';
}

/** True for an upper-case letter. */
function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a letter (any script). */
function isLetter(ch: string): boolean {
  return ch.toLowerCase() !== ch.toUpperCase();
}

/** True for an ASCII digit. */
function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/**
 * Splits `text` into sentences. Every span is trimmed (no leading or trailing
 * whitespace), non-empty, in document order, and never crosses a line break.
 * Splitting the text of the previous call again returns the same array: never mutate it.
 */
export function splitSentences(text: string): SentenceSpan[] {
  // quote extraction and unit building split the same article one after the other
  if (lastSplit?.text === text) return lastSplit.spans;
  const spans: SentenceSpan[] = [];
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isLineBreak(text[i])) {
      if (i > lineStart) splitLine(text, lineStart, i, spans);
      lineStart = i + 1;
    }
  }
  lastSplit = { text, spans };
  return spans;
}

/**
 * One-entry memo: the last text splitSentences split, and its spans (shared with every caller:
 * never mutated). Harmless to share across runs in one process: the split is a pure function of
 * the text, and the memo holds one text at most.
 */
let lastSplit: { text: string; spans: SentenceSpan[] } | undefined;

/** Ranges `[open, close]` of double-quote pairs that open and close within `[from, to)`. */
export function findLineQuotePairs(text: string, from: number, to: number): Array<[number, number]> {
  const pairs: Array<[number, number]> = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === OPEN_DOUBLE) {
      open = i;
    } else if (ch === CLOSE_DOUBLE) {
      if (open >= 0) {
        pairs.push([open, i]);
        open = -1;
      } else if ((i === from || isSpace(text[i - 1]) || text[i - 1] === '(') && i + 1 < to && !isSpace(text[i + 1])) {
        open = i; // a ” used as an opening mark
      }
    } else if (ch === STRAIGHT_DOUBLE) {
      if (open >= 0 && i > from && !isSpace(text[i - 1])) {
        pairs.push([open, i]);
        open = -1;
      } else if (i + 1 < to && !isSpace(text[i + 1])) {
        open = i;
      }
    }
  }
  return pairs;
}

/** Appends the sentences of the line `[from, to)` to `out`. */
function splitLine(text: string, from: number, to: number, out: SentenceSpan[]): void {
  const pairs = findLineQuotePairs(text, from, to);
  let pairIdx = 0;
  let start = from;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    let j = i + 1;
    while (j < to && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    while (j < to && CLOSERS.has(text[j])) j++;
    if (j >= to || !isSpace(text[j])) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < to && isSpace(text[k])) k++;
    if (k >= to) break;
    while (pairIdx < pairs.length && pairs[pairIdx][1] < i) pairIdx++;
    const insideQuote = pairIdx < pairs.length && pairs[pairIdx][0] < i && pairs[pairIdx][1] >= j;
    if (!insideQuote && opensSentence(text[k]) && !(ch === '.' && j === i + 1 && endsWithAbbreviation(text, from, i, k, to))) {
      pushTrimmed(text, start, j, out);
      start = k;
    }
    i = j - 1;
  }
  pushTrimmed(text, start, to, out);
}

/** True when `ch` can be the first character of a sentence. */
function opensSentence(ch: string): boolean {
  return isUpper(ch) || isDigit(ch) || OPENERS.has(ch);
}

/** True when the full stop at `dot` belongs to an abbreviation that does not end the sentence starting at `next`. */
function endsWithAbbreviation(text: string, lineFrom: number, dot: number, next: number, lineTo: number): boolean {
  let w = dot;
  while (w > lineFrom && !isSpace(text[w - 1]) && !OPENERS.has(text[w - 1])) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  const nextWord = readWord(text, next, lineTo).toLowerCase();
  if (word.length === 1 && isUpper(word)) return true; // initial: John F. Kennedy
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return !SENTENCE_OPENERS.has(nextWord); // U.S, U.N, a.m
  if (ABBREVIATIONS.has(lower)) {
    if (SOFT_ABBREVIATIONS.has(lower)) return !SENTENCE_OPENERS.has(nextWord) && !(lower === 'no' && !isDigit(text[next]));
    return true;
  }
  return false;
}

/** The run of letters starting at `at`, skipping opening punctuation. */
function readWord(text: string, at: number, to: number): string {
  let s = at;
  while (s < to && OPENERS.has(text[s])) s++;
  let e = s;
  while (e < to && isLetter(text[e])) e++;
  return text.slice(s, e);
}

/** Pushes `[start, end)` trimmed of whitespace when it is not empty. */
function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && (isSpace(text[start]) || isLineBreak(text[start]))) start++;
  while (end > start && (isSpace(text[end - 1]) || isLineBreak(text[end - 1]))) end--;
  if (end > start) out.push({ start, end });
}
