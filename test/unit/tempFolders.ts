// Temporary article folders for the unit tests.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A new temp folder (name starting `prefix`) holding `files` (relative path → content; sub-folders are created). */
export function makeFolder(files: Record<string, string | Buffer>, prefix = 'cc-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A new temp folder (name starting `prefix`) holding a copy of every file of `source`. */
export function copyFolder(source: string, prefix = 'cc-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const f of fs.readdirSync(source)) fs.copyFileSync(path.join(source, f), path.join(dir, f));
  return dir;
}
