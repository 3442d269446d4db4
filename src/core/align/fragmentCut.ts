// The cut of a sub-sentence link: when a fragment is found inside a longer quote
// sentence of another article, the link is graded `truncated` and gets one
// truncation divergence naming what the longer version also says. Quoting a
// fragment is how reporting works, so the cut is cosmetic unless it drops a
// negation or a condition right next to the fragment that the fragment's own
// article does not state around it ("I am not willing to | give up my right").
import { weakerGrade } from '../compare/compare';
import { CONDITIONS, NEGATIONS } from '../text/wordLists';
import type { Comparison, Divergence, Unit } from '../types';
import { wordTokens, type WordTokens } from './locate';

/** Words of the longer version next to the fragment checked for a dropped negation or condition (before it, after it). */
const CUE_WINDOW = { before: 4, after: 3 };

/** Words of a left-out part a message quotes (the ones next to the fragment). */
const MESSAGE_WORDS = 12;

/** The two sides of a sub-sentence link and what surrounds them. */
export interface CutSides {
  /** The fragment's span. */
  fragment: Unit;
  /** The sub-span found in the other article. */
  sub: Unit;
  /** The quote sentence holding the sub-span (its longer version), when the sub-span is inside a quote. */
  context?: Unit;
  /** Which side of the match the fragment is. */
  fragmentSide: 'a' | 'b';
  /** Units of the fragment's article around it (its sentence, the ones before and after). */
  around: readonly Unit[];
}

/** The cue class of a token form: a negation, a condition, or none. */
function cueOf(norm: string): 'negation' | 'condition' | undefined {
  if (NEGATIONS.has(norm) || norm.endsWith("n't")) return 'negation';
  return CONDITIONS.has(norm) ? 'condition' : undefined;
}

/** Cue classes among the tokens with indices in `ks`. */
function cuesAt(tokens: WordTokens, ks: readonly number[]): Set<string> {
  const cues = new Set<string>();
  for (const k of ks) {
    const c = cueOf(tokens.norm[k]);
    if (c) cues.add(c);
  }
  return cues;
}

/** Coordinating conjunctions: a clause boundary next to the fragment. */
const CONJUNCTIONS = new Set(['and', 'but', 'or']);

/** True when the text between two tokens holds punctuation (a clause boundary). */
function punctuated(gap: string): boolean {
  return /[,;:.!?()"“”—–…]/.test(gap) || /\s-+\s/.test(gap);
}

/**
 * Tokens of the longer version in the fragment's clause, next to it: at most `limit`, walking away
 * from the fragment (`step` -1: before it, 1: after it) until punctuation or a conjunction.
 */
function clauseNeighbours(context: Unit, ctx: WordTokens, first: number | undefined, step: 1 | -1, limit: number): number[] {
  const out: number[] = [];
  const gapText = (x: number, y: number) => context.text.slice(ctx.end[x] - context.start, ctx.start[y] - context.start);
  for (let k = first; k !== undefined && k >= 0 && k < ctx.norm.length && out.length < limit; k += step) {
    const gap = step < 0 ? (k + 1 < ctx.norm.length ? gapText(k, k + 1) : '') : k > 0 ? gapText(k - 1, k) : '';
    if (punctuated(gap) || CONJUNCTIONS.has(ctx.norm[k])) break;
    out.push(k);
  }
  return out;
}

/** True when the cut drops a negation or condition in the fragment's clause that the text around the fragment does not state. */
function dropsCue(context: Unit, ctx: WordTokens, before: number[], after: number[], sides: CutSides): boolean {
  const near = [...clauseNeighbours(context, ctx, before[before.length - 1], -1, CUE_WINDOW.before), ...clauseNeighbours(context, ctx, after[0], 1, CUE_WINDOW.after)];
  const lost = cuesAt(ctx, near);
  if (!lost.size) return false;
  const { start, end } = sides.fragment;
  const stated = new Set<string>();
  for (const u of sides.around) {
    const t = wordTokens(u.text, u.start);
    const outside = t.norm.map((_, k) => k).filter((k) => t.end[k] <= start || t.start[k] >= end);
    for (const c of cuesAt(t, outside)) stated.add(c);
  }
  return [...lost].some((c) => !stated.has(c));
}

/** A left-out part as a message quotes it: at most MESSAGE_WORDS words, those next to the fragment. */
function clipPart(text: string, keepEnd: boolean): string {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= MESSAGE_WORDS) return words.join(' ');
  return keepEnd ? `… ${words.slice(-MESSAGE_WORDS).join(' ')}` : `${words.slice(0, MESSAGE_WORDS).join(' ')} …`;
}

/** A left-out part with its edge punctuation and whitespace trimmed. */
function trimPart(text: string): string {
  return text.replace(/^[\s"“”‘’'«»(),;:.…—–-]+|[\s"“”‘’'«»(),;:…—–-]+$/gu, '').replace(/\s*(?:\.\.\.|…)$/u, '');
}

/** The message of a cut: which version quotes part of which, and what the longer one also has. */
function cutMessage(fragmentSide: 'a' | 'b', before: string, after: string, substantive: boolean): string {
  const [short, long] = fragmentSide === 'a' ? ['first', 'second'] : ['second', 'first'];
  const has = [before && `“${before}” before it`, after && `“${after}” after it`].filter(Boolean).join(' and ');
  const why = substantive ? ', leaving out a negation or condition next to it' : '';
  return `The ${short} version quotes only part of the quote${why}: the ${long} version also has ${has}.`;
}

/**
 * The comparison of a fragment and its sub-span, with the cut: when the quote sentence holding the
 * sub-span has words outside it, the grade is at most `truncated` and a truncation divergence
 * (no offsets: the left-out words lie outside the match's span) names them.
 */
export function withCut(cmp: Comparison, sides: CutSides): Comparison {
  const { context, sub } = sides;
  if (!context || !cmp.grade) return cmp;
  const ctx = wordTokens(context.text, context.start);
  const before: number[] = [];
  const after: number[] = [];
  ctx.norm.forEach((_, k) => {
    if (ctx.end[k] <= sub.start) before.push(k);
    else if (ctx.start[k] >= sub.end) after.push(k);
  });
  if (!before.length && !after.length) return cmp;
  const beforeText = clipPart(trimPart(context.text.slice(0, Math.max(0, sub.start - context.start))), true);
  const afterText = clipPart(trimPart(context.text.slice(Math.min(context.text.length, sub.end - context.start))), false);
  const substantive = dropsCue(context, ctx, before, after, sides);
  const leftOut = [beforeText, afterText].filter(Boolean).join(' … ');
  const longSide = sides.fragmentSide === 'a' ? 'b' : 'a';
  const d: Divergence = {
    type: 'truncation',
    substantive,
    a: longSide === 'a' ? leftOut : '',
    b: longSide === 'b' ? leftOut : '',
    message: cutMessage(sides.fragmentSide, beforeText, afterText, substantive),
  };
  return { grade: weakerGrade(cmp.grade, 'truncated'), score: cmp.score, divergences: [...cmp.divergences, d] };
}
