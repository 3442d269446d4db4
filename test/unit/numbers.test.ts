import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities, Quantity } from '../../src/core/extract/numbers';
import { parseNumberWords, parseNumeral } from '../../src/core/extract/numerals';
import { compareQuantities } from '../../src/core/extract/quantityComparison';

const q = (s: string): Quantity => {
  const all = extractQuantities(s);
  assert.equal(all.length, 1, `one quantity in "${s}": ${JSON.stringify(all)}`);
  return all[0];
};

test('quantity claims with qualifiers and vague amounts', () => {
  assert.deepEqual([q('more than 400 UAVs').op, q('more than 400 UAVs').value], ['>', 400]);
  assert.equal(q('more than 400 UAVs').text, 'more than 400');
  const sh = q('several hundred drones');
  assert.equal(sh.op, 'range');
  assert.ok(sh.low >= 200 && sh.low <= 300 && sh.high >= 700 && sh.high <= 900);
  assert.deepEqual([q('hundreds of drones').low, q('hundreds of drones').high], [200, 999]);
  assert.deepEqual([q('up to 300 aircraft').op, q('up to 300 aircraft').value], ['<=', 300]);
  assert.deepEqual([q('its nearly 15-month-old war').op, q('its nearly 15-month-old war').value], ['~<', 15]);
  assert.equal(q('1,200 pounds').value, 1200);
  assert.equal(q('2.5 million people').value, 2.5e6);
  assert.deepEqual([q('a 4.4% rise').value, q('a 4.4% rise').unit], [4.4, '%']);
  assert.deepEqual([q('5 per cent').value, q('5 per cent').unit], [5, '%']);
  assert.equal(q('a dozen drones').value, 12);
  assert.equal(q('four hundred').value, 400);
  assert.equal(q('twenty-five drones').value, 25);
  const bn = q('billions of dollars');
  assert.equal(bn.unit, '$');
  assert.equal(bn.op, 'range');
  assert.equal(q('$2.5 billion').value, 2.5e9);
  assert.deepEqual(extractQuantities('one-way attack drones, one of them'), []);
  assert.deepEqual(extractQuantities(''), []);
});

test('offsets of quantities point into the text', () => {
  const s = 'Iran has provided more than 400 UAVs and several hundred drones.';
  for (const x of extractQuantities(s)) assert.equal(s.slice(x.start, x.end), x.text);
});

test('different claims vs the same claim', () => {
  const claims = ['more than 400', 'several hundred', 'up to 300', 'hundreds'].map(q);
  for (let i = 0; i < claims.length; i++) for (let j = 0; j < claims.length; j++) {
    assert.equal(compareQuantities(claims[i], claims[j]).same, i === j, `${claims[i].text} vs ${claims[j].text}`);
  }
  assert.ok(compareQuantities(q('400'), q('four hundred')).same);
  assert.ok(compareQuantities(q('1,200'), q('1200')).same);
  assert.ok(compareQuantities(q('2.5 million'), q('2,500,000')).same);
  const about = compareQuantities(q('about 400'), q('400'));
  assert.equal(about.same, false);
  assert.equal(about.onlyQualifier, true);
  assert.equal(compareQuantities(q('5%'), q('$5')).same, false);
  assert.equal(compareQuantities(q('1,200 pounds'), q('1,100 pounds')).same, false);
});

test('numeral and number-word parsing', () => {
  assert.deepEqual(parseNumeral('1,200'), { value: 1200, unit: undefined });
  assert.equal(parseNumeral('abc'), null);
  assert.equal(parseNumberWords(['two', 'thousand', 'five', 'hundred']), 2500);
  assert.equal(parseNumberWords(['seventy', 'five']), 75);
  assert.equal(parseNumberWords(['drones']), null);
});

test('abbreviated scales: $250m, £2.5bn, "$ 250-M" (headline style); a bare "100m" may be metres', () => {
  assert.equal(q('a $250m deal').value, 250e6);
  assert.equal(q('a $250m deal').unit, '$');
  assert.equal(q('a £2.5bn bid').value, 2.5e9);
  assert.equal(q('buys paper for $ 250-M').value, 250e6);
  assert.equal(q('more than $40bn in aid').op, '>');
  assert.equal(q('more than $40bn in aid').text, 'more than $40bn');
  assert.equal(extractQuantities('she won the 100m final').length, 0);
  assert.ok(compareQuantities(q('$ 250 million'), q('$250m')).same);
});

test('rounding: a figure rounded to a coarser precision (or given as "about") is the same amount; other changes are not', () => {
  const r = (a: string, b: string) => compareQuantities(q(a), q(b)).rounded;
  assert.ok(r('$114.3 million', '$114 million'));
  assert.ok(r('2.5 million', '2,512,000'));
  assert.ok(r('14.7 percent', 'about 15 percent'));
  assert.ok(!r('$9.99', '$9.95'), 'same precision: a real change');
  assert.ok(!r('$30.50', '$30'), 'a single trailing zero is not a round figure');
  assert.ok(!r('540', '1,000'), 'far apart: not rounding');
  assert.ok(!r('more than 5,200', 'more than 5,270'));
  assert.ok(!r('more than 400', 'several hundred'));
  assert.ok(!r('1,200 pounds', '1,100 pounds'));
});

test('a currency sign set apart from the amount ("$ 30 billion") is its unit', () => {
  assert.equal(q('unveils $ 30 billion link').unit, '$');
  assert.ok(!compareQuantities(q('$ 30 billion'), q('$ 25bn')).same);
});

test('words that name Object.prototype members are no numbers ("constructor", "toString")', () => {
  assert.equal(parseNumberWords(['constructor']), null);
  assert.equal(parseNumberWords(['toString']), null);
  assert.equal(parseNumberWords(['two', 'hundred']), 200);
});
