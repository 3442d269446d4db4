// crosscheck.revealSpan (internal, from trees, hovers and the panel): opens an article at a span.
import type * as vscode from 'vscode';
import type { CorpusManager } from '../corpus/corpusManager';
import { revealSpan } from '../editor/reveal';
import type { Command } from './command';
import { Commands, type RevealTarget } from './ids';

/** Opens an article with a span selected; returns the editor. */
export class RevealSpanCommand implements Command {
  readonly id = Commands.revealSpan;
  constructor(private readonly corpus: CorpusManager) {}

  /** Reveals `target` (ignored when it is not a RevealTarget). */
  execute(target?: RevealTarget): Promise<vscode.TextEditor | undefined> {
    return revealSpan(this.corpus, target);
  }
}
