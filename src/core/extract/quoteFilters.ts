// Which quote marks hold something else than speech, and how a quote sits in
// its sentence: titles of works and slogans (“Saturday Night Live”), scare
// quotes, markup attributes (id="123"), quoted subheadings, partial quotes
// embedded in a sentence, quotes joined by a conjunction.
import { isBlank, QuoteMarks } from '../text/quoteMarks';
import { CUE_VERBS } from './cueWords';

/** True when quote `b` is joined to the earlier quote `a` by a conjunction or comma only (“losers” and “sad”). */
export function isCoordinated(text: string, a: QuoteMarks, b: QuoteMarks): boolean {
  if (a.para !== b.para || a.close >= b.open || b.open - a.close > 24) return false;
  return /^[\s,;]*(?:(?:and|or|but|nor|as well as|and then|even|to)\s+)?$/.test(text.slice(a.close + 1, b.open));
}

/**
 * True when the word before a quote names a work or a show rather than
 * introducing speech: a preposition or possessive (on ABC’s “This Week”,
 * author of “The Deal”) or a noun like "book", "show", "titled".
 */
export function isTitlePosition(text: string, q: QuoteMarks, lineStart: number): boolean {
  let p = q.open - 1;
  while (p >= lineStart && isBlank(text[p])) p--;
  const end = p + 1;
  while (p >= lineStart && /[\p{L}’'.-]/u.test(text[p])) p--;
  const word = text.slice(p + 1, end);
  return /(?:['’]s)$/.test(word) || /^(?:on|of|to|in|at|from|with|for|about|by|book|books|film|movie|show|series|program|titled|entitled|novel|memoir|song|album|column|headline|article|op-ed|essay)$/i.test(word);
}

/** True when a quote stands as a sentence of its own (“Nobody does.”): not embedded, capitalised, ending in . ? or !. */
export function isSentenceQuote(text: string, span: [number, number], partial: boolean): boolean {
  return !partial && /^\p{Lu}/u.test(text[span[0]]) && /[.?!]/.test(text[span[1] - 1]);
}

/** True when a quote in single marks makes up its whole paragraph ('A fight from start to finish.'): a subheading. */
export function isSingleQuotedParagraph(text: string, q: QuoteMarks, lineEnd: number): boolean {
  if (!q.paraStart || (text[q.open] !== "'" && text[q.open] !== '‘')) return false;
  return /^[\s.,;:!?]*$/.test(text.slice(q.close + 1, lineEnd));
}

/** True when the quote marks delimit a markup attribute value (`id="123"`), not speech. */
export function isMarkupAttribute(text: string, q: QuoteMarks): boolean {
  let p = q.open - 1;
  while (p >= 0 && isBlank(text[p])) p--;
  return text[p] === '=';
}

/** True when the quote is embedded in a sentence (“no special development”) rather than standing as a full quote. */
export function isPartialQuote(text: string, q: QuoteMarks, lineStart: number): boolean {
  if (q.paraStart) return false;
  let p = q.open - 1;
  while (p >= lineStart && isBlank(text[p])) p--;
  if (p < lineStart) return false;
  const prev = text[p];
  if (prev === ':' || prev === ',' || prev === '.' || prev === '?' || prev === '!' || prev === '”' || prev === '"' || prev === '—' || prev === '(') return false;
  // "said “It was…”" without a comma: a capitalised full sentence after a speech verb.
  const wordStart = text.lastIndexOf(' ', p) + 1;
  const word = text.slice(Math.max(wordStart, lineStart), p + 1).toLowerCase();
  if (CUE_VERBS.has(word) && /^\p{Lu}/u.test(text[q.open + 1] ?? '')) return false;
  return true;
}

/** True when every word of `text.slice(s, e)` longer than three letters is capitalised ("Saturday Night Live"). */
export function isTitleCase(text: string, s: number, e: number): boolean {
  const words = text.slice(s, e).match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length > 1 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** Number of maximal runs of non-whitespace characters in `text.slice(s, e)`. */
export function countNonSpaceRuns(text: string, s: number, e: number): number {
  let n = 0;
  let inRun = false;
  for (let i = s; i < e; i++) {
    const w = !/\s/.test(text[i]);
    if (w && !inRun) n++;
    inRun = w;
  }
  return n;
}
