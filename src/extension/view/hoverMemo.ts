// The hover work of one view index, kept: each cluster's hover section as seen from
// one of its articles, and each version line in it, made once and then looked up.
// A memo belongs to one CorpusComputer, so a new analysis result (a new computer)
// drops it. Pure: no `vscode` import.
import { createScoreContext, type ScoreContext } from '../../core/score/tokens';

/** Sentence analyses a memo keeps for the "why linked" lines (a full memo is emptied). */
export const HOVER_SENTENCE_LIMIT = 2000;

/** Hover sections and version lines of one view index, each computed once. */
export class HoverMemo {
  /**
   * Sentence analyses shared by the "why linked" lines: no document frequencies are
   * counted into it, so scores and wording are those of a call without a context.
   */
  readonly score: ScoreContext = createScoreContext(HOVER_SENTENCE_LIMIT);
  private readonly sections = new Map<string, string>();
  private readonly versions = new Map<string, string>();

  /** The hover section of `cluster` seen from `article`: kept, else made by `make` and kept. */
  section(cluster: string, article: string, make: () => string): string {
    return remember(this.sections, `${cluster}\u0000${article}`, make);
  }

  /** The version line of member `other` (its index in the cluster) seen from `article`: kept, else made and kept. */
  version(cluster: string, article: string, other: number, make: () => string): string {
    return remember(this.versions, `${cluster}\u0000${article}\u0000${other}`, make);
  }

  /** True when the section of `cluster` seen from `article` is made. */
  hasSection(cluster: string, article: string): boolean {
    return this.sections.has(`${cluster}\u0000${article}`);
  }

  /** True when the version line of member `other` seen from `article` is made. */
  hasVersion(cluster: string, article: string, other: number): boolean {
    return this.versions.has(`${cluster}\u0000${article}\u0000${other}`);
  }
}

/** The value under `key`, made by `make` and stored the first time. */
function remember(map: Map<string, string>, key: string, make: () => string): string {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}
