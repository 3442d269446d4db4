// The matchable units of an alignment run (alignUnits and previewAlignment
// prepare them the same way): no boilerplate, no texts without a letter or
// digit, one copy of a sentence repeated within an article.
import type { Unit } from '../types';
import type { AlignCache, TextEntry } from './cache';
import { textEntry } from './keys';

/** A unit that takes part in an alignment, with its article's number and its text's cache entry. */
export interface PreparedUnit {
  /** The unit. */
  unit: Unit;
  /** Its article's number (articles numbered by first appearance among all units). */
  article: number;
  /** Its text's cache entry (keys, identity). */
  entry: TextEntry;
}

/** Prepared units and the article numbering they use. */
export interface PreparedUnits {
  /** The units that take part, in input order. */
  prepared: PreparedUnit[];
  /** Article number by id, in order of first appearance among all units (taken or not). */
  articleOrder: Map<string, number>;
  /** Join-only units (quote pieces too short to match alone), read only with their neighbours (adjacent.ts). */
  joinOnly: PreparedUnit[];
}

/** (article, identity) pairs as numbers: article number × 2^26 + identity id. */
const IDENTITY_SPAN = 67108864;

/**
 * Prepares the matchable units: no boilerplate, no empty ones, one copy of a
 * sentence repeated in an article; join-only units apart. With `only`, units of other articles are
 * numbered (articles keep their order) but not taken.
 */
export function prepareUnits(units: readonly Unit[], cache: AlignCache, check: () => void, only?: ReadonlySet<string>): PreparedUnits {
  const articleOrder = new Map<string, number>();
  const seen = new Set<number>();
  const prepared: PreparedUnit[] = [];
  const joinOnly: PreparedUnit[] = [];
  let lastArticle: string | undefined;
  let article = -1;
  for (const unit of units) {
    check();
    if (unit.article !== lastArticle) {
      lastArticle = unit.article;
      let a = articleOrder.get(unit.article);
      if (a === undefined) articleOrder.set(unit.article, (a = articleOrder.size));
      article = a;
    }
    if (unit.boilerplate || (only && !only.has(unit.article))) continue;
    const entry = textEntry(unit.text, cache);
    if (!entry.wordy) continue;
    if (unit.joinOnly) {
      joinOnly.push({ unit, article, entry });
      continue;
    }
    const id = article * IDENTITY_SPAN + entry.identityId;
    if (seen.has(id)) continue;
    seen.add(id);
    prepared.push({ unit, article, entry });
  }
  return { prepared, articleOrder, joinOnly };
}

/** The number of articles the prepared units belong to (one more than the highest article number). */
export function articleCount(prepared: readonly PreparedUnit[]): number {
  return prepared.reduce((n, p) => Math.max(n, p.article + 1), 0);
}
