// Exports are written atomically (temp file in the same folder, then rename), never in an
// untrusted workspace and never over an article. Tested on the real file system through
// the same calls vscode.workspace.fs offers, with faults injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type AtomicWriteSyncFs, writeFileAtomicSync } from '../../src/core/io/atomicWrite';
import { type AtomicWriteFs, bytesOfChunks, exportRefusal, tempNameFor, writeFileAtomic } from '../../src/extension/commands/exportFile';
import { renderJson, writeJsonReport } from '../../src/core/report';
import { streamJson } from '../../src/core/report/jsonStream';
import type { AnalysisResult } from '../../src/core/types';

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

test('writeFileAtomicSync (the CLI\'s writer) replaces a file whole, and on a fault leaves the old file and no temp file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-'));
  const target = path.join(dir, 'report.md');
  writeFileAtomicSync(target, '# first');
  writeFileAtomicSync(target, '# second');
  assert.equal(fs.readFileSync(target, 'utf8'), '# second');
  assert.deepEqual(fs.readdirSync(dir), ['report.md']);
  const faulty = (fail: 'writeFileSync' | 'renameSync'): AtomicWriteSyncFs => ({
    writeFileSync: ((p: string, d: string, o: object) => {
      fs.writeFileSync(p, fail === 'writeFileSync' ? d.slice(0, 2) : d, o);
      if (fail === 'writeFileSync') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    }) as AtomicWriteSyncFs['writeFileSync'],
    renameSync: ((a: string, b: string) => {
      if (fail === 'renameSync') throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      fs.renameSync(a, b);
    }) as AtomicWriteSyncFs['renameSync'],
    rmSync: fs.rmSync,
  });
  for (const fail of ['writeFileSync', 'renameSync'] as const) {
    assert.throws(() => writeFileAtomicSync(target, '# third', faulty(fail)), fail === 'writeFileSync' ? /ENOSPC/ : /EACCES/);
    assert.equal(fs.readFileSync(target, 'utf8'), '# second', fail);
    assert.deepEqual(fs.readdirSync(dir), ['report.md'], fail);
  }
});

test('bytesOfChunks gives the UTF-8 bytes of the chunks joined, multi-byte characters included', () => {
  const value = { says: ['“Nous paierons”, a-t-il dit', 'Straße 😀', 'plain'], n: [1, 2.5, null] };
  const chunked = bytesOfChunks((put) => streamJson(value, put, { chunkSize: 3 }));
  assert.deepEqual(Buffer.from(chunked), Buffer.from(JSON.stringify(value, null, 2), 'utf8'));
  let calls = 0;
  bytesOfChunks((put) => streamJson(value, (c) => (calls++, put(c)), { chunkSize: 3 }));
  assert.ok(calls > 5, 'the text really came in many chunks');
  assert.equal(bytesOfChunks(() => undefined).length, 0);
});

test('the exported JSON report, streamed into bytes, is byte for byte the one-string report', () => {
  const q = { article: 'a', start: 0, end: 12, text: '“Wir zahlen”', speaker: 'Fox' };
  const r: AnalysisResult = {
    version: 1,
    articles: [{ id: 'a', file: 'a.md', title: 'Ä title', length: 40 }, { id: 'b', file: 'b.txt', title: 'B', length: 30 }],
    quotes: [{ id: 'q1', ...q }, { id: 'q2', ...q, article: 'b' }],
    matches: [{ id: 'm1', cluster: 'c1', kind: 'quote', grade: 'verbatim', score: 1, a: q, b: { ...q, article: 'b' }, divergences: [] }],
    clusters: [{ id: 'c1', kind: 'quote', members: [q, { ...q, article: 'b' }], matches: ['m1'], speaker: 'Fox', substantive: 0, grade: 'verbatim' }],
  };
  const skipped: AnalysisResult = { ...r, skipped: [{ file: 'c.txt', message: 'too large' }] };
  for (const x of [r, skipped]) assert.deepEqual(Buffer.from(bytesOfChunks((put) => writeJsonReport(x, put))), Buffer.from(renderJson(x), 'utf8'));
  // the command streams it: no renderJson (one string) in the export path
  const ext = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'src', 'extension', 'commands', 'exportReport.ts'), 'utf8');
  assert.doesNotMatch(ext, /renderJson\(/);
  assert.match(ext, /bytesOfChunks\(\(put\) => writeJsonReport\(full, put\)\)/);
});

test('nothing in src/ writes files except the two atomic writers', () => {
  const src = path.resolve(__dirname, '..', '..', '..', 'src');
  const writers: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        fs.readFileSync(p, 'utf8').split('\n').forEach((line, i) => {
          if (/\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|renameSync|rmSync|unlinkSync|copyFileSync|applyEdit)\s*\(|new\s+(vscode\.)?WorkspaceEdit\b|workspace\.fs\.(delete|rename|copy)\b/.test(line) && !/^\s*(\/\/|\*)/.test(line)) {
            writers.push(`${path.relative(src, p).split(path.sep).join('/')}:${i + 1}`);
          }
        });
      }
    }
  };
  walk(src);
  const files = [...new Set(writers.map((w) => w.replace(/:\d+$/, '')))].sort();
  assert.deepEqual(files.filter((f) => !['core/io/atomicWrite.ts', 'extension/commands/exportFile.ts'].includes(f)), [], writers.join(', '));
  // The CLI's one write is --out, through writeFileAtomicSync.
  assert.match(fs.readFileSync(path.join(src, 'cli/app.ts'), 'utf8'), /writeFileAtomicSync\(args\.out, text\)/);
  // The extension's one write is the export, through writeFileAtomic.
  const ext = fs.readFileSync(path.join(src, 'extension/commands/exportReport.ts'), 'utf8');
  assert.equal((ext.match(/writeFileAtomic\(/g) || []).length, 1);
  assert.match(ext, /writeFileAtomic\(vscode\.workspace\.fs, uri, temp,/);
});

test('package.json declares limited untrusted-workspace support, says what is limited, and hides Export when untrusted', () => {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
  const u = pkg.capabilities.untrustedWorkspaces;
  assert.equal(u.supported, 'limited');
  assert.match(u.description, /writes nothing: exporting reports is disabled/);
  assert.deepEqual(u.restrictedConfigurations, ['crosscheck.maxFileSizeKb']);
  const exportMenus = Object.values(pkg.contributes.menus as Record<string, { command: string; when?: string }[]>).flat().filter((m) => m.command === 'crosscheck.exportReport');
  assert.ok(exportMenus.length > 0);
  for (const m of exportMenus) assert.match(m.when ?? '', /isWorkspaceTrusted/);
  const size = pkg.contributes.configuration.properties['crosscheck.maxFileSizeKb'];
  assert.deepEqual([size.type, size.default, size.minimum, size.maximum], ['number', 1024, 1, 102400]);
});
