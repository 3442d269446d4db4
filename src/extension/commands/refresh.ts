// crosscheck.refresh: reloads and re-analyses the corpus.
import type { AnalysisResult } from '../../core/types';
import type { CorpusManager } from '../corpus/corpusManager';
import type { Command } from './command';
import { Commands } from './ids';

/** Reloads the corpus; returns the new analysis. */
export class RefreshCommand implements Command {
  readonly id = Commands.refresh;
  constructor(private readonly corpus: CorpusManager) {}

  /** Reloads and re-analyses. */
  execute(): Promise<AnalysisResult> {
    return this.corpus.refresh();
  }
}
