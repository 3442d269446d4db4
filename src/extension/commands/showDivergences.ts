// crosscheck.showDivergences: focuses the divergences tree.
import * as vscode from 'vscode';
import type { Command } from './command';
import { Commands, Views } from './ids';

/** Focuses the divergences view. */
export class ShowDivergencesCommand implements Command {
  readonly id = Commands.showDivergences;

  /** Runs the view's focus command. */
  async execute(): Promise<void> {
    await vscode.commands.executeCommand(`${Views.divergences}.focus`);
  }
}
