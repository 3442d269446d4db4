// Direct quotes and their speakers.
// 1. Quote marks are paired line by line (a quote never swallows text past
//    its paragraph): “…”, "…", ''…'' (typewriter style), «…», „…“, 「…」,
//    and headline-style ‘…’ and '…' (an ’ followed by a letter is an
//    apostrophe, never a closing mark).
// 2. Each quote's attribution is looked for right after it (",” Kirby said"),
//    then before it ("Kirby told reporters, “"), then inherited from the
//    neighbouring quote (a quote split by its attribution, a quote paragraph
//    continuing the previous one).
// 3. Pronouns and "the speaker" resolve to the most recent person named;
//    names are canonicalised within the article (Mr Kirby → John Kirby).
import type { ArticleInput, Quote } from '../types';
import { splitSentences, SentenceSpan } from '../text/sentences';
import { canonicalName, findPersonMentions, isAnaphor, PersonMention, personNameFromTokens, surnameOf } from './speakers';

/** A pair of quote marks found in the text. */
interface QuoteMarks {
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

/** An attribution found for a quote. */
interface Attribution {
  speaker: string | null;
  cue: string;
}

/** Speech verbs that introduce or follow a quote. */
const CUE_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'tell', 'added', 'adds', 'stated', 'states', 'declared',
  'declares', 'explained', 'explains', 'noted', 'notes', 'wrote', 'writes', 'asked', 'asks', 'argued', 'argues',
  'claimed', 'claims', 'continued', 'continues', 'insisted', 'insists', 'warned', 'warns', 'announced',
  'acknowledged', 'acknowledges', 'recalled', 'recalls', 'replied', 'replies', 'responded', 'responds', 'remarked',
  'observed', 'concluded', 'tweeted', 'tweets', 'posted', 'testified', 'suggested', 'suggests', 'emphasized',
  'emphasised', 'stressed', 'confirmed', 'cautioned', 'complained', 'conceded', 'admitted', 'admits', 'countered',
  'contended', 'predicted', 'promised', 'urged', 'vowed', 'joked', 'quipped', 'shouted', 'yelled', 'pleaded',
  'repeated', 'reiterated', 'mused', 'boasted', 'charged', 'alleged', 'maintained', 'agreed', 'agrees', 'believes',
  'thinks', 'thought', 'described', 'called', 'calls', 'read', 'reads', 'according', 'announces', 'demanded',
  'proclaimed', 'answered', 'interjected', 'echoed', 'conceded', 'lamented', 'blasted', 'slammed', 'pointed', 'put',
]);

/** Adverbs and auxiliaries that may sit between a subject and its cue verb. */
const CUE_FILLERS = new Set([
  'also', 'further', 'later', 'then', 'again', 'once', 'recently', 'earlier', 'previously', 'reportedly',
  'allegedly', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'had', 'simply', 'just', 'has', 'repeatedly',
  'often', 'frequently', 'publicly', 'privately', 'flatly', 'bluntly', 'angrily', 'quickly', 'famously', 'once',
  'subsequently', 'finally', 'who', 'and', 'but', 'even', 'only', 'still', 'never', 'had', 'did', 'does', 'may',
  'might', 'could', 'should', 'can', 'not', 'now',
]);

/** Lower-case words that end a speaker phrase placed after its verb ("said John Kirby in a statement"). */
const STOP_AFTER_SPEAKER = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'to', 'about', 'that', 'who', 'when', 'while', 'as', 'and', 'but',
  'last', 'this', 'earlier', 'later', 'recently', 'yesterday', 'today', 'tonight', 'on', 'via', 'with', 'from',
  'told', 'adding', 'referring', 'according', 'because', 'since', 'if', 'although', 'where', 'which',
]);

/** Words that open an anonymous-source noun phrase. */
const DETERMINERS = /^(?:a|an|the|another|one|two|three|four|several|some|many|most|other|senior|top|his|her|their|its|our)$/i;

/** Objects that form part of a "told …" cue. */
const TOLD_OBJECTS = /^(?:reporters|journalists|the|a|an|[A-Z])/;

/** Tokens: words (with inner apostrophes, dots, hyphens) or single punctuation. */
const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}’'.&-]*|[,;:()—–]/gu;

/** A token with its offset. */
interface Token {
  text: string;
  start: number;
  end: number;
}

/** Tokenises `text.slice(from, to)` with absolute offsets. */
function tokenizeRange(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    let t = m[0];
    // A trailing full stop ends the sentence unless the token is an abbreviation.
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t) && !/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|Jr|Sr|Gen|Lt|Col)\.$/.test(t)) t = t.slice(0, -1);
    out.push({ text: t, start: from + m.index, end: from + m.index + t.length });
  }
  return out;
}

/** True when `ch` is whitespace (not a line break). */
function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0';
}

/** True for a letter or digit. */
function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Offsets `[start, end)` of every line of `text` (line breaks excluded). */
function findLines(text: string): Array<[number, number]> {
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
        found.push({ open, close: i, continued: false, para, paraStart: open === first });
        open = -1;
      } else open = i;
    } else if (ch === '«' || ch === '„' || ch === '「' || ch === '『') {
      open = i;
    } else if (ch === '»' || ch === '」' || ch === '』') {
      const expected = ch === '»' ? '«' : ch === '」' ? '「' : '『';
      if (open >= 0 && text[open] === expected) found.push({ open, close: i, continued: false, para, paraStart: open === first });
      open = -1;
    } else if (ch === '”') {
      if (open >= 0) {
        found.push({ open, close: i, continued: false, para, paraStart: open === first });
        open = -1;
      } else if ((i === from || isBlank(text[i - 1]) || text[i - 1] === '(') && isWordChar(text[i + 1])) {
        open = i;
      }
    } else if (ch === '"') {
      // Closes after a word, or after a nested closing single mark and a space (… 'Well done,' ").
      if (open >= 0 && i > from && (!isBlank(text[i - 1]) || (i - 2 > open && (text[i - 2] === "'" || text[i - 2] === '’')))) {
        found.push({ open, close: i, continued: false, para, paraStart: open === first });
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
      if (i - open > 1 && !inDouble(open)) {
        found.push({ open, close: i, continued: false, para, paraStart: open === first });
      }
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
    if (text[i - 1] === 's' && isBlank(text[i + 1]) && isWordChar(text[i + 2])) {
      // "Sanders' campaign": a possessive when a later mark closes the quote first.
      let later = false;
      for (let j = i + 1; j < Math.min(to, i + 300) && !later; j++) {
        if (text[j] !== "'") continue;
        if (opensAt(j)) break;
        later = closesAt(j);
      }
      if (later) continue;
    }
    if (i - open > 1) found.push({ open, close: i, continued: false, para, paraStart: open === first });
    open = -1;
  }
  return found;
}

/** Index of the sentence containing `offset` (binary search), or -1. */
function sentenceAt(sentences: SentenceSpan[], offset: number): number {
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

/** The most recent person mentioned before `offset`, or null. */
function personBefore(mentions: PersonMention[], offset: number): string | null {
  let lo = 0;
  let hi = mentions.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid].end <= offset) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best >= 0 ? mentions[best].name : null;
}

/** Builds the cue string starting at token `i` ("said", "told reporters", "according to"). */
function cueAt(tokens: Token[], i: number): string {
  const verb = tokens[i].text.toLowerCase();
  const next = tokens[i + 1]?.text ?? '';
  if (verb === 'according') return 'according to';
  if (verb === 'told' && TOLD_OBJECTS.test(next) && next !== 'the' && next !== 'a' && next !== 'an') return `told ${next}`;
  if (verb === 'said' && next === 'in' && tokens[i + 2]?.text === 'a' && tokens[i + 3]?.text === 'statement') return 'said in a statement';
  return verb;
}

/** True when token `i` is a cue verb ("according" only before "to"). */
function isCue(tokens: Token[], i: number): boolean {
  const w = tokens[i].text.toLowerCase();
  if (!CUE_VERBS.has(w)) return false;
  // A capitalised verb after a capitalised word is part of a name ("United States would"), except in a title-case headline ("Obama Says Museum").
  if (/^\p{Lu}/u.test(tokens[i].text) && i > 0 && /^\p{Lu}/u.test(tokens[i - 1].text) && !/^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')) return false;
  if (w === 'according') return tokens[i + 1]?.text.toLowerCase() === 'to';
  if (w === 'pointed') return tokens[i + 1]?.text.toLowerCase() === 'out';
  if (w === 'put') return tokens[i + 1]?.text.toLowerCase() === 'it';
  if (w === 'called' || w === 'calls' || w === 'read' || w === 'reads' || w === 'described') return false;
  // Plural nouns spelled like verbs ("that states can", "the notes"): a verb only after a name, pronoun or comma.
  if (/^(?:states|notes|claims|tweets|warns|reads|writes|posts)$/.test(w)) {
    const prev = tokens[i - 1]?.text ?? '';
    if (!(prev === '' || /^\p{Lu}/u.test(prev) || /^(?:he|she|it|,|also|further|later|then|now|who)$/.test(prev))) return false;
  }
  return true;
}

/**
 * The speaker named by the subject tokens `subj` (the words before a cue
 * verb): an appositive is skipped back to the name it describes, titles are
 * dropped, pronouns resolve to the person named before `refOffset`.
 */
function speakerFromSubject(subj: Token[], mentions: PersonMention[], refOffset: number): string | null {
  // Drop parenthetical asides ("Dianne Feinstein (D-Calif.)") and a trailing time phrase ("last week").
  subj = dropParentheses(subj);
  let tail = subj.length;
  while (tail > 0 && TIME_WORDS.test(subj[tail - 1].text)) tail--;
  if (tail < subj.length && tail > 0) subj = subj.slice(0, tail);
  // Split into comma segments; skip empty and appositive segments back to a name.
  const segments: Token[][] = [[]];
  for (const t of subj) {
    if (t.text === ',' || t.text === '—' || t.text === '–' || t.text === '(' || t.text === ')') segments.push([]);
    else segments[segments.length - 1].push(t);
  }
  for (;;) {
    const n = segments.length;
    if (n > 1 && (segments[n - 1].length === 0 || isAside(segments[n - 1]))) segments.pop();
    else if (n > 2 && segments[n - 1].length <= 2 && /^(?:in|at|from|near|of|outside)$/.test(segments[n - 2][0]?.text ?? '')) segments.splice(n - 2, 2); // ", in Columbus, Ohio,"
    else break;
  }
  let seg = segments[segments.length - 1];
  // "De Blasio said the move was wrong and said": a second verb of the clause's opening subject.
  if (seg.length > 3 && /^(?:and|but)$/i.test(seg[seg.length - 1].text)) {
    const np = openingNounPhrase(seg);
    const name = np.length > 0 ? personNameFromTokens(np.map((t) => t.text), true) : null;
    if (name) return name;
  }
  if (segments.length > 1 && seg.length > 0 && /^(?:a|an|the|who|whose|one|himself|herself|also|its|his|her|their|our)$/i.test(seg[0].text)) {
    const prev = segments[segments.length - 2];
    if (prev.length > 0 && /^[A-Z]/.test(prev[prev.length - 1].text)) seg = prev;
  }
  // Drop fillers at the end ("Kirby further") and conjunctions at the start.
  let end = seg.length;
  while (end > 0 && CUE_FILLERS.has(seg[end - 1].text)) end--; // lower case only: "Will" may be a name
  seg = seg.slice(0, end);
  let start = Math.max(0, seg.length - 10);
  while (start < seg.length && /^(?:and|but|so|then|as|that|while|when|because|said|says|told)$/i.test(seg[start].text)) start++;
  seg = seg.slice(start);
  if (seg.length === 0) return null;
  const lastTok = seg[seg.length - 1].text.toLowerCase();
  if (seg.length > 1 && (lastTok === 'he' || lastTok === 'she')) seg = seg.slice(-1);
  const phrase = seg.map((t) => t.text).join(' ');
  if (seg.length === 1 && /^(?:the|a|an|this|that|these|those|it’s|it's|i’m|i'm|there|here)$/i.test(phrase)) return null;
  if (isAnaphor(phrase)) return personBefore(mentions, refOffset);
  if (/^(?:they|we|i|it|you)$/i.test(phrase)) return phrase.toLowerCase() === 'i' ? 'I' : phrase.toLowerCase();
  // A name at the end of the phrase: the trailing run of capitalised tokens.
  let runStart = seg.length;
  while (runStart > 0 && /^[A-Z]/.test(seg[runStart - 1].text)) runStart--;
  if (runStart < seg.length) {
    const name = personNameFromTokens(seg.slice(runStart).map((t) => t.text), true);
    if (name && (runStart === 0 || !/^(?:the|a|an)$/i.test(seg[runStart - 1].text) || name.includes(' '))) return name;
  }
  // A clause ("Kirby was quick to respond and said"): its opening noun phrase is the subject.
  const whole = segments[segments.length - 1];
  if (whole.length > 3 && /^\p{Lu}/u.test(whole[0].text) && !DETERMINERS.test(whole[0].text)) {
    const np = openingNounPhrase(whole);
    const name = np.length > 0 && np.length < whole.length ? personNameFromTokens(np.map((t) => t.text), true) : null;
    if (name) return name;
  }
  // "Mr. Slinker, whose start-up, Paradata, uses big data, said": the name that opens the subject.
  if (segments.length > 1 && /^\p{Ll}/u.test(seg[0].text) && !DETERMINERS.test(seg[0].text)) {
    const first = segments[0];
    let rs = first.length;
    while (rs > 0 && /^\p{Lu}/u.test(first[rs - 1].text)) rs--;
    const name = rs < first.length ? personNameFromTokens(first.slice(rs).map((t) => t.text), true) : null;
    if (name) return name;
  }
  // No name: keep a short noun phrase ("a senior diplomat", "officials"), drop clause debris.
  if (seg.length <= 2 && /^[a-z]/.test(seg[0].text) && !/^(?:if|to|of|in|on|at|by|for|with|when|which|what|it|there)$/.test(seg[0].text)) return phrase;
  if (seg.length <= 8 && DETERMINERS.test(seg[0].text)) return phrase;
  return seg.length <= 12 ? phrase : null;
}

/**
 * True for a comma-separated aside between a subject and its verb: an age
 * ("Sarandon, 69, said"), an adverb ("Bush, however,"), a participle or
 * prepositional phrase ("Clinton, speaking to reporters,", "Trump, in Kentucky,").
 */
function isAside(seg: Token[]): boolean {
  const w = seg[0].text;
  if (/^\d+$/.test(w) && seg.length <= 2) return true;
  if (!/^\p{Ll}/u.test(w) || /^(?:he|she|they|we|i|it|you)$/.test(w)) return false;
  if (seg.length === 1) return true;
  return /ing$|ly$/.test(w) || /^(?:in|on|at|during|after|before|from|for|with|without|like|unlike|despite|however|though|too|meanwhile|then|now|speaking|asked|when|while|as|once|according)$/.test(w);
}

/** Words of a time phrase that may follow a subject ("Kirby on Monday said", "Feinstein last week said"). */
const TIME_WORDS = /^(?:on|last|this|next|earlier|later|early|late|week|month|year|night|morning|afternoon|evening|today|yesterday|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** `tokens` without the parenthesised parts. */
function dropParentheses(tokens: Token[]): Token[] {
  if (!tokens.some((t) => t.text === '(')) return tokens;
  const out: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}

/** Attribution in the text right after a quote: ",” Kirby said", ",” said John Kirby", "he said". */
function attributionAfter(text: string, q: QuoteMarks, limit: number, mentions: PersonMention[], partial: boolean): Attribution | null {
  const tokens = tokenizeRange(text, q.close + 1, limit);
  const maxLead = partial ? 4 : 12;
  for (let i = 0; i < tokens.length && i <= maxLead; i++) {
    if (tokens[i].text === ';' || tokens[i].text === ':') return null;
    if (!isCue(tokens, i)) continue;
    const cue = cueAt(tokens, i);
    if (tokens[i + 1]?.text === ':') return null; // "Zahed said: “…”" introduces the next quote
    if (i === 0 || (i === 1 && tokens[0].text === ',')) {
      // Verb first: ",” said White House spokesman John Kirby in a statement."
      const after: Token[] = [];
      for (let j = i + 1 + (cue === 'according to' ? 1 : 0); j < tokens.length && after.length < 12; j++) {
        const w = tokens[j].text;
        if (w === ',' || w === ';' || w === '(' || w === '—' || w === '–' || STOP_AFTER_SPEAKER.has(w)) break;
        after.push(tokens[j]);
      }
      return { speaker: speakerFromSubject(after, mentions, q.open), cue };
    }
    if (cue === 'according to') {
      const after = tokens.slice(i + 2, i + 10);
      const stop = after.findIndex((t) => t.text === ',' || t.text === ';');
      return { speaker: speakerFromSubject(stop >= 0 ? after.slice(0, stop) : after, mentions, q.open), cue };
    }
    const speaker = speakerFromSubject(tokens.slice(0, i), mentions, q.open);
    // After a partial quote, only a name, pronoun or noun phrase is the subject (not "mocked its budget and said").
    if (partial && speaker && !/^\p{Lu}/u.test(speaker) && !DETERMINERS.test(speaker.split(' ')[0]) && !/^(?:they|we|officials)$/.test(speaker)) return null;
    return { speaker, cue };
  }
  return partial ? null : attributionAfterOpenClause(text, q, tokens, mentions);
}

/**
 * A quote that ends in a comma, question or exclamation mark leaves its
 * sentence open for the attribution, whatever its verb: ",” scoffed Jane
 * Doe", "?” Trump went on", ",” an angry Hollande retaliated".
 */
function attributionAfterOpenClause(text: string, q: QuoteMarks, tokens: Token[], mentions: PersonMention[]): Attribution | null {
  let p = q.close - 1;
  while (p > q.open && isBlank(text[p])) p--;
  const open = text[p] === ',' || text[p] === '?' || text[p] === '!' || text[p] === '—' || (tokens[0]?.text === ',' && tokens[0].start === q.close + 1);
  if (!open) return null;
  const toks = tokens[0]?.text === ',' ? tokens.slice(1) : tokens;
  if (toks.length < 2) return null;
  const w0 = toks[0].text;
  if (/^(?:he|she)$/i.test(w0) && /^\p{Ll}/u.test(toks[1].text)) return { speaker: personBefore(mentions, q.open), cue: toks[1].text };
  // Subject first: a run of capitalised words (after an optional article and adjectives) then a lower-case verb.
  let i = 0;
  while (i < 2 && i < toks.length && /^\p{Ll}+$/u.test(toks[i].text) && !STOP_AFTER_SPEAKER.has(toks[i].text)) i++;
  let j = i;
  while (j < toks.length && /^\p{Lu}/u.test(toks[j].text)) j++;
  if (j > i && j < toks.length && (toks[j].text === ',' || (/^\p{Ll}+$/u.test(toks[j].text) && !STOP_AFTER_SPEAKER.has(toks[j].text)))) {
    const name = personNameFromTokens(toks.slice(i, j).map((t) => t.text), true);
    if (name) return { speaker: name, cue: toks[j].text === ',' ? '' : toks[j].text };
  }
  // Verb first: a lower-case verb then a name ("scoffed Arianna Gil, 22").
  if (/^\p{Ll}+ed$/u.test(w0)) {
    let k = 1;
    const name: string[] = [];
    while (k < toks.length && /^\p{Lu}/u.test(toks[k].text)) name.push(toks[k++].text);
    const n = name.length ? personNameFromTokens(name, true) : null;
    if (n) return { speaker: n, cue: w0 };
  }
  return null;
}

/** Attribution in the text right before a quote: "Kirby told reporters, “", "Iran said on Tuesday that “". */
function attributionBefore(text: string, q: QuoteMarks, from: number, mentions: PersonMention[]): Attribution | null {
  const tokens = tokenizeRange(text, from, q.open);
  for (let i = tokens.length - 1; i >= 0 && tokens.length - i <= 14; i--) {
    if (!isCue(tokens, i)) continue;
    const cue = cueAt(tokens, i);
    if (cue === 'according to') {
      const after = tokens.slice(i + 2);
      const stop = after.findIndex((t) => t.text === ',' || t.text === ';');
      return { speaker: speakerFromSubject(stop >= 0 ? after.slice(0, stop) : after, mentions, tokens[i].start), cue };
    }
    const subj = isParticiple(tokens[i].text) ? participleSubject(tokens, i) : tokens.slice(0, i);
    if (subj.length === 0 || (subj.length === 1 && /^[,;:—]$/.test(subj[0].text))) {
      // Verb first: "Said Comey, “…”", "Stated Stone: “…”".
      const after = tokens.slice(i + 1);
      const stop = after.findIndex((t) => /^[,;:—(]$/.test(t.text));
      const name = personNameFromTokens((stop >= 0 ? after.slice(0, stop) : after).map((t) => t.text), true);
      if (name) return { speaker: name, cue };
    }
    return { speaker: speakerFromSubject(subj, mentions, subj.length ? subj[Math.max(0, subj.length - 1)].start : q.open), cue };
  }
  return headlineSpeaker(tokens);
}

/** "Marco Rubio: ‘…’": a person's name followed by a colon near the start of the sentence. */
function headlineSpeaker(tokens: Token[]): Attribution | null {
  tokens = dropParentheses(tokens);
  const colon = tokens.findIndex((t) => t.text === ':');
  if (colon < 1 || colon > 8 || !tokens.slice(0, colon).every((t) => /^\p{Lu}/u.test(t.text))) return null;
  const name = personNameFromTokens(tokens.slice(0, colon).map((t) => t.text), true);
  return name ? { speaker: name, cue: ':' } : null;
}

/** Verbs that attribute a quoted phrase embedded in a sentence (Trump called the plan “a disgrace”). */
const PARTIAL_CUES = new Set([
  'called', 'calls', 'call', 'calling', 'described', 'describes', 'describing', 'labeled', 'labelled', 'labeling',
  'dubbed', 'dubbing', 'branded', 'branding', 'termed', 'referred', 'referring', 'saying', 'telling', 'warning',
  'arguing', 'insisting', 'declaring', 'promising', 'vowing', 'adding', 'noting', 'writing', 'tweeting',
  'accused', 'accusing', 'accuses', 'praised', 'praising', 'criticized', 'criticizing', 'blamed', 'blaming',
  'pledged', 'pledging', 'denounced', 'denouncing', 'dismissed', 'dismissing', 'mocked', 'mocking', 'touted',
  'touting', 'decried', 'decrying', 'characterized', 'characterizing', 'predicting', 'suggesting', 'claiming',
  'urging', 'asking', 'announcing', 'complaining', 'condemned', 'condemning', 'chanted', 'chanting', 'hailed',
  'hailing', 'lambasted', 'attacked', 'attacking', 'derided', 'deriding', 'ridiculed', 'deemed', 'deeming',
]);

/**
 * Attribution of a partial quote anywhere earlier in its sentence: the
 * subject of the nearest speech or naming verb before it. For a participle
 * ("…, calling her “crooked”") the subject is the sentence's opening noun phrase.
 */
function attributionInSentence(text: string, q: QuoteMarks, sentStart: number, mentions: PersonMention[], quoted: QuoteMarks[] = []): Attribution | null {
  const tokens = unquotedTokens(text, sentStart, q.open, quoted);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const w = tokens[i].text.toLowerCase();
    if (!isCue(tokens, i) && !(PARTIAL_CUES.has(w) && isVerbPosition(tokens, i))) continue;
    const cue = cueAt(tokens, i);
    if (cue === 'according to') {
      const after = tokens.slice(i + 2);
      const stop = after.findIndex((t) => t.text === ',' || t.text === ';');
      return { speaker: speakerFromSubject(stop >= 0 ? after.slice(0, stop) : after, mentions, tokens[i].start), cue };
    }
    const subj = isParticiple(w) ? participleSubject(tokens, i) : tokens.slice(0, i);
    if (subj.length === 0) return null;
    const speaker = speakerFromSubject(subj, mentions, subj[subj.length - 1].start);
    return speaker ? { speaker, cue } : null;
  }
  return null;
}

/**
 * A quote in a sentence with no speech verb before it ("Hewlett sniped that
 * Fiorina was “learning on the job”"): the person who is the sentence's
 * subject, when it is a name or he/she.
 */
function sentenceSubject(text: string, q: QuoteMarks, sentStart: number, mentions: PersonMention[], quoted: QuoteMarks[] = []): Attribution | null {
  const np = openingNounPhrase(unquotedTokens(text, sentStart, q.open, quoted));
  if (np.length === 0) return null;
  if (np.length === 1 && /^(?:he|she)$/i.test(np[0].text)) return { speaker: personBefore(mentions, np[0].start), cue: '' };
  let rs = np.length;
  while (rs > 0 && /^\p{Lu}/u.test(np[rs - 1].text)) rs--;
  if (rs === np.length) return null;
  const name = personNameFromTokens(np.slice(rs).map((t) => t.text), true);
  return name && knownPeople(mentions).has(name) ? { speaker: name, cue: '' } : null;
}

/** Names and surnames of the people mentioned, built once per mention list. */
const peopleCache = new WeakMap<PersonMention[], Set<string>>();

/** The set of names and surnames in `mentions` (cached). */
function knownPeople(mentions: PersonMention[]): Set<string> {
  let set = peopleCache.get(mentions);
  if (!set) {
    set = new Set<string>();
    for (const m of mentions) {
      set.add(m.name);
      set.add(surnameOf(m.name));
    }
    peopleCache.set(mentions, set);
  }
  return set;
}

/** False for a word that is a noun here ("a wake-up call", "the calls"): after an article, adjective or hyphenated word. */
function isVerbPosition(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]?.text ?? '';
  if (!/^(?:call|calls)$/.test(tokens[i].text)) return true;
  return prev === '' || /^\p{Lu}/u.test(prev) || /^(?:he|she|they|we|i|you|to|would|will|did|also|,)$/.test(prev);
}

/**
 * The attribution closing the sentence of a partial quote: ", DFA spokesman
 * Neil Sroka said." or ", said Neil Sroka." after the quote.
 */
function attributionAtSentenceEnd(text: string, q: QuoteMarks, sentEnd: number, mentions: PersonMention[]): Attribution | null {
  const tokens = tokenizeRange(text, q.close + 1, sentEnd);
  let comma = -1;
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].text === ',') { comma = i; break; }
  if (comma < 0) return null;
  const tail = tokens.slice(comma + 1);
  if (tail.length < 2 || tail.length > 12) return null;
  for (let i = 0; i < tail.length; i++) {
    if (!isCue(tail, i)) continue;
    const subj = i === 0 ? tail.slice(1).filter((t) => !TIME_WORDS.test(t.text)) : tail.slice(0, i);
    const speaker = speakerFromSubject(subj, mentions, q.open);
    return speaker && /^\p{Lu}/u.test(speaker) ? { speaker, cue: cueAt(tail, i) } : null;
  }
  return null;
}

/** Tokens of `[from, to)` outside the quotes `quoted` (earlier quotes of the sentence). */
function unquotedTokens(text: string, from: number, to: number, quoted: QuoteMarks[]): Token[] {
  const tokens = tokenizeRange(text, from, to);
  if (quoted.length === 0) return tokens;
  return tokens.filter((t) => !quoted.some((m) => m.open < t.start && t.start < m.close));
}

/**
 * Subject of the participle at token `i`: a name right before it ("with
 * Donald Trump tweeting"), else the clause's opening noun phrase ("Trump
 * lashed out, calling her …").
 */
function participleSubject(tokens: Token[], i: number): Token[] {
  let rs = i;
  while (rs > 0 && /^\p{Lu}/u.test(tokens[rs - 1].text)) rs--;
  if (rs < i && rs > 0 && personNameFromTokens(tokens.slice(rs, i).map((t) => t.text), true)) return tokens.slice(rs, i);
  return openingNounPhrase(tokens.slice(0, i));
}

/** True for a present participle cue ("saying", "calling"), whose subject opens the clause. */
function isParticiple(word: string): boolean {
  return /^\p{Ll}+ing$/u.test(word) && word !== 'according';
}

/** The tokens of a clause's opening noun phrase: up to its first lower-case verb-like word. */
function openingNounPhrase(tokens: Token[]): Token[] {
  // Skip leading punctuation and introductory phrases ("On Thursday, after the vote, Cruz …").
  for (let guard = 0; guard < 6; guard++) {
    let lead = 0;
    while (lead < tokens.length && /^[,;:—–()]$/.test(tokens[lead].text)) lead++;
    tokens = tokens.slice(lead);
    // A dateline ("WASHINGTON —") or a place finishing an intro phrase (", N.H., on Tuesday,").
    const comma0 = tokens.findIndex((t) => t.text === ',' || t.text === '—' || t.text === '–');
    if (comma0 > 0 && comma0 <= 2 && tokens.slice(0, comma0).every((t) => /^\p{Lu}[\p{Lu}.]+$/u.test(t.text) || (guard > 0 && /^\p{Lu}/u.test(t.text)))) {
      tokens = tokens.slice(comma0 + 1);
      continue;
    }
    // "Back in 1999, …": a word and a preposition open an introductory phrase.
    const introByPreposition = tokens.length > 2 && /^(?:back|later|earlier|then|also|now|once|even|just|still|elsewhere|meanwhile|instead|separately|again|late|early)$/i.test(tokens[0].text) && /^(?:in|on|at|during|after|before|since|for|with|by|from|this|last|that)$/.test(tokens[1].text);
    if (tokens.length === 0 || !(introByPreposition ||/^(?:in|on|at|during|after|before|since|while|when|as|later|earlier|last|at|for|with|asked|across|like|unlike|despite|although|though|if|because|given|amid|among|under|by|following|according|to|once|until|without)$/i.test(tokens[0].text) || /^\p{Lu}\p{Ll}+ly$/u.test(tokens[0].text) || /^\p{L}\p{Ll}+ing$/u.test(tokens[0].text))) break;
    const comma = tokens.findIndex((t) => t.text === ',');
    if (comma <= 0 || comma >= 30) break;
    tokens = tokens.slice(comma + 1);
  }
  let end = 0;
  while (end < tokens.length && end < 10) {
    const t = tokens[end].text;
    if (t === ',' || t === ';' || t === '(' || t === '—') break;
    if (/^\p{Ll}/u.test(t) && !DETERMINERS.test(t) && !/^(?:of|for|de|van|von|al)$/.test(t) && end > 0) break;
    end++;
  }
  return tokens.slice(0, end);
}

/** True when quote `b` is joined to the earlier quote `a` by a conjunction or comma only (“losers” and “sad”). */
function isCoordinated(text: string, a: QuoteMarks, b: QuoteMarks): boolean {
  if (a.para !== b.para || a.close >= b.open || b.open - a.close > 24) return false;
  return /^[\s,;]*(?:(?:and|or|but|nor|as well as|and then|even|to)\s+)?$/.test(text.slice(a.close + 1, b.open));
}

/**
 * True when the word before a quote names a work or a show rather than
 * introducing speech: a preposition or possessive (on ABC’s “This Week”,
 * author of “The Deal”) or a noun like "book", "show", "titled".
 */
function isTitlePosition(text: string, q: QuoteMarks, lineStart: number): boolean {
  let p = q.open - 1;
  while (p >= lineStart && isBlank(text[p])) p--;
  const end = p + 1;
  while (p >= lineStart && /[\p{L}’'.-]/u.test(text[p])) p--;
  const word = text.slice(p + 1, end);
  return /(?:['’]s)$/.test(word) || /^(?:on|of|to|in|at|from|with|for|about|by|book|books|film|movie|show|series|program|titled|entitled|novel|memoir|song|album|column|headline|article|op-ed|essay)$/i.test(word);
}

/** True when a quote stands as a sentence of its own (“Nobody does.”): not embedded, capitalised, ending in . ? or !. */
function isSentenceQuote(text: string, span: [number, number], partial: boolean): boolean {
  return !partial && /^\p{Lu}/u.test(text[span[0]]) && /[.?!]/.test(text[span[1] - 1]);
}

/** True when a quote in single marks makes up its whole paragraph ('A fight from start to finish.'): a subheading. */
function isSingleQuotedParagraph(text: string, q: QuoteMarks, lineEnd: number): boolean {
  if (!q.paraStart || (text[q.open] !== "'" && text[q.open] !== '‘')) return false;
  return /^[\s.,;:!?]*$/.test(text.slice(q.close + 1, lineEnd));
}

/** True when the quote marks delimit a markup attribute value (`id="123"`), not speech. */
function isMarkupAttribute(text: string, q: QuoteMarks): boolean {
  let p = q.open - 1;
  while (p >= 0 && isBlank(text[p])) p--;
  return text[p] === '=';
}

/** Attribution in the previous paragraph when it ends with a colon ("Cruz said:" then the quote paragraph). */
function attributionBeforeColon(text: string, lines: Array<[number, number]>, q: QuoteMarks, mentions: PersonMention[]): Attribution | null {
  let p = q.para - 1;
  while (p >= 0 && !/\S/.test(text.slice(lines[p][0], lines[p][1]))) p--;
  if (p < 0) return null;
  const [ls, le] = lines[p];
  const prevText = text.slice(ls, le).trimEnd();
  if (!prevText.endsWith(':') || prevText.length > 400) return null;
  const fake: QuoteMarks = { open: ls + prevText.length - 1, close: q.close, continued: q.continued, para: p, paraStart: false };
  const from = Math.max(ls, prevText.lastIndexOf('. ') >= 0 ? ls + prevText.lastIndexOf('. ') + 2 : ls);
  return attributionBefore(text, fake, from, mentions);
}

/** True when the quote is embedded in a sentence (“no special development”) rather than standing as a full quote. */
function isPartialQuote(text: string, q: QuoteMarks, lineStart: number): boolean {
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

/** Content span of a quote: inside the marks, trimmed of whitespace and a trailing comma. */
function contentSpan(text: string, q: QuoteMarks): [number, number] {
  let s = q.open + 1;
  let e = q.close;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && (/\s/.test(text[e - 1]) || text[e - 1] === ',')) e--;
  return [s, e];
}

/** True when every word of `text.slice(s, e)` longer than three letters is capitalised ("Saturday Night Live"). */
function isTitleCase(text: string, s: number, e: number): boolean {
  const words = text.slice(s, e).match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length > 1 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** Number of words in `text.slice(s, e)`. */
function countWords(text: string, s: number, e: number): number {
  let n = 0;
  let inWord = false;
  for (let i = s; i < e; i++) {
    const w = !/\s/.test(text[i]);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
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
  const marks: QuoteMarks[] = [];
  lines.forEach(([s, e], idx) => {
    if (e > s) marks.push(...findQuoteMarks(text, s, e, idx));
  });
  marks.sort((a, b) => a.open - b.open);
  if (marks.length === 0) return [];
  const sentences = splitSentences(text);
  const mentions = findPersonMentions(text);

  const found: Array<{ q: QuoteMarks; span: [number, number]; partial: boolean; attr: Attribution | null }> = [];
  for (let k = 0; k < marks.length; k++) {
    const q = marks[k];
    const span = contentSpan(text, q);
    if (span[1] <= span[0] || !/[\p{L}\p{N}][^]*[\p{L}\p{N}]/u.test(text.slice(span[0], span[1]))) continue; // no single letters (“R”)
    const [lineStart, lineEnd] = lines[q.para];
    const partial = isPartialQuote(text, q, lineStart);
    const prevClose = k > 0 && marks[k - 1].para === q.para && marks[k - 1].close < q.open ? marks[k - 1].close + 1 : lineStart;
    const nextOpen = k + 1 < marks.length && marks[k + 1].para === q.para && marks[k + 1].open > q.close ? marks[k + 1].open : lineEnd;
    const sOpen = sentenceAt(sentences, q.open);
    const sClose = sentenceAt(sentences, Math.max(q.open, q.close - 1));
    const sentStart = sOpen >= 0 ? sentences[sOpen].start : lineStart;
    const sentEnd = sClose >= 0 ? sentences[sClose].end : lineEnd;
    const quoted: QuoteMarks[] = [];
    for (let j = k - 1; j >= 0 && marks[j].open >= sentStart; j--) if (marks[j].close < q.open) quoted.push(marks[j]);
    let attr: Attribution | null = partial ? attributionInSentence(text, q, sentStart, mentions, quoted) : null;
    if (!attr?.speaker && !q.continued) {
      // After the close mark, to the end of the sentence that the close ends (or the sentence after "….”").
      // After “…?” or “…!” the sentence splitter may end the sentence at the mark: the attribution follows.
      let next = q.close + 1;
      let last = q.close - 1;
      while (last > q.open && isBlank(text[last])) last--;
      if (/[?!—…-]/.test(text[last])) while (next < lineEnd - 1 && isBlank(text[next])) next++;
      const afterSentence = sentenceAt(sentences, Math.min(next, lineEnd - 1));
      const afterEnd = afterSentence >= 0 ? sentences[afterSentence].end : sentEnd;
      attr = attributionAfter(text, q, Math.min(nextOpen, Math.max(afterEnd, q.close + 1), q.close + 300), mentions, partial);
    }
    if (!attr || attr.speaker === null) {
      const before = attributionBefore(text, q, Math.max(prevClose, sentStart, q.open - 300), mentions);
      if (before && (before.speaker !== null || !attr)) attr = before;
    }
    const nWords = countWords(text, span[0], span[1]);
    if (!attr && q.paraStart && q.para > 0) attr = attributionBeforeColon(text, lines, q, mentions);
    if (isMarkupAttribute(text, q)) continue; // <tweet id="…">
    if (!attr?.speaker && isSingleQuotedParagraph(text, q, lineEnd)) continue; // a subheading
    if (!attr?.speaker) attr = attributionInSentence(text, q, sentStart, mentions, quoted) ?? attr;
    if (!attr?.speaker && partial) attr = attributionAtSentenceEnd(text, q, sentEnd, mentions) ?? attr;
    if (!attr?.speaker && q.open > sentStart) attr = sentenceSubject(text, q, sentStart, mentions, quoted) ?? attr;
    if (!attr && !q.continued) attr = attributionSentenceAfter(text, sentences, q, lineEnd, mentions);
    if (!attr?.speaker && !partial && sOpen > 0 && q.open - sentStart <= 1 && (sentences[sOpen - 1].start >= lineStart || (q.paraStart && startsPreviousParagraphLine(text, lines, q.para, sentences[sOpen - 1])))) {
      // A quote opening a sentence right after one about a person ("Kerry said 100,000 would come. “That adds up …”").
      const prev = sentences[sOpen - 1];
      const at: QuoteMarks = { open: prev.end, close: prev.end, continued: false, para: q.para, paraStart: false };
      if (!/[“”"]/.test(text.slice(prev.start, prev.end))) attr = attributionInSentence(text, at, prev.start, mentions) ?? sentenceSubject(text, at, prev.start, mentions) ?? attr;
    }
    if (!attr?.speaker && found.length > 0 && isCoordinated(text, found[found.length - 1].q, q)) attr = found[found.length - 1].attr;
    if (!attr && nWords <= 2 && !isSentenceQuote(text, span, partial)) continue; // scare quotes
    if (nWords <= 6 && isTitleCase(text, span[0], span[1]) && (!attr?.speaker || isTitlePosition(text, q, lineStart))) continue; // titles of works, slogans
    found.push({ q, span, partial, attr });
  }

  // Inherit speakers: a continued quote from the next quote, a quote after an attributed one from it.
  for (let k = found.length - 1; k >= 0; k--) {
    const f = found[k];
    if (f.q.continued && (!f.attr || !f.attr.speaker) && k + 1 < found.length && found[k + 1].attr?.speaker) {
      f.attr = { speaker: found[k + 1].attr!.speaker, cue: found[k + 1].attr!.cue };
    }
  }
  const inherited: Array<string | null> = found.map((f) => f.attr?.speaker ?? null);
  for (let k = 1; k < found.length; k++) {
    const f = found[k];
    const prev = found[k - 1];
    if (inherited[k] || f.partial || (prev.partial && prev.q.para !== f.q.para)) continue;
    const sameOrNextPara = prev.q.para === f.q.para || (f.q.paraStart && isNextParagraph(text, lines, prev.q.para, f.q.para));
    if (sameOrNextPara) inherited[k] = inherited[k - 1];
  }

  const bySurname = new Map<string, Set<string>>();
  for (const m of mentions) {
    const sn = surnameOf(m.name);
    if (!bySurname.has(sn)) bySurname.set(sn, new Set());
    bySurname.get(sn)!.add(m.name);
  }
  return found.map((f, idx) => {
    const [s, e] = f.span;
    let speaker = inherited[idx];
    if (speaker && /^[A-Z]/.test(speaker)) speaker = canonicalName(speaker, bySurname.get(surnameOf(speaker)) ?? []);
    const quote: Quote = { id: `q${startId + idx}`, article: article.id, start: s, end: e, text: article.text.slice(s, e), speaker };
    if (f.partial) quote.partial = true;
    if (f.attr?.cue) quote.cue = f.attr.cue;
    return quote;
  });
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

/** A short sentence that is only an attribution right after a quote that ended its sentence (“….” Trump said.). */
function attributionSentenceAfter(text: string, sentences: SentenceSpan[], q: QuoteMarks, lineEnd: number, mentions: PersonMention[]): Attribution | null {
  let next = q.close + 1;
  while (next < lineEnd && isBlank(text[next])) next++;
  const k = sentenceAt(sentences, next);
  if (k < 0 || sentences[k].start < next || sentences[k].end > lineEnd) return null;
  const tokens = tokenizeRange(text, sentences[k].start, sentences[k].end);
  if (tokens.length < 2 || tokens.length > 6 || !isCue(tokens, tokens.length - 1)) return null;
  const speaker = speakerFromSubject(tokens.slice(0, -1), mentions, q.open);
  return speaker && /^\p{Lu}/u.test(speaker) ? { speaker, cue: cueAt(tokens, tokens.length - 1) } : null;
}

/** True when `sentence` lies in the non-blank paragraph right before paragraph `para`. */
function startsPreviousParagraphLine(text: string, lines: Array<[number, number]>, para: number, sentence: SentenceSpan): boolean {
  let p = para - 1;
  while (p >= 0 && !/\S/.test(text.slice(lines[p][0], lines[p][1]))) p--;
  return p >= 0 && sentence.start >= lines[p][0] && sentence.end <= lines[p][1];
}

/** True when paragraph `b` is the first non-blank line after paragraph `a`. */
function isNextParagraph(text: string, lines: Array<[number, number]>, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a + 1; i < b; i++) if (/\S/.test(text.slice(lines[i][0], lines[i][1]))) return false;
  return true;
}
