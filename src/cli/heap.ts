// A full garbage collection between the analysis and the report. The analysis's working state
// (alignment caches, prepared texts, candidate tables) is garbage once the result exists, but V8
// sized its heap limit for it and lets the report writer's garbage pile up to that limit before
// collecting: at 10,000 articles the process then peaks far above what it holds. One collection
// here brings the heap down to the result first. The result itself is unchanged.
import * as v8 from 'v8';
import * as vm from 'vm';

let collect: (() => void) | undefined;

/** Runs a full garbage collection (V8's `gc`, exposed on first use); does nothing where that is unavailable. */
export function collectGarbage(): void {
  try {
    if (!collect) {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    }
    collect();
  } catch {
    collect = () => undefined;
  }
}
