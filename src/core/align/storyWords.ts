// Statement evidence inside one story. Two articles of one story repeat their
// actors, places, days and topic words in sentence after sentence, so a weak
// rewording that shares only those words says no more than "same story" (an
// interview "with Fox News on Tuesday" and another of the same interview). What
// links two statements is content each article holds in few of its units.
// Counts are taken per article on demand (only articles of weak candidates pay).
import { alignTokens, isContent } from '../score/match';
import { analyzeSentence, type ScoreContext } from '../score/tokens';
import type { StoryContext } from './story';

/** A content lemma held by at least this many units of an article recurs through its story: sharing it is no evidence of one statement. */
export const RECURRING_UNITS = 3;

/** How many units of article `a` hold each content lemma (counted once per article, kept in the story context). */
function lemmaUnitsOf(story: StoryContext, a: number, ctx: ScoreContext): Map<string, number> {
  let counts = story.lemmaUnits.get(a);
  if (counts) return counts;
  counts = new Map();
  for (const text of story.texts[a] ?? []) {
    const seen = new Set<string>();
    for (const t of analyzeSentence(text, ctx).tokens) {
      if (!isContent(t) || seen.has(t.forms.lemma)) continue;
      seen.add(t.forms.lemma);
      counts.set(t.forms.lemma, (counts.get(t.forms.lemma) ?? 0) + 1);
    }
  }
  story.lemmaUnits.set(a, counts);
  return counts;
}

/**
 * Content words (lemmas, synonyms, numbers) that text A of article ai and text B of article aj
 * share and that neither article repeats in RECURRING_UNITS or more of its units.
 */
export function statementEvidence(textA: string, textB: string, ai: number, aj: number, story: StoryContext, ctx: ScoreContext): number {
  const a = analyzeSentence(textA, ctx);
  const b = analyzeSentence(textB, ctx);
  const [ma] = alignTokens(a, b);
  const unitsA = lemmaUnitsOf(story, ai, ctx);
  const unitsB = lemmaUnitsOf(story, aj, ctx);
  let n = 0;
  a.tokens.forEach((t, i) => {
    if (!isContent(t) || !ma.how[i]) return;
    const u = b.tokens[ma.partner[i]];
    if ((unitsA.get(t.forms.lemma) ?? 0) < RECURRING_UNITS && (unitsB.get(u.forms.lemma) ?? 0) < RECURRING_UNITS) n++;
  });
  return n;
}
