// Sidebar tree views: quotes by speaker and divergences by type. Clicking an
// entry runs crosscheck.revealSpan.
import * as vscode from 'vscode';
import type { DivergenceGroup, DivergenceItem, QuoteGroup, QuoteItem } from './computer';
import { Commands, Views } from './commands';
import { sliced } from './computer';
import type { CorpusManager } from './corpusManager';

function clip(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

type QuoteNode = { kind: 'speaker'; group: QuoteGroup } | { kind: 'quote'; item: QuoteItem };

class QuotesProvider implements vscode.TreeDataProvider<QuoteNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly corpus: CorpusManager) {}
  refresh(): void {
    this.emitter.fire();
  }
  getChildren(node?: QuoteNode): QuoteNode[] | Promise<QuoteNode[]> {
    const snap = this.corpus.snapshot;
    if (!snap) return [];
    // built in slices across event-loop turns: thousands of articles never block the extension host
    if (!node) return sliced(snap.computer.quoteGroupSteps()).then((groups) => groups.map((group): QuoteNode => ({ kind: 'speaker', group })));
    if (node.kind === 'speaker') return node.group.quotes.map((item) => ({ kind: 'quote', item }));
    return [];
  }
  getTreeItem(node: QuoteNode): vscode.TreeItem {
    if (node.kind === 'speaker') {
      const t = new vscode.TreeItem(node.group.speaker, vscode.TreeItemCollapsibleState.Collapsed);
      t.description = `${node.group.quotes.length} quote${node.group.quotes.length === 1 ? '' : 's'}`;
      t.contextValue = 'speaker';
      return t;
    }
    const q = node.item.quote;
    const t = new vscode.TreeItem(clip(q.text, 70), vscode.TreeItemCollapsibleState.None);
    t.description = `${q.article} · ${node.item.sources} source${node.item.sources === 1 ? '' : 's'}`;
    t.tooltip = new vscode.MarkdownString().appendText(`${q.text}\n\n${q.speaker ?? 'unattributed'} — ${q.article}`);
    t.command = { command: Commands.revealSpan, title: 'Reveal', arguments: [{ article: q.article, start: q.start, end: q.end }] };
    t.contextValue = 'quote';
    return t;
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

type DivNode = { kind: 'type'; group: DivergenceGroup } | { kind: 'item'; item: DivergenceItem };

class DivergencesProvider implements vscode.TreeDataProvider<DivNode> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(private readonly corpus: CorpusManager) {}
  refresh(): void {
    this.emitter.fire();
  }
  getChildren(node?: DivNode): DivNode[] | Promise<DivNode[]> {
    const snap = this.corpus.snapshot;
    if (!snap) return [];
    if (!node) return sliced(snap.computer.divergenceGroupSteps()).then((groups) => groups.map((group): DivNode => ({ kind: 'type', group })));
    if (node.kind === 'type') return node.group.items.map((item) => ({ kind: 'item', item }));
    return [];
  }
  getTreeItem(node: DivNode): vscode.TreeItem {
    if (node.kind === 'type') {
      const g = node.group;
      const t = new vscode.TreeItem(g.type, g.substantive ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      t.description = `${g.items.length} · ${g.substantive ? 'substantive' : 'cosmetic'}`;
      t.contextValue = g.substantive ? 'substantiveType' : 'cosmeticType';
      return t;
    }
    const it = node.item;
    const t = new vscode.TreeItem(it.label, vscode.TreeItemCollapsibleState.None);
    t.description = it.description;
    t.tooltip = new vscode.MarkdownString().appendText(it.divergence.message || `${it.divergence.type}: ${it.divergence.a} → ${it.divergence.b}`);
    t.command = { command: Commands.revealSpan, title: 'Reveal', arguments: [it.target] };
    t.contextValue = 'divergence';
    return t;
  }
  dispose(): void {
    this.emitter.dispose();
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
