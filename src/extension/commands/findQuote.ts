// crosscheck.findQuote: a quick pick with one row per quoted statement, most
// widely carried first, scare quotes apart (rows from view/quoteRows.ts); the
// pick is revealed (and focused in the panel when it is open).
import * as vscode from 'vscode';
import type { Quote } from '../../core/types';
import type { CorpusManager } from '../corpus/corpusManager';
import { revealSpan } from '../editor/reveal';
import type { PanelManager } from '../panel/panelManager';
import { quoteRows, type QuoteRow } from '../view/quoteRows';
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
    const { statements, scareQuotes } = quoteRows(snap.computer);
    const item = (row: QuoteRow) => ({
      label: clip(row.text, 100),
      description: row.speaker ?? 'unattributed',
      detail: `Quoted by ${row.outlets.length} of ${n} sources: ${row.outlets.join(', ')}`,
      row,
    });
    const separator = (label: string) => ({ label, kind: vscode.QuickPickItemKind.Separator });
    const picks: (vscode.QuickPickItem & { row?: QuoteRow })[] = [
      ...(scareQuotes.length ? [separator('Statements')] : []),
      ...statements.map(item),
      ...(scareQuotes.length ? [separator('Scare quotes (one or two words)'), ...scareQuotes.map(item)] : []),
    ];
    const pick = await vscode.window.showQuickPick(picks, { title: 'Crosscheck: Find Quote Across Sources', placeHolder: 'Search quotes by text, speaker or outlet', matchOnDescription: true, matchOnDetail: true });
    if (!pick?.row) return undefined;
    const q = pick.row.quote;
    if (this.panels.mainPanel && pick.row.clusters.length) this.panels.open(pick.row.clusters[0]);
    await revealSpan(this.corpus, { article: q.article, start: q.start, end: q.end });
    return q;
  }
}
