// Every command Crosscheck contributes, registered in one place.
import { CommandManager } from './command';
import { CompareWithCommand } from './compareWith';
import type { CommandContext } from './context';
import { ExportReportCommand } from './exportReport';
import { FindQuoteCommand } from './findQuote';
import { ImportFromUrlCommand } from './importFromUrl';
import { ImportWebPageCommand } from './importWebPage';
import { NextMatchCommand } from './nextMatch';
import { OpenDemoCorpusCommand } from './openDemoCorpus';
import { OpenFolderAsCorpusCommand } from './openFolderAsCorpus';
import { OpenInPanelCommand } from './openInPanel';
import { OpenPanelCommand } from './openPanel';
import { PreviousMatchCommand } from './previousMatch';
import { RefreshCommand } from './refresh';
import type { ReviewState } from '../corpus/reviewState';
import { ReviewDecisionCommand, UndoReviewDecisionCommand } from './reviewDecision';
import { RevealSpanCommand } from './revealSpan';
import { ShowDivergencesCommand } from './showDivergences';

/** Registers every command (the review ones when `review` is given); disposing the manager unregisters them. */
export function registerCommands({ extensionUri, corpus, panels, output }: CommandContext, review?: ReviewState): CommandManager {
  const manager = new CommandManager();
  manager.register(new OpenPanelCommand(panels));
  manager.register(new OpenInPanelCommand(panels));
  manager.register(new OpenDemoCorpusCommand(extensionUri, corpus));
  manager.register(new OpenFolderAsCorpusCommand(corpus, output));
  manager.register(new CompareWithCommand(corpus, panels));
  manager.register(new FindQuoteCommand(corpus, panels));
  manager.register(new NextMatchCommand(corpus));
  manager.register(new PreviousMatchCommand(corpus));
  manager.register(new ShowDivergencesCommand());
  manager.register(new ExportReportCommand(corpus, output));
  manager.register(new RefreshCommand(corpus));
  manager.register(new RevealSpanCommand(corpus));
  manager.register(new ImportWebPageCommand(corpus, output));
  manager.register(new ImportFromUrlCommand(corpus, output));
  if (review) {
    manager.register(new ReviewDecisionCommand(corpus, review));
    manager.register(new UndoReviewDecisionCommand(review));
  }
  return manager;
}
