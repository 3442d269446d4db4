// The messages between the analysis client (extension host) and the analysis
// worker (dist/worker.js). Pure: no `vscode` import. The protocol itself is
// described in worker.ts's header.
import type { AnalysisResult, Article } from '../../core/types';
import { DELTA_FIELDS, type DeltaField, type ResultDelta } from './resultDelta';

/** Items per chunk message (each deserialises in a few milliseconds). */
export const CHUNK = 500;

/** The arrays of an AnalysisResult (or of a delta's new items) that are sent in chunks. */
export const CHUNKED_FIELDS = DELTA_FIELDS;

/** A chunked field's name. */
export type ChunkedField = DeltaField;

/** Messages to the worker. */
export type WorkerRequest =
  | { type: 'init'; cancel: SharedArrayBuffer }
  | { type: 'analyze'; id: number; articles: SentArticle[]; preview?: boolean; base?: number }
  /** The first articles of request `id`, sent ahead in parts (a big corpus is posted across several event-loop turns); its `analyze` message brings the rest. */
  | { type: 'articles'; id: number; articles: SentArticle[] }
  | { type: 'next' };

/**
 * An article of an analyze request: in full, or only its id when the worker got
 * the same id, text, file and title in the previous request (an edit of one
 * article of thousands then copies one text to the worker, not all of them).
 */
export type SentArticle = Article | { id: string; known: true };

/** Messages from the worker (a final message's `tag` names its result for later deltas). */
export type WorkerResponse =
  | { id: number; chunk: { field: ChunkedField; items: unknown[] } }
  | { id: number; result: AnalysisResult; ms: number; tag?: number }
  | { id: number; preview: AnalysisResult; ms: number; tag?: number }
  | { id: number; delta: ResultDelta; base: number; tag: number; ms: number; phase: 'preview' | 'exact' }
  | { id: number; cancelled: true }
  | { id: number; error: string };
