// Substantive flags on passages told in other words (issue 12): a negation, omission, hedge or cut
// is flagged only when it changes what the other version says, not when it is one side of a
// paraphrase. Examples written for these tests, in the style of the false flags read on real news,
// each beside a real change of the same kind that must stay flagged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTexts } from '../../src/core/compare/compare';
import { Comparison, DivergenceType } from '../../src/core/types';

const substantiveTypes = (c: Comparison) => c.divergences.filter((d) => d.substantive).map((d) => d.type);

/** Asserts that the pair is graded (in both directions) and that neither direction raises a divergence of type `type`. */
function assertNoFlag(a: string, b: string, type: DivergenceType): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    const c = compareTexts(x, y);
    assert.ok(c.grade, `${x} / ${y}: not graded`);
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

test('negation: a negated predicate told in other words is no negation of the other version', () => {
  assertNoFlag('We spent funds that should have been spent on the new school.', "We spent funds we shouldn't have spent on our own travel.", 'negation');
});

test('negation: the same clause negated stays flagged', () => {
  assertFlag(
    'To approve the budget this month would sharply reduce the risk of a shutdown',
    "If they don't approve the budget this month it will sharply reduce the risk of a shutdown",
    'negation',
  );
});

/** The match two quote units of `a` and `b` become, graded by compareTexts (what the aligner shows). */
async function quoteMatch(a: string, b: string) {
  const { newMatch } = await import('../../src/core/align/pairs');
  const unit = (article: string, text: string) => ({ article, start: 0, end: text.length, text, kind: 'quote' as const, speaker: null });
  return newMatch(unit('a', a), unit('b', b), compareTexts(a, b));
}

test('cut: a clause beyond a colon is another statement, not a cut of the words one outlet quotes', async () => {
  const long = 'The fact is that the new plan would end the program as we know it: families would be left with nothing but a coupon instead of the help they count on today.';
  const m = await quoteMatch(long, 'would end the program as we know it');
  assert.equal(m.grade, 'truncated');
  const cuts = m.divergences.filter((d) => d.type === 'truncation');
  assert.ok(cuts.length > 0 && cuts.every((d) => !d.substantive), JSON.stringify(m.divergences));
});

test('cut: a negation or number in the clause next to the words kept stays flagged', async () => {
  for (const [long, short] of [
    ['Wear what makes you proud, not a costume for a party.', 'Wear what makes you proud ...'],
    ['I would say there is a three-in-four chance that we keep the Senate, but there is a one-in-four chance we could lose it', 'But there is a one-in-four chance we could lose it'],
  ]) {
    const m = await quoteMatch(long, short);
    assert.ok(m.divergences.some((d) => d.type === 'truncation' && d.substantive), `${short}: ${JSON.stringify(m.divergences)}`);
  }
});

test('omission: a clause the other version tells in its own words at the same place is no omission', () => {
  assertNoFlag("We're not handing out details of the offer, but the door remains open for talks", 'There will be no further handout about the offer, but the door remains open for talks.', 'omission');
  assertNoFlag("We're not handing out details of the offer, but the door remains open for talks", 'There will be no further handout about the offer, but the door remains open for talks.', 'addition');
});

test('omission: a clause with content the other version lacks stays flagged', () => {
  const a = 'The council, despite warnings that members received from auditors, quietly approved the plan in recent days.';
  const b = 'The council quietly approved the plan in recent days.';
  assert.ok(substantiveTypes(compareTexts(a, b)).includes('omission'));
  assert.ok(substantiveTypes(compareTexts(b, a)).includes('addition'));
});

test('hedge: "appears to" against the speaker\'s own "I am afraid that" is the same hedge in other words', () => {
  assertNoFlag(
    'I am afraid that the mayor’s plan reflects the wishes of his wealthiest donors rather than the needs of the city',
    'Your plan appears to reflect the wishes of your wealthiest donors, rather than the needs of the city',
    'hedge',
  );
});

test('hedge: a hedge only one version adds to the same claim stays flagged', () => {
  assertFlag(
    'The mayor’s plan reflects the wishes of his wealthiest donors rather than the needs of the city',
    'The mayor’s plan appears to reflect the wishes of his wealthiest donors rather than the needs of the city',
    'hedge',
  );
});
