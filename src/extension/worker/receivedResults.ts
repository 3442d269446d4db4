// The results the client received from the current worker: each final message
// becomes a full result (its chunks assembled, or a delta applied in slices to
// the held result), and the last one is held as the base of the next delta.
// Pure: no `vscode` import.
import type { AnalysisResult } from '../../core/types';
import { sliced } from '../view/slicing';
import type { ChunkedField, WorkerResponse } from './messages';
import { restoreRest, type Running } from './request';
import { applyDeltaSteps, type ResultDelta } from './resultDelta';

/** The last result received in full from the current worker (deltas are taken against it), by tag; still being rebuilt while `result` is pending. */
interface Held {
  tag: number;
  result: Promise<AnalysisResult>;
}

/** A final message of a result (full, preview or delta). */
export type FinalMessage = Extract<WorkerResponse, { ms: number }>;

/** Rebuilds results from the worker's final messages and holds the last one. */
export class ReceivedResults {
  /** The last result received in full (undefined: the next one comes in full). */
  private held: Held | undefined;
  /** Results that arrived as deltas. */
  deltas = 0;

  /** The tag of the held result (what the worker may take the next delta against). */
  get heldTag(): number | undefined {
    return this.held?.tag;
  }

  /** Drops the held result (a new worker holds no results). */
  forget(): void {
    this.held = undefined;
  }

  /**
   * The result of a final message: the chunks received before it assembled
   * (span texts restored), or, for a delta, the held result rebuilt with it in
   * slices. It becomes the held result (the base of the next delta).
   */
  receive(r: Running, msg: FinalMessage): Promise<AnalysisResult> {
    let result: Promise<AnalysisResult>;
    if ('delta' in msg) {
      const held = this.held;
      const delta: ResultDelta = msg.delta;
      for (const [field, items] of Object.entries(r.parts)) delta[field as ChunkedField].items = items as never[];
      // a small delta comes inline, its span texts still to restore
      restoreRest(r, { quotes: delta.quotes.items, matches: delta.matches.items, clusters: delta.clusters.items });
      this.deltas++;
      result =
        held && held.tag === msg.base
          ? held.result.then((old) => sliced(applyDeltaSteps(old, delta)))
          : Promise.reject(new Error(`analysis worker: a delta against result ${msg.base}, but the client holds ${held ? held.tag : 'none'}`));
    } else result = Promise.resolve(assemble(r, 'preview' in msg ? msg.preview : msg.result));
    this.held = msg.tag === undefined ? undefined : { tag: msg.tag, result };
    result.catch(() => {
      if (this.held?.result === result) this.held = undefined; // the next result comes in full
    });
    return result;
  }
}

/** The result of a final message with the chunks received before it, span texts restored. */
function assemble(r: Running, result: AnalysisResult): AnalysisResult {
  for (const [field, items] of Object.entries(r.parts)) (result as unknown as Record<string, unknown[]>)[field] = items!;
  // chunked arrays were restored as they arrived; anything sent whole (small results) is restored here
  restoreRest(r, result);
  return result;
}
