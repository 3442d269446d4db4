// crosscheck.findQuote: a quick pick over every quote, most widely carried
// first; the pick is revealed (and focused in the panel when it is open).
import * as vscode from 'vscode';
import type { Quote } from '../../core/types';
import type { CorpusManager } from '../corpus/corpusManager';
import { revealSpan } from '../editor/reveal';
import type { PanelManager } from '../panel/panelManager';
import { clip } from '../view/text';
import type { Command } from './command';
import { Commands } from './ids';
import { requireCorpus } from './requireCorpus';

/** Finds a quote across sources; returns the quote picked. */
export class FindQuoteCommand implements Command {
  readonly id = Commands.findQuote;
  constructor(private readonly corpus: CorpusManager, private readonly panels: PanelManager) {}

  /** Shows the quotes, reveals the one picked. */
  async execute(): Promise<Quote | undefined> {
    const snap = await requireCorpus(this.corpus);
    if (!snap) return undefined;
    const n = snap.computer.sourceCount;
    const picks = snap.computer
      .quoteItems()
      .sort((a, b) => b.sources - a.sources)
      .map((it) => ({
        label: clip(it.quote.text, 100),
        description: it.quote.speaker ?? 'unattributed',
        detail: `Quoted by ${it.sources} of ${n} sources · ${it.quote.article}`,
        item: it,
      }));
    const pick = await vscode.window.showQuickPick(picks, { title: 'Crosscheck: Find Quote Across Sources', placeHolder: 'Search quotes by text or speaker', matchOnDescription: true, matchOnDetail: true });
    if (!pick) return undefined;
    const q = pick.item.quote;
    if (this.panels.mainPanel && pick.item.clusters.length) this.panels.open(pick.item.clusters[0]);
    await revealSpan(this.corpus, { article: q.article, start: q.start, end: q.end });
    return q;
  }
}
