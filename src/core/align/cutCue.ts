// Whether the part a truncation leaves out carries meaning of its own: a
// negation, a condition, a number, a hedge or a qualifier. Quoting part of a
// sentence is how reporting works; a cut that drops none of these (an aside,
// "and I'm being myself, frank"; the lead-in "The truth is that") is shown as
// cosmetic, while one that drops "not a spot at a bar", "if", "two-in-three" or
// "no conflict of interest" stays substantive.
import { isNumberWord } from '../extract/numerals';
import { tokenize } from '../text/normalize';
import { CONDITIONS, HEDGES, MODAL_HEDGES, NEGATIONS, QUALIFIERS } from '../text/wordLists';

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
