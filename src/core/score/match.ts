// Word alignment of two analysed sentences for the same-claim model: each token
// of one side is matched one-to-one with a token of the other by lemma, then by
// synonym, then by spelling variant. Never imports vscode.
import { sameLemmaForms } from '../lexicon/morphology';
import { areAntonyms, synonymFormsMatch, synonymForms } from '../lexicon/synonyms';
import { wordEdits } from './sequences';
import type { ScoreSentence, ScoreToken } from './tokens';

/** How each token of a side was matched: 0 unmatched, 1 same lemma, 2 synonym or spelling variant. */
export interface SideMatch {
  how: Uint8Array;
  /** Index of the matched token on the other side (-1 when unmatched). */
  partner: Int16Array;
}

/** True for a content word, name or number (not a function word). */
export function isContent(t: ScoreToken): boolean {
  return t.kind !== 'function';
}

/** Numbers equal after folding ("1,200" / "1200", "5.0" / "5"). */
function sameNumber(a: ScoreToken, b: ScoreToken): boolean {
  return a.norm === b.norm || (Number.isFinite(Number(a.norm)) && Number(a.norm) === Number(b.norm));
}

function sameWord(a: ScoreToken, b: ScoreToken): boolean {
  if (a.kind === 'number' || b.kind === 'number') return a.kind === b.kind && sameNumber(a, b);
  return sameLemmaForms(a.forms, b.forms);
}

/** Greedy one-to-one alignment: same lemma first, then synonyms among content words. */
export function alignTokens(a: ScoreSentence, b: ScoreSentence): [SideMatch, SideMatch] {
  const ma: SideMatch = { how: new Uint8Array(a.tokens.length), partner: new Int16Array(a.tokens.length).fill(-1) };
  const mb: SideMatch = { how: new Uint8Array(b.tokens.length), partner: new Int16Array(b.tokens.length).fill(-1) };
  for (let i = 0; i < a.tokens.length; i++) {
    for (let j = 0; j < b.tokens.length; j++) {
      if (mb.how[j] || !sameWord(a.tokens[i], b.tokens[j])) continue;
      ma.how[i] = 1;
      mb.how[j] = 1;
      ma.partner[i] = j;
      mb.partner[j] = i;
      break;
    }
  }
  for (let i = 0; i < a.tokens.length; i++) {
    const ta = a.tokens[i];
    if (ma.how[i] || ta.kind !== 'content') continue;
    const fa = synonymForms(ta.forms.clean);
    for (let j = 0; j < b.tokens.length; j++) {
      const tb = b.tokens[j];
      if (mb.how[j] || tb.kind !== 'content' || !synonymFormsMatch(fa, synonymForms(tb.forms.clean))) continue;
      ma.how[i] = 2;
      mb.how[j] = 2;
      ma.partner[i] = j;
      mb.partner[j] = i;
      break;
    }
  }
  matchSpellings(a, ma, b, mb);
  return [ma, mb];
}

/** True when two unmatched content words look like spellings of one word ("organised" / "organized", "tonne" / "ton"). */
function sameSpelling(x: string, y: string): boolean {
  if (x.length < 4 || y.length < 4 || x[0] !== y[0]) return false;
  const n = Math.min(x.length, y.length);
  let p = 0;
  while (p < n && x[p] === y[p]) p++;
  return p >= 5 || (p >= 3 && Math.abs(x.length - y.length) <= 1 && wordEdits([...x], [...y]) <= 1);
}

/** Third alignment pass: unmatched content words spelt alike count as a synonym match. */
function matchSpellings(a: ScoreSentence, ma: SideMatch, b: ScoreSentence, mb: SideMatch): void {
  for (let i = 0; i < a.tokens.length; i++) {
    if (ma.how[i] || a.tokens[i].kind === 'function' || a.tokens[i].kind === 'number') continue;
    for (let j = 0; j < b.tokens.length; j++) {
      if (mb.how[j] || b.tokens[j].kind === 'function' || b.tokens[j].kind === 'number' || !sameSpelling(a.tokens[i].norm, b.tokens[j].norm)) continue;
      ma.how[i] = 2;
      mb.how[j] = 2;
      ma.partner[i] = j;
      mb.partner[j] = i;
      break;
    }
  }
}

/** Order agreement of the matched content words: Kendall tau of their partners' positions (1 in order, -1 reversed). */
export function matchOrder(a: ScoreSentence, partner: Int16Array): number {
  const pos: number[] = [];
  a.tokens.forEach((t, i) => {
    if (partner[i] >= 0 && isContent(t)) pos.push(partner[i]);
  });
  let concordant = 0;
  let pairs = 0;
  for (let i = 0; i < pos.length; i++) for (let k = i + 1; k < pos.length; k++, pairs++) if (pos[k] > pos[i]) concordant++;
  return pairs ? (2 * concordant) / pairs - 1 : 1;
}

/** True when some unmatched content word of one side is a WordNet antonym of one on the other. */
export function hasAntonym(a: ScoreSentence, ma: SideMatch, b: ScoreSentence, mb: SideMatch): boolean {
  for (let i = 0; i < a.tokens.length; i++) {
    if (ma.how[i] || a.tokens[i].kind !== 'content') continue;
    for (let j = 0; j < b.tokens.length; j++) {
      if (mb.how[j] || b.tokens[j].kind !== 'content') continue;
      if (areAntonyms(a.tokens[i].forms.clean, b.tokens[j].forms.clean)) return true;
    }
  }
  return false;
}

