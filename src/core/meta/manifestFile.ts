// Reading the corpus manifest (`crosscheck.yaml`) from a corpus folder. Problems (unreadable,
// too large, not YAML) become the manifest's problems, never exceptions.
import * as fs from 'fs';
import * as path from 'path';
import { MANIFEST_FILES, MAX_MANIFEST_BYTES, parseManifest, type Manifest } from './manifest';

/** The file-system calls readManifest makes (the corpus loader's seam). */
export type ManifestFs = Pick<typeof fs, 'statSync' | 'readFileSync'>;

function problem(name: string, message: string): Manifest {
  return { file: name, entries: new Map(), problems: [message] };
}

/**
 * Reads the manifest (`crosscheck.yaml`, else `crosscheck.yml`) in a folder; undefined when
 * there is none. A manifest that cannot be read or parsed gives problems: the articles still
 * load, without its metadata.
 */
export function readManifest(folder: string, io: ManifestFs = fs): Manifest | undefined {
  for (const name of MANIFEST_FILES) {
    const abs = path.join(folder, name);
    let stat: fs.Stats;
    try {
      stat = io.statSync(abs);
    } catch {
      continue;
    }
    if (!stat.isFile()) return problem(name, 'not a regular file; it is ignored');
    if (stat.size > MAX_MANIFEST_BYTES) return problem(name, `file is too large (${Math.ceil(stat.size / 1024)} KB; the limit is ${MAX_MANIFEST_BYTES / 1024} KB); it is ignored`);
    try {
      return parseManifest(io.readFileSync(abs, 'utf8').replace(/^\uFEFF/, ''), name);
    } catch (e) {
      return problem(name, `cannot read file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; it is ignored`);
    }
  }
  return undefined;
}
