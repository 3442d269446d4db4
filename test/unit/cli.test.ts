import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, parseArgs } from '../../src/cli/app';
import { copyFolder } from './tempFolders';

const seeds = path.resolve(__dirname, '..', '..', '..', 'seeds');

function runCli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

test('argument parsing', () => {
  assert.deepEqual(parseArgs(['report', 'dir', '--json']), { command: 'report', positionals: ['dir'], format: 'json' });
  assert.equal(parseArgs(['report', '--markdown']).format, 'markdown');
  assert.throws(() => parseArgs(['report', '--json', '--markdown']), /choose one/);
  assert.throws(() => parseArgs(['report', '--bogus']), /unknown option --bogus/);
  assert.throws(() => parseArgs(['frobnicate']), /unknown command/);
  assert.equal(parseArgs(['report', '--max-articles', '20']).maxArticles, 20);
  assert.throws(() => parseArgs(['report', '--max-articles', '0']), /whole number/);
  assert.throws(() => parseArgs(['report', '--max-articles']), /whole number/);
});

test('bad input exits 2 with a one-line message', () => {
  const missing = runCli(['report', path.join(os.tmpdir(), 'crosscheck-missing-' + process.pid)]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /^crosscheck: folder not found: .*\n$/);
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-empty-'));
  const none = runCli(['report', emptyDir]);
  assert.equal(none.code, 2);
  assert.match(none.err, /^crosscheck: no articles/);
  assert.equal(none.err.trim().split('\n').length, 1);
  assert.equal(runCli([]).code, 2);
  assert.equal(runCli(['--help']).code, 0);
});

test('report --json on seeds/ honours the contract: every text is its slice', () => {
  const { code, out } = runCli(['report', seeds, '--json']);
  assert.equal(code, 0);
  const json = JSON.parse(out);
  assert.equal(json.version, 1);
  assert.equal(json.articles.length, 5);
  const texts = new Map<string, string>(json.articles.map((a: { id: string; file: string }) => [a.id, fs.readFileSync(path.join(seeds, a.file), 'utf8')]));
  for (const a of json.articles) {
    assert.deepEqual(Object.keys(a).slice(0, 4), ['id', 'file', 'title', 'length']);
    assert.equal(a.length, texts.get(a.id)!.length);
  }
  assert.ok(json.quotes.length >= 8, `expected the seeds' quotes, got ${json.quotes.length}`);
  for (const q of json.quotes) {
    assert.match(q.id, /^q\d+$/);
    assert.equal(q.text, texts.get(q.article)!.slice(q.start, q.end));
    assert.ok(q.speaker === null || typeof q.speaker === 'string');
  }
  assert.ok(json.matches.length >= 3, `expected cross-source matches, got ${json.matches.length}`);
  for (const m of json.matches) {
    assert.match(m.id, /^m\d+$/);
    assert.match(m.cluster, /^c\d+$/);
    assert.ok(['quote', 'passage'].includes(m.kind));
    assert.ok(['verbatim', 'edited', 'truncated', 'reworded'].includes(m.grade));
    assert.ok(m.score >= 0 && m.score <= 1);
    assert.notEqual(m.a.article, m.b.article, 'matches are cross-source');
    for (const side of [m.a, m.b]) assert.equal(side.text, texts.get(side.article)!.slice(side.start, side.end));
    for (const d of m.divergences) {
      assert.equal(typeof d.substantive, 'boolean');
      assert.equal(typeof d.message, 'string');
    }
  }
});

test('one bad file is skipped with a warning; the others are still analysed', () => {
  const dir = copyFolder(seeds, 'cc-mixed-');
  fs.writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00])); // UTF-16 BOM + lone surrogate garbage
  fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([1, 2, 0, 4]));
  const { code, out, err } = runCli(['report', dir, '--json']);
  assert.equal(code, 0);
  assert.match(err, /skipped binary\.md: file looks binary/);
  assert.match(err, /skipped broken\.txt: .*not valid UTF-16/);
  assert.equal(JSON.parse(out).articles.length, 5);
});

test('terminal and markdown reports render on seeds/', () => {
  const text = runCli(['report', seeds]);
  assert.equal(text.code, 0);
  assert.match(text.out, /^Crosscheck report\n5 sources · /);
  assert.ok(!text.out.includes('\x1b['), 'no colour when stdout is not a TTY');
  const md = runCli(['report', seeds, '--markdown']);
  assert.match(md.out, /^# Crosscheck report/);
  assert.match(md.out, /## Quotes by speaker/);
});

test('--out writes the report to a file', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-out-')), 'r.json');
  const r = runCli(['report', seeds, '--json', '--out', file]);
  assert.equal(r.code, 0);
  assert.equal(r.out, '');
  assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).version, 1);
});

test('skipped files are listed in the JSON, Markdown and terminal reports; Windows-1252 files are noted', () => {
  const dir = copyFolder(seeds, 'cc-listed-');
  fs.writeFileSync(path.join(dir, 'blank.txt'), '  \n\t\n');
  // "The minister said \x93we will not\x94 cut it." in Windows-1252 (curly quotes 0x93/0x94).
  fs.writeFileSync(path.join(dir, 'latin.txt'), Buffer.concat([Buffer.from('The minister said '), Buffer.from([0x93]), Buffer.from('we will not cut the budget'), Buffer.from([0x94]), Buffer.from(' today.\n')]));
  const json = runCli(['report', dir, '--json']);
  assert.equal(json.code, 0);
  const report = JSON.parse(json.out);
  assert.deepEqual(report.skipped.map((p: { file: string }) => p.file), ['blank.txt']);
  assert.match(report.skipped[0].message, /empty/);
  assert.deepEqual(report.notes.map((p: { file: string }) => p.file), ['latin.txt']);
  assert.match(json.err, /note latin\.txt: .*1252/i);
  assert.ok(report.articles.some((a: { file: string }) => a.file === 'latin.txt'));
  assert.match(runCli(['report', dir, '--markdown']).out, /## Files not analysed\n\n- blank\\\.txt: .*empty/);
  assert.match(runCli(['report', dir]).out, /skipped blank\.txt: .*empty/);
  // The seeds alone have nothing skipped: the fields are left out.
  assert.equal(JSON.parse(runCli(['report', seeds, '--json']).out).skipped, undefined);
});

test('--out never writes over an article of the corpus, and replaces a report atomically', () => {
  const dir = copyFolder(seeds, 'cc-guard-');
  const article = path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.txt'))!);
  const before = fs.readFileSync(article, 'utf8');
  const r = runCli(['report', dir, '--markdown', '--out', article]);
  assert.equal(r.code, 2);
  assert.match(r.err, /refusing to write the report over an article/);
  assert.equal(fs.readFileSync(article, 'utf8'), before);
  const out = path.join(dir, 'report.json');
  fs.writeFileSync(out, 'old');
  assert.equal(runCli(['report', dir, '--json', '--out', out]).code, 0);
  assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).version, 1);
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');
});

test('the terminal report shows article control characters as U+FFFD', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-ctrl-'));
  const text = 'Kirby said "Iran has sent more than 400 drones \x1b]0;pwned\x07 to Russia since August".\n';
  fs.writeFileSync(path.join(dir, 'a.txt'), text);
  fs.writeFileSync(path.join(dir, 'b.txt'), text);
  const r = runCli(['report', dir]);
  assert.equal(r.code, 0);
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f-\x9f]/.test(r.out));
  assert.ok(r.out.includes('\uFFFD]0;pwned\uFFFD'));
});

test('the packaged library finds its WordNet data without node_modules (synonyms and opposites)', () => {
  const dist = path.resolve(__dirname, '..', '..', '..', 'dist');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-packaged-'));
  fs.copyFileSync(path.join(dist, 'core.js'), path.join(dir, 'core.js'));
  fs.cpSync(path.join(dist, 'wordnet'), path.join(dir, 'wordnet'), { recursive: true });
  const script = `const c = require('./core.js');
    const r = c.compareTexts('Stocks closed higher on Monday after the report', 'Stocks closed lower on Monday after the report');
    process.stdout.write(JSON.stringify(r.divergences.map((d) => [d.type, d.substantive])));`;
  const run = require('child_process').spawnSync(process.execPath, ['-e', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [['negation', true]]);
});

test('--max-articles caps the corpus and reports the rest', () => {
  const r = runCli(['report', seeds, '--json', '--max-articles', '3']);
  assert.equal(r.code, 0);
  const report = JSON.parse(r.out);
  assert.equal(report.articles.length, 3);
  assert.match(r.err, /skipped .*only the first 3 of 5 article files are loaded/);
});
