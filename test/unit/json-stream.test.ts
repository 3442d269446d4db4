import { test } from 'node:test';
import assert from 'node:assert/strict';
import { constants } from 'buffer';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { streamJson } from '../../src/core/report/jsonStream';
import { renderJson, toJsonReport, writeJsonReport } from '../../src/core/report';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { loadCorpus } from '../../src/core/io/corpus';
import { writeChunksAtomicSync } from '../../src/core/io/atomicWrite';
import { main } from '../../src/cli/app';
import type { AnalysisResult, Match } from '../../src/core/types';

const seeds = path.resolve(__dirname, '..', '..', '..', 'seeds');

function streamed(value: unknown, options = {}): { text: string; chunks: number } {
  let text = '';
  let chunks = 0;
  streamJson(value, (c) => {
    text += c;
    chunks++;
  }, options);
  return { text, chunks };
}

test('streamJson writes exactly what JSON.stringify writes, at every depth and indent', () => {
  const values: unknown[] = [
    { a: 1, b: [1, 'two', null, true, { c: [] }, {}], d: { e: { f: [[], [[1]], { g: 'h\ni"\u2028' }] } } },
    { skip: undefined, fn: () => 1, sym: Symbol('x'), keep: 0, list: [undefined, () => 1, Symbol('y'), -0, NaN, Infinity] },
    { when: new Date(0), nested: { when: new Date(86400000) }, custom: { toJSON: (key: string) => `custom ${key}` } },
    { empty: {}, none: [], onlyUndefined: { x: undefined } },
    [1, [2, [3, [4, [5]]]], { deep: { deeper: { deepest: [] } } }],
    { 'quote"key': 'value', 'ünï\u0000': ['é', '\ud83d\ude00'] },
    Object.assign(Object.create(null), { bare: [1, 2] }),
    { boxed: [Object(1), Object('s'), Object(false)] },
    [],
    {},
    'a lone string',
    42,
    null,
  ];
  for (const value of values) {
    for (const indent of [0, 2, 4]) {
      for (const depth of [0, 1, 2, 3, 10]) {
        for (const chunkSize of [1, 7, 1 << 20]) {
          assert.equal(streamed(value, { indent, depth, chunkSize }).text, JSON.stringify(value, null, indent), `indent ${indent}, depth ${depth}, chunk ${chunkSize}: ${String(JSON.stringify(value))}`);
        }
      }
    }
  }
  assert.equal(streamed(undefined).text, '');
  assert.equal(streamed(() => 1).text, '');
});

test('streamJson hands the text over in bounded chunks', () => {
  const value = { items: Array.from({ length: 2000 }, (_, i) => ({ id: i, text: 'word '.repeat(20) })) };
  const { text, chunks } = streamed(value, { chunkSize: 4096 });
  assert.equal(text, JSON.stringify(value, null, 2));
  assert.ok(chunks > text.length / 8192, `expected many chunks, got ${chunks}`);
});

test('writeJsonReport gives the text of renderJson (extra fields after the report)', () => {
  const result = analyzeCorpus(loadCorpus(seeds).articles);
  assert.ok(result.matches.length > 0);
  let text = '';
  writeJsonReport(result, (c) => (text += c));
  assert.equal(text, renderJson(result));
  let withExtra = '';
  writeJsonReport(result, (c) => (withExtra += c), { review: { file: 'r.json', decisions: [] } });
  assert.equal(withExtra, JSON.stringify({ ...toJsonReport(result), review: { file: 'r.json', decisions: [] } }, null, 2) + '\n');
});

/** A synthetic result of `count` matches (one match object, repeated) whose sides each carry `sideChars` characters of text. */
function syntheticResult(count: number, sideChars: number): { result: AnalysisResult; match: Match } {
  const text = 'The minister said the figures would be published next week. '.repeat(Math.ceil(sideChars / 60)).slice(0, sideChars);
  const match: Match = {
    id: 'm1',
    cluster: 'c1',
    kind: 'quote',
    grade: 'verbatim',
    score: 1,
    a: { article: 'a.txt', start: 0, end: text.length, text, speaker: 'A Minister' },
    b: { article: 'b.txt', start: 10, end: 10 + text.length, text, speaker: null },
    divergences: [{ type: 'case', substantive: false, a: 'The', b: 'the', message: 'case', aStart: 0, aEnd: 3, bStart: 10, bEnd: 13 }],
  };
  const articles = [
    { id: 'a.txt', file: 'a.txt', title: 'A', length: text.length },
    { id: 'b.txt', file: 'b.txt', title: 'B', length: text.length + 10 },
  ];
  return { result: { version: 1, articles, quotes: [], matches: new Array<Match>(count).fill(match), clusters: [] }, match };
}

test('a JSON report longer than the longest string V8 holds is written whole, chunk for chunk as JSON.stringify would', () => {
  // each match ~1 MB of JSON; together beyond constants.MAX_STRING_LENGTH (where `report --json` used to throw RangeError)
  const sideChars = 500_000;
  const count = Math.ceil(constants.MAX_STRING_LENGTH / (2 * sideChars)) + 10;
  const { result, match } = syntheticResult(count, sideChars);
  // the expected text, piece by piece, from JSON.stringify itself: the report around one match, the match in place, the separator
  const around = (matches: unknown[]) => JSON.stringify({ ...toJsonReport(result), matches }, null, 2);
  const marker = JSON.stringify('\u0001marker');
  const one = around([JSON.parse(marker)]);
  const [head, tail] = [one.slice(0, one.indexOf(marker)), one.slice(one.indexOf(marker) + marker.length)];
  const two = around([JSON.parse(marker), JSON.parse(marker)]);
  const separator = two.slice(head.length + marker.length, two.length - tail.length - marker.length);
  const alone = around([match]);
  const element = alone.slice(head.length, alone.length - tail.length);
  function* expectedPieces(): Generator<string> {
    yield head;
    for (let i = 0; i < count; i++) yield i > 0 ? separator + element : element;
    yield tail + '\n';
  }
  const pieces = expectedPieces();
  let piece = '';
  let offset = 0;
  let total = 0;
  let chunks = 0;
  writeJsonReport(result, (chunk) => {
    chunks++;
    total += chunk.length;
    let at = 0;
    while (at < chunk.length) {
      if (offset === piece.length) {
        const next = pieces.next();
        assert.ok(!next.done, 'the streamed text runs past the expected end');
        [piece, offset] = [next.value, 0];
        continue;
      }
      const n = Math.min(piece.length - offset, chunk.length - at);
      if (chunk.slice(at, at + n) !== piece.slice(offset, offset + n)) assert.fail(`streamed text differs near character ${total - chunk.length + at}`);
      at += n;
      offset += n;
    }
  });
  assert.equal(offset, piece.length);
  assert.ok(pieces.next().done, 'the streamed text ends early');
  assert.ok(total > constants.MAX_STRING_LENGTH, `${total} characters: not beyond the string limit`);
  assert.ok(chunks > 100);
});

test('report --json --out streams to the file; a failed write leaves no file behind', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-stream-'));
  const file = path.join(dir, 'r.json');
  const code = main(['report', seeds, '--json', '--out', file], { stdout: () => {}, stderr: () => {}, isTTY: false });
  assert.equal(code, 0);
  let stdout = '';
  main(['report', seeds, '--json'], { stdout: (t) => (stdout += t), stderr: () => {}, isTTY: false });
  assert.equal(fs.readFileSync(file, 'utf8'), stdout);
  assert.equal(JSON.parse(stdout).version, 1);
  // a disk that fills up half-way: the old file stays, no temporary file is left
  let writes = 0;
  const failing = {
    ...fs,
    writeSync: ((fd: number, buffer: Uint8Array, offset?: number, length?: number) => {
      if (++writes > 1) throw Object.assign(new Error('no space left'), { code: 'ENOSPC' });
      return fs.writeSync(fd, buffer, offset, length);
    }) as typeof fs.writeSync,
  };
  assert.throws(() => writeChunksAtomicSync(file, (put) => ['{', '"a": 1', '}'].forEach(put), failing), /no space left/);
  assert.equal(fs.readFileSync(file, 'utf8'), stdout);
  assert.deepEqual(fs.readdirSync(dir), ['r.json']);
  fs.rmSync(dir, { recursive: true, force: true });
});
