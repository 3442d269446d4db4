// Every command id Crosscheck contributes, in one place, with the view ids and
// the panel's view type. package.json `contributes` and the e2e tests use
// exactly these strings. Pure: no `vscode` import.

/** Every command id, by name. */
export const Commands = {
  openPanel: 'crosscheck.openPanel',
  openDemoCorpus: 'crosscheck.openDemoCorpus',
  openFolderAsCorpus: 'crosscheck.openFolderAsCorpus',
  compareWith: 'crosscheck.compareWith',
  findQuote: 'crosscheck.findQuote',
  nextMatch: 'crosscheck.nextMatch',
  previousMatch: 'crosscheck.previousMatch',
  showDivergences: 'crosscheck.showDivergences',
  exportReport: 'crosscheck.exportReport',
  refresh: 'crosscheck.refresh',
  importWebPage: 'crosscheck.importWebPage',
  importFromUrl: 'crosscheck.importFromUrl',
  undoReviewDecision: 'crosscheck.undoReviewDecision',
  /** Internal: `(args: ReviewDecisionArgs)` records a review decision (the quick fixes run it). */
  reviewDecision: 'crosscheck.reviewDecision',
  /** Internal: `(target: RevealTarget)` opens the article and selects the span. */
  revealSpan: 'crosscheck.revealSpan',
  /** Internal: `(clusterId: string)` opens the corpus panel focused on a cluster. */
  openInPanel: 'crosscheck.openInPanel',
} as const;

/** One of the command ids. */
export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Commands hidden from the command palette (menus.commandPalette when:false). */
export const internalCommands: CommandId[] = [Commands.revealSpan, Commands.openInPanel, Commands.reviewDecision];

/** Commands a hover's markdown may run (MarkdownString.isTrusted.enabledCommands). */
export const hoverCommands: CommandId[] = [Commands.revealSpan, Commands.openInPanel, Commands.reviewDecision];

/** Ids of the views and the container. */
export const Views = {
  container: 'crosscheck',
  quotes: 'crosscheck.quotes',
  divergences: 'crosscheck.divergences',
} as const;

/** The corpus panel's webview view type (also its serializer's). */
export const PANEL_VIEW_TYPE = 'crosscheck.corpus';
/** The corpus panel's title. */
export const PANEL_TITLE = 'Crosscheck';

/** Argument of `crosscheck.revealSpan`. */
export interface RevealTarget {
  article: string;
  start: number;
  end: number;
}

/** A `command:` URI for a markdown link, with JSON-encoded arguments. */
export function commandUri(command: CommandId, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}
