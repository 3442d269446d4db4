// News-domain synonym groups (drone/UAV, buy/purchase, say/state, ...): which groups a word or
// phrase belongs to, and the longest domain phrase starting at a word.
//
// The phrase index and the set of phrase starts are built once from the constant groups. The
// memo tables below memoise pure functions of their key (they depend only on the groups and on
// `lemmatize`) and are bounded, so sharing them across runs in one process never changes a result.
import { lemmatize, rememberWord } from './morphology';

/**
 * News-domain synonym groups. Each group is a list of phrases (space-separated
 * base forms) that say the same thing in news reporting.
 */
export const DOMAIN_GROUPS: readonly (readonly string[])[] = [
  ['drone', 'uav', 'unmanned aerial vehicle', 'unmanned aircraft', 'uncrewed aerial vehicle', 'remotely piloted aircraft', 'unmanned aerial system', 'uas'],
  ['buy', 'purchase', 'acquire', 'procure'],
  ['obtain', 'acquire', 'get', 'receive', 'secure'],
  ['provide', 'supply', 'deliver', 'give', 'furnish', 'send', 'transfer', 'ship', 'hand over'],
  ['publicise', 'publicize', 'release', 'publish', 'disclose', 'reveal', 'make public', 'unveil'],
  ['say', 'state', 'tell', 'remark', 'note', 'declare', 'add', 'announce'],
  ['use up', 'deplete', 'expend', 'exhaust', 'consume'],
  ['seek', 'look to', 'try to', 'attempt to', 'aim to', 'want to'],
  ['show', 'indicate', 'demonstrate', 'reveal'],
  ['united states', 'us', 'u.s.', 'america', 'usa', 'u.s.a.', 'american'],
  ['united kingdom', 'uk', 'u.k.', 'britain', 'great britain', 'british'],
  ['official', 'authority'],
  ['image', 'imagery', 'photo', 'photograph', 'picture'],
  ['finding', 'report', 'assessment'],
  ['help', 'aid', 'assist', 'support'],
  ['more', 'additional', 'further', 'extra'],
  ['war', 'conflict'],
  ['weapon', 'arm', 'armament', 'munition'],
  ['attack', 'strike', 'assault'],
  ['government', 'administration', 'authorities'],
  ['start', 'begin', 'launch', 'commence'],
  ['end', 'finish', 'conclude'],
  ['kill', 'slay'],
  ['big', 'large'],
  ['since', 'from'],
];

/** Each domain phrase (base forms) → the ids of the groups it belongs to. */
const PHRASE_GROUPS = indexDomainPhrases(DOMAIN_GROUPS);
/** First words of the domain phrases of two or more words ("unmanned", "united", "look"). */
const PHRASE_STARTS = collectPhraseStarts(PHRASE_GROUPS);

/** Maps each domain phrase to the ids of the groups it belongs to. */
function indexDomainPhrases(groups: readonly (readonly string[])[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  groups.forEach((group, id) => {
    for (const phrase of group) {
      const list = index.get(phrase) ?? [];
      list.push(id);
      index.set(phrase, list);
    }
  });
  return index;
}

/** First words of the indexed phrases of two or more words. */
function collectPhraseStarts(index: Map<string, number[]>): Set<string> {
  const starts = new Set<string>();
  for (const phrase of index.keys()) if (phrase.includes(' ')) starts.add(phrase.split(' ')[0]);
  return starts;
}

/** Base-form key of a phrase ("Unmanned Aerial Vehicles" → "unmanned aerial vehicle"). */
export function phraseKey(phrase: string): string {
  return phrase.trim().split(/\s+/).map(lemmatize).join(' ');
}

const conceptCache = new Map<string, readonly string[]>();

/** `domainConcepts` memoised per phrase as given; the array is shared: never mutate it. */
export function sharedDomainConcepts(phrase: string): readonly string[] {
  let concepts = conceptCache.get(phrase);
  if (concepts === undefined) {
    const raw = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
    const ids = new Set<number>([...(PHRASE_GROUPS.get(raw) ?? []), ...(PHRASE_GROUPS.get(phraseKey(raw)) ?? [])]);
    concepts = rememberWord(conceptCache, phrase, [...ids].map((i) => `d${i}`));
  }
  return concepts;
}

/** Ids of the news-domain groups a word or phrase belongs to (`d<n>`). */
export function domainConcepts(phrase: string): string[] {
  return sharedDomainConcepts(phrase).slice();
}

/** True when a word or phrase belongs to some news-domain group (`domainConcepts` is not empty). */
export function hasDomainConcept(phrase: string): boolean {
  return sharedDomainConcepts(phrase).length > 0;
}

const startCache = new Map<string, boolean>();

/**
 * False when no domain phrase of two or more words can start with this word, as written or as
 * its lemma (the two forms `domainConcepts` looks phrases up by); memoised per word.
 */
function mayStartDomainPhrase(word: string): boolean {
  let may = startCache.get(word);
  if (may === undefined) {
    const raw = word.trim().toLowerCase().split(/\s+/)[0];
    may = rememberWord(startCache, word, PHRASE_STARTS.has(raw) || PHRASE_STARTS.has(lemmatize(raw)));
  }
  return may;
}

/** Longest domain phrase (at most 4 words) starting at `words[i]`: its length and concept ids, or null. */
export function matchDomainPhrase(words: string[], i: number): { length: number; concepts: string[] } | null {
  if (words.length - i < 2) return null;
  // the filter reads the phrase's first word off words[i]: only when that word is not blank
  if (words[i].trim() !== '' && !mayStartDomainPhrase(words[i])) return null;
  for (let len = Math.min(4, words.length - i); len >= 2; len--) {
    const concepts = sharedDomainConcepts(words.slice(i, i + len).join(' '));
    if (concepts.length > 0) return { length: len, concepts: concepts.slice() };
  }
  return null;
}
