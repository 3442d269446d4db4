// The same-claim decision for reworded candidates: compareTexts finds a
// rewording, the learned model (score/model.ts) decides whether it is the same
// claim. Inside one story the model's best-F1 cut applies; between articles
// that share no rare content (story.ts) a reworded link needs the strict cut.
// Inside a story, a rewording the model does not pass on its own (under the
// strict cut) also needs shared content that is not the story's recurring words
// (storyWords.ts), unless it links the two articles' opening units.
import type { Comparison } from '../types';
import { SAME_CLAIM_CUT, STRICT_CLAIM_CUT, scorePair } from '../score/model';
import type { AlignCache } from './cache';
import { sameStory, type StoryContext } from './story';
import { statementEvidence } from './storyWords';

/**
 * The model's cut inside one story: well below its best-F1 cut, because the model was fitted on
 * whole-sentence paraphrases and scores a quote against its longer version low (more so since it
 * weighs compareTexts' score, which is low for such pairs: 0.02 keeps the shared quotes of
 * basil-dev that 0.05 kept before); it still removes pairs with no shared claim that compareTexts
 * took for a rewording.
 */
export const IN_STORY_CUT = 0.02;

/** A sentence of at most this many words is short: inside a story it needs the model's best-F1 cut (more evidence for less text). */
export const SHORT_WORDS = 10;

/** Shared content words, not recurring through the story, that a weak in-story rewording needs (storyWords.ts). */
export const MIN_STATEMENT_EVIDENCE = 1;

/** Words of a text (runs of letters or digits). */
function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
}

/** True when each text is its article's opening unit (its headline, or the lede): both sum up the story in its own recurring words. */
function opensBoth(textA: string, textB: string, ai: number, aj: number, story: StoryContext): boolean {
  return story.opening[ai] === textA && story.opening[aj] === textB;
}

/** True when a graded comparison of two texts of articles ai and aj is kept as a link. */
export function keepsLink(textA: string, textB: string, cmp: Comparison, ai: number, aj: number, story: StoryContext, cache: AlignCache): boolean {
  if (cmp.grade !== 'reworded') return true;
  const p = scorePair(textA, textB, cache.score, undefined, cmp.score).probability;
  if (!sameStory(story, ai, aj)) return p >= STRICT_CLAIM_CUT;
  if (Math.min(wordCount(textA), wordCount(textB)) <= SHORT_WORDS) return p >= SAME_CLAIM_CUT;
  if (p < IN_STORY_CUT) return false;
  if (p >= STRICT_CLAIM_CUT || opensBoth(textA, textB, ai, aj, story)) return true;
  return statementEvidence(textA, textB, ai, aj, story, cache.score) >= MIN_STATEMENT_EVIDENCE;
}
