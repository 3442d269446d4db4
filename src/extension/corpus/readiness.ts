// What `whenReady` callers wait for: the last exact result published, or the
// error of the last load or analysis, once nothing is pending. Pure: no `vscode` import.
import type { AnalysisResult } from '../../core/types';

/** A caller of whenReady still waiting. */
interface Waiter {
  resolve: (r: AnalysisResult) => void;
  reject: (e: Error) => void;
}

/** The exact result (or error) and the callers waiting for the corpus to settle. */
export class Readiness {
  private waiters: Waiter[] = [];
  /** The last exact result published (what whenReady gives while a preview is shown). */
  private exact: AnalysisResult | undefined;
  private error: Error | undefined;

  /** Resolves with the exact result once settled (at once when `busy` is false and there is one), else rejects with the last error. */
  whenReady(busy: boolean): Promise<AnalysisResult> {
    if (!busy && this.exact) return Promise.resolve(this.exact);
    if (!busy && this.error) return Promise.reject(this.error);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** A result was published (a preview clears the error but is not the exact result). */
  published(result: AnalysisResult, preview: boolean): void {
    this.error = undefined;
    if (!preview) this.exact = result;
  }

  /** A load or analysis failed. */
  failed(e: Error): void {
    this.error = e;
  }

  /** Nothing is pending any more: answers every waiter. */
  settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (this.exact) w.resolve(this.exact);
      else w.reject(this.error ?? new Error('Crosscheck: no corpus loaded'));
    }
  }

  /** Rejects every waiter (the manager is disposed). */
  dispose(): void {
    for (const w of this.waiters) w.reject(new Error('Crosscheck: disposed'));
    this.waiters = [];
  }
}
