// Quote marks: which marks open and close a quotation, paired paragraph by
// paragraph (a quote never swallows text past its paragraph): “…”, "…",
// ''…'' (typewriter style), «…», „…“, 「…」, 『…』, and headline-style ‘…’
// and '…' (an ’ followed by a letter is an apostrophe, never a closing mark).
// Works on JS string offsets; knows nothing of speakers.

/** A pair of quote marks found in the text. */
export interface QuoteMarks {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the end of the paragraph for a continued quote. */
  close: number;
  /** True when the quote runs on into the next paragraph (no closing mark). */
  continued: boolean;
  /** Index of the paragraph (line) holding the quote. */
  para: number;
  /** True when only whitespace precedes the opening mark in its paragraph. */
  paraStart: boolean;
}

/** True when `ch` is whitespace (not a line break). */
export function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0';
}

/** True for a letter or digit. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Offsets `[start, end)` of every line of `text` (line breaks excluded). */
export function findLines(text: string): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n' || text[i] === '\r') {
      lines.push([start, i]);
      start = i + 1;
    }
  }
  return lines;
}

/** Every quote-mark pair of `text`, paragraph by paragraph (`lines` from findLines), sorted by opening mark. */
export function findAllQuoteMarks(text: string, lines: Array<[number, number]>): QuoteMarks[] {
  const marks: QuoteMarks[] = [];
  lines.forEach(([s, e], idx) => {
    if (e > s) marks.push(...findQuoteMarks(text, s, e, idx));
  });
  return marks.sort((a, b) => a.open - b.open);
}

/** A closed pair `[open, close]` in paragraph `para`, whose first non-blank offset is `first`. */
function closedPair(open: number, close: number, para: number, first: number): QuoteMarks {
  return { open, close, continued: false, para, paraStart: open === first };
}

/**
 * Finds the quote marks of one paragraph `[from, to)`: double quotes
 * (curly or straight) and, outside them, curly single quotes ‘…’.
 * An unbalanced opening mark is dropped unless it opens the paragraph
 * (a quote continued in the next paragraph).
 */
function findQuoteMarks(text: string, from: number, to: number, para: number): QuoteMarks[] {
  const found: QuoteMarks[] = [];
  let first = from;
  while (first < to && isBlank(text[first])) first++;
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x22 && c < 0xab) continue; // every mark below is '"' or at least U+00AB («)
    const ch = text[i];
    if (ch === '“') {
      // Closes a low opening mark („…“, German style), else opens.
      if (open >= 0 && i > open + 1 && text[open] === '„') {
        found.push(closedPair(open, i, para, first));
        open = -1;
      } else open = i;
    } else if (ch === '«' || ch === '„' || ch === '「' || ch === '『') {
      open = i;
    } else if (ch === '»' || ch === '」' || ch === '』') {
      const expected = ch === '»' ? '«' : ch === '」' ? '「' : '『';
      if (open >= 0 && text[open] === expected) found.push(closedPair(open, i, para, first));
      open = -1;
    } else if (ch === '”') {
      if (open >= 0) {
        found.push(closedPair(open, i, para, first));
        open = -1;
      } else if ((i === from || isBlank(text[i - 1]) || text[i - 1] === '(') && isWordChar(text[i + 1])) {
        open = i;
      }
    } else if (ch === '"') {
      // Closes after a word, or after a nested closing single mark and a space (… 'Well done,' ").
      if (open >= 0 && i > from && (!isBlank(text[i - 1]) || (i - 2 > open && (text[i - 2] === "'" || text[i - 2] === '’')))) {
        found.push(closedPair(open, i, para, first));
        open = -1;
      } else if (i + 1 < to && !isBlank(text[i + 1])) {
        open = i;
      }
    }
  }
  if (open >= 0 && open === first) {
    let end = to;
    while (end > open && isBlank(text[end - 1])) end--;
    found.push({ open, close: end, continued: true, para, paraStart: true });
  }
  return found.concat(findSingleQuoteMarks(text, from, to, para, first, found));
}

/**
 * A test "does offset i lie inside one of `pairs` (after its opening mark,
 * up to its closing mark)?" for offsets asked in increasing order: a cursor
 * walks the pairs once, so a paragraph costs linear time.
 */
function insideTest(pairs: QuoteMarks[]): (i: number) => boolean {
  const sorted = pairs.slice().sort((a, b) => a.open - b.open);
  let cursor = 0;
  return (i: number) => {
    while (cursor < sorted.length && sorted[cursor].close < i) cursor++;
    return cursor < sorted.length && sorted[cursor].open < i;
  };
}

/** Curly single-quote pairs ‘…’ of a paragraph that lie outside the double quotes `doubles`. */
function findSingleQuoteMarks(text: string, from: number, to: number, para: number, first: number, doubles: QuoteMarks[]): QuoteMarks[] {
  const found: QuoteMarks[] = [];
  const inDouble = insideTest(doubles);
  let open = -1;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '‘') {
      const prev = text[i - 1];
      if ((i === from || isBlank(prev) || prev === '(' || prev === '—' || prev === '-') && isWordChar(text[i + 1])) open = i;
    } else if (ch === '’' && open >= 0 && !isWordChar(text[i + 1]) && !isBlank(text[i - 1])) {
      if (i - open > 1 && !inDouble(open)) found.push(closedPair(open, i, para, first));
      open = -1;
    }
  }
  return found.concat(findStraightSingleQuoteMarks(text, from, to, para, first, doubles));
}

/**
 * Straight single-quote pairs '…' (headline style: Ryan calls remark 'racist')
 * outside the double quotes. An apostrophe opens only before a letter after
 * a blank or bracket; a plural possessive (Sanders' campaign) does not close
 * when another closing mark follows before the next opening one.
 */
function findStraightSingleQuoteMarks(text: string, from: number, to: number, para: number, first: number, doubles: QuoteMarks[]): QuoteMarks[] {
  const found: QuoteMarks[] = [];
  const inDouble = insideTest(doubles);
  const opensAt = (i: number) => {
    const prev = text[i - 1];
    return (i === from || isBlank(prev) || prev === '(' || prev === '—' || prev === '"') && /\p{L}/u.test(text[i + 1] ?? '');
  };
  const closesAt = (i: number) => i > from && !isBlank(text[i - 1]) && text[i - 1] !== "'" && !isWordChar(text[i + 1]);
  let open = -1;
  for (let i = from; i < to; i++) {
    if (text[i] !== "'" || inDouble(i)) continue;
    if (open < 0) {
      if (opensAt(i)) open = i;
      continue;
    }
    if (!closesAt(i)) continue;
    // "Sanders' campaign": a possessive when a later mark closes the quote first.
    if (text[i - 1] === 's' && isBlank(text[i + 1]) && isWordChar(text[i + 2]) && closesLater(text, i, to, opensAt, closesAt)) continue;
    if (i - open > 1) found.push(closedPair(open, i, para, first));
    open = -1;
  }
  return found;
}

/** True when a straight single mark within 300 characters after `i` closes the quote before any mark opens one. */
function closesLater(text: string, i: number, to: number, opensAt: (j: number) => boolean, closesAt: (j: number) => boolean): boolean {
  let later = false;
  for (let j = i + 1; j < Math.min(to, i + 300) && !later; j++) {
    if (text[j] !== "'") continue;
    if (opensAt(j)) break;
    later = closesAt(j);
  }
  return later;
}

/** Content span of a quote: inside the marks, trimmed of whitespace and a trailing comma. */
export function contentSpan(text: string, q: QuoteMarks): [number, number] {
  let s = q.open + 1;
  let e = q.close;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && (/\s/.test(text[e - 1]) || text[e - 1] === ',')) e--;
  return [s, e];
}

/**
 * Rewrites typewriter-style double quotes made of two apostrophes (''Yes,''
 * he said) as one straight double quote plus a space, keeping every offset:
 * an opening pair becomes ` "`, a closing pair `" `. Returns `text` itself
 * when it has none.
 */
export function maskTypewriterQuotes(text: string): string {
  if (!text.includes("''")) return text;
  let out = '';
  let last = 0;
  for (let i = text.indexOf("''"); i >= 0; i = text.indexOf("''", i + 2)) {
    const prev = text[i - 1];
    const closing = prev !== undefined && !/[\s(\[—–-]/.test(prev);
    out += text.slice(last, i) + (closing ? '" ' : ' "');
    last = i + 2;
  }
  return out + text.slice(last);
}

/** Index of the last line before line `para` that holds more than whitespace, or -1. */
export function previousNonBlankLine(text: string, lines: Array<[number, number]>, para: number): number {
  let p = para - 1;
  while (p >= 0 && !/\S/.test(text.slice(lines[p][0], lines[p][1]))) p--;
  return p;
}
