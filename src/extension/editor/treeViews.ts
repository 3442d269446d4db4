// Sidebar tree views: quotes by speaker and divergences by type (each substantive
// divergence once, with its review state). Clicking an entry runs crosscheck.revealSpan.
// The divergences view's badge counts the divergences left to review, as the status bar does.
import * as vscode from 'vscode';
import { Commands, Views, type RevealTarget } from '../commands/ids';
import type { Configuration } from '../configuration';
import type { CorpusManager } from '../corpus/corpusManager';
import type { ReviewState } from '../corpus/reviewState';
import { Disposable } from '../dispose';
import type { CorpusComputer } from '../view/corpusComputer';
import { reviewCountsDetail, statusMark } from '../view/reviewCounts';
import { sliced } from '../view/slicing';
import { clip } from '../view/text';
import type { DivergenceGroup, DivergenceItem, QuoteGroup, QuoteItem } from '../view/trees';

/** A node of a two-level tree: a group at the root, or one of its items. */
type Node<G, I> = { kind: 'group'; group: G } | { kind: 'item'; item: I };
type DivNode = Node<DivergenceGroup, DivergenceItem>;

/**
 * A two-level tree over the current snapshot: groups built in slices across event-loop
 * turns (thousands of articles never block the extension host), then each group's items.
 */
abstract class GroupTreeProvider<G, I> implements vscode.TreeDataProvider<Node<G, I>> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly corpus: CorpusManager) {}
  protected abstract groupSteps(computer: CorpusComputer): Generator<void, G[]>;
  protected abstract itemsOf(group: G): I[];
  protected abstract groupItem(group: G): vscode.TreeItem;
  protected abstract itemItem(item: I): vscode.TreeItem;
  refresh(): void {
    this.emitter.fire();
  }
  getChildren(node?: Node<G, I>): Node<G, I>[] | Promise<Node<G, I>[]> {
    const snap = this.corpus.snapshot;
    if (!snap) return [];
    if (!node) return sliced(this.groupSteps(snap.computer)).then((groups) => groups.map((group): Node<G, I> => ({ kind: 'group', group })));
    if (node.kind === 'group') return this.itemsOf(node.group).map((item): Node<G, I> => ({ kind: 'item', item }));
    return [];
  }
  getTreeItem(node: Node<G, I>): vscode.TreeItem {
    return node.kind === 'group' ? this.groupItem(node.group) : this.itemItem(node.item);
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

/** What a tree row shows; `reveal` makes a click open the article at a span. */
interface RowSpec {
  label: string;
  state: vscode.TreeItemCollapsibleState;
  description: string;
  contextValue: string;
  tooltip?: string;
  reveal?: RevealTarget;
}

/** A tree row from its spec (the tooltip is plain text). */
function treeRow(spec: RowSpec): vscode.TreeItem {
  const t = new vscode.TreeItem(spec.label, spec.state);
  t.description = spec.description;
  if (spec.tooltip !== undefined) t.tooltip = new vscode.MarkdownString().appendText(spec.tooltip);
  if (spec.reveal) t.command = { command: Commands.revealSpan, title: 'Reveal', arguments: [spec.reveal] };
  t.contextValue = spec.contextValue;
  return t;
}

const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;

/** "1 quote" / "2 sources". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Quotes grouped by speaker. */
class QuotesProvider extends GroupTreeProvider<QuoteGroup, QuoteItem> {
  protected groupSteps = (computer: CorpusComputer) => computer.quoteGroupSteps();
  protected itemsOf = (group: QuoteGroup) => group.quotes;
  protected groupItem = (group: QuoteGroup) => treeRow({ label: group.speaker, state: Collapsed, description: count(group.quotes.length, 'quote'), contextValue: 'speaker' });
  protected itemItem({ quote: q, sources, source }: QuoteItem): vscode.TreeItem {
    const name = source ?? q.article;
    return treeRow({
      label: clip(q.text, 70),
      state: None,
      description: `${name} · ${count(sources, 'source')}`,
      tooltip: `${q.text}\n\n${q.speaker ?? 'unattributed'} — ${name}`,
      reveal: { article: q.article, start: q.start, end: q.end },
      contextValue: 'quote',
    });
  }
}

/** Divergences grouped by type, substantive first. */
class DivergencesProvider extends GroupTreeProvider<DivergenceGroup, DivergenceItem> {
  constructor(corpus: CorpusManager, private readonly review: ReviewState) {
    super(corpus);
  }
  protected groupSteps = (computer: CorpusComputer) => computer.divergenceGroupSteps();
  protected itemsOf = (group: DivergenceGroup) => group.items;
  protected groupItem(g: DivergenceGroup): vscode.TreeItem {
    const kind = g.substantive ? 'substantive' : 'cosmetic';
    return treeRow({ label: g.type, state: g.substantive ? Expanded : Collapsed, description: `${g.items.length} · ${kind}`, contextValue: `${kind}Type` });
  }
  protected itemItem(it: DivergenceItem): vscode.TreeItem {
    const d = it.divergence;
    const review = it.key ? this.review.divergenceReviews().get(it.key) : undefined;
    const mark = review ? statusMark(review) : '';
    const status = review?.status ?? 'unreviewed';
    const description = it.key ? `${mark ? mark.replace(/ — .*$/, '') : 'to review'} · ${it.description}` : it.description;
    const tooltip = `${d.message || `${d.type}: ${d.a} → ${d.b}`}${mark ? `\n\nReview: ${mark}` : ''}`;
    return treeRow({ label: it.label, state: None, description, tooltip, reveal: it.target, contextValue: it.key ? `divergence.${status}` : 'divergence' });
  }
}

/** The two sidebar trees (quotes, divergences), refreshed on every update; the divergences view shows a badge. */
export class TreeViews extends Disposable {
  private readonly divergencesView: vscode.TreeView<DivNode>;

  constructor(corpus: CorpusManager, review: ReviewState, configuration: Configuration) {
    super();
    const quotes = this._register(new QuotesProvider(corpus));
    const divs = this._register(new DivergencesProvider(corpus, review));
    this._register(vscode.window.createTreeView(Views.quotes, { treeDataProvider: quotes, showCollapseAll: true }));
    this.divergencesView = this._register(vscode.window.createTreeView(Views.divergences, { treeDataProvider: divs, showCollapseAll: true }));
    const update = () => {
      quotes.refresh();
      divs.refresh();
      const counts = corpus.snapshot ? review.counts(configuration.current.reviewShowDismissed) : undefined;
      const n = counts?.toReview ?? 0;
      this.divergencesView.badge = counts && n ? { value: n, tooltip: `${n} divergence${n === 1 ? '' : 's'} to review\n${reviewCountsDetail(counts)}` } : undefined;
    };
    this._register(corpus.onDidUpdate(update));
    this._register(review.onDidChange(update));
    update();
  }
}
