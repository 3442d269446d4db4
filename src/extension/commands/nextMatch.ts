// crosscheck.nextMatch: selects the next matched span of the active article.
import type { CorpusManager } from '../corpus/corpusManager';
import { moveToMatch } from '../editor/reveal';
import type { Command } from './command';
import { Commands } from './ids';

/** Moves the selection to the next match, wrapping around. */
export class NextMatchCommand implements Command {
  readonly id = Commands.nextMatch;
  constructor(private readonly corpus: CorpusManager) {}

  /** Selects the next match. */
  async execute(): Promise<void> {
    moveToMatch(this.corpus, 1);
  }
}
