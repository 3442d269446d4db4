// Word meaning relations: synonyms (a shared news-domain group or a shared WordNet synset among
// the most frequent senses) and antonyms (WordNet's direct antonym pointers).
//
// Memo tables: the per-word tables below memoise pure functions of their key (they depend only
// on the word, the constant domain groups and the read-only WordNet files) and are bounded by
// `rememberBounded`, so sharing them across runs in one process never changes a result.
// `meaningIdOf` is the one table that is never emptied: see its comment.
import { rememberBounded } from '../util/memo';
import { sharedDomainConcepts } from './domains';
import { baseForms, cleanWord, rememberWord, sameLemma } from './morphology';
import { ANTONYM_POS, loadAntonyms, loadWordNetIndex, WORDNET_POS } from './wordnet';

/** How many of a lemma's (most frequent first) senses count for synonymy. */
const MAX_SENSES = 4;

const synsetCache = new Map<string, Set<string>>();

/** Synset ids (`pos:offset`) of a word's most frequent senses, over every part of speech (shared: never mutate). */
export function synsetsOf(word: string): Set<string> {
  const key = cleanWord(word);
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const ids = new Set<string>();
  for (const pos of WORDNET_POS) {
    for (const form of baseForms(key, pos)) {
      for (const off of loadWordNetIndex(pos).get(form)!.slice(0, MAX_SENSES)) ids.add(`${pos[0]}:${off}`);
    }
  }
  return rememberWord(synsetCache, key, ids);
}

/** What `areSynonyms` compares of a word: its folded form, domain concepts and (once asked) meaning ids. */
export interface SynonymForms {
  /** `cleanWord` of the trimmed word. */
  clean: string;
  /** Its news-domain concepts (`domainConcepts` of the folded word). */
  concepts: readonly string[];
  /** Ids of its domain concepts and WordNet synsets, sorted ascending (see `meaningIds`). */
  meanings?: Int32Array;
}

const synonymFormsCache = new Map<string, SynonymForms>();

/** The forms `areSynonyms` compares, memoised per word or phrase as given (shared: never mutate). */
export function synonymForms(word: string): SynonymForms {
  let forms = synonymFormsCache.get(word);
  if (forms === undefined) {
    const clean = cleanWord(word.trim());
    forms = rememberWord(synonymFormsCache, word, { clean, concepts: clean ? sharedDomainConcepts(clean) : [] });
  }
  return forms;
}

/**
 * Integer ids of domain concepts (`d<n>`) and synsets (`n:<offset>`): the two never share a name.
 * Never emptied, because `SynonymForms.meanings` held in memo tables keep these ids; its size is
 * bounded by the number of domain groups plus WordNet's synsets.
 */
const meaningIdOf = new Map<string, number>();

/** A word's domain concepts and synsets as sorted integer ids (synsetsOf is cached per word; ids are never reused). */
function meaningIds(forms: SynonymForms): Int32Array {
  const names = [...forms.concepts, ...synsetsOf(forms.clean)];
  const ids = new Int32Array(names.length);
  names.forEach((name, k) => {
    let id = meaningIdOf.get(name);
    if (id === undefined) {
      id = meaningIdOf.size;
      meaningIdOf.set(name, id);
    }
    ids[k] = id;
  });
  return ids.sort();
}

/** True when two sorted id arrays share an id. */
function shareId(sa: Int32Array, sb: Int32Array): boolean {
  let i = 0;
  let j = 0;
  while (i < sa.length && j < sb.length) {
    if (sa[i] === sb[j]) return true;
    if (sa[i] < sb[j]) i++;
    else j++;
  }
  return false;
}

/** `areSynonyms` on forms already looked up (`synonymForms`): for loops that compare one word with many. */
export function synonymFormsMatch(fa: SynonymForms, fb: SynonymForms): boolean {
  const ca = fa.clean;
  const cb = fb.clean;
  if (!ca || !cb) return false;
  if (ca === cb) return true;
  // a shared domain concept or a shared synset (one sorted id list holds both)
  const sa = fa.meanings ?? (fa.meanings = meaningIds(fa));
  const sb = fb.meanings ?? (fb.meanings = meaningIds(fb));
  return shareId(sa, sb);
}

/**
 * True when two words (or short phrases) can stand for each other: equal after
 * folding, in one news-domain group, or sharing a WordNet synset (frequent senses).
 */
export function areSynonyms(a: string, b: string): boolean {
  return synonymFormsMatch(synonymForms(a), synonymForms(b));
}

/** True when two words are the same word in another form or synonyms. */
export function areEquivalent(a: string, b: string): boolean {
  return sameLemma(a, b) || areSynonyms(a, b);
}

// --- antonyms ------------------------------------------------------------------

/** Most words each antonym memo table keeps (emptied when full). */
const ANTONYM_CACHE_LIMIT = 100_000;

const formsCache = new Map<string, string[]>();

/** Dictionary forms of a word as an adjective, verb or adverb (higher → high, weakens → weaken); cached per word. */
function antonymForms(word: string): string[] {
  const forms = formsCache.get(word);
  if (forms) return forms;
  const w = cleanWord(word);
  const set = new Set<string>([w]);
  for (const pos of ANTONYM_POS) for (const f of baseForms(w, pos)) set.add(f.replace(/_/g, ' '));
  return rememberBounded(formsCache, word, [...set], ANTONYM_CACHE_LIMIT);
}

const oppositesCache = new Map<string, Set<string> | null>();

/** Every direct antonym of any form of a word, or null when it has none; cached per word. */
function oppositesOf(word: string): Set<string> | null {
  const opp = oppositesCache.get(word);
  if (opp !== undefined) return opp;
  const index = loadAntonyms();
  const all = new Set<string>();
  for (const f of antonymForms(word)) for (const x of index.get(f) ?? []) all.add(x);
  return rememberBounded(oppositesCache, word, all.size > 0 ? all : null, ANTONYM_CACHE_LIMIT);
}

/** True when two words are WordNet direct antonyms in some form (higher/lower, strengthens/weakens, open/close). */
export function areAntonyms(a: string, b: string): boolean {
  const opp = oppositesOf(a);
  return !!opp && antonymForms(b).some((y) => opp.has(y));
}
