// Writing a report file whole or not at all. Never imports vscode; the extension writes
// through vscode.workspace.fs (src/extension/commands/exportFile.ts) with the same temp-file naming.
import * as fs from 'fs';
import * as path from 'path';

/** The file-system calls `writeFileAtomicSync` makes; a seam so tests can inject faults. */
export type AtomicWriteSyncFs = Pick<typeof fs, 'writeFileSync' | 'renameSync' | 'rmSync'>;

/** Name of the temporary sibling a report is first written to (hidden, and never a .txt/.md, so never an article). */
export function tempNameFor(fileName: string, unique: string): string {
  return `.${fileName}.crosscheck-${unique}.tmp`;
}

/**
 * Writes `data` to `target` atomically: first to a new temporary file in the same folder,
 * then renamed over the target, so a reader (or a crash, or a full disk) never leaves half a
 * report and an existing file is replaced whole or not at all. On failure the temporary
 * file is removed and the error rethrown.
 */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, io: AtomicWriteSyncFs = fs): void {
  const temp = path.join(path.dirname(target), tempNameFor(path.basename(target), `${process.pid}-${Date.now().toString(36)}`));
  try {
    io.writeFileSync(temp, data, { flag: 'wx' });
    io.renameSync(temp, target);
  } catch (e) {
    try {
      io.rmSync(temp, { force: true });
    } catch {
      // Nothing to clean up.
    }
    throw e;
  }
}

/** The file-system calls `writeChunksAtomicSync` makes; a seam so tests can inject faults. */
export type ChunkWriteSyncFs = Pick<typeof fs, 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/**
 * `writeFileAtomicSync` for output made chunk by chunk (a report too large for one string):
 * `produce` hands each chunk to its callback, written (UTF-8) to the new temporary file in turn;
 * the file is then renamed over the target, or removed on failure and the error rethrown.
 */
export function writeChunksAtomicSync(target: string, produce: (put: (chunk: string) => void) => void, io: ChunkWriteSyncFs = fs): void {
  const temp = path.join(path.dirname(target), tempNameFor(path.basename(target), `${process.pid}-${Date.now().toString(36)}`));
  let fd: number | undefined;
  try {
    fd = io.openSync(temp, 'wx');
    const file = fd;
    produce((chunk) => {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let at = 0; at < bytes.length; ) at += io.writeSync(file, bytes, at, bytes.length - at);
    });
    fd = undefined;
    io.closeSync(file);
    io.renameSync(temp, target);
  } catch (e) {
    try {
      if (fd !== undefined) io.closeSync(fd);
      io.rmSync(temp, { force: true });
    } catch {
      // Nothing to clean up.
    }
    throw e;
  }
}
