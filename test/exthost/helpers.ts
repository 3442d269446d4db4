// Helpers shared by the extension-host suites (bundled into each *.test.js, never run on its own).
import * as assert from 'assert';
import * as vscode from 'vscode';

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value or `ms` elapse; returns the last value. */
export async function waitFor<T>(fn: () => T | Promise<T>, ms = 20000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    let v: T | undefined;
    try {
      v = await fn();
    } catch {
      v = undefined;
    }
    if (v || Date.now() > end) return v as T;
    await sleep(every);
  }
}

/** The first workspace folder, which the runner opens on a copy of seeds/. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner must open a copy of seeds/)');
  return folder.uri;
}
