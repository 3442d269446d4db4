// Exports are written atomically (temp file in the same folder, then rename), never in an
// untrusted workspace and never over an article. Tested on the real file system through
// the same calls vscode.workspace.fs offers, with faults injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type AtomicWriteFs, exportRefusal, tempNameFor, writeFileAtomic } from '../../src/extension/exportFile';

function realFs(calls: string[], fail?: 'writeFile' | 'rename'): AtomicWriteFs<string> {
  return {
    writeFile: async (p, content) => {
      calls.push(`write ${path.basename(p)}`);
      if (fail === 'writeFile') {
        fs.writeFileSync(p, content.subarray(0, 3)); // a partial write, then the disk fills up
        throw new Error('ENOSPC: no space left on device');
      }
      fs.writeFileSync(p, content);
    },
    rename: async (from, to) => {
      calls.push(`rename ${path.basename(from)} -> ${path.basename(to)}`);
      if (fail === 'rename') throw new Error('EXDEV: rename failed');
      fs.renameSync(from, to);
    },
    delete: async (p) => {
      calls.push(`delete ${path.basename(p)}`);
      fs.unlinkSync(p);
    },
  };
}

test('a report is written to a temp sibling, then renamed over the target', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-'));
  const target = path.join(dir, 'report.json');
  fs.writeFileSync(target, 'old report');
  const temp = path.join(dir, tempNameFor('report.json', '42'));
  const calls: string[] = [];
  await writeFileAtomic(realFs(calls), target, temp, new TextEncoder().encode('{"version":1}'));
  assert.deepEqual(calls, ['write .report.json.crosscheck-42.tmp', 'rename .report.json.crosscheck-42.tmp -> report.json']);
  assert.equal(fs.readFileSync(target, 'utf8'), '{"version":1}');
  assert.deepEqual(fs.readdirSync(dir), ['report.json']);
});

test('a failed write or rename leaves the old file untouched and no temp file behind', async () => {
  for (const fail of ['writeFile', 'rename'] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-'));
    const target = path.join(dir, 'report.md');
    fs.writeFileSync(target, 'old report');
    const calls: string[] = [];
    await assert.rejects(writeFileAtomic(realFs(calls, fail), target, path.join(dir, tempNameFor('report.md', 'x')), new TextEncoder().encode('# new report')), fail === 'writeFile' ? /ENOSPC/ : /EXDEV/);
    assert.equal(fs.readFileSync(target, 'utf8'), 'old report', fail);
    assert.deepEqual(fs.readdirSync(dir), ['report.md'], fail);
    assert.equal(calls[calls.length - 1], 'delete .report.md.crosscheck-x.tmp');
  }
});

test('the temp file is never an article (.txt/.md) and is hidden', () => {
  const name = tempNameFor('story.md', '123-abc');
  assert.ok(name.startsWith('.') && name.endsWith('.tmp'));
});

test('exports are refused in an untrusted workspace and over an article, with a message saying why', () => {
  assert.equal(exportRefusal({ trusted: true }), undefined);
  assert.match(exportRefusal({ trusted: false })!, /Restricted Mode \(an untrusted workspace\)\. Trust the workspace to export\./);
  assert.match(exportRefusal({ trusted: true, targetArticle: '001_abc' })!, /the article "001_abc".*never writes to articles/);
});
