// Which editor group an article opens in when Crosscheck reveals a span (from the
// panel, a tree, a hover or Find Quote): one group is reused instead of a new split
// each time. Pure: no `vscode` import; editor/reveal.ts describes the groups.

/** What an editor group shows in its active tab. */
export type GroupContent = 'panel' | 'article' | 'other' | 'empty';

/** One editor group, as the reveal sees it. */
export interface GroupInfo {
  /** The group's view column (1-based). */
  viewColumn: number;
  active: boolean;
  /** What its active tab shows: a Crosscheck panel, an article of the corpus, anything else, or nothing. */
  content: GroupContent;
  /** True when one of its tabs already holds the document to reveal. */
  hasDocument: boolean;
}

/**
 * The view column to reveal in, or 'beside' to open a new group beside the active one:
 * a group that already holds the document; else the active group unless it shows a
 * Crosscheck panel; else the group showing an article (where the last reveal went);
 * else any group not showing a panel. Only when every group shows a panel is a split made.
 */
export function chooseRevealColumn(groups: readonly GroupInfo[]): number | 'beside' {
  const active = groups.find((g) => g.active);
  const holding = groups.filter((g) => g.hasDocument && g.content !== 'panel');
  if (holding.length) return (holding.find((g) => g.active) ?? holding[0]).viewColumn;
  if (active && active.content !== 'panel') return active.viewColumn;
  const article = groups.find((g) => g.content === 'article');
  if (article) return article.viewColumn;
  const free = groups.find((g) => g.content !== 'panel');
  return free ? free.viewColumn : 'beside';
}
