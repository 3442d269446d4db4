import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from '../../src/core/compare/compare';

const hasSubstantive = (c: { divergences: { substantive: boolean }[] }) => c.divergences.some((d) => d.substantive);

test('seed: Kirby quotes in 000 and 001 are verbatim/edited with no substantive divergence', () => {
  const pairs: [string, string][] = [
    ['Iran also continues to provide Russia with one-way attack UAVs (unmanned aerial vehicles).', 'Iran also continues to provide Russia with one-way attack UAVs (unmanned aerial vehicles).'],
    ['Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety,”', 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety."'],
    ['By providing Russia with these UAVs, Iran has been directly enabling Russia’s war of aggression in Ukraine,”', "By providing Russia with these UAVs, Iran has been directly enabling Russia's war of aggression in Ukraine.\""],
  ];
  for (const [a, b] of pairs) {
    const c = compareTexts(a, b);
    assert.ok(c.grade === 'verbatim' || c.grade === 'edited', `${c.grade}: ${a}`);
    assert.equal(hasSubstantive(c), false);
    assert.ok(c.score > 0.9);
  }
});

test('seed: 002 vs Kirby is reworded with number and attribution divergences', () => {
  const c = compareTexts(
    'Since August, according to a White House representative, Iran has delivered several hundred drones to Russia.',
    'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety',
    { speakerA: null, speakerB: 'John Kirby' },
  );
  assert.equal(c.grade, 'reworded');
  assert.ok(c.divergences.some((d) => d.type === 'number' && d.substantive));
  assert.ok(c.divergences.some((d) => d.type === 'attribution' && d.substantive));
  assert.ok(c.score > 0 && c.score < 1);
  // each kind of substantive change lowers the similarity: the same report with the same number and source scores higher
  const same = compareTexts(
    'Since August, according to John Kirby, Iran has delivered more than 400 drones to Russia.',
    'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety',
    { speakerA: null, speakerB: 'John Kirby' },
  );
  assert.equal(same.divergences.filter((d) => d.substantive).length, 0, JSON.stringify(same.divergences));
  assert.ok(same.score > c.score + 0.2, `${same.score} vs ${c.score}`);
});

test('verbatim: identical up to whitespace; typography or case changed is an edit with the same words', () => {
  const v = compareTexts('The  Kremlin’s war —\nin Ukraine', 'The Kremlin’s war — in Ukraine');
  assert.equal(v.grade, 'verbatim');
  assert.equal(v.score, 1);
  const c = compareTexts('“The  Kremlin’s war” — in Ukraine', '"the kremlin\'s war" - in ukraine');
  assert.equal(c.grade, 'edited');
  assert.equal(c.score, 1);
  assert.equal(hasSubstantive(c), false);
  const apostrophe = compareTexts('I can’t help but think that those remarks are well over the line.', "I can't help but think that those remarks are well over the line.");
  assert.equal(apostrophe.grade, 'edited');
  const capital = compareTexts('Can anyone say the mainstream media is biased?', 'Can anyone say the Mainstream Media is biased?');
  assert.equal(capital.grade, 'edited');
});

test('edited: spelling variants and punctuation only', () => {
  const c = compareTexts('The defence ministry will publicise the programme.', 'The defense ministry will publicize the program');
  assert.equal(c.grade, 'edited');
  assert.equal(hasSubstantive(c), false);
});

test('truncated: one side a cut-down version', () => {
  const c = compareTexts('Russia has expended most of these UAVs, using them to target Ukrainian critical infrastructure inside Ukraine.', 'Russia has expended most of these UAVs.');
  assert.equal(c.grade, 'truncated');
});

test('reworded: synonyms and morphology', () => {
  const cases: [string, string][] = [
    ['Russia bought hundreds of drones from Iran.', 'Russia purchased hundreds of UAVs from Iran.'],
    ['The administration publicised satellite imagery last year.', 'The administration released satellite imagery last year.'],
    ['Russia wants to buy drones from Iran.', 'Russia wants to purchase drones from Iran.'],
  ];
  for (const [a, b] of cases) {
    const c = compareTexts(a, b);
    assert.equal(c.grade, 'reworded', `${a} / ${b}: ${JSON.stringify(c)}`);
    assert.equal(hasSubstantive(c), false);
    assert.ok(c.divergences.every((d) => d.type === 'wording' || !d.substantive));
  }
});

test('null: unrelated sentences', () => {
  const c = compareTexts('Iran has previously supplied drones to Hezbollah in Lebanon.', 'Biden is expected to call on fellow leaders to tighten export controls.');
  assert.equal(c.grade, null);
  assert.ok(c.score < 0.5);
});

test('empty strings do not throw and grade null', () => {
  assert.equal(compareTexts('', '').grade, null);
  assert.equal(compareTexts('Iran sold drones.', '').grade, null);
  assert.equal(compareTexts('...', '...').grade, null);
});

test('score is in [0, 1]', () => {
  for (const [a, b] of [['a b c', 'd e f'], ['Iran sold drones.', 'Iran sold drones.'], ['x', 'Iran sold many drones to Russia.']]) {
    const s = compareTexts(a, b).score;
    assert.ok(s >= 0 && s <= 1);
  }
});
