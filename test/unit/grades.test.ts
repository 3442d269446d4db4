import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from '../../src/core/compare/compare';
import type { Comparison } from '../../src/core/types';

/** The comparison's truncation divergences. */
const cuts = (c: Comparison) => c.divergences.filter((d) => d.type === 'truncation');

/** Compares both ways round and checks that the grade is the same. */
function compareBoth(a: string, b: string): Comparison {
  const ab = compareTexts(a, b);
  const ba = compareTexts(b, a);
  assert.equal(ab.grade, ba.grade, `${a} ~ ${b}`);
  return ab;
}

test('a dropped lead-in conjunction is a cut: truncated, naming the word, cosmetic', () => {
  for (const [a, b, word] of [
    ['But the committee has not finished its review of the budget.', 'The committee has not finished its review of the budget.', 'But'],
    ['And the families were told to leave before dawn', 'the families were told to leave before dawn', 'And'],
    ['So we will keep the clinic open through the winter.', '“We will keep the clinic open through the winter.”', 'So'],
  ]) {
    const c = compareBoth(a, b);
    assert.equal(c.grade, 'truncated', JSON.stringify(c.divergences));
    assert.equal(cuts(c).length, 1, JSON.stringify(c.divergences));
    assert.equal(cuts(c)[0].substantive, false);
    assert.ok(cuts(c)[0].message.includes(`“${word}”`), cuts(c)[0].message);
    assert.equal(cuts(c)[0].a, word);
  }
});

test('a dropped closing clause is a cut even when it is short; the left-out words are named whole', () => {
  const a = 'We have forty schools on the waiting list; nine of them have no heating, and we call these the cold schools.';
  const b = 'We have forty schools on the waiting list, nine of them have no heating';
  const c = compareBoth(a, b);
  assert.equal(c.grade, 'truncated', JSON.stringify(c.divergences));
  assert.ok(cuts(c).some((d) => d.a === 'and we call these the cold schools'), JSON.stringify(c.divergences));
  const short = compareBoth('We have forty schools on the list, and we call them cold.', 'We have forty schools on the list');
  assert.equal(short.grade, 'truncated', JSON.stringify(short.divergences));
  assert.ok(cuts(short).some((d) => d.a === 'and we call them cold' && !d.substantive), JSON.stringify(short.divergences));
});

test('an ellipsis marking an omission is a cut, not a rewording', () => {
  for (const mark of ['…', '...']) {
    const a = `You worked at the mill for decades ${mark} now the owners want to close it.`;
    const b = 'You worked at the mill for decades, every single shift, now the owners want to close it.';
    const c = compareBoth(a, b);
    assert.equal(c.grade, 'truncated', `${mark}: ${JSON.stringify(c.divergences)}`);
    const cut = cuts(c)[0];
    assert.ok(cut && /ellipsis/.test(cut.message) && cut.b === 'every single shift', JSON.stringify(c.divergences));
  }
});

test('hyphenation and numerals against number words are house style: edited', () => {
  const pairs: [string, string][] = [
    ['The board expects a final vote before year-end', 'The board expects a final vote before year end'],
    ['There is a 2 in 3 chance that the levy passes.', 'There is a two-in-three chance that the levy passes.'],
    ['Only 3 of the 12 ferries were running on Sunday.', 'Only three of the twelve ferries were running on Sunday.'],
    ['Turnout fell to 41% in the county.', 'Turnout fell to 41 percent in the county.'],
  ];
  for (const [a, b] of pairs) {
    const c = compareBoth(a, b);
    assert.equal(c.grade, 'edited', `${a}: ${JSON.stringify(c.divergences)}`);
    assert.ok(c.divergences.every((d) => !d.substantive && d.type !== 'wording'), JSON.stringify(c.divergences));
    assert.ok(c.score > 0.9, `${c.score}`);
  }
});

test('a fragment whose other differences are house style and a dropped lead-in is truncated', () => {
  const a = 'But there is a 1 in 4 chance that the bridge reopens before year-end.';
  const b = '“there is a one-in-four chance that the bridge reopens before year end,”';
  const c = compareBoth(a, b);
  assert.equal(c.grade, 'truncated', JSON.stringify(c.divergences));
  assert.ok(cuts(c).some((d) => d.a === 'But'));
});

test('kept: typography or case alone is edited, a real rewording is reworded, a moved word is no cut, a changed number is no house style', () => {
  assert.equal(compareTexts("We don't sell the land, and we won't.", 'We don’t sell the land, and we won’t.').grade, 'edited');
  assert.equal(compareTexts('The Mayor said the plan works.', 'the mayor said the plan works.').grade, 'edited');
  const reworded = compareTexts('The council approved the new budget on Monday after a long debate.', 'After hours of argument, councillors passed the spending plan on Monday.');
  assert.ok(reworded.grade === 'reworded' || reworded.grade === null, `${reworded.grade}`);
  const moved = compareTexts('Inspectors found cracks in three of its steel supports.', 'Cracks were found in three of the steel supports by inspectors.');
  assert.ok(!cuts(moved).some((d) => d.b === 'by'), JSON.stringify(moved.divergences));
  const number = compareTexts('Only 3 of the ferries were running.', 'Only four of the ferries were running.');
  assert.ok(number.divergences.some((d) => d.type === 'number'), JSON.stringify(number.divergences));
  assert.notEqual(number.grade, 'edited');
});

test('a dropped negation at an edge is not passed off as a cosmetic cut', () => {
  const c = compareBoth('Never again will the plant be allowed to dump waste into the river.', 'again will the plant be allowed to dump waste into the river.');
  assert.ok(!cuts(c).some((d) => !d.substantive && /Never/.test(d.a)), JSON.stringify(c.divergences));
});
