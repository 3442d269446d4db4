// crosscheck.openInPanel (internal, from hovers): the corpus panel focused on a cluster.
import type * as vscode from 'vscode';
import type { PanelManager } from '../panel/panelManager';
import type { Command } from './command';
import { Commands } from './ids';

/** Opens the corpus panel focused on a cluster; returns it. */
export class OpenInPanelCommand implements Command {
  readonly id = Commands.openInPanel;
  constructor(private readonly panels: PanelManager) {}

  /** Opens the panel, focused on `cluster` when it is a cluster id. */
  execute(cluster?: unknown): vscode.WebviewPanel | undefined {
    this.panels.open(typeof cluster === 'string' ? cluster : undefined);
    return this.panels.mainPanel;
  }
}
