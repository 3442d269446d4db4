// Sidebar tree views: quotes by speaker and divergences by type. Clicking an
// entry runs crosscheck.revealSpan.
import * as vscode from 'vscode';
import type { CorpusComputer, DivergenceGroup, DivergenceItem, QuoteGroup, QuoteItem } from './computer';
import { Commands, Views } from './commands';
import { clip, sliced } from './computer';
import type { CorpusManager } from './corpusManager';


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

class QuotesProvider extends GroupTreeProvider<QuoteGroup, QuoteItem> {
  protected groupSteps(computer: CorpusComputer): Generator<void, QuoteGroup[]> {
    return computer.quoteGroupSteps();
  }
  protected itemsOf(group: QuoteGroup): QuoteItem[] {
    return group.quotes;
  }
  protected groupItem(group: QuoteGroup): vscode.TreeItem {
    const t = new vscode.TreeItem(group.speaker, vscode.TreeItemCollapsibleState.Collapsed);
    t.description = `${group.quotes.length} quote${group.quotes.length === 1 ? '' : 's'}`;
    t.contextValue = 'speaker';
    return t;
  }
  protected itemItem(item: QuoteItem): vscode.TreeItem {
    const q = item.quote;
    const t = new vscode.TreeItem(clip(q.text, 70), vscode.TreeItemCollapsibleState.None);
    t.description = `${q.article} · ${item.sources} source${item.sources === 1 ? '' : 's'}`;
    t.tooltip = new vscode.MarkdownString().appendText(`${q.text}\n\n${q.speaker ?? 'unattributed'} — ${q.article}`);
    t.command = { command: Commands.revealSpan, title: 'Reveal', arguments: [{ article: q.article, start: q.start, end: q.end }] };
    t.contextValue = 'quote';
    return t;
  }
}

class DivergencesProvider extends GroupTreeProvider<DivergenceGroup, DivergenceItem> {
  protected groupSteps(computer: CorpusComputer): Generator<void, DivergenceGroup[]> {
    return computer.divergenceGroupSteps();
  }
  protected itemsOf(group: DivergenceGroup): DivergenceItem[] {
    return group.items;
  }
  protected groupItem(g: DivergenceGroup): vscode.TreeItem {
    const t = new vscode.TreeItem(g.type, g.substantive ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    t.description = `${g.items.length} · ${g.substantive ? 'substantive' : 'cosmetic'}`;
    t.contextValue = g.substantive ? 'substantiveType' : 'cosmeticType';
    return t;
  }
  protected itemItem(it: DivergenceItem): vscode.TreeItem {
    const t = new vscode.TreeItem(it.label, vscode.TreeItemCollapsibleState.None);
    t.description = it.description;
    t.tooltip = new vscode.MarkdownString().appendText(it.divergence.message || `${it.divergence.type}: ${it.divergence.a} → ${it.divergence.b}`);
    t.command = { command: Commands.revealSpan, title: 'Reveal', arguments: [it.target] };
    t.contextValue = 'divergence';
    return t;
  }
}

export class TreeViews implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly divergencesView: vscode.TreeView<DivNode>;

  constructor(corpus: CorpusManager) {
    const quotes = new QuotesProvider(corpus);
    const divs = new DivergencesProvider(corpus);
    const quotesView = vscode.window.createTreeView(Views.quotes, { treeDataProvider: quotes, showCollapseAll: true });
    this.divergencesView = vscode.window.createTreeView(Views.divergences, { treeDataProvider: divs, showCollapseAll: true });
    const update = () => {
      quotes.refresh();
      divs.refresh();
      const snap = corpus.snapshot;
      const n = snap ? snap.computer.substantiveCount() : 0;
      this.divergencesView.badge = n ? { value: n, tooltip: `${n} substantive divergence${n === 1 ? '' : 's'}` } : undefined;
    };
    this.disposables.push(quotes, divs, quotesView, this.divergencesView, corpus.onDidUpdate(update));
    update();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
