// Issue 6, bad input: one test (or more) per row of the table. Each proves the
// behaviour on real bytes and real folders: files are written to a temp dir and loaded
// through loadCorpus / the CLI / the extension's decoder, and analysed with the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/app';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { compareTexts } from '../../src/core/compare/compare';
import { CorpusError, type CorpusFs, loadCorpus, MAX_ARTICLE_FILES } from '../../src/core/io/corpus';
import { decodeArticle, MAX_ARTICLE_BYTES } from '../../src/core/io/decode';
import { extractQuotes } from '../../src/core/extract/quotes';
import type { Article } from '../../src/core/types';
import { decodeArticle as decodeForEditor } from '../../src/extension/corpus/corpusFiles';
import { assertResultSpans, assertSpan } from './spanAssertions';
import { makeFolder } from './tempFolders';


function runCli(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

const KIRBY = 'John Kirby said: "Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety." He spoke on Monday.';
const KIRBY_OTHER = 'Iran has delivered drones, a White House representative said. "Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety," Kirby added.';

// Row: empty file; whitespace only — skipped, listed as 'empty' in the report and the Output channel.
test('empty and whitespace-only files are skipped as "empty" by the core, the CLI report and the editor loader', () => {
  const dir = makeFolder({ 'a.txt': KIRBY, 'empty.txt': '', 'blank.md': ' \r\n\t\n\u00a0\u2003\n' });
  const { articles, problems } = loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.file), ['a.txt']);
  assert.deepEqual(problems, [
    { file: 'blank.md', message: 'file is empty (whitespace only)' },
    { file: 'empty.txt', message: 'file is empty' },
  ]);
  const cli = runCli(['report', dir, '--json']);
  assert.equal(cli.code, 0);
  assert.match(cli.err, /skipped blank\.md: file is empty \(whitespace only\)/);
  assert.match(cli.err, /skipped empty\.txt: file is empty/);
  // The editor loader's messages are what the Crosscheck output channel lists.
  assert.deepEqual(decodeForEditor('empty.txt', new Uint8Array(0), { maxBytes: 1 << 20 }), { problem: { file: 'empty.txt', message: 'skipped: file is empty' } });
  assert.deepEqual(decodeForEditor('blank.md', Buffer.from(' \n\t'), { maxBytes: 1 << 20 }), { problem: { file: 'blank.md', message: 'skipped: file is empty (whitespace only)' } });
});

// Row: binary file (e.g. PNG bytes renamed .txt) — skipped with a clear message naming the file.
test('PNG bytes renamed .txt are skipped with a message naming the file', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201e2272ba00000000049454e44ae426082', 'hex');
  const dir = makeFolder({ 'a.txt': KIRBY, 'photo.png.txt': png });
  const { articles, problems } = loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.file), ['a.txt']);
  assert.deepEqual(problems, [{ file: 'photo.png.txt', message: 'file looks binary (it contains NUL bytes), not text' }]);
  assert.match(runCli(['report', dir]).err, /^crosscheck: skipped photo\.png\.txt: file looks binary/m);
  assert.deepEqual(decodeForEditor('photo.png.txt', png, { maxBytes: 1 << 20 }), { problem: { file: 'photo.png.txt', message: 'skipped: file looks binary (it contains NUL bytes), not text' } });
});

// Row: Windows-1252/Latin-1 bytes; UTF-16 with BOM; UTF-8 BOM — decoded correctly; offsets still match.
test('Windows-1252 with curly quotes is decoded (with a note), and its quote is found at the right offsets', () => {
  const text = 'Le ministre a déclaré: \u201cNous ne négocierons pas avec eux, jamais.\u201d \u2014 Fran\u00e7ois Dupont said on Monday.';
  const cp1252 = Buffer.from(
    [...text].map((ch) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u2014': 0x97 } as Record<string, number>)[ch] ?? ch.charCodeAt(0)),
  );
  assert.ok(cp1252.every((b) => b < 0x100));
  const r = decodeArticle(cp1252);
  assert.deepEqual(r, { ok: true, text, encoding: 'windows-1252' });
  const dir = makeFolder({ 'fr.txt': cp1252, 'latin1.txt': Buffer.from('Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9.', 'latin1') });
  const corpus = loadCorpus(dir);
  assert.equal(corpus.articles[0].text, text);
  assert.equal(corpus.articles[1].text, 'Café crème, naïve résumé.');
  assert.deepEqual(corpus.notes.map((n) => n.file), ['fr.txt', 'latin1.txt']);
  assert.match(corpus.notes[0].message, /decoded as Windows-1252/);
  const quotes = extractQuotes(corpus.articles[0]);
  assert.equal(quotes.length, 1);
  assert.equal(quotes[0].text, 'Nous ne négocierons pas avec eux, jamais.');
  assert.equal(quotes[0].start, text.indexOf('Nous'));
  // In VS Code the file opens as UTF-8, so the editor loader refuses it and says how to convert it.
  const ed = decodeForEditor('fr.txt', cp1252, { maxBytes: 1 << 20 });
  assert.ok('problem' in ed && /not valid UTF-8 \(it reads as Windows-1252\).*Reopen with Encoding/.test(ed.problem.message));
});

test('bytes that are neither UTF-8 nor Western text are skipped with the offset of the first bad byte', () => {
  const koi8 = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4, 0x20, 0xcd, 0xc9, 0xd2]); // "Привет мир" in KOI8-R: mostly high bytes
  const r = decodeArticle(koi8);
  assert.equal(r.ok, false);
  assert.match((r as { message: string }).message, /neither valid UTF-8 \(first bad byte at offset 0\) nor Western \(Windows-1252\) text; re-save it as UTF-8/);
});

test('UTF-16 LE and BE with a BOM and UTF-8 with a BOM decode to the same text and the same quote offsets', () => {
  const text = 'Headline\r\n' + KIRBY + ' \u00ab\u00e9\u00bb \ud83d\ude80';
  const variants = {
    'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    'utf8bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    'utf8.txt': Buffer.from(text, 'utf8'),
  };
  const dir = makeFolder(variants);
  const { articles, problems, notes } = loadCorpus(dir);
  assert.deepEqual(problems, []);
  assert.deepEqual(notes.map((n) => `${n.file}: ${n.message}`), ['utf16be.txt: decoded as UTF-16BE (byte-order mark)', 'utf16le.txt: decoded as UTF-16LE (byte-order mark)']);
  const expected = extractQuotes({ id: 'x', text }).map((q) => [q.start, q.end, q.text]);
  assert.equal(expected.length, 1);
  for (const a of articles) {
    assert.equal(a.text, text, a.file); // BOM stripped, as VS Code shows it
    assert.deepEqual(extractQuotes(a).map((q) => [q.start, q.end, q.text]), expected, a.file);
  }
  for (const name of ['utf16le.txt', 'utf16be.txt', 'utf8bom.txt'] as const) {
    const r = decodeForEditor(name, variants[name], { maxBytes: 1 << 20 });
    assert.ok('article' in r && r.article.text === text, name);
  }
});

// Row: CRLF and lone CR line ends — offsets still map exactly.
test('CRLF and lone-CR articles: every quote, match and divergence span is the exact slice, shifted by the extra characters', () => {
  const lf = 'Drone deal\n\n' + KIRBY + '\nMore text follows here.\n' + 'Officials said "the deal is worth more than $1 billion to Moscow."\n';
  const other = 'Deal\n\n' + KIRBY_OTHER + '\nOfficials said "the deal is worth up to $1 billion to Moscow."\n';
  for (const [name, eol] of [['CRLF', '\r\n'], ['CR', '\r']] as const) {
    const a = { id: 'a', text: lf.replace(/\n/g, eol) };
    const b = { id: 'b', text: other.replace(/\n/g, eol) };
    const result = analyzeCorpus([a, b]);
    assertResultSpans(result, [a, b]);
    const baseline = analyzeCorpus([{ id: 'a', text: lf }, { id: 'b', text: other }]);
    assert.equal(result.matches.length, baseline.matches.length, name);
    assert.ok(result.matches.length >= 2, `${name}: ${result.matches.length} matches`);
    // Each quote's offset in the CRLF/CR text is its LF offset plus one per line break before it (CRLF) or equal (CR).
    const extra = (lfOffset: number) => (eol === '\r\n' ? (lf.slice(0, lfOffset).match(/\n/g) || []).length : 0);
    const lfQuotes = baseline.quotes.filter((q) => q.article === 'a');
    const quotes = result.quotes.filter((q) => q.article === 'a');
    assert.deepEqual(quotes.map((q) => [q.start, q.end]), lfQuotes.map((q) => [q.start + extra(q.start), q.end + extra(q.end)]), name);
  }
});

// Row: a 20 MB article; a 5 MB single line — analysed within bounds, or skipped past a documented size limit.
test('a 20 MB article is skipped past the size limit without being read; a smaller limit is an option', () => {
  const dir = makeFolder({ 'a.txt': KIRBY });
  const big = path.join(dir, 'huge.txt');
  const fd = fs.openSync(big, 'w');
  fs.writeSync(fd, 'x', 20 * 1024 * 1024 - 1); // a sparse 20 MB file
  fs.closeSync(fd);
  const reads: string[] = [];
  const spy: CorpusFs = { readdirSync: fs.readdirSync, statSync: fs.statSync, readFileSync: ((p: string) => (reads.push(p), fs.readFileSync(p))) as CorpusFs['readFileSync'] };
  const { articles, problems } = loadCorpus(dir, { fs: spy });
  assert.deepEqual(articles.map((a) => a.file), ['a.txt']);
  assert.deepEqual(problems, [{ file: 'huge.txt', message: 'file is too large (20.0 MB; the limit is 5.0 MB)' }]);
  assert.deepEqual(reads.map((p) => path.basename(p)), ['a.txt']);
  fs.writeFileSync(path.join(dir, 'small.txt'), 'Short.');
  assert.deepEqual(loadCorpus(dir, { maxFileBytes: 100 }).problems, [
    { file: 'a.txt', message: 'file is too large (1 KB; the limit is 1 KB)' },
    { file: 'huge.txt', message: 'file is too large (20.0 MB; the limit is 1 KB)' },
  ]);
  assert.deepEqual(decodeForEditor('huge.txt', new Uint8Array(2048), { maxBytes: 1024 }), {
    problem: { file: 'huge.txt', message: 'skipped: 2 KB is larger than the 1 KB limit (crosscheck.maxFileSizeKb)' },
  });
});

test('a 5 MB single-line article (just under the limit) loads and is analysed; spans stay in bounds', () => {
  const sentence = 'Kirby said "more than 400 drones were delivered since August" and the White House agreed. ';
  const line = sentence.repeat(Math.floor((MAX_ARTICLE_BYTES - 1) / sentence.length));
  assert.ok(line.length > 5_000_000 && !line.includes('\n'));
  const dir = makeFolder({ 'line.txt': line, 'b.txt': 'Kirby said "more than 400 drones were delivered since August".' });
  const corpus = loadCorpus(dir);
  assert.deepEqual(corpus.problems, []);
  const result = analyzeCorpus(corpus.articles);
  assert.ok(result.quotes.filter((q) => q.article === 'line').length > 1000);
  assert.ok(result.matches.length >= 1);
  assertResultSpans(result, corpus.articles);
});

// Row: emoji, combining marks, zero-width characters, right-to-left text.
test('emoji, combining marks, zero-width and right-to-left text: spans never split a surrogate pair and land on the right characters', () => {
  const quote = 'We 👩🏽‍🚀 will send more than 400 drones to Cafe\u0301 Zu\u0308rich \u200bsoon \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627';
  const a = { id: 'a', text: `🚀🚀 Headline 🇺🇦\n\nJohn Kirby said: "${quote}." He left. \u202eevil\u202c 𝒳𝒴𝒵` };
  const b = { id: 'b', text: `\u200f\u05db\u05d5\u05ea\u05e8\u05ea\n\n"${quote}," Kirby said on 👍 Monday.` };
  const result = analyzeCorpus([a, b]);
  assertResultSpans(result, [a, b]);
  const qa = result.quotes.find((q) => q.article === 'a')!;
  assert.equal(qa.start, a.text.indexOf('We 👩'));
  assert.equal(qa.text.startsWith(quote), true);
  const m = result.matches.find((x) => x.kind === 'quote')!;
  assert.ok(m, 'the quote is matched across the two articles');
  const sideA = m.a.article === 'a' ? m.a : m.b;
  assert.ok(a.text.slice(sideA.start, sideA.end).includes('👩🏽‍🚀'));
  assert.ok(a.text.slice(sideA.start, sideA.end).includes('\u05e9\u05dc\u05d5\u05dd'));
});

// Row: unbalanced or nested quotes; guillemets «…», „…“, 「…」.
test('unbalanced and nested quote marks never crash and never swallow the rest of the article', () => {
  const text = [
    'Kirby said "this quote never closes and the paragraph goes on without it.',
    'Next, Kirby said "the next quote is complete and has enough words in it," on Monday.',
    'Officials said “one ‘inner’ part inside the quote is kept as part of it” on Tuesday.',
    '"" "" “” ”“ « » „ “ 「 」 ““““ ””””',
  ].join('\n');
  const quotes = extractQuotes({ id: 'a', text });
  for (const q of quotes) {
    assertSpan(text, q.start, q.end, q.id);
    assert.equal(text.slice(q.start, q.end), q.text);
    assert.ok(!q.text.includes('\n'), `a quote never spans paragraphs here: ${JSON.stringify(q.text)}`);
  }
  assert.ok(quotes.some((q) => q.text === 'the next quote is complete and has enough words in it,' || q.text === 'the next quote is complete and has enough words in it'));
  assert.ok(quotes.some((q) => q.text === 'one ‘inner’ part inside the quote is kept as part of it'));
  assertResultSpans(analyzeCorpus([{ id: 'a', text }, { id: 'b', text: text.split('\n').reverse().join('\n') }]), [{ id: 'a', text }, { id: 'b', text: text.split('\n').reverse().join('\n') }]);
});

const GUILLEMETS: [string, string][] = [
  ['Kirby said: «We will not negotiate with them under any circumstances.» The talks ended.', 'We will not negotiate with them under any circumstances.'],
  ['Scholz sagte: „Wir werden unter keinen Umständen mit ihnen verhandeln.“ Dann ging er.', 'Wir werden unter keinen Umständen mit ihnen verhandeln.'],
  ['Kishida said 「我々はいかなる状況でも彼らと交渉しない」 on Monday.', '我々はいかなる状況でも彼らと交渉しない'],
];

test('guillemets «…», „…“ and 「…」 never crash and give in-bounds spans', () => {
  for (const [text] of GUILLEMETS) {
    for (const q of extractQuotes({ id: 'a', text })) assert.equal(text.slice(q.start, q.end), q.text);
    const doc = { id: 'a', text };
    assertResultSpans(analyzeCorpus([doc, { id: 'b', text: text + ' More.' }]), [doc, { id: 'b', text: text + ' More.' }]);
  }
});

test('quotes in guillemets «…», „…“ and 「…」 are found', () => {
  for (const [text, inner] of GUILLEMETS) assert.deepEqual(extractQuotes({ id: 'a', text }).map((q) => q.text), [inner], text);
});

// Row: missing folder; unreadable file (permissions); symlink loop; 50,000 files.
test('a missing folder is a clear CorpusError and a one-line CLI error with exit code 2', () => {
  const missing = path.join(os.tmpdir(), `cc-missing-${process.pid}`, 'articles');
  assert.throws(() => loadCorpus(missing), (e: unknown) => e instanceof CorpusError && e.message === `folder not found: ${missing}`);
  const cli = runCli(['report', missing]);
  assert.equal(cli.code, 2);
  assert.equal(cli.err, `crosscheck: folder not found: ${missing}\n`);
});

test('unreadable files and folders (EACCES injected through the fs seam, since root reads everything) are reported; the rest loads', () => {
  const dir = makeFolder({ 'a.txt': KIRBY, 'secret.txt': 'locked', 'locked/b.txt': 'locked too', 'open/c.txt': KIRBY_OTHER });
  const denied = (p: string) => {
    const err = new Error(`EACCES: permission denied, open '${p}'`) as NodeJS.ErrnoException;
    err.code = 'EACCES';
    return err;
  };
  const io: CorpusFs = {
    statSync: fs.statSync,
    readdirSync: ((p: string, o: object) => {
      if (path.basename(p) === 'locked') throw denied(p);
      return fs.readdirSync(p, o as { withFileTypes: true });
    }) as CorpusFs['readdirSync'],
    readFileSync: ((p: string) => {
      if (path.basename(p) === 'secret.txt') throw denied(p);
      return fs.readFileSync(p);
    }) as CorpusFs['readFileSync'],
  };
  const { articles, problems } = loadCorpus(dir, { fs: io });
  assert.deepEqual(articles.map((a) => a.file), ['a.txt', 'open/c.txt']);
  assert.deepEqual(problems, [
    { file: 'locked', message: 'cannot read folder: EACCES' },
    { file: 'secret.txt', message: 'cannot read file: EACCES' },
  ]);
});

test('real unreadable paths: a folder named like an article, and a FIFO (which would block a read forever)', () => {
  const dir = makeFolder({ 'a.txt': KIRBY, 'folder.txt/inner.json': '{}' });
  execFileSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  fs.symlinkSync(path.join(dir, 'pipe.txt'), path.join(dir, 'link-to-pipe.txt'));
  fs.symlinkSync(path.join(dir, 'folder.txt'), path.join(dir, 'link-to-folder.md'));
  const { articles, problems } = loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.file), ['a.txt']);
  assert.deepEqual(problems, [
    { file: 'link-to-folder.md', message: 'not a regular file (a folder)' },
    { file: 'link-to-pipe.txt', message: 'not a regular file (a device, pipe or socket)' },
    { file: 'pipe.txt', message: 'not a regular file (a device, pipe or socket)' },
  ]);
});

test('symlink loops: a folder linking to its parent is not followed, files linking in a circle are reported', () => {
  const dir = makeFolder({ 'a.txt': KIRBY, 'sub/b.txt': KIRBY_OTHER });
  fs.symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  fs.symlinkSync('..', path.join(dir, 'sub', 'up'));
  fs.symlinkSync(path.join(dir, 'y.txt'), path.join(dir, 'x.txt'));
  fs.symlinkSync(path.join(dir, 'x.txt'), path.join(dir, 'y.txt'));
  const { articles, problems } = loadCorpus(dir);
  assert.deepEqual(articles.map((a) => a.file), ['a.txt', 'sub/b.txt']);
  assert.deepEqual(problems, [
    { file: 'x.txt', message: 'cannot read file: ELOOP' },
    { file: 'y.txt', message: 'cannot read file: ELOOP' },
  ]);
});

test('50,000 small files: the loader stops at the file cap with a clear message, in bounded memory', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-50k-'));
  for (let d = 0; d < 50; d++) {
    const sub = path.join(dir, `d${String(d).padStart(2, '0')}`);
    fs.mkdirSync(sub);
    for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(sub, `f${String(i).padStart(4, '0')}.txt`), `Article ${d}-${i}: Kirby said "more than ${i} drones".`);
  }
  try {
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    const { articles, problems } = loadCorpus(dir);
    const grown = process.memoryUsage().heapUsed - before;
    assert.equal(articles.length, MAX_ARTICLE_FILES);
    assert.equal(articles[0].file, 'd00/f0000.txt');
    const firstSkipped = `d${String(Math.floor(MAX_ARTICLE_FILES / 1000)).padStart(2, '0')}/f${String(MAX_ARTICLE_FILES % 1000).padStart(4, '0')}.txt`;
    assert.deepEqual(problems, [{ file: firstSkipped, message: `skipped with ${50_000 - MAX_ARTICLE_FILES - 1} more: only the first ${MAX_ARTICLE_FILES} of 50000 article files are loaded` }]);
    // Only the capped articles are held: well under 100 MB of heap (50,000 names plus the capped short texts).
    assert.ok(grown < 100 * 1024 * 1024, `heap grew by ${Math.round(grown / 1024 / 1024)} MB`);
    // The listing bound holds too: a tree larger than the bound is cut off with a message.
    const capped = loadCorpus(dir, { maxListedEntries: 2000, maxFiles: 10 });
    assert.equal(capped.articles.length, 10);
    assert.ok(capped.problems.some((p) => p.message === 'listing stopped after 2000 files and folders; the rest of the folder is not read'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the editor loader and the core agree on every decodable row (same text, same article id)', () => {
  const rows: [string, Buffer][] = [
    ['crlf.txt', Buffer.from('Title\r\nBody "quoted text here" said Kirby.\r\n')],
    ['cr.txt', Buffer.from('Title\rBody "quoted text here" said Kirby.\r')],
    ['bom.md', Buffer.from('\ufeff# Title\n\nBody.', 'utf8')],
    ['emoji.txt', Buffer.from('🚀 e\u0301 \u200d \u05e9\u05dc\u05d5\u05dd', 'utf8')],
  ];
  const dir = makeFolder(Object.fromEntries(rows));
  const core = new Map<string, Article>(loadCorpus(dir).articles.map((a) => [a.file, a]));
  for (const [name, bytes] of rows) {
    const r = decodeForEditor(name, bytes, { maxBytes: 1 << 20 });
    assert.ok('article' in r, name);
    assert.equal(r.article.text, core.get(name)!.text, name);
    assert.equal(r.article.id, core.get(name)!.id, name);
  }
});

test('words that name Object.prototype members (constructor, __proto__, toString …) are ordinary words', () => {
  const words = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'isPrototypeOf', '__defineGetter__'];
  const text = (w: string) => `The minister said "the ${w} of the new law was rushed through parliament last week", according to officials.`;
  for (const w of words) {
    const c = compareTexts(text(w), text(w).replace('rushed', 'pushed'));
    assert.ok(c.grade, `${w}: compared`);
    const result = analyzeCorpus([{ id: 'a', text: text(w) }, { id: 'b', text: text(w) }]);
    assert.equal(result.matches.length, 1, `${w}: matched`);
    assert.equal(result.matches[0].grade, 'verbatim');
  }
});
