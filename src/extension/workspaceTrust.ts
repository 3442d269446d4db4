// What Restricted Mode means for Crosscheck, said once in the output channel.
import * as vscode from 'vscode';

/** Logs Restricted Mode at start-up and when the workspace becomes trusted. */
export function logWorkspaceTrust(output: vscode.OutputChannel): vscode.Disposable {
  if (!vscode.workspace.isTrusted) {
    output.appendLine('Restricted Mode (untrusted workspace): Crosscheck reads and analyses articles but writes nothing; exporting reports is disabled, and the workspace value of crosscheck.maxFileSizeKb is ignored.');
  }
  return vscode.workspace.onDidGrantWorkspaceTrust(() => output.appendLine('Workspace trusted: exporting reports is enabled.'));
}
