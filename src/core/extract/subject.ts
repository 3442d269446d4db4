// The speaker named by the subject of a speech verb: "White House spokesman
// John Kirby, 59, said" → John Kirby. Asides and appositives are skipped back
// to the name, titles dropped, pronouns resolved to the person named last.
import { CUE_FILLERS, CUE_VERBS, DETERMINERS, INTRO_OPENERS, TIME_WORDS } from './cueWords';
import type { CueToken } from './cueTokens';
import { isAnaphor, PersonMention, personNameFromTokens } from './speakers';

/** How far back (characters) a pronoun looks for a person in subject position before settling for the nearest mention. */
const SUBJECT_WINDOW = 1500;

/**
 * The person a pronoun at `offset` refers to: the most recent person
 * mentioned in subject position (not "of Mr. Obama", "Obama’s", "told host
 * Mike Huckabee") within SUBJECT_WINDOW characters, else the most recent
 * person mentioned; null when nobody is. A name inside a sentence that a
 * person opens stands for that person ("Mary Cheney, who married her partner,
 * Heather Poe, …" → Mary Cheney); one inside a sentence opened by he or she
 * is passed over ("He said Grassley would …" → the person before).
 */
export function personBefore(mentions: PersonMention[], offset: number): string | null {
  const k = lastMentionBefore(mentions, offset);
  for (let j = k; j >= 0 && offset - mentions[j].end <= SUBJECT_WINDOW; j--) {
    const m = mentions[j];
    if (m.oblique) continue;
    if (m.subject || m.sentence === undefined || m.sentence < 0) return m.name;
    const opener = sentenceSubjectBefore(mentions, j);
    if (opener) return opener;
    if (!m.pronounSentence) return m.name;
  }
  return k >= 0 ? mentions[k].name : null;
}

/** The person opening the sentence of mention `j`, named before it in that sentence, or null. */
function sentenceSubjectBefore(mentions: PersonMention[], j: number): string | null {
  const sentence = mentions[j].sentence;
  for (let i = j - 1; i >= 0 && mentions[i].start >= (sentence ?? 0); i--) if (mentions[i].subject && !mentions[i].oblique && mentions[i].sentence === sentence) return mentions[i].name;
  return null;
}

/** Index of the last mention ending at or before `offset`, or -1. */
function lastMentionBefore(mentions: PersonMention[], offset: number): number {
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
  return best;
}

/** The person name spelled by `tokens` (a lone surname allowed), or null. */
export function nameOfTokens(tokens: CueToken[]): string | null {
  return personNameFromTokens(tokens.map((t) => t.text), true);
}

/** The name in the trailing run of capitalised tokens of `tokens` ("Mr. Slinker" in "the founder Mr. Slinker"), or null. */
export function trailingCapitalName(tokens: CueToken[]): string | null {
  if (tokens.length > 1 && ROLE_NOUNS.test(tokens[tokens.length - 1].text)) tokens = tokens.slice(0, -1);
  let rs = tokens.length;
  while (rs > 0 && /^\p{Lu}/u.test(tokens[rs - 1].text)) rs--;
  return rs < tokens.length ? nameOfTokens(tokens.slice(rs)) : null;
}

/**
 * The speaker named by the subject tokens `subj` (the words before a cue
 * verb): an appositive is skipped back to the name it describes, titles are
 * dropped, pronouns resolve to the person named before `refOffset`.
 */
export function speakerFromSubject(subj: CueToken[], mentions: PersonMention[], refOffset: number): string | null {
  // "She went on to say", "Needless to say": the subject of an infinitive cue opens the clause.
  subj = relativeClauseSubject(subj);
  if (subj.length > 1 && subj.length <= 6 && subj[subj.length - 1].text === 'to') subj = openingNounPhrase(subj.slice(0, -1));
  if (subj.length === 0) return null;
  const segments = subjectSegments(subj);
  const last = segments[segments.length - 1];
  // "De Blasio said the move was wrong and said": a second verb of the clause's opening subject.
  if (last.length > 3 && /^(?:and|but)$/i.test(last[last.length - 1].text)) {
    const np = openingNounPhrase(last);
    const name = np.length > 0 ? nameOfTokens(np) : null;
    if (name) return name;
    if (np.length > 1 && np.length <= 8 && DETERMINERS.test(np[0].text)) return np.map((t) => t.text).join(' ');
  }
  const seg = speakerSegment(segments);
  return seg.length === 0 ? null : speakerOfSegment(seg, segments, mentions, refOffset);
}

/**
 * The subject of a relative or subordinate clause ending the tokens ("a statement in which he" →
 * "he", "the letter, which Kirby" → "Kirby", "the spat grew after Jo Li refused to" → "Jo Li
 * refused to"), else `subj`.
 */
function relativeClauseSubject(subj: CueToken[]): CueToken[] {
  for (let i = subj.length - 2; i >= 0 && i >= subj.length - 8; i--) {
    const relative = /^(?:which|whom)$/.test(subj[i].text) && i >= subj.length - 5;
    if (!relative && !isSubordinateSubject(subj, i)) continue;
    const rest = subj.slice(i + 1);
    if (rest.length > 0 && /^(?:he|she|they|we|i|\p{Lu}.*)$/u.test(rest[0].text) && !rest.some((t) => t.text === ',')) return rest;
  }
  return subj;
}

/**
 * True when token `i` of `subj` opens a subordinate clause whose subject is a name right after it
 * ("after Jo Li refused to", "the trail that Jo Li"), not a clause reporting what someone said
 * ("expected that Americans") nor one followed by another noun phrase ("after Li left office the Agency").
 */
function isSubordinateSubject(subj: CueToken[], i: number): boolean {
  if (i === 0 || !/^(?:when|after|because|since|that|while|until|before|once)$/.test(subj[i].text) || !/^\p{Lu}/u.test(subj[i + 1].text)) return false;
  if (subj[i].text === 'that' && (/(?:ed|s)$/.test(subj[i - 1].text) || CUE_VERBS.has(subj[i - 1].text))) return false;
  let k = i + 1;
  while (k < subj.length && /^\p{Lu}/u.test(subj[k].text)) k++;
  return !subj.slice(k).some((t) => /^\p{Lu}/u.test(t.text));
}

/**
 * The subject split at commas, dashes and brackets, without parenthetical
 * asides, a trailing time phrase ("last week") or trailing asides (", 69,",
 * ", in Columbus, Ohio,").
 */
function subjectSegments(subj: CueToken[]): CueToken[][] {
  subj = dropParentheses(subj);
  let tail = subj.length;
  while (tail > 0 && TIME_WORDS.test(subj[tail - 1].text)) tail--;
  if (tail < subj.length && tail > 0) subj = subj.slice(0, tail);
  const segments: CueToken[][] = [[]];
  for (const t of subj) {
    if (/^[,;:—–()]$/.test(t.text)) segments.push([]);
    else segments[segments.length - 1].push(t);
  }
  for (;;) {
    const n = segments.length;
    if (n > 1 && (segments[n - 1].length === 0 || isAside(segments[n - 1]))) segments.pop();
    else if (n > 2 && segments[n - 1].length <= 2 && /^(?:in|at|from|near|of|outside)$/.test(segments[n - 2][0]?.text ?? '')) segments.splice(n - 2, 2); // ", in Columbus, Ohio,"
    else break;
  }
  return segments;
}

/**
 * The segment naming the speaker: the last one, or the name before it when
 * it is an appositive ("Kirby, the spokesman,"); fillers dropped at its end
 * ("Kirby further") and conjunctions at its start; a final he/she alone.
 */
function speakerSegment(segments: CueToken[][]): CueToken[] {
  let seg = segments[segments.length - 1];
  // "…, a military fight he called": a pronoun right before the verb is its subject, whatever the appositive before.
  if (seg.length > 1 && /^(?:he|she)$/.test(seg[seg.length - 1].text)) return seg.slice(-1);
  if (segments.length > 1 && seg.length > 0 && /^(?:a|an|the|who|whose|one|himself|herself|also|its|his|her|their|our)$/i.test(seg[0].text)) {
    const prev = segments[segments.length - 2];
    if (prev.length > 0 && (/^[A-Z]/.test(prev[prev.length - 1].text) || (/^(?:who|whose)$/.test(seg[0].text) && DETERMINERS.test(prev[0].text)))) seg = prev;
  }
  let end = seg.length;
  while (end > 0 && CUE_FILLERS.has(seg[end - 1].text)) end--; // lower case only: "Will" may be a name
  seg = seg.slice(0, end);
  let start = Math.max(0, seg.length - 10);
  while (start < seg.length && /^(?:and|but|so|then|as|that|while|when|because|said|says|told|even|indeed)$/i.test(seg[start].text)) start++;
  seg = seg.slice(start);
  if (seg.length === 0) return seg;
  const lastTok = seg[seg.length - 1].text.toLowerCase();
  return seg.length > 1 && (lastTok === 'he' || lastTok === 'she') ? seg.slice(-1) : seg;
}

/** The speaker a cleaned segment `seg` names: a pronoun's referent, a name, or a short noun phrase. */
function speakerOfSegment(seg: CueToken[], segments: CueToken[][], mentions: PersonMention[], refOffset: number): string | null {
  const phrase = seg.map((t) => t.text).join(' ');
  if (seg.length === 1 && /^(?:the|a|an|this|that|these|those|it’s|it's|i’m|i'm|there|here)$/i.test(phrase)) return null;
  if (isAnaphor(phrase)) return personBefore(mentions, refOffset);
  if (/^(?:they|we|i|it|you)$/i.test(phrase)) return phrase.toLowerCase() === 'i' ? 'I' : phrase.toLowerCase();
  const name = nameInSubject(seg, segments);
  if (name) return name;
  // No name: keep a short noun phrase ("a senior diplomat", "officials"), drop clause debris.
  if (seg.length <= 2 && /^[a-z]/.test(seg[0].text) && !/^(?:if|to|of|in|on|at|by|for|with|when|which|what|it|there|he|she|not|would|who)$/.test(seg[0].text) && !seg.some((t) => CUE_VERBS.has(t.text))) return phrase;
  if (seg.length <= 8 && DETERMINERS.test(seg[0].text)) return phrase;
  // Clause debris ("focused on repeating the theme that", "he said he's looked into it") names nobody.
  return seg.length <= 12 && seg.some((t) => /^\p{Lu}/u.test(t.text)) && !seg.some((t) => CUE_VERBS.has(t.text)) ? phrase : null;
}

/** A person's name in the subject: at the end of `seg`, opening its clause, or opening the whole subject. */
function nameInSubject(seg: CueToken[], segments: CueToken[][]): string | null {
  // A name at the end of the phrase: the trailing run of capitalised tokens.
  let runStart = seg.length;
  while (runStart > 0 && /^[A-Z]/.test(seg[runStart - 1].text)) runStart--;
  if (runStart < seg.length) {
    const name = nameOfTokens(seg.slice(runStart));
    if (name && (runStart === 0 || !/^(?:the|a|an)$/i.test(seg[runStart - 1].text) || name.includes(' '))) return name;
  }
  // A clause ("Kirby was quick to respond and said"): its opening noun phrase is the subject.
  const whole = segments[segments.length - 1];
  if (whole.length > 3 && /^\p{Lu}/u.test(whole[0].text) && !DETERMINERS.test(whole[0].text)) {
    const np = openingNounPhrase(whole);
    const name = np.length > 0 && np.length < whole.length ? nameOfTokens(np) : null;
    if (name) return name;
  }
  // "Mr. Slinker, whose start-up, Paradata, uses big data, said": the name that opens the subject.
  if (segments.length > 1 && /^\p{Ll}/u.test(seg[0].text) && !DETERMINERS.test(seg[0].text)) {
    const name = trailingCapitalName(segments[0]);
    if (name) return name;
  }
  return null;
}

/**
 * True for a comma-separated aside between a subject and its verb: an age
 * ("Sarandon, 69, said"), an adverb ("Bush, however,"), a participle or
 * prepositional phrase ("Clinton, speaking to reporters,", "Trump, in Kentucky,").
 */
function isAside(seg: CueToken[]): boolean {
  const w = seg[0].text;
  if (isPartyTag(seg)) return true;
  if (/^\d+$/.test(w) && seg.length <= 2) return true;
  if (!/^\p{Ll}/u.test(w) || /^(?:he|she|they|we|i|it|you)$/.test(w)) return false;
  if (seg.length === 1) return true;
  return /ing$|ly$/.test(w) || /^(?:in|on|at|during|after|before|from|for|with|without|like|unlike|despite|however|though|too|meanwhile|then|now|speaking|asked|when|while|as|once|according)$/.test(w);
}

/** True for a party-and-state tag after a name: "R-Texas", "D-N.Y.", "Democrat of Pennsylvania", "a Virginia Republican". */
function isPartyTag(seg: CueToken[]): boolean {
  if (seg.length === 1 && /^[RDI]-\p{Lu}/u.test(seg[0].text)) return true;
  const words = seg.map((t) => t.text);
  if (words.length >= 3 && words.length <= 5 && /^(?:Republican|Democrat|Independent)$/.test(words[0]) && words[1] === 'of') return true;
  return words.length >= 2 && words.length <= 4 && /^(?:a|an)$/.test(words[0]) && /^(?:Republican|Democrat|Democratic|Independent)$/.test(words[words.length - 1]);
}

/** `tokens` without the parenthesised parts. */
export function dropParentheses(tokens: CueToken[]): CueToken[] {
  if (!tokens.some((t) => t.text === '(')) return tokens;
  const out: CueToken[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0) out.push(t);
  }
  return out;
}

/**
 * Subject of the participle at token `i`: a name right before it ("with
 * Donald Trump tweeting"), else the clause's opening noun phrase ("Trump
 * lashed out, calling her …").
 */
export function participleSubject(tokens: CueToken[], i: number): CueToken[] {
  let rs = i;
  while (rs > 0 && /^\p{Lu}/u.test(tokens[rs - 1].text)) rs--;
  if (rs < i && rs > 0 && nameOfTokens(tokens.slice(rs, i))) return tokens.slice(rs, i);
  const own = ownParticipleSubject(tokens, i);
  return own ?? openingNounPhrase(tokens.slice(0, i));
}

/**
 * A participle's own subject right before it, after "and" or "with" ("…, with some saying", "and
 * one blogger asking"): a short lower-case noun phrase that is not the sentence's subject; else null.
 */
function ownParticipleSubject(tokens: CueToken[], i: number): CueToken[] | null {
  for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
    const w = tokens[j].text;
    if (/^(?:and|with)$/i.test(w)) return j < i - 1 && j > 0 ? tokens.slice(j + 1, i) : null;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(w) || CUE_VERBS.has(w)) return null;
  }
  return null;
}

/** Plural role nouns that close a source's noun phrase after an organisation's name ("White House officials"). */
const ROLE_NOUNS = /^(?:officials|aides|sources|lawmakers|leaders|advisers|advisors|members|officers|staffers|spokesmen|strategists|analysts|negotiators|diplomats)$/;

/** The tokens of a clause's opening noun phrase: up to its first lower-case verb-like word. */
export function openingNounPhrase(tokens: CueToken[]): CueToken[] {
  tokens = skipIntroduction(tokens);
  let end = 0;
  while (end < tokens.length && end < 10) {
    const t = tokens[end].text;
    if (t === ',' || t === ';' || t === '(' || t === '—') break;
    const roleAfterName = ROLE_NOUNS.test(t) && /^\p{Lu}/u.test(tokens[end - 1]?.text ?? ''); // "Senior White House officials"
    if (/^\p{Ll}/u.test(t) && !DETERMINERS.test(t) && !/^(?:of|for|de|van|von|al)$/.test(t) && !roleAfterName && end > 0) break;
    end++;
  }
  return tokens.slice(0, end);
}

/** `tokens` after leading punctuation and introductory phrases ("On Thursday, after the vote, Cruz …"). */
function skipIntroduction(tokens: CueToken[]): CueToken[] {
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
    if (tokens.length === 0 || !(introByPreposition || INTRO_OPENERS.test(tokens[0].text) || /^\p{Lu}\p{Ll}+ly$/u.test(tokens[0].text) || /^\p{L}\p{Ll}+ing$/u.test(tokens[0].text))) break;
    const comma = tokens.findIndex((t) => t.text === ',');
    if (comma <= 0 || comma >= 30) break;
    tokens = tokens.slice(comma + 1);
  }
  return tokens;
}
