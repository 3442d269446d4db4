// Contractions: a changed stretch that differs only by a contraction written out ("I'd" / "I
// would", "don't" / "do not", "it's" / "it is") is house style, an edit, not a rewording.
import { Divergence } from '../types';
import { Pair, Side, makeDivergence } from './sides';
import { quote, vs } from './messages';

/** Endings of a contraction and the words each may stand for. */
const CONTRACTED_ENDINGS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(ca)n't$/, ['not']],
  [/^(wo)n't$/, ['not']],
  [/^(.+)n't$/, ['not']],
  [/^(.+)'d$/, ['would', 'had']],
  [/^(.+)'ll$/, ['will']],
  [/^(.+)'ve$/, ['have']],
  [/^(.+)'re$/, ['are']],
  [/^(i)'m$/, ['am']],
  [/^(he|she|it|that|there|here|what|who|where|how)'s$/, ['is', 'has']],
  [/^(let)'s$/, ['us']],
];

/** Irregular first halves of a negated contraction ("won't" → will, "can't" → can). */
const FIRST_HALVES: Readonly<Record<string, string>> = { wo: 'will', ca: 'can', ai: 'is', sha: 'shall' };

/** Most written-out readings of a stretch tried (a stretch holds few contractions). */
const MAX_READINGS = 16;

/** The readings of one word key: itself, or a contraction's written-out words. */
function readingsOf(key: string): string[][] {
  if (key === 'cannot') return [['can', 'not'], [key]];
  for (const [re, seconds] of CONTRACTED_ENDINGS) {
    const m = re.exec(key);
    if (m) return seconds.map((w) => [FIRST_HALVES[m[1]] ?? m[1], w]);
  }
  return [[key]];
}

/** Every written-out reading of tokens [from, to) of a side (words only), each as one string. */
function readings(s: Side, from: number, to: number): Set<string> {
  let out: string[][] = [[]];
  for (let k = from; k < to; k++) {
    if (s.tokens[k].kind === 'punct') continue;
    const alts = readingsOf(s.keys[k].replace(/’/g, "'"));
    const next: string[][] = [];
    for (const r of out) for (const a of alts) if (next.length < MAX_READINGS) next.push([...r, ...a]);
    out = next;
  }
  return new Set(out.map((r) => r.join(' ')));
}

/** True when tokens [from, to) of a side hold a contraction. */
function holdsContraction(s: Side, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.tokens[k].kind === 'word' && (/['’]/.test(s.tokens[k].text) || s.keys[k] === 'cannot')) return true;
  return false;
}

/** Changed stretches that differ only by a contraction written out: their words consumed, one house-style divergence each. */
export function classifyContractions(p: Pair, out: Divergence[]): void {
  const { A, B } = p;
  for (const h of p.hunks) {
    if (h.aFrom === h.aTo || h.bFrom === h.bTo) continue;
    if (!holdsContraction(A, h.aFrom, h.aTo) && !holdsContraction(B, h.bFrom, h.bTo)) continue;
    const ra = readings(A, h.aFrom, h.aTo);
    const rb = readings(B, h.bFrom, h.bTo);
    if (![...ra].some((r) => rb.has(r))) continue;
    for (let k = h.aFrom; k < h.aTo; k++) if (A.tokens[k].kind !== 'punct') A.used[k] = true;
    for (let k = h.bFrom; k < h.bTo; k++) if (B.tokens[k].kind !== 'punct') B.used[k] = true;
    const d = makeDivergence('spelling', A, h.aFrom, h.aTo, B, h.bFrom, h.bTo, '');
    d.message = `Contraction written out: ${vs(p, quote(d.a), quote(d.b))}.`;
    out.push(d);
  }
}
