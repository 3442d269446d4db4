// The live `crosscheck.*` settings: read once, re-read on every change of the
// section, announced to the components that follow them.
import * as vscode from 'vscode';
import { Disposable } from './dispose';
import { readSettings, SECTION, type CrosscheckSettings } from './settings';

/** The settings as they were and as they are after a change. */
export interface SettingsChange {
  previous: CrosscheckSettings;
  current: CrosscheckSettings;
}

/** Reads the settings from the workspace configuration. */
function readWorkspaceSettings(): CrosscheckSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return readSettings(<T>(key: string, def: T) => cfg.get<T>(key, def));
}

/** Holds the current settings and fires `onDidChange` when the `crosscheck` section changes. */
export class Configuration extends Disposable {
  private settings = readWorkspaceSettings();
  private readonly emitter = this._register(new vscode.EventEmitter<SettingsChange>());
  /** Fired after the settings were re-read. */
  readonly onDidChange = this.emitter.event;

  constructor() {
    super();
    this._register(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        const previous = this.settings;
        this.settings = readWorkspaceSettings();
        this.emitter.fire({ previous, current: this.settings });
      }),
    );
  }

  /** The current settings. */
  get current(): CrosscheckSettings {
    return this.settings;
  }
}
