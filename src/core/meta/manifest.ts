// The corpus manifest: `crosscheck.yaml` in the corpus folder maps article files to their
// metadata, for articles whose text must stay untouched. Parsed with the `yaml` package.
import { parse, YAMLParseError } from 'yaml';
import type { ArticleMeta } from '../types';
import { normalizeMeta } from './fields';

/** File names of the manifest, tried in this order in the corpus folder. */
export const MANIFEST_FILES = ['crosscheck.yaml', 'crosscheck.yml'] as const;

/** Largest manifest read (a line per article field; 1 MB is thousands of articles). */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** A parsed manifest: metadata by article key (file path or id), and one-line problems. */
export interface Manifest {
  /** Manifest file name (e.g. `crosscheck.yaml`). */
  file: string;
  /** Metadata by key as written: a path relative to the corpus folder, with or without extension. */
  entries: Map<string, ArticleMeta>;
  /** Problems met (YAML errors, bad values, unknown articles); the rest of the manifest still applies. */
  problems: string[];
}

/**
 * Parses a manifest's text. Its shape:
 *   articles:
 *     002_f30aaf43ba5361f9.txt: { outlet: Minembwe Capital News, date: 2023-06-11 }
 * A manifest that is not valid YAML, or has no `articles` mapping, gives no entries and a problem.
 */
export function parseManifest(text: string, file: string = MANIFEST_FILES[0]): Manifest {
  const manifest: Manifest = { file, entries: new Map(), problems: [] };
  let raw: unknown;
  try {
    raw = parse(text, { schema: 'core', maxAliasCount: 100 });
  } catch (e) {
    manifest.problems.push(`not valid YAML (${e instanceof YAMLParseError ? e.message.split('\n')[0] : String(e)}); it is ignored`);
    return manifest;
  }
  if (raw === null || raw === undefined) return manifest;
  const articles = isMapping(raw) ? raw.articles : undefined;
  if (!isMapping(articles)) {
    manifest.problems.push('expected an `articles:` mapping of file names to fields; it is ignored');
    return manifest;
  }
  for (const [key, value] of Object.entries(articles)) {
    const name = key.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!isMapping(value)) {
      manifest.problems.push(`${name}: expected fields (outlet, title, date, url, author)`);
      continue;
    }
    const { meta, warnings } = normalizeMeta(value);
    for (const w of warnings) manifest.problems.push(`${name}: ${w}`);
    manifest.entries.set(name, meta);
  }
  return manifest;
}

function isMapping(x: unknown): x is Record<string, unknown> {
  return !!x && typeof x === 'object' && !Array.isArray(x);
}

/** The manifest's metadata for an article, by its file (`a/b.txt`) or its id (`a/b`); undefined when it has none. */
export function manifestMetaFor(manifest: Manifest | undefined, file: string, id: string): ArticleMeta | undefined {
  return manifest?.entries.get(file) ?? manifest?.entries.get(id);
}

/** Manifest keys that name no loaded article (a typo or a removed file), for a warning. */
export function unusedManifestKeys(manifest: Manifest, articles: { file: string; id: string }[]): string[] {
  const known = new Set(articles.flatMap((a) => [a.file, a.id]));
  return [...manifest.entries.keys()].filter((k) => !known.has(k));
}
