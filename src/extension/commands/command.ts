// The shape of a command and the registry that owns their registrations, as in
// VS Code's markdown-language-features: one class per command, each in its module.
import * as vscode from 'vscode';
import { Disposable } from '../dispose';
import type { CommandId } from './ids';

/** A command Crosscheck contributes: its id and what it runs. */
export interface Command {
  readonly id: CommandId;
  /** Runs the command with the arguments it was invoked with (checked by each command). */
  execute(...args: unknown[]): unknown;
}

/** Registers commands with VS Code and disposes the registrations. */
export class CommandManager extends Disposable {
  /** Registers one command. */
  register(command: Command): void {
    this._register(vscode.commands.registerCommand(command.id, (...args: unknown[]) => command.execute(...args)));
  }
}
