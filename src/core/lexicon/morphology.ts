// Word forms: cleaning (case, typography, British spelling), irregular forms, WordNet base
// forms (morphy's detachment rules), lemmas, Porter stems (natural's stemmer) and verb forms.
//
// Memo tables: every table below memoises a pure function of its key (the result depends only
// on the word and on the read-only WordNet index), and each is bounded by `rememberBounded`.
// Sharing them across runs in one process therefore never changes a result, only its speed.
import { foldSpelling } from '../text/spelling';
import { foldTypographyText } from '../text/normalize';
import { rememberBounded } from '../util/memo';
import { loadWordNetIndex, WordNetPos } from './wordnet';
// natural is only ever imported through its submodules (see esbuild.config.js and eslint.config.mjs).
const PorterStemmer: { stem(token: string): string } = require('natural/lib/natural/stemmers/porter_stemmer');

/**
 * Most entries each per-word memo table keeps; a full table is emptied and refilled (words
 * recur across a corpus, so the working set is far smaller than this).
 */
export const WORD_CACHE_LIMIT = 200_000;

/** Stores a value in a bounded per-word memo table (emptied when full). */
export function rememberWord<V>(cache: Map<string, V>, key: string, value: V): V {
  return rememberBounded(cache, key, value, WORD_CACHE_LIMIT);
}

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

/** Irregular form → base form (bought → buy); the first base listed wins for a shared form. */
const IRREGULAR = parseIrregularForms(IRREGULAR_SRC);

/** Parses `base:form,form base:form …` into form → base. */
function parseIrregularForms(source: string): Record<string, string> {
  // no Object.prototype behind it: IRREGULAR['constructor'] must be undefined, not a function
  const table = Object.create(null) as Record<string, string>;
  for (const entry of source.split(' ')) {
    const [base, forms] = entry.split(':');
    for (const f of forms.split(',')) if (!table[f]) table[f] = base;
  }
  return table;
}

/** WordNet morphy's detachment rules per part of speech: [suffix, replacement]. */
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

const cleanCache = new Map<string, string>();

/** Lower-cases a word and folds typography and British spelling (memoised per word). */
export function cleanWord(word: string): string {
  const cached = cleanCache.get(word);
  if (cached !== undefined) return cached;
  const lower = foldTypographyText(word).toLowerCase().replace(/'s$/, '');
  const folded: unknown = foldSpelling(lower);
  // foldSpelling looks words up in a plain object: "constructor" would come back as a function
  return rememberWord(cleanCache, word, typeof folded === 'string' ? folded : lower);
}

const stemCache = new Map<string, string>();

/** Porter stem of a word (after folding case, typography and spelling). */
export function stemWord(word: string): string {
  const w = cleanWord(word);
  let s = stemCache.get(w);
  if (s === undefined) {
    s = PorterStemmer.stem(IRREGULAR[w] ?? w);
    rememberWord(stemCache, w, s);
  }
  return s;
}

const lemmaCache = new Map<string, string>();

/** Parts of speech in the order `lemmatize` tries them. */
const LEMMA_POS: readonly WordNetPos[] = ['verb', 'noun', 'adj', 'adv'];

/** Dictionary base form of a word (bought→buy, drones→drone), or the word itself. */
export function lemmatize(word: string): string {
  const w = cleanWord(word);
  let l = lemmaCache.get(w);
  if (l !== undefined) return l;
  l = IRREGULAR[w] || findWordNetLemma(w) || w.replace(/(?<=[a-z]{3})s$/, '');
  rememberWord(lemmaCache, w, l);
  return l;
}

/** The first WordNet base form that differs from the cleaned word `w`, else `w` when WordNet knows it, else ''. */
function findWordNetLemma(w: string): string {
  let l = '';
  for (const pos of LEMMA_POS) {
    const forms = baseForms(w, pos);
    if (forms.length > 0) {
      l = forms.includes(w) ? w : forms[0];
      if (l !== w) break;
    }
  }
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
    forms = rememberWord(lemmaFormsCache, word, { clean, lemma: lemmatize(clean), stem: stemWord(clean) });
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

const AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'shall', 'should', 'may', 'might', 'must', 'do', 'does', 'did']);

const verbFormCache = new Map<string, boolean>();

/** True when a word looks like a verb form that makes a clause (auxiliary, past tense, participle, or an irregular form); memoised per word. */
export function isVerbForm(word: string): boolean {
  let verb = verbFormCache.get(word);
  if (verb === undefined) verb = rememberWord(verbFormCache, word, detectVerbForm(word));
  return verb;
}

/** `isVerbForm` without the memo. */
function detectVerbForm(word: string): boolean {
  const w = cleanWord(word);
  if (AUXILIARIES.has(w)) return true;
  if (IRREGULAR[w] && loadWordNetIndex('verb').has(IRREGULAR[w])) return true;
  if (/(?:ed|ing)$/.test(w) && w.length > 4) return baseForms(w, 'verb').some((f) => f !== w);
  if (/s$/.test(w) && w.length > 3) return baseForms(w, 'verb').some((f) => f !== w) && baseForms(w, 'noun').length === 0;
  return false;
}
