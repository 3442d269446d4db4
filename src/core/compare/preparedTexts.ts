// Prepared texts: what a comparison needs of one text that depends on that text alone (tokens,
// diff keys, quantities, attribution phrases, ...), and the cache that keeps them for the texts
// seen recently, together with the integer ids of the diff keys. An aligner compares one text
// with many candidates, so each text is prepared once, not once per comparison.
import { Token, tokenize, foldTypography, foldTypographyText, isTitleAbbreviation } from '../text/normalize';
import { STOPWORDS } from '../text/wordLists';
import { Quantity, extractQuantities } from '../extract/numbers';
import { findAttributions } from './sources';

/** A text's diff keys as ids of one generation of a key table (generation -1: not made yet). */
export interface KeyIdCache {
  generation: number;
  ids: Int32Array;
}

/** An attribution phrase as a token range [from, to), with its source. */
export interface TokenAttribution {
  from: number;
  to: number;
  source: string;
}

/** The parts of a compared side that depend on its text alone (never mutated once made, but for `keyIdCache`). */
export interface PreparedText {
  tokens: Token[];
  /** Per token: what the diff compares (typography folded; a word's `norm` without a leading `$`). */
  keys: string[];
  /** Per token: a capitalised word not at a sentence start (see findCapitals). */
  capitals: boolean[];
  /** Per token: a content token (see isContent). */
  content: boolean[];
  quantities: Quantity[];
  /** Attribution phrases as token ranges, with their source. */
  attributions: TokenAttribution[];
  /** The text folded for the identity test (typography, case, whitespace). */
  identity: string;
  /** The diff keys as integer ids (filled on first use, see `PreparedTexts.keyIdsOf`). */
  keyIdCache: KeyIdCache;
}

/**
 * How many texts a cache keeps by default (oldest dropped first; about 3.8 KB each). A
 * 10,000-article alignment prepares 57,000 distinct texts: 16,384 made it prepare 75,800 times,
 * 32,768 makes it 61,900 (compare phase about 0.9 s less CPU).
 */
export const PREPARED_TEXTS_CAPACITY = 32768;
/** Most keys a cache's key table holds; a full table is emptied and starts a new generation. */
const KEY_ID_LIMIT = 1_000_000;

/**
 * The prepared texts seen recently (least recently used dropped first) and the integer ids of
 * their diff keys (equal keys, equal ids). Results never depend on what it holds: its owner may
 * empty it, or drop it, whenever it likes.
 */
export class PreparedTexts {
  private readonly texts = new Map<string, PreparedText>();
  private readonly keyIds = new Map<string, number>();
  private keyIdGeneration = 0;

  constructor(private readonly capacity = PREPARED_TEXTS_CAPACITY) {}

  /** The prepared form of `text`, from the cache or made now. */
  prepare(text: string): PreparedText {
    const cached = this.texts.get(text);
    if (cached) {
      // least recently used first: a text still being compared stays
      this.texts.delete(text);
      this.texts.set(text, cached);
      return cached;
    }
    const prepared = prepareText(text);
    if (this.texts.size >= this.capacity) this.texts.delete(this.texts.keys().next().value as string);
    this.texts.set(text, prepared);
    return prepared;
  }

  /** Makes room for `count` new keys, so that two sides' ids are taken from the same generation. */
  reserveKeyIds(count: number): void {
    if (this.keyIds.size + count <= KEY_ID_LIMIT) return;
    this.keyIds.clear();
    this.keyIdGeneration++;
  }

  /** The ids of a prepared text's diff keys in the current generation (see `reserveKeyIds`). */
  keyIdsOf(prepared: PreparedText): Int32Array {
    const cache = prepared.keyIdCache;
    if (cache.generation === this.keyIdGeneration) return cache.ids;
    const ids = new Int32Array(prepared.keys.length);
    prepared.keys.forEach((k, i) => {
      let id = this.keyIds.get(k);
      if (id === undefined) {
        id = this.keyIds.size;
        this.keyIds.set(k, id);
      }
      ids[i] = id;
    });
    cache.generation = this.keyIdGeneration;
    cache.ids = ids;
    return ids;
  }

  /** Empties the prepared texts (tens of MB after a large alignment); texts compared again are prepared again. */
  clear(): void {
    this.texts.clear();
  }
}

/** Prepares one text for comparison (no cache: see `PreparedTexts.prepare`). */
function prepareText(text: string): PreparedText {
  const tokens = tokenize(text);
  const keys = tokens.map((t) => (t.kind === 'punct' ? foldTypography(t.text) : t.norm.replace(/^\$/, '')));
  return {
    tokens,
    keys,
    capitals: findCapitals(tokens),
    content: tokens.map(isContent),
    quantities: extractQuantities(text, tokens),
    attributions: findTokenAttributions(text, tokens),
    identity: normalizeForIdentity(text),
    keyIdCache: { generation: -1, ids: new Int32Array(0) },
  };
}

/** The text's attribution phrases as token ranges. */
function findTokenAttributions(text: string, tokens: Token[]): TokenAttribution[] {
  return findAttributions(text).map((a) => {
    const from = tokens.findIndex((t) => t.end > a.start);
    let to = tokens.findIndex((t) => t.start >= a.end);
    if (to < 0) to = tokens.length;
    return { from: from < 0 ? tokens.length : from, to, source: a.source };
  });
}

/** True for a content token: a number, or a word that is no stopword and does not start with a digit. */
function isContent(t: Token): boolean {
  if (t.kind === 'number') return true;
  if (t.kind !== 'word') return false;
  return !STOPWORDS.has(t.norm) && !/^\d/.test(t.norm);
}

/** Words a period follows without ending the sentence: honorifics ("Mr."), besides the title abbreviations ("Sen."). */
const PERIOD_WORDS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'mt', 'ft', 'vs']);

/** True when the period after word token `t` ends no sentence: a title ("Sen."), an honorific ("Mr.") or an initial ("John D."). */
function periodAbbreviates(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  return isTitleAbbreviation(t.text) || (/^\p{Lu}/u.test(t.text) && PERIOD_WORDS.has(t.norm)) || /^\p{Lu}$/u.test(t.text);
}

/**
 * For each token, whether it is a capitalised word that is not capitalised just for starting a
 * sentence (the first word of the text, or after . ! ?, counts only when capitals recur in it: "IAEA").
 * In a headline written in title case, only words with capitals beyond the first ("IAEA", "McCain") count.
 */
function findCapitals(tokens: Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  const titleCase = isTitleCase(tokens);
  let sentenceStart = true;
  tokens.forEach((t, k) => {
    if (t.kind === 'punct') {
      if (/[.!?]/.test(t.text) && !(t.text === '.' && periodAbbreviates(tokens[k - 1]))) sentenceStart = true;
      return;
    }
    if (t.kind === 'word' && /^\p{Lu}/u.test(t.text) && !STOPWORDS.has(t.norm)) {
      const inner = t.text.length > 1 && /\p{Lu}/u.test(t.text.slice(1));
      out[k] = sentenceStart || titleCase ? inner : true;
    }
    sentenceStart = false;
  });
  return out;
}

/** True for a short text in title case (a headline): three or more words past the first, nearly all of those that are no function words capitalised. */
function isTitleCase(tokens: Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.kind !== 'word' || STOPWORDS.has(t.norm)) continue;
    words++;
    if (/^\p{Lu}/u.test(t.text)) capitalised++;
  }
  return words >= 3 && words <= 20 && capitalised >= 0.85 * words;
}

/** The text folded for the identity test: typography, case and whitespace runs. */
function normalizeForIdentity(s: string): string {
  return foldTypographyText(s).toLowerCase().replace(/\s+/g, ' ').trim();
}
