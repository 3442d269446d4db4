// Writing an exported report safely. Pure (no `vscode` import): the caller passes the
// file-system calls (vscode.workspace.fs) and how to name a sibling, so it is unit-tested.
import { tempNameFor } from '../../core/io/atomicWrite';

export { tempNameFor };

/** The file-system calls an atomic write needs (a subset of vscode.workspace.fs). */
export interface AtomicWriteFs<U> {
  writeFile(uri: U, content: Uint8Array): PromiseLike<void>;
  rename(source: U, target: U, options: { overwrite: boolean }): PromiseLike<void>;
  delete(uri: U): PromiseLike<void>;
}

/**
 * Writes `content` to `target` atomically: first to a temporary file in the same folder,
 * then renamed over the target, so a reader (or a crash) never sees half a report and an
 * existing file is replaced whole or not at all. On failure the temporary file is removed
 * and the error rethrown.
 */
export async function writeFileAtomic<U>(fs: AtomicWriteFs<U>, target: U, temp: U, content: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(temp, content);
    await fs.rename(temp, target, { overwrite: true });
  } catch (e) {
    try {
      await fs.delete(temp);
    } catch {
      // The temporary file was never created.
    }
    throw e;
  }
}

/**
 * The UTF-8 bytes of text made chunk by chunk (`produce` hands each chunk to its callback),
 * never joined into one string: a report longer than the longest string V8 holds (about
 * 512 MB) still becomes one buffer for an atomic write. Each chunk must end on a whole
 * character (as streamJson's chunks do).
 */
export function bytesOfChunks(produce: (put: (chunk: string) => void) => void): Uint8Array {
  const parts: Buffer[] = [];
  let length = 0;
  produce((chunk) => {
    const bytes = Buffer.from(chunk, 'utf8');
    parts.push(bytes);
    length += bytes.length;
  });
  return Buffer.concat(parts, length);
}

/**
 * Why an export must not be written, or undefined when it may: Crosscheck writes nothing
 * in an untrusted workspace (Restricted Mode), and never over an article of the corpus.
 */
export function exportRefusal(opts: { trusted: boolean; targetArticle?: string }): string | undefined {
  if (!opts.trusted) return 'exporting a report writes a file, which Crosscheck does not do in Restricted Mode (an untrusted workspace). Trust the workspace to export.';
  if (opts.targetArticle !== undefined) return `that file is the article "${opts.targetArticle}" of the corpus; Crosscheck never writes to articles. Pick another file.`;
  return undefined;
}
