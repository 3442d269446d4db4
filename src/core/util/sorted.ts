// Merging sorted lists: shared by the story context (sorted probe ids) and the
// same-claim model's sequence measures (sorted words and n-grams). Pure.

/** Size of the multiset intersection of two ascending lists (numbers or strings; a merge: no allocation). */
export function countSharedSorted<T extends number | string>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return shared;
}
