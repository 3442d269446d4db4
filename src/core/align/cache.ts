// The aligner's per-run state and the memo tables it keeps between runs
// (incremental re-analysis): one AlignCache object, passed explicitly; the
// align modules keep no state of their own.
import type { Comparison, Unit } from '../types';
import { createScoreContext, type ScoreContext } from '../score/tokens';
import { clearProbeTable, createProbeTable, type ProbeTable } from './probeTable';

/** Entries an AlignCache table may hold before it is emptied (bounds memory). */
export const CACHE_LIMIT = 400_000;

/**
 * Sentence analyses the same-claim model memoises per cache (each holds its word and character
 * n-grams, about 6 KB): 2,000 keep it near 13 MB instead of 130 MB at the default 20,000, with no
 * measurable CPU cost (a pure memo: results are the same).
 */
export const SCORE_MEMO_LIMIT = 2_000;

/**
 * Memo tables kept between alignment runs (incremental re-analysis): index keys
 * per text and comparisons per (text, text, speakers). compareTexts is pure, so
 * reusing them never changes a result; an edited article only costs its own texts.
 */
export interface AlignCache {
  /** Per unit text: its key and probe ids, identity key and a small id (for short comparison keys). */
  keys: Map<string, TextEntry>;
  /** compareTexts results by `${idA},${idB},${speakerA}\0${speakerB}` (ids from `keys`); pairs that cannot match whatever the speakers by `${idA},${idB}`. */
  comparisons: Map<string, Comparison>;
  /** Integer ids of overlap keys. */
  keyIdOf: Map<string, number>;
  /** Integer ids of probes (pairs of key ids, or one key id; see unitKeySets). */
  probeIdOf: ProbeTable;
  /** Integer ids of identity keys. */
  identityIdOf: Map<string, number>;
  /** Per content word: its stem and the ids (keyIdOf) of its keys, stem first (see wordKeysOf). */
  wordIds: Map<string, WordKeyIds>;
  /** Per content word: its stem, domain concepts and top two WordNet synsets, as strings (independent of the key ids). */
  wordKeys: Map<string, string[]>;
  /** The id the next new text entry gets (unique within this cache). */
  nextTextId: number;
  /** Scratch of unitKeySets: key ids already taken for the current text are stamped with `now`. */
  keyStamp: { marks: Int32Array; now: number };
  /** The candidate index of the last completed alignment (for previewAlignment); dropped when the key ids are reset. */
  frozen?: CandidateIndex;
  /** Memo of the same-claim model's sentence analyses (no corpus frequencies: a pure function of each text). */
  score: ScoreContext;
}

/** A content word's stem and the ids of its index keys (stem, domain concepts, top synsets). */
export interface WordKeyIds {
  /** The word's stem (probes pair consecutive stems). */
  stem: string;
  /** Key ids, the stem's first. */
  ids: Int32Array;
}

/** What is remembered of one unit text. */
export interface TextEntry {
  /** identityKey of the text. */
  identity: string;
  /** Ids of the text's overlap keys (AlignCache.keyIdOf; see unitKeySets), distinct, in order of first appearance. */
  keyIds: Int32Array;
  /** Ids of the text's probes (AlignCache.probeIdOf; see unitKeySets), distinct, in order of first appearance. */
  probeIds: Int32Array;
  /** Id of the text, unique within the cache. */
  id: number;
  /** Small integer id of `identity` (AlignCache.identityIdOf). */
  identityId: number;
  /** Whether the text has a letter or digit (texts without one are never matched). */
  wordy: boolean;
}

/**
 * The candidate index of one alignment: IDF weights, key rows and probe
 * postings over the distinct texts (documents), and the units of each. The
 * index of the last completed run is kept frozen for quick previews.
 */
export interface CandidateIndex {
  /** Distinct texts (documents) indexed. */
  nd: number;
  /** IDF by key id (0 for keys no document held). */
  idf: Float64Array;
  /** IDF-weighted key total per document. */
  weight: Float64Array;
  /** Key ids of document d: keyData[keyStart[d]] … keyData[keyStart[d + 1] - 1]. */
  keyStart: Int32Array;
  /** See `keyStart`. */
  keyData: Int32Array;
  /** Probe postings: documents of probe k are postingData[start[k]] … postingData[start[k + 1] - 1]. */
  start: Int32Array;
  /** See `start`. */
  postingData: Int32Array;
  /** Document of each identity key. */
  docOf: Map<string, number>;
  /** The units of each document, as indices into `units`. */
  docUnits: number[][];
  /** The indexed units. */
  units: Unit[];
  /** Article number of each unit (an index into `articles`). */
  unitArticle: Int32Array;
  /** Article ids, numbered by first appearance. */
  articles: string[];
}

/** A new, empty AlignCache. */
export function createAlignCache(): AlignCache {
  return {
    keys: new Map(),
    comparisons: new Map(),
    keyIdOf: new Map(),
    probeIdOf: createProbeTable(),
    identityIdOf: new Map(),
    wordIds: new Map(),
    wordKeys: new Map(),
    nextTextId: 0,
    keyStamp: { marks: new Int32Array(4096), now: 0 },
    score: createScoreContext(SCORE_MEMO_LIMIT),
  };
}

/** Empties every table that holds ids (texts, comparisons, key ids) and drops the frozen index; word keys (pure) stay. */
export function resetAlignCache(cache: AlignCache): void {
  cache.keys.clear();
  cache.comparisons.clear();
  cache.keyIdOf.clear();
  clearProbeTable(cache.probeIdOf);
  cache.identityIdOf.clear();
  cache.wordIds.clear();
  cache.frozen = undefined;
}
