// Tokens of attribution text ("said White House spokesman John Kirby"), and
// which of them are speech cues. The tokens are text/normalize's tokens
// joined back the way names and abbreviations are written ("U.S.", "AT&T",
// "Sen.", "D-Calif"), keeping only the punctuation that bounds a speaker
// phrase: , ; : ( ) — –.
import { tokenize } from '../text/normalize';
import { CUE_VERBS, TOLD_OBJECTS } from './cueWords';

/** A word or bounding punctuation mark of attribution text, with offsets into the text. */
export interface CueToken {
  /** The token as written (a sentence-final full stop dropped). */
  text: string;
  /** Offset of the first character. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** Characters a cue word starts with: letters, marks, digits. */
const WORD_START = /[\p{L}\p{M}\p{N}]/u;
/** Characters that continue a cue word after its start ("U.S.", "AT&T", "it's", "D-Calif"). */
const WORD_JOINERS = "’'.&-";
/** The punctuation kept as tokens: it bounds a speaker phrase. */
const BOUNDING_PUNCTUATION = ',;:()—–';
/** A normalize word token that is a cue word as it stands (no non-breaking hyphen inside). */
const PLAIN_WORD = /^[^\u2011]*$/;

/**
 * Tokens of `text.slice(from, to)` with absolute offsets, joined from
 * normalize's tokens of the slice: each word is a run of letters, digits,
 * marks and inner ’ ' . & -, starting with a letter or digit; a trailing full
 * stop ends the sentence unless the word is an abbreviation (U.S., Mr., Sen.).
 * Other punctuation is dropped.
 */
export function tokenizeCueRange(text: string, from: number, to: number): CueToken[] {
  const out: CueToken[] = [];
  let wordStart = -1;
  let wordEnd = -1;
  const endWord = () => {
    if (wordStart >= 0) out.push(cueWord(text, wordStart, wordEnd));
    wordStart = -1;
  };
  for (const t of tokenize(text.slice(from, to))) {
    let p = from + t.start;
    if (p !== wordEnd) endWord(); // whitespace between the tokens
    if (t.kind === 'word' && PLAIN_WORD.test(t.text)) {
      if (wordStart < 0) wordStart = p;
      wordEnd = from + t.end;
      continue;
    }
    // Numbers, punctuation and marks: character by character.
    for (const ch of t.text) {
      if (WORD_START.test(ch) || (wordStart >= 0 && WORD_JOINERS.includes(ch))) {
        if (wordStart < 0) wordStart = p;
        wordEnd = p + ch.length;
      } else {
        endWord();
        if (BOUNDING_PUNCTUATION.includes(ch)) out.push({ text: ch, start: p, end: p + ch.length });
      }
      p += ch.length;
    }
  }
  endWord();
  return out;
}

/** The cue word `text.slice(start, end)`, its trailing full stop dropped unless it is an abbreviation. */
function cueWord(text: string, start: number, end: number): CueToken {
  let t = text.slice(start, end);
  if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t) && !/^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|St|Jr|Sr|Gen|Lt|Col)\.$/.test(t)) t = t.slice(0, -1);
  return { text: t, start, end: start + t.length };
}

/** Builds the cue string starting at token `i` ("said", "told reporters", "according to"). */
export function cueAt(tokens: CueToken[], i: number): string {
  const verb = tokens[i].text.toLowerCase();
  const next = tokens[i + 1]?.text ?? '';
  if (verb === 'according') return 'according to';
  if (verb === 'told' && TOLD_OBJECTS.test(next) && next !== 'the' && next !== 'a' && next !== 'an') return `told ${next}`;
  if (verb === 'said' && next === 'in' && tokens[i + 2]?.text === 'a' && tokens[i + 3]?.text === 'statement') return 'said in a statement';
  return verb;
}

/** True when token `i` is a cue verb ("according" only before "to"). */
export function isCue(tokens: CueToken[], i: number): boolean {
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

/** False for a word that is a noun here ("a wake-up call", "the calls"): after an article, adjective or hyphenated word. */
export function isVerbPosition(tokens: CueToken[], i: number): boolean {
  const prev = tokens[i - 1]?.text ?? '';
  if (!/^(?:call|calls)$/.test(tokens[i].text)) return true;
  return prev === '' || /^\p{Lu}/u.test(prev) || /^(?:he|she|they|we|i|you|to|would|will|did|also|,)$/.test(prev);
}

/** True for a present participle cue ("saying", "calling"), whose subject opens the clause. */
export function isParticiple(word: string): boolean {
  return /^\p{Ll}+ing$/u.test(word) && word !== 'according';
}
