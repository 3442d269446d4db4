// Which file holds each article of the corpus, both ways.
import type * as vscode from 'vscode';
import type { WatchedCorpus } from './corpusWatcher';

/** Article id ↔ file URI of the current corpus (URIs compared as strings). */
export class ArticleUris implements WatchedCorpus {
  private readonly uriById = new Map<string, vscode.Uri>();
  private readonly idByUri = new Map<string, string>();

  /** Replaces every entry with the files of a new load. */
  reset(uris: Map<string, vscode.Uri>): void {
    this.uriById.clear();
    this.idByUri.clear();
    for (const [id, uri] of uris) {
      this.uriById.set(id, uri);
      this.idByUri.set(uri.toString(), id);
    }
  }

  /** The file of an article. */
  uriOf(articleId: string): vscode.Uri | undefined {
    return this.uriById.get(articleId);
  }

  /** The article held by a file. */
  articleIdOf(uri: vscode.Uri): string | undefined {
    return this.idByUri.get(uri.toString());
  }

  /** Whether a URI (as a string) is a file of the corpus. */
  hasFile(uriString: string): boolean {
    return this.idByUri.has(uriString);
  }

  /** The URIs (as strings) of the corpus's files. */
  fileKeys(): Iterable<string> {
    return this.idByUri.keys();
  }
}
