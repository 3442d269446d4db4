import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { canonicalizeSpeakers, canonicalName, findPersonMentions, isAnaphor, personNameFromTokens } from '../../src/core/extract/speakers';
import type { Quote } from '../../src/core/types';

/** A minimal quote with a speaker. */
function q(id: string, speaker: string | null): Quote {
  return { id, article: 'a', start: 0, end: 1, text: 'x', speaker };
}

test('titles and roles before a name are dropped', () => {
  assert.equal(personNameFromTokens('White House National Security Council spokesman John Kirby'.split(' '), false), 'John Kirby');
  assert.equal(personNameFromTokens('Russian President Vladimir Putin'.split(' '), false), 'Vladimir Putin');
  assert.equal(personNameFromTokens(['Mr', 'Kirby'], true), 'Kirby');
  assert.equal(personNameFromTokens(['White', 'House'], true), null);
  assert.equal(personNameFromTokens(['Kirby'], false), null);
});

test('finds person mentions and maps later surnames to the full name', () => {
  const text = 'White House National Security Adviser Jake Sullivan spoke. The New York Times said Sullivan left.';
  const m = findPersonMentions(text);
  assert.deepEqual(m.map((x) => x.name), ['Jake Sullivan', 'Jake Sullivan']);
  assert.ok(m[1].start > m[0].start);
});

test('alias merging: Kirby, Mr Kirby, Mr. Kirby → John Kirby', () => {
  const known = ['John Kirby', 'Jake Sullivan'];
  assert.equal(canonicalName('Kirby', known), 'John Kirby');
  assert.equal(canonicalName('Mr Kirby', known), 'John Kirby');
  assert.equal(canonicalName('Mr. Kirby', known), 'John Kirby');
  assert.equal(canonicalName('Sullivan', known), 'Jake Sullivan');
  assert.equal(canonicalName('Iran', known), 'Iran');
});

test('ambiguous surnames are not merged', () => {
  assert.equal(canonicalName('Clinton', ['Bill Clinton', 'Hillary Clinton']), 'Clinton');
  assert.equal(canonicalName('Mrs. Clinton', ['Bill Clinton', 'Hillary Clinton']), 'Clinton');
  assert.equal(canonicalName('Hillary Clinton', ['Bill Clinton', 'Hillary Clinton', 'Hillary Rodham Clinton']), 'Hillary Rodham Clinton');
});

test('canonicalizeSpeakers merges aliases across articles without mutating input', () => {
  const input = [q('q1', 'Kirby'), q('q2', 'Mr Kirby'), q('q3', 'John Kirby'), q('q4', 'a White House representative'), q('q5', null)];
  const out = canonicalizeSpeakers(input);
  assert.deepEqual(out.map((x) => x.speaker), ['John Kirby', 'John Kirby', 'John Kirby', 'a White House representative', null]);
  assert.equal(input[0].speaker, 'Kirby');
});

test('canonicalizeSpeakers uses names mentioned in the texts', () => {
  const out = canonicalizeSpeakers([q('q1', 'Sullivan')], ['US national security adviser Jake Sullivan said on Saturday.']);
  assert.equal(out[0].speaker, 'Jake Sullivan');
});

test('anaphors', () => {
  assert.ok(isAnaphor('he'));
  assert.ok(isAnaphor('The speaker'));
  assert.ok(!isAnaphor('Kirby'));
});
