import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { buildPassageUnits, buildQuoteUnits } from '../../src/core/pipeline/units';
import { extractQuotes } from '../../src/core/extract/quotes';
import type { AnalysisResult, ArticleInput, Match } from '../../src/core/types';

/** Analyses two articles a and b. */
function analyzePair(a: string, b: string): { result: AnalysisResult; texts: Record<string, string> } {
  const texts = { a, b };
  return { result: analyzeCorpus([{ id: 'a', text: a }, { id: 'b', text: b }]), texts };
}

/** Asserts that every side and every divergence offset of the matches is the exact slice of its article. */
function assertExactOffsets(matches: Match[], texts: Record<string, string>): void {
  for (const m of matches) {
    for (const side of [m.a, m.b]) assert.equal(texts[side.article].slice(side.start, side.end), side.text);
    for (const d of m.divergences) {
      if (d.aStart !== undefined && d.a) assert.equal(texts[m.a.article].slice(d.aStart, d.aEnd), d.a, d.message);
      if (d.bStart !== undefined && d.b) assert.equal(texts[m.b.article].slice(d.bStart, d.bEnd), d.b, d.message);
    }
  }
}

/** The one match whose side in `article` contains `phrase`. */
function matchWith(matches: Match[], article: 'a' | 'b', phrase: string): Match {
  const found = matches.filter((m) => (m.a.article === article ? m.a : m.b).text.includes(phrase));
  assert.equal(found.length, 1, `matches holding “${phrase}”: ${JSON.stringify(matches.map((m) => [m.a.text, m.b.text]))}`);
  return found[0];
}

/** The side of match m in `article`. */
function sideIn(m: Match, article: string) {
  return m.a.article === article ? m.a : m.b;
}

/** True when a match flags text present on one side only. */
function flagsGap(m: Match): boolean {
  return m.divergences.some((d) => d.type === 'omission' || d.type === 'addition' || d.type === 'truncation');
}

const ONE_SENTENCE = 'The city council says it will close the old bridge for repairs next spring after inspectors found cracks in three of its steel supports.';
const TWO_SENTENCES =
  'Traffic was heavy all week.\nThe city council announced on Tuesday that it plans to close the old bridge for repairs next spring.\nThe decision follows the discovery of cracks in three of the steel supports by inspectors.';

test('one sentence links to two adjacent sentences of another article: the joined span, exact offsets, nothing left out', () => {
  const { result, texts } = analyzePair(ONE_SENTENCE, TWO_SENTENCES);
  const m = matchWith(result.matches, 'b', 'close the old bridge');
  const side = sideIn(m, 'b');
  assert.equal(side.start, TWO_SENTENCES.indexOf('The city council announced'));
  assert.equal(side.end, TWO_SENTENCES.length);
  assert.equal(sideIn(m, 'a').text, ONE_SENTENCE);
  assert.ok(!flagsGap(m), JSON.stringify(m.divergences));
  assertExactOffsets(result.matches, texts);
  assert.equal(result.clusters.length, result.matches.length);
});

test('two adjacent sentences link to one sentence the other way round (the two-sentence article first)', () => {
  const { result, texts } = analyzePair(TWO_SENTENCES, ONE_SENTENCE);
  const m = matchWith(result.matches, 'a', 'close the old bridge');
  assert.ok(sideIn(m, 'a').text.includes('discovery of cracks'), sideIn(m, 'a').text);
  assert.ok(!flagsGap(m), JSON.stringify(m.divergences));
  assertExactOffsets(result.matches, texts);
});

test('a neighbour that adds nothing to the match is not joined', () => {
  const a = 'The museum will reopen its west wing to visitors on the first Saturday of June.';
  const b = 'Officials said the museum will reopen its west wing to visitors on the first Saturday of June.\nA new café is planned for the lobby next to the main staircase.';
  const { result } = analyzePair(a, b);
  const m = matchWith(result.matches, 'b', 'west wing');
  assert.ok(!sideIn(m, 'b').text.includes('café'), sideIn(m, 'b').text);
});

test('a quote split around its attribution links to the whole quote: one cluster, the speaker kept, no truncation', () => {
  const whole = '“We will not stop fighting for them until every family in this city has a safe home,” Mayor Jane Porter said at the rally.';
  const split = '“We will not stop fighting for them,” Mayor Jane Porter said, “until every family in this city has a safe home.”';
  const { result, texts } = analyzePair(whole, split);
  assert.equal(result.clusters.length, 1, JSON.stringify(result.matches.map((m) => [m.a.text, m.b.text])));
  const m = result.matches[0];
  assert.equal(m.kind, 'quote');
  const side = sideIn(m, 'b');
  assert.equal(side.start, split.indexOf('We will not stop'));
  assert.equal(side.end, split.indexOf('safe home.') + 'safe home.'.length);
  assert.equal(result.clusters[0].speaker, 'Jane Porter');
  assert.ok(!flagsGap(m), JSON.stringify(m.divergences));
  assert.ok(m.grade === 'verbatim' || m.grade === 'edited', m.grade);
  assertExactOffsets(result.matches, texts);
});

test('a quote of two sentences printed whole and split after “she said” forms one cluster', () => {
  const whole = 'Mayor Jane Porter spoke at the rally. “We will not stop fighting for the families of this city. We will win this long fight for safe homes,” she said.';
  const split = 'Mayor Jane Porter spoke at the rally. “We will not stop fighting for the families of this city,” she said. “We will win this long fight for safe homes.”';
  const { result, texts } = analyzePair(whole, split);
  const quoteClusters = result.clusters.filter((c) => c.kind === 'quote');
  assert.equal(quoteClusters.length, 1, JSON.stringify(result.clusters.map((c) => c.members.map((s) => s.text))));
  const [first, second] = quoteClusters[0].members;
  assert.ok(first.text.startsWith('We will not stop') && first.text.endsWith('safe homes'), first.text);
  assert.ok(second.text.startsWith('We will not stop') && second.text.includes('she said') && second.text.endsWith('safe homes.'), second.text);
  assert.equal(quoteClusters[0].speaker, 'Jane Porter');
  for (const m of result.matches) assert.ok(!flagsGap(m), JSON.stringify(m.divergences));
  assertExactOffsets(result.matches, texts);
});

test('a two-sentence quote stays two clusters when a third outlet carries only one of its sentences', () => {
  const a = 'Mayor Jane Porter spoke. “We will not stop fighting for the families of this city. We will win this long fight for safe homes,” she said.';
  const b = 'Mayor Jane Porter spoke. “We will not stop fighting for the families of this city,” she said. “We will win this long fight for safe homes.”';
  const c = 'Mayor Jane Porter spoke. “We will win this long fight for safe homes,” she said.';
  const result = analyzeCorpus([{ id: 'a', text: a }, { id: 'b', text: b }, { id: 'c', text: c }]);
  const win = result.clusters.find((cl) => cl.members.some((s) => s.text.startsWith('We will win')));
  assert.ok(win);
  assert.equal(win.members.length, 3, JSON.stringify(win.members));
  for (const s of win.members) assert.ok(!s.text.includes('not stop'), s.text);
});

test('units: sentences of one quote, and a quote continued after the same speaker’s attribution, are joinable; another speaker’s quote is not', () => {
  const text =
    'Jane Porter spoke first. “We will not stop fighting for these families. We will win this long fight,” she said, “and every home will be safe again.” ' +
    'Tom Reed answered. “Nobody here believes a single word of that promise,” he said.';
  const article: ArticleInput = { id: 'x', text };
  const units = buildQuoteUnits(article, extractQuotes(article));
  const [s1, s2, s3, s4] = units;
  assert.equal(units.length, 4, JSON.stringify(units.map((u) => u.text)));
  assert.equal(s1.joinNext, ' ');
  assert.equal(s2.joinNext, text.slice(s2.end, s3.start));
  assert.ok(s2.joinNext!.includes('she said'));
  assert.equal(s3.joinNext, undefined, 'Tom Reed’s quote does not continue Jane Porter’s');
  assert.equal(s4.joinNext, undefined);
});

test('units: adjacent sentences of reporting are joinable, across a line break but not across a quote', () => {
  const text = 'The council met on Monday evening downtown.\nIt voted to close the old bridge next spring. “This bridge is no longer safe for anyone,” the engineer said. The vote was seven to two in favour.';
  const article: ArticleInput = { id: 'x', text };
  const passages = buildPassageUnits(article, extractQuotes(article));
  assert.equal(passages[0].joinNext, '\n');
  assert.equal(passages[1].joinNext, undefined);
});

test('two outlets print a quote as two sentences, a third as one: one cluster, no sentence clusters beside it', () => {
  const a = 'Governor Ann Price spoke on Monday. “As governor, I will end the tax on family farms. And I will fight every new fee on rural roads,” she said.';
  const b = 'Governor Ann Price spoke on Monday. “As governor, I will end the tax on family farms,” Price said in the ad. “And I will fight every new fee on rural roads.”';
  const c = 'Governor Ann Price spoke on Monday. “As governor, I will end the tax on family farms and I will fight every new fee on rural roads,” she said.';
  const texts = { a, b, c };
  const result = analyzeCorpus(Object.entries(texts).map(([id, text]) => ({ id, text })));
  const quoteClusters = result.clusters.filter((cl) => cl.kind === 'quote');
  assert.equal(quoteClusters.length, 1, JSON.stringify(quoteClusters.map((cl) => cl.members.map((s) => `${s.article}: ${s.text}`))));
  const members = quoteClusters[0].members;
  assert.deepEqual(members.map((s) => s.article), ['a', 'b', 'c']);
  for (const s of members) assert.ok(s.text.startsWith('As governor') && s.text.includes('rural roads'), s.text);
  assertExactOffsets(result.matches, texts);
});

test('a quote split after a short first piece links whole: the piece is read with its continuation, no truncation', () => {
  const whole = 'Mayor Jane Porter spoke at the rally. “We will not stop until every family in this city has a safe home,” she said.';
  const split = 'Mayor Jane Porter spoke at the rally. “We will not stop,” she said, “until every family in this city has a safe home.”';
  const { result, texts } = analyzePair(whole, split);
  const m = matchWith(result.matches, 'b', 'every family');
  assert.equal(sideIn(m, 'b').start, split.indexOf('We will not stop'));
  assert.ok(!flagsGap(m), JSON.stringify(m.divergences));
  assertExactOffsets(result.matches, texts);
});

test('units: a quote piece too short to match alone is join-only, read with the rest of the quote', () => {
  const text = 'Jane Porter spoke. “We will not stop,” she said, “until every family in this city has a safe home.”';
  const article: ArticleInput = { id: 'x', text };
  const units = buildQuoteUnits(article, extractQuotes(article));
  assert.deepEqual(units.map((u) => [u.text, u.joinOnly ?? false]), [['We will not stop', true], ['until every family in this city has a safe home.', false]]);
  assert.equal(units[0].joinNext, text.slice(units[0].end, units[1].start));
});
