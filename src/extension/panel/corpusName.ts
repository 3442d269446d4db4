// The corpus's name on screen (panel title, status-bar tooltip): the folder
// opened as a corpus, else the workspace. Pure: no `vscode` import.
import type { CorpusSource } from '../corpus/corpusLoader';

/** The corpus's name: the folder's label or last path segment, else the workspace's name. */
export function corpusName(source: CorpusSource | undefined, workspaceName: string | undefined): string {
  if (source?.kind === 'folder') {
    if (source.label) return source.label;
    const segments = source.uri.path.split('/').filter(Boolean);
    return segments[segments.length - 1] ?? source.uri.path;
  }
  return workspaceName || 'workspace';
}

/** A panel's title: "Crosscheck — basil-dev", or "Crosscheck: a ↔ b — basil-dev" for a pair. */
export function panelTitle(base: string, name: string | undefined, pair?: [string, string]): string {
  const head = pair ? `${base}: ${pair[0]} ↔ ${pair[1]}` : base;
  return name ? `${head} — ${name}` : head;
}
