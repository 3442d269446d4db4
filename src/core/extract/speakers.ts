// Speaker names: finding person mentions, cleaning attribution phrases into
// names, resolving pronouns, and merging aliases (Kirby, Mr Kirby,
// John Kirby → "John Kirby") within an article and across a corpus.
import type { Quote } from '../types';
import { rememberBounded } from '../util/memo';
import { ANAPHORS, HONORIFICS, NAME_STOPWORDS, NON_PERSON } from './cueWords';

/** A person-name mention found in a text. */
export interface PersonMention {
  /** The name without titles ("Jake Sullivan"). */
  name: string;
  start: number;
  end: number;
  /** True when the mention is not in subject position: after a preposition or a verb's object slot ("of Mr. Obama", "told Fox News host Mike Huckabee"), or in a headline. */
  oblique?: boolean;
  /** True when the mention opens its sentence, after at most an introductory phrase and a title ("On Friday, the aide, Jo Li, 31, …"): the sentence's subject. */
  subject?: boolean;
  /** Offset where the mention's sentence starts (-1 when not found within a few hundred characters). */
  sentence?: number;
  /** True when the mention's sentence opens with "he" or "she": its subject is someone named before. */
  pronounSentence?: boolean;
}

/** Words that, between a sentence's start and a name, show that the name is not the sentence's subject (a verb, a preposition, a conjunction). */
const NOT_SUBJECT_PREFIX = /(?:^|[^\p{L}])(?:said|says|say|told|tells|asked|asks|wrote|is|was|are|were|has|had|have|will|would|of|to|for|with|by|at|in|on|from|into|about|against|that|and|but|or|who|which|whom|when|as|than|if)(?![\p{L}])/iu;

/** An introductory phrase before a sentence's subject: opened by a preposition or time word ("According to the Times", "On Friday"). */
const INTRO_PHRASE = /^(?:according|on|in|at|after|before|since|during|following|despite|amid|when|while|as|for|under|later|earlier|last|this|speaking|asked|meanwhile|separately|instead|still|yet|now|then|but|and|so)\b/i;

/** Where a capitalised run's sentence starts, whether the run is its subject, and whether the sentence opens with a pronoun. */
function sentencePosition(text: string, start: number, end: number): { sentence: number; subject: boolean; pronounSentence: boolean } {
  const sentence = sentenceStartBefore(text, start);
  if (sentence < 0) return { sentence: -1, subject: false, pronounSentence: false };
  const prefix = text.slice(sentence, start);
  // a possessive ("Obama’s comments") qualifies the subject; it is not the subject
  const possessive = /^['’]s?(?:\s|$)/.test(text.slice(end, end + 3));
  return { sentence, subject: !possessive && isSubjectPrefix(prefix), pronounSentence: /^(?:he|she)\s/i.test(prefix) };
}

/**
 * Where the sentence holding offset `start` begins: after the last full stop, question or
 * exclamation mark (and closing quote) followed by a space, or a line break, within 300
 * characters; a title or initial ("Ms. Lauten", "J. Smith") does not end a sentence. -1 when none.
 */
function sentenceStartBefore(text: string, start: number): number {
  const from = Math.max(0, start - 300);
  for (let p = start - 1; p >= from; p--) {
    const c = text[p];
    if (c === '\n') return p + 1;
    if (!/\s/.test(c) || p === 0) continue;
    let e = p - 1;
    if (/["”’]/.test(text[e] ?? '')) e--;
    if (!/[.!?]/.test(text[e] ?? '')) continue;
    if (text[e] === '.' && NAME_ABBREVIATION.test(lastWordBefore(text, e + 1))) continue;
    let s = p;
    while (s < start && /\s/.test(text[s])) s++;
    return s;
  }
  return from === 0 ? 0 : -1;
}

/** The whitespace-delimited word ending at offset `end`. */
function lastWordBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && !/\s/.test(text[s - 1])) s--;
  return text.slice(s, end);
}

/**
 * True when `prefix` (a sentence's text before a name) leaves the name its subject: at most a few
 * words (a title, "the aide") with no verb, preposition or conjunction, after optional introductory
 * phrases closed by commas ("According to the Times, Mary Cheney, who …", "On Friday, the aide, Jo Li").
 */
function isSubjectPrefix(prefix: string): boolean {
  const parts = prefix.split(',');
  const last = parts.pop()!;
  const words = last.trim() ? last.trim().split(/\s+/) : [];
  // ", but their neighbor Jo Li, 83, knows": a name opening a clause joined after a comma is that clause's subject.
  if (parts.length > 0 && /^(?:but|and|while|yet|whereas)$/i.test(words[0] ?? '')) return isClauseOpener(words.slice(1));
  // A long introductory clause ("When Mr. Ames tried to defend …, Mr. Kasich differed") only when the name follows its comma.
  const introLimit = words.every((w) => /^\p{Lu}/u.test(w)) ? 30 : 8;
  for (const part of parts) {
    const partWords = part.trim().split(/\s+/).filter(Boolean);
    if (INTRO_PHRASE.test(part.trim()) ? partWords.length > introLimit : partWords.length > 3 || NOT_SUBJECT_PREFIX.test(part)) return false;
  }
  return words.length <= 4 && !NOT_SUBJECT_PREFIX.test(last) && !/["“”()]/.test(prefix);
}

/** True when `words` (after "but"/"and" behind a comma) may open a clause's subject before a name: nothing, titles, or a short phrase opened by a determiner ("their neighbor"). */
function isClauseOpener(words: string[]): boolean {
  if (words.every((w) => /^\p{Lu}/u.test(w))) return words.length <= 3;
  return words.length <= 3 && /^(?:the|a|an|his|her|their|its|our|another|one)$/i.test(words[0]) && !words.some((w) => /["“”()]/.test(w));
}

/**
 * An appositive after a possessive noun phrase inside a clause ("married her partner, Heather
 * Poe,"): a description of someone else's relation, not the clause's subject.
 */
const POSSESSIVE_APPOSITIVE_BEFORE = /[\p{Ll}]+\s+(?:his|her|their|its)\s+(?:[\p{Ll}-]+\s+)?[\p{Ll}-]+,\s*$/u;

/** Words before a capitalised run that make it oblique (a preposition or a speech verb taking an object). */
const OBLIQUE_BEFORE = /(?:^|[\s(“"‘])(?:of|at|near|in|into|on|to|for|from|with|by|about|against|than|toward|towards|under|over|between|told|thanked|interviewed|tell|telling|named|met|calling)\s+(?:the\s+|a\s+|an\s+)?$/i;

/**
 * True when the capitalised run at `[start, end)` of `text` is not in subject
 * position: after a preposition or as the object of a speech verb, unless a
 * relative clause makes it a subject ("the ire of Justice Scalia, who said"); a possessive inside a clause;
 * or in a title-case headline, whose capitals do not bound names.
 */
function isObliqueRun(text: string, start: number, end: number): boolean {
  if (isTitleCaseLine(text, start)) return true;
  if (/^,?\s+who\b/.test(text.slice(end, end + 6))) return false;
  // A possessive inside a clause ("continue Mr. Kerry’s work"); not one opening a clause ("…, Beck’s stood out").
  if (/^['’]s?(?:\s|$)/.test(text.slice(end, end + 3)) && !/(?:^|[,.;:!?]\s*|\n\s*)$/.test(text.slice(Math.max(0, start - 3), start))) return true;
  const before = text.slice(Math.max(0, start - 60), start);
  if (POSSESSIVE_APPOSITIVE_BEFORE.test(before) && !/(?:^|\s)(?:and|but)\s+(?:his|her|their|its)\s/.test(before)) return true;
  return OBLIQUE_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || INTERVIEWER_BEFORE.test(before);
}

/** An interviewer after "told"/"asked" ("told Fox News host Dan Carver", "asked radio host"): the object, not a subject. */
const INTERVIEWER_BEFORE = /\b(?:told|interviewed|thanked|telling) (?:(?:the|a|an|radio|television|TV|talk|show|news|host|anchor|reporter|correspondent|interviewer|[A-Z][\p{L}’'-]*) ){0,4}$/u;

/** The longest line read as a headline, in characters. */
const HEADLINE_MAX = 200;

/** True when the line around `offset` is a title-case headline (every word longer than three letters capitalised). */
function isTitleCaseLine(text: string, offset: number): boolean {
  // Only a window of the headline limit is searched, so a long single-line article stays linear.
  const from = Math.max(0, offset - HEADLINE_MAX);
  const back = text.slice(from, offset + 1).lastIndexOf('\n');
  const s = back >= 0 ? from + back + 1 : from === 0 ? 0 : -1;
  if (s < 0) return false;
  const ahead = text.slice(offset, offset + HEADLINE_MAX + 1).indexOf('\n');
  const e = ahead >= 0 ? offset + ahead : offset + HEADLINE_MAX + 1 > text.length ? text.length : -1;
  if (e < 0 || e - s > HEADLINE_MAX) return false;
  const long = (text.slice(s, e).match(/[\p{L}][\p{L}’'-]*/gu) ?? []).filter((w) => w.length > 3);
  return long.length > 2 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** Capitalised-word runs (names, initials, particles between them); linear, no nested quantifiers. Used only through matchAll (which copies it). */
const CAP_RUN = /[A-Z][\p{L}\p{M}’'.-]*(?:[ \u00a0](?:(?:de|da|van|von|der|al|bin|la|le|del|di)[ \u00a0])?[A-Z][\p{L}\p{M}’'.-]*)*/gu;

/** Strips trailing punctuation and possessive endings from a token. */
function cleanToken(tok: string): string {
  let t = tok.replace(/(?:['’]s|['’])$/u, '');
  while (t.length > 1 && /[.,;:!?'’-]$/.test(t) && !/^(?:[A-Z]\.)+$/.test(t)) t = t.slice(0, -1);
  return t;
}

/** Lower-cased token without trailing dots, for list look-ups. */
function key(tok: string): string {
  return tok.toLowerCase().replace(/\.+$/, '');
}

/** True for a single capital initial ("F." or "F"). */
function isInitial(tok: string): boolean {
  return /^[A-Z]\.?$/.test(tok);
}

/**
 * Turns a run of capitalised tokens into a person name by dropping the
 * titles and roles in front ("White House spokesman John Kirby" → "John Kirby").
 * Returns null when what remains does not look like a person's name.
 * `allowSingle` accepts a lone surname ("Kirby").
 */
export function personNameFromTokens(tokens: string[], allowSingle: boolean): string | null {
  const toks = tokens.map(cleanToken).filter((t) => t.length > 0);
  let i = toks.length - 1;
  // Suffix of tokens that are neither titles nor organisation words.
  while (i >= 0) {
    const k = key(toks[i]);
    if (HONORIFICS.has(k) || NAME_STOPWORDS.has(k) || (NON_PERSON.has(k) && !isParticle(toks[i]))) break;
    i--;
  }
  const name = toks.slice(i + 1);
  if (name.length === 0) return null;
  if (name.length > 4) return null;
  if (NON_PERSON.has(key(name[name.length - 1]))) return null;
  if (isInitial(name[name.length - 1])) return null;
  if (!/^[A-Z]/.test(name[0])) return null;
  if (name.length === 1) {
    if (!allowSingle) return null;
    if (/^[A-Z]{2,}$/.test(name[0]) || name[0].includes('.')) return null;
  }
  return name.join(' ');
}

/**
 * personNameFromTokens results by `allowSingle` flag + capitalised run (runs repeat across articles).
 * A per-process memo, deliberately module-level: the result is a pure function of its key, and
 * rememberBounded empties the table at 100,000 entries, so sharing it between runs is harmless.
 */
const runNameCache = new Map<string, string | null>();

/** personNameFromTokens(tokens, allowSingle) for `tokens`, the split of `run`, memoised by run. */
function runPersonName(run: string, tokens: string[], allowSingle: boolean): string | null {
  const k = (allowSingle ? '1' : '0') + run;
  const name = runNameCache.get(k);
  return name !== undefined ? name : rememberBounded(runNameCache, k, personNameFromTokens(tokens, allowSingle), 100_000);
}

/** True for a lower-case name particle (de, van, al...). */
function isParticle(tok: string): boolean {
  return /^(?:de|da|van|von|der|al|bin|la|le|del|di)$/.test(tok);
}

/**
 * Finds mentions of people in `text`: capitalised runs of two to four
 * tokens after titles are dropped ("Russian President Vladimir Putin" →
 * "Vladimir Putin"), plus "Mr Kirby"-style single surnames. Linear in text size.
 */
export function findPersonMentions(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  const fullBySurname = new Map<string, string>();
  for (const m of text.matchAll(CAP_RUN)) {
    for (const [run, index] of nameRuns(m[0], m.index!)) {
      const mention = mentionOfRun(text, run, index, fullBySurname);
      if (mention) out.push(mention);
    }
  }
  return out;
}

/** Abbreviations that end with a full stop inside a name ("Mr.", "Sen.", "Jr."): not a sentence end. */
const NAME_ABBREVIATION = /^(?:\p{Lu}\.)+$|^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|Rev|Gen|Lt|Col|Sgt|Capt|Adm|Maj|St|Jr|Sr|Ft|Mt)\.$/u;

/**
 * The pieces of a capitalised run that can hold one name each, with their offsets: the run is cut
 * after a word that ends a sentence ("… Eric Schultz. By releasing …") and after a possessive
 * ("Obama’s Daughters": the possessor, then what is owned).
 */
function nameRuns(run: string, index: number): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  let from = 0;
  const re = /[^ \u00a0]+/g;
  for (let t = re.exec(run); t; t = re.exec(run)) {
    const tok = t[0];
    const end = t.index + tok.length;
    const endsSentence = /[\p{L}\p{M}’'-]\.$/u.test(tok) && !NAME_ABBREVIATION.test(tok);
    if (end < run.length && (endsSentence || /\p{L}['’]s?$/u.test(tok))) {
      out.push([run.slice(from, end), index + from]);
      from = end + 1;
    }
  }
  out.push([run.slice(from), index + from]);
  return out;
}

/** The person mention of the capitalised run `run` at `index`, or null; full names are recorded in `fullBySurname` so a later lone surname maps to them. */
function mentionOfRun(text: string, run: string, index: number, fullBySurname: Map<string, string>): PersonMention | null {
  const tokens = run.split(/[ \u00a0]/);
  const endTok = tokens[tokens.length - 1];
  const end = index + run.length - (endTok.length - cleanToken(endTok).length);
  const hasHonorific = tokens.length >= 2 && /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Prof|President|Senator|Governor)\.?$/.test(tokens[tokens.length - 2]);
  let name = runPersonName(run, tokens, hasHonorific);
  const headline = isTitleCaseLine(text, index);
  if (!name) {
    // A lone surname of someone already named in full ("Sullivan said").
    const single = runPersonName(run, tokens, true);
    const full = single ? fullBySurname.get(single) : undefined;
    const at = end - (single?.length ?? 0);
    return full ? { name: full, start: at, end, oblique: isObliqueRun(text, at, end), ...sentencePosition(text, at, end) } : null;
  }
  // A headline's capitals do not bound a name ("Sheriff Endorses Rick Perry"): keep first name and surname, and do not let its surname stand for it later.
  if (name.split(' ').length > 2 && headline) name = name.split(' ').slice(-2).join(' ');
  if (hasHonorific && !name.includes(' ')) name = fullBySurname.get(name) ?? name;
  if (name.includes(' ') && !headline) fullBySurname.set(surnameOf(name), name);
  const last = cleanToken(endTok);
  const start = name.endsWith(last) ? Math.max(index, end - name.length) : end - last.length;
  // Position is judged from where the name and its titles start, after words the run swept in ("When Mr. Li", "Of Li").
  const from = index + leadingFunctionWords(run);
  return { name, start, end, oblique: isObliqueRun(text, from, end), ...sentencePosition(text, from, end) };
}

/** Length of the capitalised function words opening a run ("When ", "Of "), which are not part of a name. */
function leadingFunctionWords(run: string): number {
  const m = /^(?:(?:[\p{L}]+)[ \u00a0])+/u.exec(run);
  if (!m) return 0;
  let n = 0;
  for (const w of m[0].split(/[ \u00a0]/).filter(Boolean)) {
    if (!NAME_STOPWORDS.has(w.toLowerCase())) break;
    n += w.length + 1;
  }
  return n;
}

/** True when `phrase` is a pronoun or role noun that refers back ("he", "the speaker"). */
export function isAnaphor(phrase: string): boolean {
  return ANAPHORS.has(phrase.trim().toLowerCase().replace(/\s+/g, ' '));
}

/** Last token of a name ("John Kirby" → "Kirby"). */
export function surnameOf(name: string): string {
  const toks = name.trim().split(/\s+/);
  return toks[toks.length - 1];
}

/**
 * The canonical form of `name` among `known` full names: the longest known
 * name (two tokens or more) that ends with the same surname and contains
 * every token of `name` ("Mr Kirby" → "John Kirby"). Honorifics are dropped.
 * When two different full names fit ("Bill Clinton", "Hillary Clinton") the
 * name is ambiguous and returned without honorifics only.
 */
export function canonicalName(name: string, known: Iterable<string>): string {
  const toks = stripHonorifics(name.trim().split(/\s+/));
  if (toks.length === 0) return name;
  const stripped = toks.join(' ');
  const surname = toks[toks.length - 1];
  const cands: string[][] = [];
  for (const k of known) {
    const kt = k.split(' ');
    if (kt.length >= 2 && kt[kt.length - 1] === surname && toks.every((t) => kt.includes(t))) cands.push(kt);
  }
  if (cands.length === 0) return stripped;
  cands.sort((x, y) => y.length - x.length || y.join(' ').length - x.join(' ').length);
  const best = cands[0];
  if (cands.some((c) => !c.every((t) => best.includes(t)))) return stripped;
  return best.join(' ');
}

/** Drops leading honorifics ("Mr", "Mr.", "Dr") from name tokens. */
function stripHonorifics(toks: string[]): string[] {
  let i = 0;
  while (i < toks.length - 1 && /^(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Sir|Dame)\.?$/.test(toks[i])) i++;
  return toks.slice(i);
}

/** True when `speaker` looks like a person's name (capitalised tokens only, 1 to 4 of them). */
export function looksLikeName(speaker: string): boolean {
  return /^[A-Z][\p{L}\p{M}’'.-]*(?: [A-Z][\p{L}\p{M}’'.-]*){0,3}$/u.test(speaker);
}

/**
 * Merges speaker aliases of `quotes` into one canonical name per person:
 * "Kirby", "Mr Kirby", "Mr. Kirby" → "John Kirby" when "John Kirby" is a
 * speaker or (with `texts`) a person mentioned anywhere in the corpus.
 * Ambiguous surnames (two different full names) are left as they are.
 * Returns new quote objects; the input is not modified.
 */
export function canonicalizeSpeakers(quotes: Quote[], texts?: Iterable<string>): Quote[] {
  const known = new Set<string>();
  for (const q of quotes) if (q.speaker && looksLikeName(q.speaker) && q.speaker.includes(' ')) known.add(stripHonorifics(q.speaker.split(' ')).join(' '));
  if (texts) for (const t of texts) for (const m of findPersonMentions(t)) known.add(m.name);
  const bySurname = new Map<string, string[]>();
  for (const k of known) {
    const s = surnameOf(k);
    const list = bySurname.get(s);
    if (list) list.push(k);
    else bySurname.set(s, [k]);
  }
  return quotes.map((q) => {
    if (!q.speaker || !looksLikeName(q.speaker)) return { ...q };
    return { ...q, speaker: canonicalName(q.speaker, bySurname.get(surnameOf(q.speaker)) ?? []) };
  });
}
