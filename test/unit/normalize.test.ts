import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeText, normalizeString, tokenize } from '../../src/core/text/normalize';
import { foldSpelling, isSpellingVariant } from '../../src/core/text/spelling';

test('normalizeText folds quotes, dashes, whitespace and case with an offset map', () => {
  const src = '  “Kremlin’s  war”\t—  Ukraine ';
  const { text, map } = normalizeText(src);
  assert.equal(text, '"kremlin\'s war" - ukraine');
  assert.equal(map.length, text.length + 1);
  assert.equal(map[map.length - 1], src.length);
  // every non-space normalised char maps back to the char it came from
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') continue;
    const orig = src[map[i]];
    assert.ok(orig.toLowerCase() === text[i] || '“”’—'.includes(orig), `char ${i}`);
  }
  assert.equal(src[map[text.indexOf('ukraine')]], 'U');
});

test('normalizeText on empty and whitespace-only strings', () => {
  assert.deepEqual(normalizeText(''), { text: '', map: [0] });
  assert.deepEqual(normalizeText('   '), { text: '', map: [3] });
});

test('tokenize keeps offsets into the original and groups numbers', () => {
  const src = 'Iran’s 1,200 drones rose 4.4% to $2.5 billion, the U.S. said.';
  const toks = tokenize(src);
  for (const t of toks) assert.equal(src.slice(t.start, t.end), t.text);
  const texts = toks.map((t) => t.text);
  assert.ok(texts.includes('1,200'));
  assert.ok(texts.includes('4.4%'));
  assert.ok(texts.includes('$2.5'));
  assert.ok(texts.includes('U.S.'));
  assert.ok(texts.includes(','));
  assert.equal(toks.find((t) => t.text === 'Iran’s')!.norm, "iran's");
  assert.equal(toks.find((t) => t.text === '1,200')!.kind, 'number');
  assert.equal(toks.find((t) => t.text === ',')!.kind, 'punct');
  assert.deepEqual(tokenize(''), []);
});

test('British/American spelling folds to one form', () => {
  const pairs = [['defence', 'defense'], ['publicise', 'publicize'], ['organised', 'organized'], ['colour', 'color'], ['travelled', 'traveled'], ['programme', 'program'], ['centre', 'center'], ['analysed', 'analyzed'], ['labour', 'labor'], ['licence', 'license']];
  for (const [gb, us] of pairs) {
    assert.equal(foldSpelling(gb), foldSpelling(us), `${gb}/${us}`);
    assert.ok(isSpellingVariant(gb, us));
  }
  for (const w of ['advise', 'surprise', 'four', 'hour', 'rising', 'filled', 'fence']) assert.equal(foldSpelling(w), w, w);
  assert.equal(isSpellingVariant('defence', 'defence'), false);
  assert.equal(tokenize('Defence')[0].norm, 'defense');
});

test('normalizeString (no offset map) gives exactly normalizeText(text).text', () => {
  for (const t of ['  “Kremlin’s  war”\t—  Ukraine ', 'ΣΊΣΥΦΟΣ said “ΟΔΟΣ”', 'Drones 🚀 hit İstanbul', '', '\r\n\u00a0x', 'Mr KIRBY — “no”…']) {
    assert.equal(normalizeString(t), normalizeText(t).text, JSON.stringify(t));
  }
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (t) => normalizeString(t) === normalizeText(t).text),
    { numRuns: 2000 },
  );
  fc.assert(
    fc.property(fc.array(fc.constantFrom('Kirby', ' ', '\u2019', '\u201c', '\u2014', 'Σ', 'ς', 'colour', '\t', '\n', 'İ', '😀', 'e\u0301', 'DEFENCE', '...'), { maxLength: 30 }), (parts) => {
      const t = parts.join('');
      return normalizeString(t) === normalizeText(t).text;
    }),
    { numRuns: 2000 },
  );
});

test('tokenize keeps a censored word written with hyphens and a lower-case abbreviation with periods as one token', () => {
  const words = (s: string) => tokenize(s).filter((t) => t.kind === 'word').map((t) => t.norm);
  // censored with hyphens folds like the starred forms
  assert.deepEqual(words('a f---ing disgrace'), ['a', 'f*ng', 'disgrace']);
  assert.deepEqual(words('a f***ing disgrace'), ['a', 'f*ng', 'disgrace']);
  assert.deepEqual(words('that s--t and S---'), ['that', 's*t', 'and', 's*']);
  // "s.o.b." folds like "SOB" and "S.O.B."
  assert.deepEqual(words('an s.o.b. who'), ['an', 'sob', 'who']);
  assert.deepEqual(words('an S.O.B. who'), ['an', 'sob', 'who']);
  // a double hyphen between words is a dash, not a censored word
  assert.deepEqual(words('The vote--held late--failed'), ['the', 'vote', 'held', 'late', 'failed']);
});
