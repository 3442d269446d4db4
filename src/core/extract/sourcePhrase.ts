// The source an attribution's speaker phrase names: a name or a noun phrase ("a senior diplomat",
// "The U.S. media"), cut where a clause starts; clause debris and lone sentence words name nobody.
import { CUE_VERBS, DETERMINERS, NAME_STOPWORDS } from './cueWords';

/** Words that never end a source's noun phrase: prepositions, articles, conjunctions, possessives ("Needless to", "the authors of the"). */
const NOT_PHRASE_END = /^(?:to|of|in|on|at|for|with|by|from|about|the|a|an|and|but|or|nor|that|which|who|whose|his|her|their|its|our|my|your|than|as|if)$/i;
/** Words that never open a source's noun phrase: prepositions and subordinators ("At a forum with …", "who fights with …"). */
const NOT_PHRASE_START = /^(?:to|of|in|on|at|for|with|by|from|about|after|before|during|since|until|when|while|if|because|although|though|as|who|whose|which|what|where|how|why|that|was|is|were|are|had|has|have|did|does)$/i;
/** Words that end a source's noun phrase and open its clause: auxiliaries, relative pronouns, adverbs ("The Q poll also finds", "a spokesman who"). */
const CLAUSE_START = /^(?:is|was|are|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|do|does|did|went|goes|go|got|gets|seems|seemed|who|which|that|whose|when|where|also|recently|then|now|always|never|even|just|still|not|only|too)$/;

/**
 * The source named by an attribution's `speaker` phrase: a name or noun phrase ("a senior
 * diplomat", "The U.S. media") cut where a clause starts ("The U.S. media has always" → "The U.S.
 * media"); null for clause debris ("At a forum with …", "who fights with …") and lone sentence
 * words ("However", "Needless"), which name nobody.
 */
export function sourcePhrase(speaker: string): string | null {
  const words = speaker.split(' ').filter(Boolean);
  const quantity = /^(?:about|at)$/i.test(words[0]) && /^(?:\d|least|most|one|two|three|four|five|half)/i.test(words[1] ?? ''); // "About four in 10 voters", "At least half of voters"
  if (words.length === 0 || (NOT_PHRASE_START.test(words[0]) && !quantity)) return null;
  let end = words.findIndex((w, k) => k > 0 && (CLAUSE_START.test(w) || CUE_VERBS.has(w) || (/^\p{Ll}{3,}(?:ed|ly)$/u.test(w) && !DETERMINERS.test(words[k - 1]) && !/^(?:these|those|this|that)$/i.test(words[k - 1]))));
  if (end < 0) end = words.length;
  while (end > 0 && NOT_PHRASE_END.test(words[end - 1])) end--;
  if (end === 0) return null;
  if (end < words.length && /^(?:he|she|it|they|we|i|you|this|that)$/i.test(words[0]) && end === 1) return null;
  if (end === 1 && NAME_STOPWORDS.has(words[0].toLowerCase()) && !/^(?:it|they|we|i|you|both|all|each)$/i.test(words[0]) && !(DETERMINERS.test(words[0]) && !/^(?:his|her|their|its|our)$/i.test(words[0]))) return null;
  return words.slice(0, end).join(' ');
}
