// Substantive flags a fact-checker can trust (issue 12): a number, negation, hedge or attribution
// flag only where the two versions really differ in that claim. Examples written for these tests,
// in the style of the false flags read on real news.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from '../../src/core/compare/compare';
import { Comparison, DivergenceType } from '../../src/core/types';

const substantiveTypes = (c: Comparison) => c.divergences.filter((d) => d.substantive).map((d) => d.type);

/** Asserts that neither direction of the pair raises a divergence of type `type`. */
function assertNoFlag(a: string, b: string, type: DivergenceType): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    const c = compareTexts(x, y);
    assert.ok(!substantiveTypes(c).includes(type), `${x} / ${y}: ${JSON.stringify(c.divergences.filter((d) => d.substantive))}`);
  }
}

/** Asserts that both directions of the pair raise a divergence of type `type`. */
function assertFlag(a: string, b: string, type: DivergenceType): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    const c = compareTexts(x, y);
    assert.ok(substantiveTypes(c).includes(type), `${x} / ${y}: ${JSON.stringify(c.divergences)}`);
  }
}

test('number: a day of a month is not compared with a count', () => {
  assertNoFlag(
    'Ms. Ortega wrote in an Oct. 12 memo that the figures could be misread by members of the committee.',
    'Nineteen hours later, Ms. Ortega sent a sharper memo, warning that the figures could be misread by members of the committee.',
    'number',
  );
});

test('number: an age is not compared with a count', () => {
  assertNoFlag(
    'Daniel Whitcombe posted that the twins, aged 15 and 11, should dress for school and not for a party.',
    'On Monday, the aide, Daniel Whitcombe, 27, who has more than 9,000 followers online, posted that the twins should dress for school and not for a party.',
    'number',
  );
});

test('number: two sums for two different things are not one changed figure', () => {
  assertNoFlag(
    'The former mayor admitted in federal court that he spent $480,000 in campaign money on personal luxuries.',
    'The former mayor admitted in a federal courtroom on Friday to using campaign money for personal luxuries, among them a $36,000 speedboat and a painting.',
    'number',
  );
});

test('number: a changed figure for the same thing is still flagged', () => {
  assertFlag('Officials said the flood killed 12 people in the valley on Monday.', 'Officials said the flood killed 15 people in the valley on Monday.', 'number');
  assertFlag('The senator served from 1971 to 1983, after the war.', 'The senator held the seat from 1970 to 1982, after the war.', 'number');
  assertFlag('Tehran has sold more than 400 drones to Moscow since August.', 'Tehran sold some 300 drones to Moscow since August.', 'number');
});

test('number: a changed figure in other words around it is still flagged', () => {
  assertFlag('12 killed and dozens hurt in a bus crash near the border', 'Bus crash kills 11 near the border', 'number');
});

test('negation: a negated clause only one version has is added detail, not a negation', () => {
  assertNoFlag(
    'I reacted to a post and hastily judged the two players in a way that I would never have wanted to be judged myself at their age',
    'Mr. Hale, who did not respond to repeated calls for further comment, later posted an apology, saying he had “judged the two players in a way that I would never have wanted to be judged myself at their age.',
    'negation',
  );
});

test('negation: a verb that blocks is the same polarity as "no"', () => {
  assertNoFlag('House Democrats Vow to Block GOP Bills Until Budget Deal', 'House Democrats: No Bills Until Budget Deal', 'negation');
});

test('negation: a negation of words both versions carry is still flagged', () => {
  assertFlag(
    'To sign this treaty in the next few months would greatly raise the chance that the talks collapse',
    'If they don’t sign this treaty in the next few months it will greatly raise the chance that the talks collapse',
    'negation',
  );
  assertFlag('The company did not sell the plant to its rival.', 'The company sold the plant to its rival.', 'negation');
});

test('hedge: a claim used as a noun is no hedge ("Court Questions Claims in Pay Suit")', () => {
  assertNoFlag('Appeals Court Questions Claims in Pay Bias Suit Against Acme', 'Appeals Court Hears Argument In Acme Pay Bias Lawsuit', 'hedge');
});

test('hedge: "reportedly" against a speech verb is no hedge (both report)', () => {
  assertNoFlag(
    'The ad, reportedly to run in Denver, Boulder and Fort Collins, is costing Citizens First $2 million, the group confirmed.',
    'A Democrat involved with the campaign said it is running in Denver, Boulder and Ft. Collins.',
    'hedge',
  );
});

test('hedge: a hedging verb in place of a plain one is still flagged', () => {
  assertFlag('Moscow claimed the drones were bought before the war.', 'Moscow said the drones were bought before the war.', 'hedge');
  assertFlag('He claims the drones were bought before the war.', 'He said the drones were bought before the war.', 'hedge');
});

test('negation: both versions negate, one inside its attribution ("Mr. Lowe said that was never the case")', () => {
  assertNoFlag(
    'An aide disputed one part of the account, insisting that the governor never offered Ms. Tran the post of director of the port.',
    'While many have guessed that the governor offered to name Ms. Tran as director of the port, Mr. Lowe said that was never the case.',
    'negation',
  );
});

test('entity: a name the other version gives in another form elsewhere is not swapped ("Democrats" / "Democratic candidates")', () => {
  assertNoFlag(
    'The clip was released Tuesday by Forward Now, a conservative political group which does opposition research on Democrats.',
    'Forward Now, a conservative political group that has vowed to use videos and opposition research to attack Democratic candidates, posted the clip on Vimeo on Tuesday.',
    'entity',
  );
  assertFlag('The bill was backed by Democrats in the Senate.', 'The bill was backed by Republicans in the Senate.', 'entity');
});

test('wording: a censored word written with hyphens, stars or in full, and "s.o.b." / "SOB", are one word (house style)', () => {
  const flat = (a: string, b: string) => compareTexts(a, b).divergences.filter((d) => d.type === 'wording' || d.substantive);
  assert.deepEqual(flat('He called it a f---ing disgrace, and he meant it.', 'He called it a f***ing disgrace, and he meant it.'), []);
  assert.deepEqual(flat('He called it a f---ing disgrace, and he meant it.', 'He called it a fucking disgrace, and he meant it.'), []);
  assert.deepEqual(flat('He called the senator an s.o.b. and walked out of the room.', 'He called the senator an SOB and walked out of the room.'), []);
  assert.notEqual(compareTexts('He called the senator an s.o.b. and walked out.', 'He called the senator an SOB and walked out.').grade, 'reworded');
});

test('hedge: a modal is no hedge when both versions state the chance ("could lose" / "lose" after "1-in-3 chance")', () => {
  assertNoFlag("Garcia: '1-in-4 chance' Democrats could lose Senate in the fall", "Maria Garcia: '1 In 4 Chance' Democrats Lose Control Of Senate", 'hedge');
  // without a stated chance on both sides the modal still hedges the claim
  assertFlag('Garcia says Democrats could lose the Senate in the fall.', 'Garcia says Democrats lose the Senate in the fall.', 'hedge');
});
