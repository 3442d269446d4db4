import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as os from 'os';
import * as path from 'path';
import { articleIdFor, CorpusError, loadCorpus, titleOf } from '../../src/core/io/corpus';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../../src/core/io/decode';
import { makeFolder } from './tempFolders';


test('loads .txt and .md recursively with posix ids, titles, BOM stripped, CRLF kept', () => {
  const dir = makeFolder({
    'b.txt': '\uFEFFHeadline B\r\nBody “quoted”.\r\n',
    'sub/deep/a.md': '\n\n# Title A\nBody.',
    'notes.json': '{}',
    '.hidden/x.txt': 'hidden',
    'node_modules/y.txt': 'dependency',
  });
  const { articles, problems } = loadCorpus(dir);
  assert.deepEqual(problems, []);
  assert.deepEqual(articles.map((a) => a.id), ['b', 'sub/deep/a']);
  assert.deepEqual(articles.map((a) => a.file), ['b.txt', 'sub/deep/a.md']);
  assert.equal(articles[0].text, 'Headline B\r\nBody “quoted”.\r\n');
  assert.equal(articles[0].title, 'Headline B');
  assert.equal(articles[1].title, 'Title A');
});

test('bad files are reported and skipped; the rest still loads', () => {
  const latin1 = Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]); // "Café noir" in Latin-1
  const undecodable = Buffer.from([0x41, 0x42, 0x43, 0x81, 0x44]); // 0x81: invalid UTF-8, undefined in Windows-1252
  const dir = makeFolder({
    'good.txt': 'A good article.\nWith two lines.',
    'empty.txt': '',
    'blank.txt': '  \n\t\n',
    'binary.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x01]),
    'latin1.txt': latin1,
    'undecodable.txt': undecodable,
  });
  const { articles, problems, notes } = loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.id), ['good', 'latin1']);
  assert.equal(articles[1].text, 'Café noir');
  assert.deepEqual(notes, [{ file: 'latin1.txt', message: 'not valid UTF-8; decoded as Windows-1252 (Western)' }]);
  const byFile = Object.fromEntries(problems.map((p) => [p.file, p.message]));
  assert.match(byFile['empty.txt'], /empty/);
  assert.match(byFile['blank.txt'], /empty \(whitespace only\)/);
  assert.match(byFile['binary.txt'], /binary/);
  assert.match(byFile['undecodable.txt'], /neither valid UTF-8 \(first bad byte at offset 3\) nor Western/);
  assert.equal(problems.length, 4);
});

test('huge files are refused with their size', () => {
  const r = decodeArticle(new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(0x61));
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /too large/);
});

test('UTF-16 with a BOM is decoded', () => {
  const r = decodeArticle(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Héllo “world”', 'utf16le')]));
  assert.deepEqual(r, { ok: true, text: 'Héllo “world”', encoding: 'utf-16le' });
});

test('missing folder, a file instead of a folder, and a folder without articles throw CorpusError', () => {
  assert.throws(() => loadCorpus(path.join(os.tmpdir(), 'no-such-crosscheck-folder-' + process.pid)), (e: unknown) => e instanceof CorpusError && /folder not found/.test((e as Error).message));
  const dir = makeFolder({ 'a.txt': 'text', 'only.json': '{}' });
  assert.throws(() => loadCorpus(path.join(dir, 'a.txt')), /not a folder/);
  const empty = makeFolder({ 'only.json': '{}', 'e.txt': '' });
  assert.throws(() => loadCorpus(empty), (e: unknown) => e instanceof CorpusError && /no articles.*e\.txt: file is empty/.test((e as Error).message));
});

test('ids and titles', () => {
  assert.equal(articleIdFor(path.join('x', 'y', '001_abc.txt')), 'x/y/001_abc');
  assert.equal(titleOf('\n  \n  First line  \nsecond'), 'First line');
  assert.equal(titleOf(''), '');
});

test('a.txt beside a.md keeps both articles with distinct ids', () => {
  const dir = makeFolder({ 'a.txt': 'one', 'a.md': 'two' });
  const ids = loadCorpus(dir).articles.map((a) => a.id);
  assert.equal(new Set(ids).size, 2);
});
