// One analysis request as the client tracks it: waiting, then running in a
// worker, with the parts of its result received so far. Pure: no `vscode` import.
import type { Worker } from 'worker_threads';
import type { AnalysisResult, Article } from '../../core/types';
import type { ChunkedField } from './messages';
import { restoreChunk, restoreUnchunked } from './transport';

/** A finished analysis. */
export interface AnalysisOutcome {
  result: AnalysisResult;
  ms: number;
}

/** A request waiting for the worker. */
export interface Pending {
  articles: Article[];
  /** Called with the quick first-phase result of a two-phase update, before the exact one. */
  onPreview?: (outcome: AnalysisOutcome) => void;
  resolve: (r: AnalysisOutcome | undefined) => void;
  reject: (e: Error) => void;
}

/** A request the worker runs (or whose result it is sending). */
export interface Running extends Pending {
  id: number;
  worker: Worker;
  cancelled: boolean;
  /** The worker has finished and is sending the result chunk by chunk. */
  receiving: boolean;
  /** The request's articles are still being posted in parts (the worker has not started it). */
  posting?: boolean;
  parts: Partial<Record<ChunkedField, unknown[]>>;
  /** Article texts by id (restoring span texts chunk by chunk). */
  texts?: Map<string, string>;
  /** One copy of each repeated string of this result (structured clone copies every occurrence). */
  pool?: Map<string, string>;
  killTimer?: ReturnType<typeof setTimeout>;
}

/** A request's article texts by id (made once, for restoring span texts). */
function textsOf(r: Running): Map<string, string> {
  return (r.texts ??= new Map(r.articles.map((a) => [a.id, a.text])));
}

/** Adds a chunk of a result array to the request's parts, its span texts restored. */
export function addChunk(r: Running, field: ChunkedField, items: unknown[]): void {
  const list = (r.parts[field] ??= []);
  restoreChunk(field, items, textsOf(r), (r.pool ??= new Map()));
  for (const item of items) list.push(item);
}

/** restoreChunk for the arrays of a final message that came whole, not in chunks. */
export function restoreRest(r: Running, arrays: Pick<AnalysisResult, 'quotes' | 'matches' | 'clusters'>): void {
  restoreUnchunked(arrays, r.parts, textsOf(r), (r.pool ??= new Map()));
}
