// What the commands work with, handed to each one by the registry.
import type * as vscode from 'vscode';
import type { CorpusManager } from '../corpus/corpusManager';
import type { PanelManager } from '../panel/panelManager';

/** The components a command may use. */
export interface CommandContext {
  readonly extensionUri: vscode.Uri;
  readonly corpus: CorpusManager;
  readonly panels: PanelManager;
  readonly output: vscode.OutputChannel;
}
