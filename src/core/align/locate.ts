// Near-exact location of a short token run inside a longer text: the word and
// number tokens of both (the one tokenizer, text/normalize.ts; hyphenated words
// split into their parts, so "year-end" meets "year end"), aligned by a
// semi-global edit distance — the whole run against any stretch of the text.
import { normalizeToken, tokenize } from '../text/normalize';
import { STOPWORDS } from '../text/wordLists';

/** The word and number tokens of a text: comparison forms and absolute offsets. */
export interface WordTokens {
  /** Comparison form of each token (typography, case and spelling folded). */
  norm: string[];
  /** Offset of each token's first character, absolute (the text's offset added). */
  start: number[];
  /** Offset just past each token's last character, absolute. */
  end: number[];
}

/** Where a token run lies in a text: tokens `from` … `to - 1` of the text, at `cost` edits (tokens substituted, dropped or inserted). */
export interface Located {
  from: number;
  to: number;
  cost: number;
}

const HYPHENATED = /^[\p{L}\p{N}'’]+(?:[-\u2011][\p{L}\p{N}'’]+)+$/u;

/** The word and number tokens of `text`, offsets shifted by `offset`; hyphenated words count as their parts. */
export function wordTokens(text: string, offset = 0): WordTokens {
  const out: WordTokens = { norm: [], start: [], end: [] };
  for (const t of tokenize(text)) {
    if (t.kind === 'punct') continue;
    if (t.kind === 'word' && HYPHENATED.test(t.text)) {
      let at = t.start;
      for (const part of t.text.split(/[-\u2011]/)) {
        out.norm.push(normalizeToken(part));
        out.start.push(offset + at);
        out.end.push(offset + at + part.length);
        at += part.length + 1;
      }
      continue;
    }
    out.norm.push(t.norm);
    out.start.push(offset + t.start);
    out.end.push(offset + t.end);
  }
  return out;
}

/** Number of content tokens (not function words; numbers count) among tokens `from` … `to - 1`. */
export function contentCount(tokens: WordTokens, from = 0, to = tokens.norm.length): number {
  let n = 0;
  for (let k = from; k < to; k++) if (tokens.norm[k].length > 1 && !STOPWORDS.has(tokens.norm[k])) n++;
  return n;
}

/**
 * The stretch of `text` (token forms) closest to the whole of `run`, when at most `maxCost`
 * edits apart (the first such stretch at the lowest cost); undefined otherwise. Each token of
 * `run` matches, is substituted or is dropped; tokens of `text` inside the stretch may be inserted.
 * At equal cost a token of `run` is dropped rather than substituted, so the stretch starts and
 * ends on tokens that match.
 */
export function locateRun(run: readonly string[], text: readonly string[], maxCost: number): Located | undefined {
  const n = run.length;
  const m = text.length;
  if (n === 0 || m < n - maxCost) return undefined;
  // row i: cost of aligning run[0..i) ending at text position j, and where in the text that stretch starts
  let prev = new Int32Array(m + 1);
  let prevFrom = Int32Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Int32Array(m + 1);
  let curFrom = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    curFrom[0] = 0;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const same = run[i - 1] === text[j - 1];
      let best = prev[j - 1] + (same ? 0 : 1);
      let from = prevFrom[j - 1];
      // a token dropped rather than substituted at equal cost: a stretch never starts or ends on a substitution
      if (prev[j] + 1 < best || (!same && prev[j] + 1 === best)) {
        best = prev[j] + 1;
        from = prevFrom[j];
      }
      if (cur[j - 1] + 1 < best) {
        best = cur[j - 1] + 1;
        from = curFrom[j - 1];
      }
      cur[j] = best;
      curFrom[j] = from;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > maxCost) return undefined;
    [prev, cur] = [cur, prev];
    [prevFrom, curFrom] = [curFrom, prevFrom];
  }
  let to = -1;
  for (let j = 1; j <= m; j++) if (prev[j] <= maxCost && (to < 0 || prev[j] < prev[to])) to = j;
  if (to < 0) return undefined;
  return { from: prevFrom[to], to, cost: prev[to] };
}
