// Myers' O(ND) diff of two integer sequences (token ids), step for step the algorithm of
// jsdiff's `diffArrays` (diff 9: same diagonal order, same add-before-remove choice, same
// pruning at the edges of the edit graph), so it gives exactly the same runs; it only skips
// jsdiff's generic machinery (string equality, value arrays, callbacks). The search keeps its
// paths in typed arrays (the furthest point per diagonal, and the runs as a pool of linked
// nodes) instead of one object per step: a diff allocates almost nothing.

/** One run of a diff: `count` items kept, added (only in the new sequence) or removed (only in the old). */
export interface DiffRun {
  count: number;
  added: boolean;
  removed: boolean;
}

/** Node kinds of the run pool. */
const COMMON = 0;
const ADDED = 1;
const REMOVED = 2;
/** No path on a diagonal (a real path's oldPos is at least -1); no node. */
const NONE = -2;

/**
 * Working memory of diffIds, reused from call to call (never observable: every call starts
 * afresh). Runs are linked nodes: `count[n]` items of `kind[n]`, after the runs of `prev[n]`.
 */
interface DiffScratch {
  /** Per diagonal: the furthest old-sequence position of its best path, or NONE. */
  oldPos: Int32Array;
  /** Per diagonal: the last run node of its best path (NONE: the path has no run yet). */
  last: Int32Array;
  count: Int32Array;
  kind: Uint8Array;
  prev: Int32Array;
  /** Nodes in use. */
  nodes: number;
}

const scratch: DiffScratch = { oldPos: new Int32Array(256), last: new Int32Array(256), count: new Int32Array(1024), kind: new Uint8Array(1024), prev: new Int32Array(1024), nodes: 0 };

/** Makes room for `diagonals` diagonals, every one without a path, and empties the node pool. */
function resetScratch(s: DiffScratch, diagonals: number): void {
  if (s.oldPos.length < diagonals) {
    s.oldPos = new Int32Array(diagonals);
    s.last = new Int32Array(diagonals);
  }
  s.oldPos.fill(NONE, 0, diagonals);
  s.nodes = 0;
}

/** A new run node; returns its number. */
function pushNode(s: DiffScratch, count: number, kind: number, prev: number): number {
  if (s.nodes === s.count.length) {
    const size = s.nodes * 2;
    const count2 = new Int32Array(size);
    count2.set(s.count);
    const kind2 = new Uint8Array(size);
    kind2.set(s.kind);
    const prev2 = new Int32Array(size);
    prev2.set(s.prev);
    [s.count, s.kind, s.prev] = [count2, kind2, prev2];
  }
  const n = s.nodes++;
  s.count[n] = count;
  s.kind[n] = kind;
  s.prev[n] = prev;
  return n;
}

/** A path's last node one edit further (an added or removed item), merged into the last run when it is of the same kind. */
function extendRun(s: DiffScratch, last: number, kind: number): number {
  if (last !== NONE && s.kind[last] === kind) return pushNode(s, s.count[last] + 1, kind, s.prev[last]);
  return pushNode(s, 1, kind, last);
}

/**
 * Diffs two sequences of integers (equal ids, equal items): the runs that turn `oldIds` into
 * `newIds`, in order, as jsdiff's `diffArrays(oldIds, newIds)` would give them.
 */
export function diffIds(oldIds: ArrayLike<number>, newIds: ArrayLike<number>): DiffRun[] {
  const s = scratch;
  const oldLen = oldIds.length;
  const newLen = newIds.length;
  const maxEditLength = oldLen + newLen;
  // diagonals run from -(maxEditLength + 1) to maxEditLength + 1
  const offset = maxEditLength + 1;
  resetScratch(s, 2 * offset + 1);
  const bestOld = s.oldPos;
  const bestLast = s.last;
  // the path being extended: its furthest old position and last node (a "snake" follows the diagonal while items agree)
  let pathOld = -1;
  let pathLast = NONE;
  /** Follows the diagonal from the current path while the items agree; returns the new-sequence position. */
  const extractCommon = (diagonal: number): number => {
    let oldPos = pathOld;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldIds[oldPos + 1] === newIds[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common) pathLast = pushNode(s, common, COMMON, pathLast);
    pathOld = oldPos;
    return newPos;
  };

  let newPos = extractCommon(0);
  bestOld[offset] = pathOld;
  bestLast[offset] = pathLast;
  if (pathOld + 1 >= oldLen && newPos + 1 >= newLen) return buildRuns(s, pathLast);

  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxEditLength; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const removeOld = bestOld[offset + diagonal - 1];
      const removeLast = bestLast[offset + diagonal - 1];
      const addOld = bestOld[offset + diagonal + 1];
      const addLast = bestLast[offset + diagonal + 1];
      if (removeOld !== NONE) bestOld[offset + diagonal - 1] = NONE;
      let canAdd = false;
      if (addOld !== NONE) {
        const addPathNewPos = addOld - diagonal;
        canAdd = 0 <= addPathNewPos && addPathNewPos < newLen;
      }
      const canRemove = removeOld !== NONE && removeOld + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestOld[offset + diagonal] = NONE;
        continue;
      }
      if (!canRemove || (canAdd && removeOld < addOld)) {
        pathOld = addOld;
        pathLast = extendRun(s, addLast, ADDED);
      } else {
        pathOld = removeOld + 1;
        pathLast = extendRun(s, removeLast, REMOVED);
      }
      newPos = extractCommon(diagonal);
      if (pathOld + 1 >= oldLen && newPos + 1 >= newLen) return buildRuns(s, pathLast);
      bestOld[offset + diagonal] = pathOld;
      bestLast[offset + diagonal] = pathLast;
      if (pathOld + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  // unreachable: a path reaches the end within oldLen + newLen edits
  throw new Error('diffIds: no path found');
}

/** The runs ending at node `last`, first to last. */
function buildRuns(s: DiffScratch, last: number): DiffRun[] {
  const runs: DiffRun[] = [];
  for (let n = last; n !== NONE; n = s.prev[n]) runs.push({ count: s.count[n], added: s.kind[n] === ADDED, removed: s.kind[n] === REMOVED });
  return runs.reverse();
}
