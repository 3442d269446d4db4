// Attribution: who speaks a quote and with which cue. Looked for right after
// the quote (",” Kirby said"), right before it ("Kirby told reporters, “"),
// or in a line ending with a colon before it ("Cruz said:"). Sentence-level
// fallbacks are in sentenceAttribution.ts.
import type { SentenceSpan } from '../text/sentences';
import { isBlank, previousNonBlankLine, QuoteMarks } from '../text/quoteMarks';
import { CueToken, cueAt, isCue, isParticiple, tokenizeCueRange } from './cueTokens';
import { DETERMINERS, STOP_AFTER_SPEAKER } from './cueWords';
import type { PersonMention } from './speakers';
import { dropParentheses, nameOfTokens, participleSubject, personBefore, speakerFromSubject } from './subject';

/** What the attribution finders read of one article; built once per extractQuotes call, owned by it. */
export interface QuoteScan {
  /** The article text, typewriter quotes masked (same offsets as the article). */
  text: string;
  /** Offsets `[start, end)` of each line (paragraph). */
  lines: Array<[number, number]>;
  /** The sentences of the text. */
  sentences: SentenceSpan[];
  /** The people mentioned, in text order. */
  mentions: PersonMention[];
  /** Names and surnames of the people mentioned; filled on first use by knownPeople. */
  people?: Set<string>;
  /** Attribution tokens by range "from:to", filled by cueTokensOf (a quote's ranges overlap; the arrays are never mutated). */
  cueTokens: Map<string, CueToken[]>;
}

/** The attribution tokens of `scan.text.slice(from, to)`, tokenised once per range and article. */
export function cueTokensOf(scan: QuoteScan, from: number, to: number): CueToken[] {
  const key = `${from}:${to}`;
  let tokens = scan.cueTokens.get(key);
  if (!tokens) scan.cueTokens.set(key, (tokens = tokenizeCueRange(scan.text, from, to)));
  return tokens;
}

/** An attribution found for a quote. */
export interface Attribution {
  /** The speaker (a name, pronoun referent or noun phrase), or null when only a cue was found. */
  speaker: string | null;
  /** The cue ("said", "told reporters", "according to", ":"), or '' when none. */
  cue: string;
}

/** Index of the sentence containing `offset` (binary search), or -1. */
export function sentenceAt(sentences: SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= offset) lo = mid + 1;
    else if (sentences[mid].start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** "according to X, …": the speaker named in `after` (the tokens after "to") up to a comma or semicolon. */
export function accordingTo(after: CueToken[], mentions: PersonMention[], refOffset: number): Attribution {
  const stop = after.findIndex((t) => t.text === ',' || t.text === ';');
  return { speaker: speakerFromSubject(stop >= 0 ? after.slice(0, stop) : after, mentions, refOffset), cue: 'according to' };
}

/** Attribution in the text right after a quote: ",” Kirby said", ",” said John Kirby", "he said". */
export function attributionAfter(scan: QuoteScan, q: QuoteMarks, limit: number, partial: boolean): Attribution | null {
  const { mentions } = scan;
  const tokens = cueTokensOf(scan, q.close + 1, limit);
  const maxLead = partial ? 4 : 12;
  for (let i = 0; i < tokens.length && i <= maxLead; i++) {
    if (tokens[i].text === ';' || tokens[i].text === ':') return null;
    if (!isCue(tokens, i)) continue;
    const cue = cueAt(tokens, i);
    if (tokens[i + 1]?.text === ':') return null; // "Zahed said: “…”" introduces the next quote
    if (i === 0 || (i === 1 && tokens[0].text === ',')) return { speaker: speakerAfterVerb(tokens, i, cue, mentions, q.open), cue };
    if (cue === 'according to') return accordingTo(tokens.slice(i + 2, i + 10), mentions, q.open);
    const speaker = speakerFromSubject(tokens.slice(0, i), mentions, q.open);
    // After a partial quote, only a name, pronoun or noun phrase is the subject (not "mocked its budget and said").
    if (partial && speaker && !/^\p{Lu}/u.test(speaker) && !DETERMINERS.test(speaker.split(' ')[0]) && !/^(?:they|we|officials)$/.test(speaker)) return null;
    return { speaker, cue };
  }
  return partial ? null : attributionAfterOpenClause(scan, q, tokens);
}

/** Verb first: the speaker after the cue at token `i` (",” said White House spokesman John Kirby in a statement."). */
function speakerAfterVerb(tokens: CueToken[], i: number, cue: string, mentions: PersonMention[], refOffset: number): string | null {
  const after: CueToken[] = [];
  for (let j = i + 1 + (cue === 'according to' ? 1 : 0); j < tokens.length && after.length < 12; j++) {
    const w = tokens[j].text;
    if (w === ',' || w === ';' || w === '(' || w === '—' || w === '–' || STOP_AFTER_SPEAKER.has(w)) break;
    after.push(tokens[j]);
  }
  return appositiveName(tokens, i + 1 + after.length, after) ?? speakerFromSubject(after, mentions, refOffset);
}

/**
 * The name in apposition after a source described by role (",” said a White House spokesman, Jo
 * Li."): the capitalised tokens after the comma at `k`, when `phrase` opens with a determiner; else null.
 */
function appositiveName(tokens: CueToken[], k: number, phrase: CueToken[]): string | null {
  if (tokens[k]?.text !== ',' || phrase.length === 0 || !DETERMINERS.test(phrase[0].text)) return null;
  let e = k + 1;
  while (e < tokens.length && /^\p{Lu}/u.test(tokens[e].text)) e++;
  if (e === k + 1 || (e < tokens.length && !/^[,;(—–]$/.test(tokens[e].text))) return null;
  return nameOfTokens(tokens.slice(k + 1, e));
}

/**
 * A quote that ends in a comma, question or exclamation mark leaves its
 * sentence open for the attribution, whatever its verb: ",” scoffed Jane
 * Doe", "?” Trump went on", ",” an angry Hollande retaliated".
 */
function attributionAfterOpenClause(scan: QuoteScan, q: QuoteMarks, tokens: CueToken[]): Attribution | null {
  const { text } = scan;
  let p = q.close - 1;
  while (p > q.open && isBlank(text[p])) p--;
  const open = text[p] === ',' || text[p] === '?' || text[p] === '!' || text[p] === '—' || (tokens[0]?.text === ',' && tokens[0].start === q.close + 1);
  if (!open) return null;
  const toks = tokens[0]?.text === ',' ? tokens.slice(1) : tokens;
  if (toks.length < 2) return null;
  const w0 = toks[0].text;
  if (/^(?:he|she)$/i.test(w0) && /^\p{Ll}/u.test(toks[1].text)) return { speaker: personBefore(scan.mentions, q.open), cue: toks[1].text };
  // Subject first: a run of capitalised words (after an optional article and adjectives) then a lower-case verb.
  let i = 0;
  while (i < 2 && i < toks.length && /^\p{Ll}+$/u.test(toks[i].text) && !STOP_AFTER_SPEAKER.has(toks[i].text)) i++;
  let j = i;
  while (j < toks.length && /^\p{Lu}/u.test(toks[j].text)) j++;
  if (j > i && j < toks.length && (toks[j].text === ',' || (/^\p{Ll}+$/u.test(toks[j].text) && !STOP_AFTER_SPEAKER.has(toks[j].text)))) {
    const name = nameOfTokens(toks.slice(i, j));
    if (name) return { speaker: name, cue: toks[j].text === ',' ? '' : toks[j].text };
  }
  // Verb first: a lower-case verb then a name ("scoffed Arianna Gil, 22").
  if (/^\p{Ll}+ed$/u.test(w0)) {
    let k = 1;
    while (k < toks.length && /^\p{Lu}/u.test(toks[k].text)) k++;
    const n = k > 1 ? nameOfTokens(toks.slice(1, k)) : null;
    if (n) return { speaker: n, cue: w0 };
  }
  return null;
}

/** Attribution in the text right before a quote: "Kirby told reporters, “", "Iran said on Tuesday that “". */
export function attributionBefore(scan: QuoteScan, q: QuoteMarks, from: number): Attribution | null {
  const { mentions } = scan;
  const tokens = cueTokensOf(scan, from, q.open);
  for (let i = tokens.length - 1; i >= 0 && tokens.length - i <= 14; i--) {
    if (!isCue(tokens, i)) continue;
    const cue = cueAt(tokens, i);
    if (cue === 'according to') return accordingTo(tokens.slice(i + 2), mentions, tokens[i].start);
    const subj = isParticiple(tokens[i].text) ? participleSubject(tokens, i) : tokens.slice(0, i);
    if (subj.length === 0 || (subj.length === 1 && /^[,;:—]$/.test(subj[0].text))) {
      // Verb first: "Said Comey, “…”", "Stated Stone: “…”".
      const after = tokens.slice(i + 1);
      const stop = after.findIndex((t) => /^[,;:—(]$/.test(t.text));
      const name = nameOfTokens(stop >= 0 ? after.slice(0, stop) : after);
      if (name) return { speaker: name, cue };
    }
    return { speaker: speakerFromSubject(subj, mentions, subj.length ? subj[Math.max(0, subj.length - 1)].start : q.open), cue };
  }
  return answerSpeaker(scan, tokens) ?? headlineSpeaker(tokens);
}

/** Nouns for a reply: "His response: “…”" is spoken by the person who was asked. */
const ANSWER_NOUNS = /^(?:response|reply|answer|retort)$/i;

/** The person asked right before ("Host Jo Lee asked Trump, “…?” His response: “…”"): the object of asked/pressed/questioned. */
const ASKED_BEFORE = /\b(?:asked|pressed|questioned|interviewed)\s+(?:[\p{Lu}][\p{L}.’'-]*\s+)*$/u;

/**
 * "His response: “…”", "Her answer:": a reply by the person last asked a question within a few
 * hundred characters; null for other tokens (or when nobody was asked).
 */
function answerSpeaker(scan: QuoteScan, tokens: CueToken[]): Attribution | null {
  const n = tokens.length;
  if (n < 3 || tokens[n - 1].text !== ':' || !ANSWER_NOUNS.test(tokens[n - 2].text) || !/^(?:his|her|their)$/i.test(tokens[n - 3].text)) return null;
  const at = tokens[n - 3].start;
  for (let j = scan.mentions.length - 1; j >= 0; j--) {
    const m = scan.mentions[j];
    if (m.end > at) continue;
    if (at - m.end > 400) break;
    const before = scan.text.slice(Math.max(0, m.start - 60), m.start);
    if (ASKED_BEFORE.test(before)) return { speaker: m.name, cue: tokens[n - 2].text };
  }
  return null;
}

/** "Marco Rubio: ‘…’": a person's name followed by a colon near the start of the sentence. */
function headlineSpeaker(tokens: CueToken[]): Attribution | null {
  tokens = dropParentheses(tokens);
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 8 || !tokens.slice(0, colon).every((t) => /^\p{Lu}/u.test(t.text))) return null;
  const name = nameOfTokens(tokens.slice(0, colon));
  return name ? { speaker: name, cue: ':' } : null;
}

/** Attribution in the previous paragraph when it ends with a colon ("Cruz said:" then the quote paragraph). */
export function attributionBeforeColon(scan: QuoteScan, q: QuoteMarks): Attribution | null {
  const { text, lines } = scan;
  const p = previousNonBlankLine(text, lines, q.para);
  if (p < 0) return null;
  const [ls, le] = lines[p];
  const prevText = text.slice(ls, le).trimEnd();
  if (!prevText.endsWith(':') || prevText.length > 400) return null;
  const fake: QuoteMarks = { open: ls + prevText.length - 1, close: q.close, continued: q.continued, para: p, paraStart: false };
  const from = Math.max(ls, prevText.lastIndexOf('. ') >= 0 ? ls + prevText.lastIndexOf('. ') + 2 : ls);
  return attributionBefore(scan, fake, from);
}
