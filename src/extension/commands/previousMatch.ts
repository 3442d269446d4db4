// crosscheck.previousMatch: selects the previous matched span of the active article.
import type { CorpusManager } from '../corpus/corpusManager';
import { moveToMatch } from '../editor/reveal';
import type { Command } from './command';
import { Commands } from './ids';

/** Moves the selection to the previous match, wrapping around. */
export class PreviousMatchCommand implements Command {
  readonly id = Commands.previousMatch;
  constructor(private readonly corpus: CorpusManager) {}

  /** Selects the previous match. */
  async execute(): Promise<void> {
    moveToMatch(this.corpus, -1);
  }
}
