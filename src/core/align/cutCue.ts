// Whether the part a truncation leaves out carries meaning of its own: a
// negation, a condition, a number, a hedge or a qualifier. Quoting part of a
// sentence is how reporting works; a cut that drops none of these (an aside,
// "and I'm being myself, frank"; the lead-in "The truth is that") is shown as
// cosmetic, while one that drops "not a spot at a bar", "if", "two-in-three" or
// "no conflict of interest" stays substantive. Only the clause of the left-out
// part next to the words kept bears on them: a clause beyond a colon, semicolon
// or sentence end is another statement ("would end Medicare as we know it" cut
// from "…as we know it: people would be left with nothing but a voucher").
import { isNumberWord } from '../extract/numerals';
import { tokenize } from '../text/normalize';
import { CONDITIONS, HEDGES, MODAL_HEDGES, NEGATIONS, QUALIFIERS } from '../text/wordLists';

/** Punctuation after which another statement begins (a sentence end, a colon, a semicolon, an ellipsis). */
const STATEMENT_END_RE = /[.!?;:…]/;

/** Punctuation that ends a clause of a left-out part (a statement end, a comma, a dash, a bracket, a quotation mark). */
const CLAUSE_END_RE = /[.!?;:…,—–()[\]"“”]/u;

/** True when a word form (normalised) is a negation, condition, hedge, qualifier or number word. */
function isCue(word: string): boolean {
  if (NEGATIONS.has(word) || /n['’]t$/.test(word)) return true;
  if (CONDITIONS.has(word) || HEDGES.has(word) || MODAL_HEDGES.has(word) || QUALIFIERS.has(word)) return true;
  // "two-in-three" is one token
  return word.split('-').some(isNumberWord);
}

/** True when the left-out text of a cut carries a negation, condition, number, hedge or qualifier. */
export function cutCarriesCue(text: string): boolean {
  return tokenize(text).some((t) => t.kind === 'number' || (t.kind === 'word' && isCue(t.norm)));
}

/**
 * The part of a cut [start, end) of the longer version `text` that bears on the words kept: the
 * clause of the left-out part next to them, or '' when a statement end (a colon, a semicolon, a
 * sentence end) separates the two. A cut at neither edge, or with words kept on both sides, is
 * returned whole.
 */
export function cutNextToKept(text: string, start: number, end: number): string {
  const part = text.slice(start, end);
  const keptBefore = /[\p{L}\p{N}]/u.test(text.slice(0, start));
  const keptAfter = /[\p{L}\p{N}]/u.test(text.slice(end));
  if (keptBefore === keptAfter) return part;
  if (keptAfter) {
    // the cut comes first: its last clause leads into the words kept
    const gap = text.slice(end).match(/^[^\p{L}\p{N}]*/u)![0];
    if (STATEMENT_END_RE.test(gap)) return '';
    const clauses = part.split(CLAUSE_END_RE);
    return clauses[clauses.length - 1];
  }
  // the cut comes last: its first clause follows the words kept
  const gap = text.slice(0, start).match(/[^\p{L}\p{N}]*$/u)![0];
  if (STATEMENT_END_RE.test(gap)) return '';
  return part.split(CLAUSE_END_RE)[0];
}
