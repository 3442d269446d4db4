// Divergence flags on the shapes real news takes (issue 12): house style is cosmetic, attribution
// needs a plausible source on both sides and never changes the grade, lead-ins dropped and
// sentence splits are cuts, opposites and swapped actors are flagged. Examples written for these tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from '../../src/core/compare/compare';
import { plausibleSource, sameSource } from '../../src/core/compare/sources';
import { sameEntity } from '../../src/core/compare/entities';
import { tokenize } from '../../src/core/text/normalize';
import { Comparison } from '../../src/core/types';

const substantiveTypes = (c: Comparison) => c.divergences.filter((d) => d.substantive).map((d) => d.type);

/** Asserts that the pair grades `edited` with no substantive divergence and no wording or entity flag. */
function assertHouseStyle(a: string, b: string): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    const c = compareTexts(x, y);
    assert.equal(c.grade, 'edited', `${x} / ${y}: ${JSON.stringify(c.divergences)}`);
    assert.deepEqual(substantiveTypes(c), []);
    assert.ok(!c.divergences.some((d) => d.type === 'wording' || d.type === 'entity'), JSON.stringify(c.divergences));
  }
}

test('house style: abbreviations with or without periods are an edit', () => {
  assertHouseStyle('The C.I.A. told lawmakers the plan was O.K. in principle.', 'The CIA told lawmakers the plan was OK in principle.');
  assertHouseStyle('Officials in the U.K. expect a vote in the spring.', 'Officials in the UK expect a vote in the spring.');
});

test('house style: title abbreviations are an edit (Sen./Senator, Gov./Governor, Rep./Representative)', () => {
  assertHouseStyle('Sen. Alvarez believes the depot should be built on the other side of town.', 'Senator Alvarez believes the depot should be built on the other side of town.');
  assertHouseStyle('Gov. Patel signed the measure into law on Friday.', 'Governor Patel signed the measure into law on Friday.');
  assertHouseStyle('Rep. Ortiz voted against the package.', 'Representative Ortiz voted against the package.');
});

test('house style: a party-and-state tag is the same as its spelled-out form', () => {
  assert.ok(sameEntity('R-Ohio', 'Republican of Ohio'));
  assert.ok(sameEntity('D-Calif', 'California Democrat'));
  assert.ok(!sameEntity('R-Ohio', 'Democrat of Ohio'));
  const c = compareTexts('Rep. Dana Whitfield (R-Tex.) questioned the witness for an hour.', 'Rep. Dana Whitfield, Republican of Texas, questioned the witness for an hour.');
  assert.equal(c.grade, 'edited', JSON.stringify(c.divergences));
  assert.deepEqual(substantiveTypes(c), []);
});

test('house style: a censored word is one token, and two censorings of it are an edit', () => {
  assert.equal(tokenize('a sh*t show').length, 3);
  assert.equal(tokenize('this b***dy mess').filter((t) => t.kind === 'word').length, 3);
  assertHouseStyle('That was a d***ed disgrace and everybody knew it.', 'That was a D**ned disgrace and everybody knew it.');
});

test('house style: contractions written out are an edit', () => {
  assertHouseStyle("We'd tell the board we don't have the money yet.", 'We would tell the board we do not have the money yet.');
  assertHouseStyle("It's a decision they can't defend.", 'It is a decision they cannot defend.');
});

test('house style: a headline in title case raises no name flags on ordinary words', () => {
  const c = compareTexts('City Council Approves Plan To Expand Bus Service', 'City Council Backs Plan To Expand Bus Service');
  assert.ok(!c.divergences.some((d) => d.type === 'entity'), JSON.stringify(c.divergences));
  assert.notEqual(c.grade, null);
});

test('attribution: a place, event or show is no speaker; a plausible name is kept', () => {
  assert.equal(plausibleSource('Brooklyn Bridge'), null);
  assert.equal(plausibleSource('National Governors Conference'), null);
  assert.equal(plausibleSource('Plus Martinez'), null);
  assert.equal(plausibleSource('Maria Lopez'), 'Maria Lopez');
  assert.equal(plausibleSource('the Justice Department'), 'the Justice Department');
  assert.ok(sameSource('the F.B.I.', 'the FBI'));
  const c = compareTexts('We will cooperate fully with the inquiry.', 'We will cooperate fully with the inquiry.', { speakerA: 'Brooklyn Bridge', speakerB: 'Tom Reyes' });
  assert.deepEqual(substantiveTypes(c), []);
});

test('attribution: an identical quote credited to two people keeps its grade, with the attribution flagged', () => {
  const c = compareTexts('We will cooperate fully with the inquiry.', 'We will cooperate fully with the inquiry.', { speakerA: 'Maria Lopez', speakerB: 'Tom Reyes' });
  assert.equal(c.grade, 'verbatim');
  assert.deepEqual(substantiveTypes(c), ['attribution']);
  const e = compareTexts('We will cooperate fully with the inquiry.', 'We will cooperate fully with the inquiry', { speakerA: 'Maria Lopez', speakerB: 'Tom Reyes' });
  assert.equal(e.grade, 'edited');
});

test('truncation: a dropped lead-in is a cut, not a rewording', () => {
  for (const lead of ['First of all,', 'Look,', 'You know,', 'Well,']) {
    const c = compareTexts(`${lead} we are going to finish the bridge before the winter.`, 'We are going to finish the bridge before the winter.');
    assert.equal(c.grade, 'truncated', `${lead}: ${JSON.stringify(c.divergences)}`);
    assert.deepEqual(substantiveTypes(c), []);
  }
});

test('truncation: one side quoting one more whole sentence is graded truncated but changes no claim', () => {
  const c = compareTexts('We will appeal the ruling. The judge ignored the evidence we put before the court.', 'We will appeal the ruling.');
  assert.equal(c.grade, 'truncated');
  assert.deepEqual(substantiveTypes(c), []);
  // a cut inside a sentence is still a substantive truncation
  const d = compareTexts('We will appeal the ruling because the judge ignored the evidence we put before the court.', 'We will appeal the ruling.');
  assert.equal(d.grade, 'truncated');
  assert.deepEqual(substantiveTypes(d), ['truncation']);
});

test('opposites: a rise against a fall, an approval against a veto', () => {
  assert.ok(substantiveTypes(compareTexts('Oil prices surge after the storm', 'Oil prices plunge after the storm')).includes('negation'));
  assert.ok(substantiveTypes(compareTexts('The mayor approved the new budget on Monday.', 'The mayor vetoed the new budget on Monday.')).includes('negation'));
  // the same direction in other words is no opposite
  assert.deepEqual(substantiveTypes(compareTexts('Oil prices surge after the storm', 'Oil prices soar after the storm')), []);
});

test('roles: another actor in a rewording is a change of entity, not wording', () => {
  const c = compareTexts('The Senate passed the farm bill late on Thursday night.', 'The House passed the farm bill late on Thursday night.');
  assert.ok(substantiveTypes(c).includes('entity'), JSON.stringify(c.divergences));
  const d = compareTexts('Regional legislators approve a new water law', 'Regional governor approves a new water law');
  assert.ok(substantiveTypes(d).includes('entity'), JSON.stringify(d.divergences));
});

test('house style: a party tag against the party alone, and two-letter abbreviations of place words', () => {
  assert.ok(sameEntity('R-Mont', 'Republican'));
  assert.ok(sameEntity('Mt', 'Mount'));
  const c = compareTexts('She will face Senator Ann Pryce, also a Democrat, in the primary.', 'She will face Sen. Ann Pryce (D-Ore.) in the primary.');
  assert.ok(!c.divergences.some((d) => d.type === 'entity'), JSON.stringify(c.divergences));
});

test('truncation: the framing around a quotation is no cut of the quote', () => {
  const c = compareTexts('We have done what we promised," Ms. Ferreira told a crowd gathered at the county fair last June.', 'We have done what we promised');
  assert.equal(c.grade, 'truncated');
  assert.deepEqual(substantiveTypes(c), []);
});

test('roles: the same body in other words, or a role word inside a longer name, is no swapped actor', () => {
  assert.ok(!substantiveTypes(compareTexts('Congress could use the memo against the agency.', 'Lawmakers could use the memo against the agency.')).includes('entity'));
  assert.ok(!substantiveTypes(compareTexts('The White House asked the envoy to call him.', 'President Diaz asked the envoy to call him.')).includes('entity'));
});

test('opposites: a direction reversed ("to" / "from") is flagged', () => {
  assert.ok(substantiveTypes(compareTexts('The minister was flown to the capital on Sunday.', 'The minister was flown from the capital on Sunday.')).includes('negation'));
});

test('a qualifier both versions use is not a qualifier divergence, one only one version uses still is', () => {
  const both = compareTexts(
    "The city's outgoing finance chief warned Monday that a budget impasse would significantly raise the risk of a credit downgrade.",
    'Senior city officials significantly raised the pressure on council members in their push for a budget deal, warning on Monday that an impasse would "significantly increase the risk" of a credit downgrade.',
  );
  assert.ok(!both.divergences.some((d) => d.type === 'qualifier'), JSON.stringify(both.divergences.map((d) => [d.type, d.a, d.b])));
  const one = compareTexts('The mayor said the storm destroyed nearly 40 homes in the district.', 'The mayor said the storm destroyed 40 homes in the district.');
  assert.ok(one.divergences.some((d) => d.substantive && (d.type === 'qualifier' || d.type === 'number')), JSON.stringify(one.divergences.map((d) => [d.type, d.a, d.b])));
});
