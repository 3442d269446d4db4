// Index keys of unit texts: IDF-weighted overlap keys (stems, news-domain
// concepts, WordNet synsets, numbers) and rarer probes (pairs of consecutive
// stems, numbers) that look candidates up. Keys are integer ids of an AlignCache.
import { tokenize, normalizeString } from '../text/normalize';
import { stemWord, lemmatize } from '../lexicon/morphology';
import { domainConcepts } from '../lexicon/domains';
import { synsetsOf } from '../lexicon/synonyms';
import { rememberBounded } from '../util/memo';
import { CACHE_LIMIT, resetAlignCache, type AlignCache, type TextEntry, type WordKeyIds } from './cache';
import { collectProbes } from './probeTable';

const STOP = new Set('a an the and or but of to in on at by for with from as is are was were be been has have had it its this that these those he she they we i you his her their our which who will would can could not no said says also than then there'.split(' '));

/** Key ids stay below half of this (the cache is reset first): the bound of the key id space. */
const PAIR_SPAN = 16777216;

/** The keys of one content word, memoised in the cache: `[stem, ...domain concepts, ...top two synsets]`. */
function wordKeysOf(norm: string, cache: AlignCache): string[] {
  let wk = cache.wordKeys.get(norm);
  if (wk) return wk;
  wk = [stemWord(norm), ...domainConcepts(lemmatize(norm))];
  let n = 0;
  for (const s of synsetsOf(norm)) {
    wk.push(s);
    if (++n >= 2) break;
  }
  return rememberBounded(cache.wordKeys, norm, wk, CACHE_LIMIT);
}

/** The integer id of a string in `ids`, assigning new ones in order. */
function idOf(key: string, ids: Map<string, number>): number {
  let id = ids.get(key);
  if (id === undefined) ids.set(key, (id = ids.size));
  return id;
}

/** A content word's stem and key ids in this cache (memoised per cache). */
function wordIdsOf(norm: string, cache: AlignCache): WordKeyIds {
  const known = cache.wordIds.get(norm);
  if (known) return known;
  const keys = wordKeysOf(norm, cache);
  const ids = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) ids[i] = idOf(keys[i], cache.keyIdOf);
  return rememberBounded(cache.wordIds, norm, { stem: keys[0], ids }, CACHE_LIMIT);
}

/** A collector of distinct key ids in order of first appearance (stamps in the cache's scratch array). */
function keyCollector(cache: AlignCache): { keys: number[]; add: (k: number) => void } {
  const stamp = cache.keyStamp;
  const now = ++stamp.now;
  const keys: number[] = [];
  const add = (k: number) => {
    if (k >= stamp.marks.length) {
      const grown = new Int32Array(Math.max(k + 1, stamp.marks.length * 2));
      grown.set(stamp.marks);
      stamp.marks = grown;
    }
    if (stamp.marks[k] === now) return;
    stamp.marks[k] = now;
    keys.push(k);
  };
  return { keys, add };
}

/**
 * A text's index keys, as ids of this cache: `keyIds` (stems, domain concepts, top WordNet
 * synsets and numbers of its content words) measure overlap; `probeIds` (pairs of consecutive
 * content-word stems, numbers; a lone stem when there is no pair) are rarer and look candidates
 * up in the index, as passim and Dolos do with n-grams. Both distinct, in order of first appearance.
 */
export function unitKeySets(text: string, cache: AlignCache): { keyIds: Int32Array; probeIds: Int32Array } {
  const { keys, add } = keyCollector(cache);
  // probes: consecutive stems with key ids p, q are probe (p, q); a number or a lone stem with key id k is (-1, k)
  const probes = collectProbes(cache.probeIdOf);
  let prev = '';
  let prevId = -1;
  for (const t of tokenize(text)) {
    if (t.kind === 'number') {
      const k = idOf(`#${t.norm.replace(/[$,]/g, '')}`, cache.keyIdOf);
      add(k);
      probes.add(-1, k);
      continue;
    }
    if (t.kind !== 'word' || STOP.has(t.norm) || t.norm.length < 2) continue;
    const word = wordIdsOf(t.norm, cache);
    const stemId = word.ids[0];
    add(stemId);
    if (prev) probes.add(prevId, stemId);
    prev = word.stem;
    prevId = stemId;
    for (let i = 1; i < word.ids.length; i++) add(word.ids[i]);
  }
  if (probes.ids.length === 0 && prev) probes.add(-1, prevId);
  return { keyIds: Int32Array.from(keys), probeIds: Int32Array.from(probes.ids) };
}

/** A text's identity key within one article (typography, case, whitespace and edge punctuation folded). */
export function identityKey(text: string): string {
  return normalizeString(text).replace(/[^\p{L}\p{N} ]+/gu, '').replace(/\s+/g, ' ').trim();
}

/** The cache entry of a text, computed once (a full cache, or one whose key ids near the probe code range, is reset first). */
export function textEntry(text: string, cache: AlignCache): TextEntry {
  let entry = cache.keys.get(text);
  if (!entry) {
    if (cache.keys.size >= CACHE_LIMIT || cache.keyIdOf.size >= PAIR_SPAN / 2) resetAlignCache(cache);
    const { keyIds, probeIds } = unitKeySets(text, cache);
    const identity = identityKey(text);
    const identityId = idOf(identity, cache.identityIdOf);
    entry = { identity, identityId, wordy: /[\p{L}\p{N}]/u.test(text), id: cache.nextTextId++, keyIds, probeIds };
    cache.keys.set(text, entry);
  }
  return entry;
}
