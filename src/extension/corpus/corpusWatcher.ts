// Watches the corpus's files: a created, changed or deleted article (or a
// deleted folder holding some), or an edited manifest, asks for a reload.
import * as vscode from 'vscode';
import { isArticleFile } from '../../core/io/corpus';
import { Disposable } from '../dispose';
import type { CorpusSource } from './corpusLoader';

/** What the watcher needs to know about the corpus. */
export interface WatchedCorpus {
  /** Whether a URI (as a string) is a file of the corpus. */
  hasFile(uriString: string): boolean;
  /** The URIs (as strings) of the corpus's files. */
  fileKeys(): Iterable<string>;
}

/** File-system watchers over one corpus source; `onChange` is called for every relevant event. */
export class CorpusWatcher extends Disposable {
  constructor(source: CorpusSource, include: string, corpus: WatchedCorpus, onChange: () => void) {
    super();
    const inFolder = (glob: string) => (source.kind === 'folder' ? new vscode.RelativePattern(source.uri, glob) : glob);
    const pattern = source.kind === 'folder' ? inFolder('**/*.{txt,md}') : include;
    const files = this._register(vscode.workspace.createFileSystemWatcher(pattern));
    const onFs = (uri: vscode.Uri) => {
      if (isArticleFile(uri.path) || corpus.hasFile(uri.toString())) onChange();
    };
    files.onDidCreate(onFs);
    files.onDidDelete(onFs);
    files.onDidChange(onFs);
    // The manifest (crosscheck.yaml) names the outlets and dates: an edit reloads the corpus.
    const manifest = this._register(vscode.workspace.createFileSystemWatcher(source.kind === 'folder' ? inFolder('crosscheck.{yaml,yml}') : '**/crosscheck.{yaml,yml}'));
    manifest.onDidCreate(onChange);
    manifest.onDidDelete(onChange);
    manifest.onDidChange(onChange);
    // A deleted folder is reported once, as the folder (which the article glob does not match): watch deletions of anything.
    const folders = this._register(vscode.workspace.createFileSystemWatcher(inFolder('**/*'), true, true, false));
    folders.onDidDelete((uri) => {
      if (holdsFilesUnder(corpus, uri)) onChange();
    });
  }
}

/** Whether a file of the corpus lies inside this folder (a deleted or renamed folder is reported once, not per file). */
function holdsFilesUnder(corpus: WatchedCorpus, folder: vscode.Uri): boolean {
  const prefix = folder.toString().replace(/\/?$/, '/');
  for (const key of corpus.fileKeys()) if (key.startsWith(prefix)) return true;
  return false;
}
