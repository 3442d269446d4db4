// Reading the corpus manifest (`crosscheck.yaml`) through vscode.workspace.fs, so the
// extension gives articles the same outlets and dates as the CLI's loadCorpus.
import * as vscode from 'vscode';
import { MANIFEST_FILES, MAX_MANIFEST_BYTES, parseManifest, type Manifest } from '../../core/meta/manifest';

/** A manifest that could not be used: no entries, one problem. */
function problem(file: string, message: string): Manifest {
  return { file, entries: new Map(), problems: [message] };
}

/**
 * Reads the manifest (`crosscheck.yaml`, else `crosscheck.yml`) in a folder; undefined when
 * there is none. Problems (not a file, too large, unreadable, not YAML) are the manifest's
 * problems, never exceptions: the articles still load, without its metadata.
 */
export async function readManifestAt(folder: vscode.Uri): Promise<Manifest | undefined> {
  for (const name of MANIFEST_FILES) {
    const uri = vscode.Uri.joinPath(folder, name);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    if ((stat.type & vscode.FileType.File) === 0) return problem(name, 'not a regular file; it is ignored');
    if (stat.size > MAX_MANIFEST_BYTES) return problem(name, `file is too large (${Math.ceil(stat.size / 1024)} KB; the limit is ${MAX_MANIFEST_BYTES / 1024} KB); it is ignored`);
    try {
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
      return parseManifest(text.replace(/^\uFEFF/, ''), name);
    } catch (e) {
      return problem(name, `cannot read file: ${(e as Error).message}; it is ignored`);
    }
  }
  return undefined;
}

/** Whether a URI is a corpus manifest file (by name), so its changes reload the corpus. */
export function isManifestFile(uri: vscode.Uri): boolean {
  const base = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return (MANIFEST_FILES as readonly string[]).includes(base);
}
