import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { clusterLinks, clusterMatches } from '../../src/core/align/cluster';
import { locateRun, wordTokens } from '../../src/core/align/locate';
import { withCut } from '../../src/core/align/fragmentCut';
import type { AnalysisResult, Match, Unit } from '../../src/core/types';
import { assertResultSpans } from './spanAssertions';

/** The match between two articles whose sides hold the given words (either orientation), with the side in `longer` first. */
function linkOf(result: AnalysisResult, longer: string, shorter: string, words: string): { match: Match; long: Match['a']; short: Match['a'] } | undefined {
  for (const m of result.matches) {
    const [long, short] = m.a.article === longer ? [m.a, m.b] : [m.b, m.a];
    if (long.article === longer && short.article === shorter && long.text.includes(words) && short.text.includes(words)) return { match: m, long, short };
  }
  return undefined;
}

const HEARING = {
  id: 'hearing',
  text: [
    'Okafor Refuses to Discuss Pipeline Lawsuit',
    '',
    'Senator Maria Okafor of Vermont spoke to reporters on Tuesday after the Senate energy committee hearing on the Northfield pipeline.',
    '',
    '"Frankly, I am not going to discuss the pipeline lawsuit anymore," Okafor said as she left the committee room.',
    '',
    'The hearing lasted three hours and ended without a vote on the Northfield permit.',
  ].join('\n'),
};

const MOTION = {
  id: 'motion',
  text: [
    'Okafor Files Motion in Northfield Pipeline Case',
    '',
    'A day after telling reporters that she was "not going to discuss the pipeline lawsuit anymore," Senator Maria Okafor of Vermont filed a new motion in the Northfield pipeline case.',
    '',
    'The motion asks the court to delay the Northfield permit until the Senate energy committee finishes its hearing.',
  ].join('\n'),
};

test('a partial quote links to the exact sub-span of the whole quote in another article, graded truncated', () => {
  const result = analyzeCorpus([HEARING, MOTION]);
  assertResultSpans(result, [HEARING, MOTION]);
  const link = linkOf(result, 'hearing', 'motion', 'not going to discuss the pipeline lawsuit anymore');
  assert.ok(link, JSON.stringify(result.matches.map((m) => [m.a.text, m.b.text])));
  assert.equal(link.long.text, 'not going to discuss the pipeline lawsuit anymore', 'the longer side is exactly the shared words');
  assert.equal(HEARING.text.slice(link.long.start, link.long.end), link.long.text);
  assert.equal(link.short.text, 'not going to discuss the pipeline lawsuit anymore');
  assert.equal(link.match.grade, 'truncated');
  assert.equal(link.match.kind, 'quote');
  const cut = link.match.divergences.find((d) => d.type === 'truncation');
  assert.ok(cut, 'a truncation divergence names what the longer quote also says');
  assert.equal(cut.substantive, false, 'quoting a fragment is not a change of claim');
  assert.match(cut.message, /Frankly, I am/);
});

test('a short quote inside a longer quote sentence: the sub-span, and one cluster with the sentence when it nests', () => {
  const a = {
    id: 'a',
    text: 'Governor Lena Brandt vetoed the Harbor Tunnel toll bill on Friday.\n\n"This is a deeply painful and personal decision, and I will not change my mind about the Harbor Tunnel tolls," Brandt said in a statement.',
  };
  const b = {
    id: 'b',
    text: 'Governor Lena Brandt vetoed the Harbor Tunnel toll bill, calling it "a deeply painful and personal decision."\n\nThe Harbor Tunnel tolls would have risen in March.',
  };
  const result = analyzeCorpus([a, b]);
  assertResultSpans(result, [a, b]);
  const link = linkOf(result, 'a', 'b', 'a deeply painful and personal decision');
  assert.ok(link, JSON.stringify(result.matches.map((m) => [m.a.text, m.b.text])));
  assert.equal(link.long.text, 'a deeply painful and personal decision');
  assert.equal(link.match.grade, 'truncated');
  // the sub-span and the quote sentence it lies in never make two clusters whose highlights overlap
  const cluster = result.clusters.find((c) => c.id === link.match.cluster)!;
  const inA = cluster.members.filter((m) => m.article === 'a');
  assert.equal(inA.length, 1);
  assert.ok(inA[0].start <= link.long.start && link.long.end <= inA[0].end, 'the member in a covers the sub-span');
  for (const other of result.clusters) {
    if (other === cluster) continue;
    for (const m of other.members) if (m.article === 'a') assert.ok(m.end <= inA[0].start || m.start >= inA[0].end, `cluster ${other.id} overlaps ${cluster.id} in a`);
  }
});

test('a near-exact fragment (one word inserted in the longer version) links too', () => {
  const a = {
    id: 'a',
    text: 'Speaker Tom Reilly warned Republicans on Monday about the midterm elections.\n\n"I would say that there is a two-in-three chance that we win control of the House again, but there is a one-in-three chance that we could lose the House," Reilly said.',
  };
  const b = {
    id: 'b',
    text: 'Speaker Tom Reilly told Republicans on Monday that the midterm elections would be close, with "a one-in-three chance we could lose the House" in November.',
  };
  const result = analyzeCorpus([a, b]);
  assertResultSpans(result, [a, b]);
  const link = linkOf(result, 'a', 'b', 'one-in-three chance');
  assert.ok(link, JSON.stringify(result.matches.map((m) => [m.a.text, m.b.text])));
  assert.equal(link.long.text, 'a one-in-three chance that we could lose the House');
  assert.equal(link.short.text, 'a one-in-three chance we could lose the House');
  assert.equal(link.match.grade, 'truncated');
});

test('a negation the cut drops next to the fragment is substantive unless the fragment\'s own article states it', () => {
  const context: Unit = { article: 'full', start: 100, end: 166, text: 'I am not willing to give up my right to appeal the Delmont verdict', kind: 'quote', speaker: null };
  const sub: Unit = { ...context, start: 120, text: context.text.slice(20) };
  const cmp = { grade: 'verbatim' as const, score: 1, divergences: [] };
  const cutWith = (sentence: string) => {
    const start = sentence.indexOf('"give') + 1;
    const fragment: Unit = { article: 'other', start, end: start + sub.text.length, text: sub.text, kind: 'quote', speaker: null };
    const around: Unit[] = [{ article: 'other', start: 0, end: sentence.length, text: sentence, kind: 'passage', speaker: null }];
    const out = withCut(cmp, { fragment, sub, context, fragmentSide: 'b', around });
    assert.equal(out.grade, 'truncated');
    return out.divergences.find((d) => d.type === 'truncation')!;
  };
  assert.equal(cutWith('Frank Oduya said he did not want to "give up my right to appeal the Delmont verdict."').substantive, false);
  const dropped = cutWith('Frank Oduya said he would "give up my right to appeal the Delmont verdict."');
  assert.equal(dropped.substantive, true);
  assert.equal(dropped.a, 'I am not willing to');
  assert.match(dropped.message, /negation or condition/);
  // a negation in another clause of the longer version is no part of the cut ("… is without merit and | we will …")
  const otherClause: Unit = { article: 'full', start: 0, end: 68, text: 'We believe this suit is without merit and we will vigorously defend it', kind: 'quote', speaker: null };
  const defend: Unit = { ...otherClause, start: 42, end: 67, text: 'we will vigorously defend' };
  const out = withCut(cmp, { fragment: { ...defend, article: 'other', start: 5, end: 30 }, sub: defend, context: otherClause, fragmentSide: 'b', around: [] });
  assert.equal(out.divergences[0].substantive, false);
});

test('a quoted name or title is not a fragment; an unrelated story does not link', () => {
  const a = {
    id: 'a',
    text: 'Lawmakers on Wednesday debated the "Safe Harbor Act" for the third time this session.\n\nRepresentative Ines Varga said the measure would cost the state 40 million dollars a year.',
  };
  const b = {
    id: 'b',
    text: 'The "Safe Harbor Act" returned to the floor on Wednesday. Representative Ines Varga, who opposes the measure, said it would cost 40 million dollars a year.',
  };
  const result = analyzeCorpus([a, b]);
  assert.ok(!result.matches.some((m) => m.a.text === 'Safe Harbor Act' || m.b.text === 'Safe Harbor Act'), 'a title-case name is no quote fragment');
});

test('locateRun: exact, one inserted word, edges on matching tokens, no edits for short runs', () => {
  const text = wordTokens("I would say there's a one-in-three chance that we could lose, and I'm being frank").norm;
  const exact = locateRun(wordTokens('we could lose').norm, text, 0);
  assert.deepEqual(exact && { from: exact.from, to: exact.to, cost: exact.cost }, { from: 10, to: 13, cost: 0 });
  const inserted = locateRun(wordTokens("there's a one-in-three chance we could lose").norm, text, 1);
  assert.equal(inserted?.cost, 1);
  assert.equal(text[inserted!.from], "there's");
  assert.equal(text[inserted!.to - 1], 'lose');
  // "Well" is no word of the text: the stretch starts on "I", not on a substituted word before it
  const edge = locateRun(wordTokens('Well I would say').norm, text, 1);
  assert.equal(text[edge!.from], 'i');
  assert.equal(locateRun(wordTokens('we could win').norm, text, 0), undefined);
  // hyphenated words meet their parts
  const parts = wordTokens('before year-end');
  assert.deepEqual(parts.norm, ['before', 'year', 'end']);
  assert.equal(locateRun(parts.norm, wordTokens('the tax issue before year end').norm, 0)?.cost, 0);
});

test('clusterLinks: nested spans of one article join one cluster (the widest is the member); a join that would give an article two separate spans is refused', () => {
  // nodes: 0 = article 0 [0, 100), 1 = article 1 [0, 50), 2 = article 0 [10, 30) (inside node 0), 3 = article 2 [0, 20),
  //        4 = article 1 [60, 80) (separate from node 1)
  const key = (a: number, x: number) => a * 4294967296 + x;
  const spans: [number, number, number][] = [[0, 0, 100], [1, 0, 50], [0, 10, 30], [2, 0, 20], [1, 60, 80]];
  const graph = (endA: number[], endB: number[], optionalFrom: number) => ({
    endA: Int32Array.from(endA),
    endB: Int32Array.from(endB),
    pos: Float64Array.from(spans, ([a, s]) => key(a, s)),
    end: Float64Array.from(spans, ([a, , e]) => key(a, e)),
    article: Int32Array.from(spans, ([a]) => a),
    optionalFrom,
  });
  // 0–1 a sentence link; 2–3 a fragment link inside node 0: one cluster, article 0's member is node 0
  const joined = clusterLinks(graph([0, 2], [1, 3], 1));
  assert.equal(joined.length, 1);
  assert.deepEqual(joined[0].members, [0, 1, 3]);
  assert.equal(joined[0].links.length, 2);
  // 0–1 a sentence link; 2–4 a fragment link: joining would give article 1 two separate spans, so it stays its own cluster
  const apart = clusterLinks(graph([0, 2], [1, 4], 1));
  assert.equal(apart.length, 2);
  // the same as an optional link between nodes already apart in one article: dropped
  const dropped = clusterLinks(graph([0, 0], [1, 4], 1));
  assert.equal(dropped.length, 1);
  assert.equal(dropped[0].links.length, 1);
});

test('clusterMatches gives back the clusters of a run with sub-sentence links', () => {
  const b = {
    id: 'b',
    text: 'Governor Lena Brandt vetoed the Harbor Tunnel toll bill, calling it "a deeply painful and personal decision."\n\nThe Harbor Tunnel tolls would have risen in March.',
  };
  const result = analyzeCorpus([HEARING, MOTION, b]);
  const order = new Map([HEARING, MOTION, b].map((x, i) => [x.id, i]));
  const scrambled = [...result.matches].reverse().map((m) => ({ ...m, id: 'x', cluster: 'y' }));
  assert.deepEqual(clusterMatches(scrambled, order), { matches: result.matches, clusters: result.clusters });
});
