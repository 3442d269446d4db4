import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { splitSentences } from '../../src/core/text/sentences';

/** The sentence texts of `text`. */
function texts(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

test('splits plain sentences and trims them', () => {
  assert.deepEqual(texts('  One fish.  Two fish!  Red fish? '), ['One fish.', 'Two fish!', 'Red fish?']);
});

test('survives titles, initials, dotted acronyms and month abbreviations', () => {
  const t = 'Mr. Kirby met Dr. Smith and Mrs. Jones in the U.S. capital. John F. Kennedy Jr. was born on Jan. 6 in St. Louis. The U.N. agreed.';
  assert.deepEqual(texts(t), [
    'Mr. Kirby met Dr. Smith and Mrs. Jones in the U.S. capital.',
    'John F. Kennedy Jr. was born on Jan. 6 in St. Louis.',
    'The U.N. agreed.',
  ]);
});

test('a dotted acronym still ends a sentence before a typical opener', () => {
  assert.deepEqual(texts('He moved to the U.S. The move was hard.'), ['He moved to the U.S.', 'The move was hard.']);
});

test('does not split decimals and currency amounts', () => {
  assert.deepEqual(texts('Inflation rose 4.4% and shares hit A$4.56 today. Then fell.'), [
    'Inflation rose 4.4% and shares hit A$4.56 today.',
    'Then fell.',
  ]);
});

test('a quote spanning sentences is not split before its closing mark', () => {
  const t = '“First sentence. Second sentence,” he said. Next one.';
  assert.deepEqual(texts(t), ['“First sentence. Second sentence,” he said.', 'Next one.']);
  assert.deepEqual(texts('He said "It works." Then he left.'), ['He said "It works."', 'Then he left.']);
  assert.deepEqual(texts('“It was important,” Kirby said Tuesday. “It’s expanding.”'), [
    '“It was important,” Kirby said Tuesday.',
    '“It’s expanding.”',
  ]);
});

test('line breaks and blank lines always end a sentence; CRLF offsets are exact', () => {
  const t = 'Headline without stop\r\n\r\nBody starts here. And ends.\r\nPhoto: AP\r\n';
  const spans = splitSentences(t);
  assert.deepEqual(spans.map((s) => t.slice(s.start, s.end)), ['Headline without stop', 'Body starts here.', 'And ends.', 'Photo: AP']);
  for (const s of spans) assert.ok(!/^\s|\s$/.test(t.slice(s.start, s.end)));
});

test('an unbalanced quote mark does not swallow the following sentences', () => {
  assert.deepEqual(texts('He said “this never closes. Then another sentence. And a third.'), [
    'He said “this never closes.',
    'Then another sentence.',
    'And a third.',
  ]);
});

test('empty and whitespace-only text give no sentences', () => {
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(' \n\r\n\t '), []);
});

test('seed 000: the Kirby multi-sentence quote stays one sentence', () => {
  const t = fs.readFileSync(path.join(__dirname, '../../../seeds/000_59f4c67cbd2b93e8.txt'), 'utf8');
  const all = texts(t);
  assert.ok(all.some((s) => s.startsWith('“Iran also continues') && s.endsWith('John Kirby said.')));
  assert.ok(all.includes('x'));
});

test('is linear on a 2 MB text', () => {
  const t = 'Mr. A said “one. two. three” and left. '.repeat(55000);
  const t0 = Date.now();
  const spans = splitSentences(t);
  assert.ok(spans.length > 50000);
  assert.ok(Date.now() - t0 < 3000);
});
