// Sequence measures over word or n-gram lists for the same-claim model: Dice
// overlap of sorted multisets, smoothed BLEU, longest common subsequence and run,
// word edit distance. Pure functions; never imports vscode.
import { countSharedSorted } from '../util/sorted';

/** Size of the multiset intersection of two sorted string lists (a merge: no allocation). */
export const sharedSorted: (a: readonly string[], b: readonly string[]) => number = countSharedSorted;

/** Dice coefficient of two multisets given as sorted lists. */
export function diceSorted(a: readonly string[], b: readonly string[]): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return 0;
  return (2 * sharedSorted(a, b)) / (a.length + b.length);
}

/** Dice coefficient of two multisets of strings (any order). */
export function dice(a: readonly string[], b: readonly string[]): number {
  return diceSorted(a.slice().sort(), b.slice().sort());
}

/** Smoothed BLEU both ways, averaged: geometric mean of add-one 1- to 4-gram precisions (n-gram lists sorted). */
export function bleuBothWays(ga: readonly string[][], gb: readonly string[][]): number {
  let logA = 0;
  let logB = 0;
  for (let n = 0; n < 4; n++) {
    const shared = sharedSorted(ga[n], gb[n]);
    logA += Math.log((shared + 1) / (ga[n].length + 1));
    logB += Math.log((shared + 1) / (gb[n].length + 1));
  }
  return (Math.exp(logA / 4) + Math.exp(logB / 4)) / 2;
}

/** Smoothed BLEU of word list `a` against `b`. */
export function bleu(a: readonly string[], b: readonly string[]): number {
  const grams = (w: readonly string[]) => [1, 2, 3, 4].map((n) => w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' ')).sort());
  const ga = grams(a);
  let log = 0;
  const gb = grams(b);
  for (let n = 0; n < 4; n++) log += Math.log((sharedSorted(ga[n], gb[n]) + 1) / (ga[n].length + 1));
  return Math.exp(log / 4);
}

/** Longest common subsequence, longest common run and word edit distance of two word lists (one dynamic-programming pass). */
export function commonWords(a: readonly string[], b: readonly string[]): { lcs: number; run: number; edits: number } {
  const w = b.length + 1;
  let prevL = new Uint16Array(w);
  let prevR = new Uint16Array(w);
  let prevE = new Uint16Array(w).map((_, j) => j);
  let curL = new Uint16Array(w);
  let curR = new Uint16Array(w);
  let curE = new Uint16Array(w);
  let run = 0;
  for (let i = 1; i <= a.length; i++) {
    curE[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const same = a[i - 1] === b[j - 1];
      curE[j] = Math.min(prevE[j] + 1, curE[j - 1] + 1, prevE[j - 1] + (same ? 0 : 1));
      if (same) {
        curL[j] = prevL[j - 1] + 1;
        curR[j] = prevR[j - 1] + 1;
        if (curR[j] > run) run = curR[j];
      } else {
        curL[j] = curL[j - 1] > prevL[j] ? curL[j - 1] : prevL[j];
        curR[j] = 0;
      }
    }
    [prevL, curL] = [curL, prevL];
    [prevR, curR] = [curR, prevR];
    [prevE, curE] = [curE, prevE];
  }
  return { lcs: prevL[b.length], run, edits: prevE[b.length] };
}

/** Word-level edit distance (Levenshtein over lemmas). */
export function wordEdits(a: readonly string[], b: readonly string[]): number {
  let prev = new Uint16Array(b.length + 1).map((_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Uint16Array(b.length + 1);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

