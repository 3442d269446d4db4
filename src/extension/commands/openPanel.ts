// crosscheck.openPanel: opens (or reveals) the corpus panel.
import type * as vscode from 'vscode';
import type { PanelManager } from '../panel/panelManager';
import type { Command } from './command';
import { Commands } from './ids';

/** Opens the corpus panel; returns it. */
export class OpenPanelCommand implements Command {
  readonly id = Commands.openPanel;
  constructor(private readonly panels: PanelManager) {}

  /** Opens or reveals the panel. */
  async execute(): Promise<vscode.WebviewPanel | undefined> {
    this.panels.open();
    return this.panels.mainPanel;
  }
}
