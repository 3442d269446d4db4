// Sources and attribution: finding attribution phrases in a text ("according to X", "X said",
// "said X"), telling what kind of source a phrase names, and whether two sources agree.
import { NON_NAME_STARTS, NON_SOURCE_WORDS, NON_SPEAKER_HEADS, PERSON_HEADS, PRONOUN_SOURCES, SPEECH_VERBS } from '../text/wordLists';

/** An attribution phrase found in a text: its character range and the source it names. */
export interface FoundAttribution {
  start: number;
  end: number;
  source: string;
}

/** What a source phrase names: a pronoun, a named person, an unnamed person, an organisation, or something else (a report, a survey). */
export type SourceKind = 'pronoun' | 'person' | 'anonymous' | 'organisation' | 'other';

/** The speech verbs as one regular-expression alternation. */
const SPEECH_VERB_PATTERN = SPEECH_VERBS.join('|');
/** A source phrase holding one of these words is a clause, not a source. */
const NON_SOURCE_RE = new RegExp(`\\b(${NON_SOURCE_WORDS.join('|')})\\b`, 'i');

// Attribution patterns, compiled once (the global ones are reset before each use).
const ACCORDING_TO_RE = /according to ((?:the |a |an )?[^,.;:!?"“”]{2,80}?)(?=[,.;:!?"“”]|$)/gi;
/** Any speech verb, matched as the patterns below match theirs: every one of them needs one. */
const SPEECH_VERB_RE = new RegExp(`(?:${SPEECH_VERB_PATTERN})`, 'iu');
const TRAILING_RE = new RegExp(`(?:^|[,;"“”]\\s*)((?:[\\p{L}][\\p{L}.'’\\-]*\\s+){0,7}?)(${SPEECH_VERB_PATTERN})(\\s+[^,;.!?"“”]{0,40})?[.!?"”,]*\\s*$`, 'iu');
const INVERTED_RE = new RegExp(`[,;"“”]\\s*(${SPEECH_VERB_PATTERN})\\s+((?:[\\p{L}][\\p{L}.'’\\-]*\\s*){1,8})[.!?"”]*\\s*$`, 'iu');
const INLINE_RE = new RegExp(`[,;]\\s*((?:[\\p{L}][\\p{L}.'’\\-]*\\s+){1,5}?)(${SPEECH_VERB_PATTERN})(?:\\s+\\w+day)?\\s*[,;]`, 'giu');
/** INVERTED_RE searching from `lastIndex` (see `invertedStart`). */
const INVERTED_FROM_RE = new RegExp(INVERTED_RE.source, 'giu');
/** Every character an INVERTED_RE match may hold after its first one (same flags, so the same case folding). */
const INVERTED_TAIL_RE = new RegExp(`[a-z\\p{L}.'’\\-\\s!?"”]`, 'iu');
const LEADING_RE = new RegExp(`^((?:[\\p{Lu}][\\p{L}.'’\\-]*|the|a|an)(?:\\s+[\\p{L}][\\p{L}.'’\\-]*){0,6}?)\\s+(${SPEECH_VERB_PATTERN})(?:\\s+(?:on|last|this|late|early)\\s+\\w+)?(?:\\s+that)?\\s+`, 'u');

/** Finds attribution phrases ("according to X", "X said", "said X") and their sources. */
export function findAttributions(text: string): FoundAttribution[] {
  const found = findAttributionCandidates(text);
  return found
    .map((f) => ({ ...f, source: f.source.replace(/^(?:but|and|so|yet|then)\s+/i, '') }))
    .filter((f) => f.source && !NON_SOURCE_RE.test(f.source) && !/^(?:to|in|on|at|for|with|of|from|by|as|into|than|after|before)\b/i.test(f.source));
}

/**
 * Where an INVERTED_RE match can start at the earliest: it runs to the end of the text and every
 * character after its first is in INVERTED_TAIL_RE, so it starts at or after the last character
 * that is not (one unit earlier, for a surrogate pair). Searching from there finds the same match.
 */
function invertedStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (!INVERTED_TAIL_RE.test(text[i])) return Math.max(0, i - 1);
  return 0;
}

/** Every attribution pattern's matches, sources untrimmed of leading conjunctions and unfiltered. */
function findAttributionCandidates(text: string): FoundAttribution[] {
  const out: FoundAttribution[] = [];
  const acc = ACCORDING_TO_RE;
  acc.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = acc.exec(text))) out.push({ start: m.index, end: m.index + m[0].length, source: m[1].trim() });
  // the other patterns all need a speech verb: without one, none can match
  if (!SPEECH_VERB_RE.test(text)) return out;
  m = TRAILING_RE.exec(text);
  if (m && m[1].trim()) {
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ start, end: text.length, source: m[1].trim() });
  } else {
    INVERTED_FROM_RE.lastIndex = invertedStart(text);
    m = INVERTED_FROM_RE.exec(text);
    if (m) out.push({ start: m.index + m[0].indexOf(m[1]), end: text.length, source: m[2].trim() });
  }
  const inline = INLINE_RE;
  inline.lastIndex = 0;
  while ((m = inline.exec(text))) out.push({ start: m.index + m[0].indexOf(m[1]), end: m.index + m[0].length - 1, source: m[1].trim() });
  m = LEADING_RE.exec(text);
  if (m && !out.some((o) => o.start < m!.index + m![0].length && m!.index < o.end)) out.push({ start: 0, end: m[0].length, source: m[1].trim() });
  return out;
}

/** True when a source phrase names nobody in particular ("a White House representative", "officials"). */
export function isAnonymousSource(source: string): boolean {
  const words = source.trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return /^(a|an|one|two|three|some|several|officials?|sources?|people|analysts?|experts?|[a-z])/.test(words[0] ?? '') && !/^\p{Lu}/u.test(last);
}

/** Classifies a speaker name or attribution phrase ("John Kirby": person, "a White House representative": anonymous, "the FTC": organisation). */
export function sourceKind(source: string): SourceKind {
  const s = source.trim().replace(/[.,;:!?"“”]+$/, '');
  if (PRONOUN_SOURCES.has(s.toLowerCase())) return 'pronoun';
  const words = s.split(/\s+/);
  const last = (words[words.length - 1] ?? '').replace(/['’]s$/, '');
  if (!/^\p{Lu}/u.test(last)) return PERSON_HEADS.test(last) ? 'anonymous' : 'other';
  if (/^the\s/i.test(s) || (/^[\p{Lu}\d.&-]+$/u.test(last) && last.replace(/[^\p{Lu}]/gu, '').length >= 2)) return 'organisation';
  return 'person';
}

/**
 * Kind of attribution change between two sources that do not plainly agree, or null when the
 * change does not alter who stands behind the claim in a checkable way: a named person vs another
 * named person or an unnamed one, or one organisation vs another. A report, a survey or an
 * organisation vs a person is left alone (news paraphrases swap these freely).
 */
export function attributionChange(x: string, y: string): 'different source' | 'named vs anonymous source' | null {
  if (sameSource(x, y)) return null;
  const kx = sourceKind(x);
  const ky = sourceKind(y);
  if (kx === 'person' && ky === 'person') return 'different source';
  if ((kx === 'person' && ky === 'anonymous') || (kx === 'anonymous' && ky === 'person')) return 'named vs anonymous source';
  if (kx === 'organisation' && ky === 'organisation') return 'different source';
  return null;
}

/**
 * The speaker name handed in by a caller when it can name a source, else null: a capitalised
 * phrase that starts with a conjunction or preposition ("Plus Obama") or ends in a place, event
 * or show ("George Washington Bridge", "Political Action Conference") is a misread speaker.
 */
export function plausibleSource(speaker: string | null | undefined): string | null {
  const s = speaker?.trim();
  if (!s) return null;
  const words = s.replace(/[.,;:!?"“”]+$/, '').split(/\s+/);
  const first = words[0].toLowerCase();
  const last = words[words.length - 1].toLowerCase().replace(/['’]s$/, '');
  if (/^\p{Lu}/u.test(words[0]) && NON_NAME_STARTS.has(first)) return null;
  return words.length > 1 && NON_SPEAKER_HEADS.has(last) ? null : s;
}

/** True when two sources (speaker names or attribution phrases) plainly refer to the same source. */
export function sameSource(x: string, y: string): boolean {
  // abbreviations with or without periods are one source ("the F.B.I." / "the FBI")
  const cx = x.trim().toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/\.(?=\p{L})|(?<=\p{L}\.\p{L})\./gu, '');
  const cy = y.trim().toLowerCase().replace(/^(the|a|an)\s+/, '').replace(/\.(?=\p{L})|(?<=\p{L}\.\p{L})\./gu, '');
  if (cx === cy || PRONOUN_SOURCES.has(cx) || PRONOUN_SOURCES.has(cy)) return true;
  if (cx.startsWith(cy + ' ') || cy.startsWith(cx + ' ')) return true;
  const anonX = isAnonymousSource(x);
  const anonY = isAnonymousSource(y);
  if (anonX && anonY) return true;
  if (anonX !== anonY) return false;
  const surname = (s: string) => (s.match(/\p{Lu}[\p{L}'’\-]+/gu) ?? []).pop()?.toLowerCase();
  const sx = surname(x);
  return !!sx && sx === surname(y);
}
