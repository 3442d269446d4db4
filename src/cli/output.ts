// Writing the CLI's output: to stdout, or atomically to a file (`--out`), chunk by chunk, so a
// report is never needed as one string (the JSON report at 10,000 articles exceeds V8's limit).
import * as fs from 'fs';
import * as path from 'path';
import { tempNameFor } from '../core/io/atomicWrite';
import type { TextSink } from '../core/report/jsonStream';

/** Produces output by calling `put` with each chunk, in order. */
export type ChunkProducer = (put: TextSink) => void;

/** The file-system calls `writeChunksAtomicSync` makes; a seam so tests can inject faults. */
export type ChunkWriteFs = Pick<typeof fs, 'openSync' | 'writeSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/**
 * Writes what `produce` puts to `target` atomically: chunk by chunk to a new temporary sibling
 * (the name writeFileAtomicSync uses), then renamed over the target, so a failure or crash
 * never leaves half a report and an existing file is replaced whole or not at all. On failure
 * the temporary file is removed and the error rethrown.
 */
export function writeChunksAtomicSync(target: string, produce: ChunkProducer, io: ChunkWriteFs = fs): void {
  const temp = path.join(path.dirname(target), tempNameFor(path.basename(target), `${process.pid}-${Date.now().toString(36)}`));
  let fd: number | undefined;
  try {
    fd = io.openSync(temp, 'wx');
    const file = fd;
    produce((chunk) => writeAll(io, file, chunk));
    io.closeSync(file);
    fd = undefined;
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

/** Writes a whole chunk (UTF-8) to an open file, however many calls it takes. */
function writeAll(io: ChunkWriteFs, fd: number, chunk: string): void {
  const bytes = Buffer.from(chunk, 'utf8');
  let at = 0;
  while (at < bytes.length) at += io.writeSync(fd, bytes, at, bytes.length - at);
}
