// Anchors for review decisions: a match or divergence is identified by the texts of both
// sides (a hash of the normalised text, plus the text itself and a little context), never by
// offsets, match ids or article ids, so a decision survives re-analysis, edits elsewhere in
// the file and renamed files. Pure.
import * as crypto from 'crypto';
import type { Divergence, DivergenceType, Match, MatchSide } from '../types';

/** Characters of context kept before and after each side. */
export const CONTEXT_CHARS = 40;

/** Longest side text kept in an anchor. */
export const MAX_ANCHOR_TEXT = 2000;

/** What is reviewed: a whole match, or one substantive divergence of a match. */
export type ReviewKind = 'match' | 'divergence';

/** One side of a reviewed item, as it read when the decision was made. */
export interface SideAnchor {
  /** sha256 (16 hex digits) of the side's normalised text. */
  hash: string;
  /** The side's normalised text (cut at MAX_ANCHOR_TEXT). */
  text: string;
  /** Normalised text just before and after the side (CONTEXT_CHARS each). */
  before: string;
  after: string;
  /** The article's name when decided (informative only; never used to find it again). */
  source?: string;
}

/** The divergence a decision is about: its type and each side's wording (normalised). */
export interface DivergenceAnchor {
  type: DivergenceType;
  a: string;
  b: string;
}

/** What identifies a reviewed item. Sides are in a canonical order (by hash), so swapping the articles changes nothing. */
export interface ReviewAnchor {
  kind: ReviewKind;
  sides: [SideAnchor, SideAnchor];
  /** For kind `divergence`: a/b follow `sides`' order. */
  divergence?: DivergenceAnchor;
}

/** Text as anchors compare it: NFKC, typographic quotes, apostrophes and dashes unified, whitespace collapsed. Case is kept. */
export function normalizeAnchorText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[“”„‟«»]/g, '"')
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** 16 hex digits of sha256. */
export function shortHash(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** The anchor of one side: `articleText` is the full text the side's offsets refer to (undefined: no context). */
export function anchorSide(side: MatchSide, articleText: string | undefined, source?: string): SideAnchor {
  const text = normalizeAnchorText(side.text);
  const before = articleText ? normalizeAnchorText(articleText.slice(Math.max(0, side.start - CONTEXT_CHARS * 2), side.start)).slice(-CONTEXT_CHARS) : '';
  const after = articleText ? normalizeAnchorText(articleText.slice(side.end, side.end + CONTEXT_CHARS * 2)).slice(0, CONTEXT_CHARS) : '';
  const anchor: SideAnchor = { hash: shortHash(text), text: text.slice(0, MAX_ANCHOR_TEXT), before, after };
  if (source) anchor.source = source;
  return anchor;
}

/** Looks up an article's full text and name by id; both optional. */
export interface AnchorContext {
  textOf: (articleId: string) => string | undefined;
  labelOf?: (articleId: string) => string | undefined;
}

/** The anchor of a match, or of one of its divergences. */
export function anchorOf(match: Match, ctx: AnchorContext, divergence?: Divergence): ReviewAnchor {
  const a = anchorSide(match.a, ctx.textOf(match.a.article), ctx.labelOf?.(match.a.article));
  const b = anchorSide(match.b, ctx.textOf(match.b.article), ctx.labelOf?.(match.b.article));
  const swap = a.hash > b.hash;
  const sides: [SideAnchor, SideAnchor] = swap ? [b, a] : [a, b];
  if (!divergence) return { kind: 'match', sides };
  const da = normalizeAnchorText(divergence.a);
  const db = normalizeAnchorText(divergence.b);
  return { kind: 'divergence', sides, divergence: { type: divergence.type, a: swap ? db : da, b: swap ? da : db } };
}

/** The key of an anchor: equal keys mean the same item with the same texts. */
export function anchorKey(anchor: ReviewAnchor): string {
  const d = anchor.divergence;
  const parts = [anchor.kind, anchor.sides[0].hash, anchor.sides[1].hash, ...(d ? [d.type, d.a, d.b] : [])];
  return `${anchor.kind === 'match' ? 'm' : 'd'}:${shortHash(parts.join('\u0000'))}`;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** Share of words two texts have in common (Jaccard), 0..1. */
export function wordOverlap(x: string, y: string): number {
  const a = words(x);
  const b = words(y);
  if (!a.size && !b.size) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Fewest words two versions of a side share to count as the same passage, edited. */
export const SAME_SIDE_OVERLAP = 0.6;

/** 2 when a side reads the same, 1 when it is recognisably the same passage edited (most words, or both contexts, kept), else 0. */
export function sideAffinity(anchored: SideAnchor, current: SideAnchor): 0 | 1 | 2 {
  if (anchored.hash === current.hash) return 2;
  if (wordOverlap(anchored.text, current.text) >= SAME_SIDE_OVERLAP) return 1;
  if (anchored.before && anchored.after && anchored.before === current.before && anchored.after === current.after) return 1;
  return 0;
}

/** How well a current item's anchor fits a decision's: 0 when it is another item, 4 when identical; both sides must fit, in either order. */
export function anchorAffinity(anchored: ReviewAnchor, current: ReviewAnchor): number {
  if (anchored.kind !== current.kind) return 0;
  if (anchored.divergence && current.divergence && anchored.divergence.type !== current.divergence.type) return 0;
  const [x, y] = anchored.sides;
  const [p, q] = current.sides;
  const straight = Math.min(sideAffinity(x, p), sideAffinity(y, q)) && sideAffinity(x, p) + sideAffinity(y, q);
  const crossed = Math.min(sideAffinity(x, q), sideAffinity(y, p)) && sideAffinity(x, q) + sideAffinity(y, p);
  return Math.max(straight, crossed);
}
