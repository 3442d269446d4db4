// Myers' O(ND) diff of two integer sequences (token ids), step for step the algorithm of
// jsdiff's `diffArrays` (diff 9: same diagonal order, same add-before-remove choice, same
// pruning at the edges of the edit graph), so it gives exactly the same runs; it only skips
// jsdiff's generic machinery (string equality, value arrays, callbacks).

/** One run of a diff: `count` items kept, added (only in the new sequence) or removed (only in the old). */
export interface DiffRun {
  count: number;
  added: boolean;
  removed: boolean;
}

/** A run while the search runs, linked back to the run before it. */
interface Component extends DiffRun {
  previous: Component | undefined;
}

/** The furthest point reached on one diagonal, and how it was reached. */
interface Path {
  oldPos: number;
  last: Component | undefined;
}

/**
 * Diffs two sequences of integers (equal ids, equal items): the runs that turn `oldIds` into
 * `newIds`, in order, as jsdiff's `diffArrays(oldIds, newIds)` would give them.
 */
export function diffIds(oldIds: ArrayLike<number>, newIds: ArrayLike<number>): DiffRun[] {
  const oldLen = oldIds.length;
  const newLen = newIds.length;
  const maxEditLength = oldLen + newLen;
  // diagonals run from -(maxEditLength + 1) to maxEditLength + 1
  const offset = maxEditLength + 1;
  const bestPath: (Path | undefined)[] = new Array<Path | undefined>(2 * offset + 1);

  /** Follows the diagonal while the items agree (a "snake"); returns the new-sequence position. */
  const extractCommon = (path: Path, diagonal: number): number => {
    let oldPos = path.oldPos;
    let newPos = oldPos - diagonal;
    let common = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && oldIds[oldPos + 1] === newIds[newPos + 1]) {
      newPos++;
      oldPos++;
      common++;
    }
    if (common) path.last = { count: common, added: false, removed: false, previous: path.last };
    path.oldPos = oldPos;
    return newPos;
  };

  const start: Path = { oldPos: -1, last: undefined };
  bestPath[offset] = start;
  let newPos = extractCommon(start, 0);
  if (start.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return buildRuns(start.last);

  let minDiagonal = -Infinity;
  let maxDiagonal = Infinity;
  for (let editLength = 1; editLength <= maxEditLength; editLength++) {
    for (let diagonal = Math.max(minDiagonal, -editLength); diagonal <= Math.min(maxDiagonal, editLength); diagonal += 2) {
      const removePath = bestPath[offset + diagonal - 1];
      const addPath = bestPath[offset + diagonal + 1];
      if (removePath) bestPath[offset + diagonal - 1] = undefined;
      let canAdd = false;
      if (addPath) {
        const addPathNewPos = addPath.oldPos - diagonal;
        canAdd = 0 <= addPathNewPos && addPathNewPos < newLen;
      }
      const canRemove = !!removePath && removePath.oldPos + 1 < oldLen;
      if (!canAdd && !canRemove) {
        bestPath[offset + diagonal] = undefined;
        continue;
      }
      const base = !canRemove || (canAdd && removePath!.oldPos < addPath!.oldPos) ? extendPath(addPath!, true, false, 0) : extendPath(removePath!, false, true, 1);
      newPos = extractCommon(base, diagonal);
      if (base.oldPos + 1 >= oldLen && newPos + 1 >= newLen) return buildRuns(base.last);
      bestPath[offset + diagonal] = base;
      if (base.oldPos + 1 >= oldLen) maxDiagonal = Math.min(maxDiagonal, diagonal - 1);
      if (newPos + 1 >= newLen) minDiagonal = Math.max(minDiagonal, diagonal + 1);
    }
  }
  // unreachable: a path reaches the end within oldLen + newLen edits
  throw new Error('diffIds: no path found');
}

/** A path one edit further (an added or removed item), merged into the last run when it is of the same kind. */
function extendPath(path: Path, added: boolean, removed: boolean, oldPosInc: number): Path {
  const last = path.last;
  if (last && last.added === added && last.removed === removed) {
    return { oldPos: path.oldPos + oldPosInc, last: { count: last.count + 1, added, removed, previous: last.previous } };
  }
  return { oldPos: path.oldPos + oldPosInc, last: { count: 1, added, removed, previous: last } };
}

/** The runs of a path, first to last. */
function buildRuns(last: Component | undefined): DiffRun[] {
  const runs: DiffRun[] = [];
  for (let c = last; c; c = c.previous) runs.push({ count: c.count, added: c.added, removed: c.removed });
  return runs.reverse();
}
