// Attribution from the sentence around a quote, when nothing is right next to
// it: a speech or naming verb earlier in the sentence (Trump called the plan
// “a disgrace”), the sentence's subject, an attribution closing the sentence,
// a short attribution sentence right after, or a sentence about a person
// right before.
import { QuoteMarks, isBlank } from '../text/quoteMarks';
import { accordingTo, Attribution, cueTokensOf, QuoteScan, sentenceAt } from './attribution';
import { CueToken, cueAt, isCue, isParticiple, isVerbPosition } from './cueTokens';
import { PARTIAL_CUES, TIME_WORDS } from './cueWords';
import { surnameOf } from './speakers';
import { openingNounPhrase, participleSubject, personBefore, speakerFromSubject, trailingCapitalName } from './subject';

/**
 * Attribution of a partial quote anywhere earlier in its sentence: the
 * subject of the nearest speech or naming verb before it. For a participle
 * ("…, calling her “crooked”") the subject is the sentence's opening noun phrase.
 */
export function attributionInSentence(scan: QuoteScan, q: QuoteMarks, sentStart: number, quoted: QuoteMarks[] = []): Attribution | null {
  const tokens = unquotedTokens(scan, sentStart, q.open, quoted);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const w = tokens[i].text.toLowerCase();
    if (!isCue(tokens, i) && !(PARTIAL_CUES.has(w) && isVerbPosition(tokens, i))) continue;
    const cue = cueAt(tokens, i);
    if (cue === 'according to') return accordingTo(tokens.slice(i + 2), scan.mentions, tokens[i].start);
    const subj = isParticiple(w) ? participleSubject(tokens, i) : tokens.slice(0, i);
    if (subj.length === 0) return null;
    const speaker = speakerFromSubject(subj, scan.mentions, subj[subj.length - 1].start);
    return speaker ? { speaker, cue } : null;
  }
  return null;
}

/**
 * A quote in a sentence with no speech verb before it ("Hewlett sniped that
 * Fiorina was “learning on the job”"): the person who is the sentence's
 * subject, when it is a name or he/she.
 */
export function sentenceSubject(scan: QuoteScan, q: QuoteMarks, sentStart: number, quoted: QuoteMarks[] = []): Attribution | null {
  const np = openingNounPhrase(unquotedTokens(scan, sentStart, q.open, quoted));
  if (np.length === 0) return null;
  if (np.length === 1 && /^(?:he|she)$/i.test(np[0].text)) return { speaker: personBefore(scan.mentions, np[0].start), cue: '' };
  const name = trailingCapitalName(np);
  return name && knownPeople(scan).has(name) ? { speaker: name, cue: '' } : null;
}

/** The names and surnames of the people mentioned in the scanned article, built on first use and kept in `scan`. */
function knownPeople(scan: QuoteScan): Set<string> {
  if (!scan.people) {
    scan.people = new Set<string>();
    for (const m of scan.mentions) {
      scan.people.add(m.name);
      scan.people.add(surnameOf(m.name));
    }
  }
  return scan.people;
}

/**
 * The attribution closing the sentence of a partial quote: ", DFA spokesman
 * Neil Sroka said." or ", said Neil Sroka." after the quote.
 */
export function attributionAtSentenceEnd(scan: QuoteScan, q: QuoteMarks, sentEnd: number): Attribution | null {
  const tokens = cueTokensOf(scan, q.close + 1, sentEnd);
  let comma = -1;
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i].text === ',') { comma = i; break; }
  if (comma < 0) return null;
  const tail = tokens.slice(comma + 1);
  if (tail.length < 2 || tail.length > 12) return null;
  for (let i = 0; i < tail.length; i++) {
    if (!isCue(tail, i)) continue;
    const subj = i === 0 ? tail.slice(1).filter((t) => !TIME_WORDS.test(t.text)) : tail.slice(0, i);
    const speaker = speakerFromSubject(subj, scan.mentions, q.open);
    return speaker && /^\p{Lu}/u.test(speaker) ? { speaker, cue: cueAt(tail, i) } : null;
  }
  return null;
}

/** Tokens of `[from, to)` outside the quotes `quoted` (earlier quotes of the sentence). */
function unquotedTokens(scan: QuoteScan, from: number, to: number, quoted: QuoteMarks[]): CueToken[] {
  const tokens = cueTokensOf(scan, from, to);
  if (quoted.length === 0) return tokens;
  return tokens.filter((t) => !quoted.some((m) => m.open < t.start && t.start < m.close));
}

/** A short sentence that is only an attribution right after a quote that ended its sentence (“….” Trump said.). */
export function attributionSentenceAfter(scan: QuoteScan, q: QuoteMarks, lineEnd: number): Attribution | null {
  const { text, sentences } = scan;
  let next = q.close + 1;
  while (next < lineEnd && isBlank(text[next])) next++;
  const k = sentenceAt(sentences, next);
  if (k < 0 || sentences[k].start < next || sentences[k].end > lineEnd) return null;
  const tokens = cueTokensOf(scan, sentences[k].start, sentences[k].end);
  if (tokens.length < 2 || tokens.length > 6 || !isCue(tokens, tokens.length - 1)) return null;
  const speaker = speakerFromSubject(tokens.slice(0, -1), scan.mentions, q.open);
  return speaker && /^\p{Lu}/u.test(speaker) ? { speaker, cue: cueAt(tokens, tokens.length - 1) } : null;
}

/**
 * A quote opening a sentence right after one about a person ("Kerry said
 * 100,000 would come. “That adds up …”"): the attribution or subject of the
 * previous sentence `prev`, when it holds no quote marks itself.
 */
export function attributionInPreviousSentence(scan: QuoteScan, q: QuoteMarks, prev: { start: number; end: number }): Attribution | null {
  if (/[“”"]/.test(scan.text.slice(prev.start, prev.end))) return null;
  const at: QuoteMarks = { open: prev.end, close: prev.end, continued: false, para: q.para, paraStart: false };
  return attributionInSentence(scan, at, prev.start) ?? sentenceSubject(scan, at, prev.start);
}
