// Direct quotes and their speakers, assembled from the pieces:
// 1. Quote marks are paired line by line (text/quoteMarks.ts).
// 2. Each quote's attribution is looked for right after it (",” Kirby said"),
//    then before it ("Kirby told reporters, “") (attribution.ts), then in its
//    sentence (sentenceAttribution.ts), then inherited from the neighbouring
//    quote (a quote split by its attribution, a quote paragraph continuing
//    the previous one).
// 3. Marks that hold titles, scare quotes or markup are dropped (quoteFilters.ts).
// 4. Pronouns and "the speaker" resolve to the most recent person named;
//    names are canonicalised within the article (Mr Kirby → John Kirby).
import type { ArticleInput, Quote } from '../types';
import { splitSentences } from '../text/sentences';
import { contentSpan, findAllQuoteMarks, findLines, isBlank, maskTypewriterQuotes, previousNonBlankLine, QuoteMarks } from '../text/quoteMarks';
import { Attribution, attributionAfter, attributionBefore, attributionBeforeColon, QuoteScan, sentenceAt } from './attribution';
import { countNonSpaceRuns, isCoordinated, isMarkupAttribute, isPartialQuote, isSentenceQuote, isSingleQuotedParagraph, isTitleCase, isTitlePosition } from './quoteFilters';
import { attributionAtSentenceEnd, attributionInPreviousSentence, attributionInSentence, attributionSentenceAfter, sentenceSubject } from './sentenceAttribution';
import { canonicalName, findPersonMentions, PersonMention, surnameOf } from './speakers';
import { sourcePhrase } from './sourcePhrase';

/** A quote kept so far, with its attribution before inheritance. */
interface FoundQuote {
  q: QuoteMarks;
  /** Content span (inside the marks). */
  span: [number, number];
  /** True when the quote is embedded in a sentence. */
  partial: boolean;
  attr: Attribution | null;
}

/** Where a quote sits: its paragraph, its sentence, and the quote marks around it. */
interface QuoteWindow {
  q: QuoteMarks;
  span: [number, number];
  partial: boolean;
  lineStart: number;
  lineEnd: number;
  /** Just after the previous quote of the paragraph, or the paragraph start. */
  prevClose: number;
  /** The next quote's opening mark in the paragraph, or the paragraph end. */
  nextOpen: number;
  /** Index of the sentence holding the opening mark, or -1. */
  sOpen: number;
  sentStart: number;
  sentEnd: number;
  /** Earlier quotes of the same sentence (their words are not attribution). */
  quoted: QuoteMarks[];
}

/**
 * Extracts the direct quotes of `article`, in document order, with ids
 * `q<startId>`, `q<startId+1>`, …. Each quote's `text` is exactly
 * `article.text.slice(start, end)`: the content inside the quote marks.
 * Speakers are canonical within the article; use `canonicalizeSpeakers`
 * (speakers.ts) to merge aliases across articles.
 */
export function extractQuotes(article: ArticleInput, startId = 1): Quote[] {
  const text = maskTypewriterQuotes(article.text);
  const lines = findLines(text);
  const marks = findAllQuoteMarks(text, lines);
  if (marks.length === 0) return [];
  const scan: QuoteScan = { text, lines, sentences: splitSentences(text), mentions: findPersonMentions(text), cueTokens: new Map() };
  const found: FoundQuote[] = [];
  for (let k = 0; k < marks.length; k++) {
    const f = readQuote(scan, marks, k, found);
    if (f) found.push(f);
  }
  inheritFromContinuation(found);
  return toQuotes(article, found, inheritSpeakers(scan, found), scan.mentions, startId);
}

/** The quote of `marks[k]` with its attribution, or null when the marks hold no speech. */
function readQuote(scan: QuoteScan, marks: QuoteMarks[], k: number, found: FoundQuote[]): FoundQuote | null {
  const { text } = scan;
  const q = marks[k];
  const span = contentSpan(text, q);
  if (span[1] <= span[0] || !/[\p{L}\p{N}][^]*[\p{L}\p{N}]/u.test(text.slice(span[0], span[1]))) return null; // no single letters (“R”)
  if (isMarkupAttribute(text, q)) return null; // <tweet id="…">
  const w = quoteWindow(scan, marks, k, span);
  let attr = attributionNextTo(scan, w);
  if (!attr?.speaker && isSingleQuotedParagraph(text, q, w.lineEnd)) return null; // a subheading
  if (!attr?.speaker) attr = attributionAround(scan, w, attr, found);
  const nWords = countNonSpaceRuns(text, span[0], span[1]);
  if (!attr && nWords <= 2 && !isSentenceQuote(text, span, w.partial)) return null; // scare quotes
  if (nWords <= 6 && isTitleCase(text, span[0], span[1]) && (!attr?.speaker || isTitlePosition(text, q, w.lineStart))) return null; // titles of works, slogans
  if (attr?.speaker) attr = { speaker: sourcePhrase(attr.speaker), cue: attr.cue }; // clause debris names nobody
  return { q, span, partial: w.partial, attr };
}

/** The paragraph, sentence and neighbouring marks of `marks[k]`. */
function quoteWindow(scan: QuoteScan, marks: QuoteMarks[], k: number, span: [number, number]): QuoteWindow {
  const { text, sentences } = scan;
  const q = marks[k];
  const [lineStart, lineEnd] = scan.lines[q.para];
  const prevClose = k > 0 && marks[k - 1].para === q.para && marks[k - 1].close < q.open ? marks[k - 1].close + 1 : lineStart;
  const nextOpen = k + 1 < marks.length && marks[k + 1].para === q.para && marks[k + 1].open > q.close ? marks[k + 1].open : lineEnd;
  const sOpen = sentenceAt(sentences, q.open);
  const sClose = sentenceAt(sentences, Math.max(q.open, q.close - 1));
  const sentStart = sOpen >= 0 ? sentences[sOpen].start : lineStart;
  const sentEnd = sClose >= 0 ? sentences[sClose].end : lineEnd;
  const quoted: QuoteMarks[] = [];
  for (let j = k - 1; j >= 0 && marks[j].open >= sentStart; j--) if (marks[j].close < q.open) quoted.push(marks[j]);
  const partial = isPartialQuote(text, q, lineStart);
  return { q, span, partial, lineStart, lineEnd, prevClose, nextOpen, sOpen, sentStart, sentEnd, quoted };
}

/** Attribution right next to the quote: in its sentence (partial quotes), after it, before it, or in a "said:" line before. */
function attributionNextTo(scan: QuoteScan, w: QuoteWindow): Attribution | null {
  const { q } = w;
  let attr: Attribution | null = w.partial ? attributionInSentence(scan, q, w.sentStart, w.quoted) : null;
  if (!attr?.speaker && !q.continued) attr = attributionAfter(scan, q, attributionAfterLimit(scan, w), w.partial);
  if (!attr || attr.speaker === null) {
    const before = attributionBefore(scan, q, Math.max(w.prevClose, w.sentStart, q.open - 300));
    if (before && (before.speaker !== null || !attr)) attr = before;
  }
  if (!attr && q.paraStart && q.para > 0) attr = attributionBeforeColon(scan, q);
  return attr;
}

/**
 * Where the attribution after a quote may end: the end of the sentence that
 * the close mark ends (or of the sentence after "….”"; after “…?” or “…!”
 * the sentence splitter may end the sentence at the mark), the next quote,
 * or 300 characters.
 */
function attributionAfterLimit(scan: QuoteScan, w: QuoteWindow): number {
  const { text, sentences } = scan;
  const { q, lineEnd } = w;
  let next = q.close + 1;
  let last = q.close - 1;
  while (last > q.open && isBlank(text[last])) last--;
  if (/[?!—…-]/.test(text[last])) while (next < lineEnd - 1 && isBlank(text[next])) next++;
  const afterSentence = sentenceAt(sentences, Math.min(next, lineEnd - 1));
  const afterEnd = afterSentence >= 0 ? sentences[afterSentence].end : w.sentEnd;
  return Math.min(w.nextOpen, Math.max(afterEnd, q.close + 1), q.close + 300);
}

/** Attribution from the quote's sentence and its neighbours, or from a quote it is coordinated with; else `attr`. */
function attributionAround(scan: QuoteScan, w: QuoteWindow, attr: Attribution | null, found: FoundQuote[]): Attribution | null {
  const { q, sentStart } = w;
  attr = attributionInSentence(scan, q, sentStart, w.quoted) ?? attr;
  if (!attr?.speaker && w.partial) attr = attributionAtSentenceEnd(scan, q, w.sentEnd) ?? attr;
  if (!attr?.speaker && q.open > sentStart) attr = sentenceSubject(scan, q, sentStart, w.quoted) ?? attr;
  if (!attr && !q.continued) attr = attributionSentenceAfter(scan, q, w.lineEnd);
  if (!attr?.speaker && opensSentenceAfterAnother(scan, w)) attr = attributionInPreviousSentence(scan, q, scan.sentences[w.sOpen - 1]) ?? attr;
  if (!attr?.speaker && found.length > 0 && isCoordinated(scan.text, found[found.length - 1].q, q)) attr = found[found.length - 1].attr;
  return attr;
}

/** True when a full quote opens its sentence right after another sentence of its paragraph (or of the paragraph before). */
function opensSentenceAfterAnother(scan: QuoteScan, w: QuoteWindow): boolean {
  const { q, sOpen } = w;
  if (w.partial || sOpen <= 0 || q.open - w.sentStart > 1) return false;
  const prev = scan.sentences[sOpen - 1];
  if (prev.start >= w.lineStart) return true;
  if (!q.paraStart) return false;
  const p = previousNonBlankLine(scan.text, scan.lines, q.para);
  return p >= 0 && prev.start >= scan.lines[p][0] && prev.end <= scan.lines[p][1];
}

/** A continued quote (no closing mark) without a speaker takes the speaker and cue of the quote after it. */
function inheritFromContinuation(found: FoundQuote[]): void {
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k];
    if (f.q.continued && (!f.attr || !f.attr.speaker) && k + 1 < found.length && found[k + 1].attr?.speaker) {
      f.attr = { speaker: found[k + 1].attr!.speaker, cue: found[k + 1].attr!.cue };
    }
  }
}

/** Each quote's speaker and cue: a full quote without a speaker continues the quote before it in the same or the next paragraph, and takes its speaker and cue (one quote split around its attribution is one quote). */
function inheritSpeakers(scan: QuoteScan, found: FoundQuote[]): { speakers: Array<string | null>; cues: Array<string | undefined> } {
  const speakers: Array<string | null> = found.map((f) => f.attr?.speaker ?? null);
  const cues: Array<string | undefined> = found.map((f) => f.attr?.cue);
  for (let k = 1; k < found.length; k++) {
    const f = found[k];
    const prev = found[k - 1];
    if (speakers[k] || f.partial || (prev.partial && prev.q.para !== f.q.para)) continue;
    const sameOrNextPara = prev.q.para === f.q.para || (f.q.paraStart && isNextParagraph(scan, prev.q.para, f.q.para));
    if (!sameOrNextPara) continue;
    speakers[k] = speakers[k - 1];
    if (speakers[k] && !cues[k]) cues[k] = cues[k - 1];
  }
  return { speakers, cues };
}

/** True when paragraph `b` is the first non-blank line after paragraph `a`. */
function isNextParagraph(scan: QuoteScan, a: number, b: number): boolean {
  return b > a && previousNonBlankLine(scan.text, scan.lines, b) <= a;
}

/** The found quotes as Quote objects with ids from `startId`, speakers canonical within the article, with their (inherited) cues. */
function toQuotes(article: ArticleInput, found: FoundQuote[], { speakers, cues }: { speakers: Array<string | null>; cues: Array<string | undefined> }, mentions: PersonMention[], startId: number): Quote[] {
  const bySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    const sn = surnameOf(m.name);
    if (!bySurname.has(sn)) bySurname.set(sn, new Set());
    bySurname.get(sn)!.add(m.name);
  }
  return found.map((f, idx) => {
    const [s, e] = f.span;
    let speaker = speakers[idx];
    if (speaker && /^[A-Z]/.test(speaker)) speaker = canonicalName(speaker, bySurname.get(surnameOf(speaker)) ?? []);
    const quote: Quote = { id: `q${startId + idx}`, article: article.id, start: s, end: e, text: article.text.slice(s, e), speaker };
    if (f.partial) quote.partial = true;
    if (cues[idx]) quote.cue = cues[idx];
    return quote;
  });
}
