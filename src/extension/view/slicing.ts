// Event-loop slicing: long view-model builds are written as generators and run
// in slices of a few milliseconds, so the extension host never blocks for long.
// Pure: no `vscode` import.

/** Longest stretch (ms) sliced work runs before giving the event loop a turn. */
export const SLICE_MS = 12;

/** Resolves on the next event-loop turn (after pending I/O and timers). */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Runs a generator's steps in slices of about `budgetMs`, giving the event loop
 * a turn between slices; `isStale` returning true stops it early (returns false).
 */
export async function runSliced(steps: Iterator<unknown>, budgetMs = SLICE_MS, isStale?: () => boolean): Promise<boolean> {
  return (await stepSliced(steps, budgetMs, isStale)).done === true;
}

/** The loop of runSliced and sliced: the generator's final result, or `{ done: false }` when stopped as stale. */
async function stepSliced<T>(steps: Iterator<unknown, T>, budgetMs: number, isStale?: () => boolean): Promise<IteratorResult<unknown, T> | { done: false; value?: undefined }> {
  for (;;) {
    const until = Date.now() + budgetMs;
    do {
      const r = steps.next();
      if (r.done) return r;
    } while (Date.now() < until);
    await nextTurn();
    if (isStale?.()) return { done: false };
  }
}

/** Runs a generator's steps to the end at once and returns its value (the synchronous form of a sliced build). */
export function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs a generator's steps in slices of about `budgetMs` across event-loop turns and returns its value. */
export async function sliced<T>(steps: Generator<unknown, T>, budgetMs = SLICE_MS): Promise<T> {
  return (await stepSliced(steps, budgetMs)).value as T;
}
