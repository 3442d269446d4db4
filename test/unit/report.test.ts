import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdownLine, formatSummary, renderJson, renderMarkdown, renderTerminal, uniqueDivergencesSubstantiveFirst, substantiveRangesOf } from '../../src/core/report';
import type { AnalysisResult } from '../../src/core/types';

const A = 'Kirby said: Iran has provided more than 400 UAVs. <script>x</script>';
const B = 'Iran has delivered several hundred drones.';

function fixture(): AnalysisResult {
  const aStart = A.indexOf('Iran');
  const aEnd = A.indexOf('UAVs.') + 4;
  const a = { article: 'a', start: aStart, end: aEnd, text: A.slice(aStart, aEnd), speaker: 'John Kirby' };
  const b = { article: 'b', start: 0, end: B.length - 1, text: B.slice(0, B.length - 1), speaker: null };
  const n1 = A.indexOf('more than 400');
  const n2 = B.indexOf('several hundred');
  return {
    version: 1,
    articles: [
      { id: 'a', file: 'a.txt', title: 'Article A', length: A.length },
      { id: 'b', file: 'b.txt', title: 'Article B', length: B.length },
    ],
    quotes: [{ id: 'q1', article: 'a', start: aStart, end: aEnd, text: a.text, speaker: 'John Kirby' }],
    matches: [
      {
        id: 'm1', cluster: 'c1', kind: 'quote', grade: 'reworded', score: 0.7, a, b,
        divergences: [
          { type: 'wording', substantive: false, a: 'provided', b: 'delivered', message: 'synonym' },
          { type: 'number', substantive: true, a: 'more than 400', b: 'several hundred', message: 'different quantities', aStart: n1, aEnd: n1 + 13, bStart: n2, bEnd: n2 + 15 },
        ],
      },
    ],
    clusters: [{ id: 'c1', kind: 'quote', members: [a, b], matches: ['m1'], speaker: 'John Kirby', substantive: 1, grade: 'reworded' }],
  };
}

test('JSON report keeps the v1 field order and round-trips', () => {
  const json = JSON.parse(renderJson(fixture()));
  assert.deepEqual(Object.keys(json).slice(0, 4), ['version', 'articles', 'quotes', 'matches']);
  assert.equal(json.matches[0].divergences[1].a, 'more than 400');
});

test('summary counts sources, quotes, matches, clusters and substantive divergences', () => {
  assert.equal(formatSummary(fixture()), '2 sources · 1 quote · 1 match in 1 cluster · 1 substantive divergence');
});

test('substantive divergences sort first and duplicates are dropped', () => {
  const d = fixture().matches[0].divergences;
  const sorted = uniqueDivergencesSubstantiveFirst([...d, { ...d[1] }]);
  assert.deepEqual(sorted.map((x) => x.type), ['number', 'wording']);
});

test('markdown escapes article text and lists the substantive divergence', () => {
  const md = renderMarkdown(fixture());
  assert.match(md, /^# Crosscheck report/);
  assert.match(md, /\*\*Substantive divergences\*\*/);
  assert.match(md, /number: a “more than 400” vs b “several hundred”/);
  assert.match(md, /Cosmetic differences: wording\./);
  assert.ok(!md.includes('<script>'), 'raw HTML must be escaped');
  assert.equal(escapeMarkdownLine('<b>*x*</b>'), '\\<b\\>\\*x\\*\\</b\\>');
});

test('terminal report colours only when asked, and marks the divergent words', () => {
  const r = fixture();
  const plain = renderTerminal(r, { color: false });
  assert.ok(!plain.includes('\x1b['), 'no ANSI codes without colour');
  assert.match(plain, /c1 · quote · John Kirby · reworded · 2\/2 sources/);
  assert.match(plain, /! number: a “more than 400” vs b “several hundred”/);
  assert.match(plain, /~ a vs b: reworded; also cosmetic: wording/);
  const coloured = renderTerminal(r, { color: true });
  assert.match(coloured, /\x1b\[31m\x1b\[1mmore than 400\x1b\[0m/);
  const ranges = substantiveRangesOf(r, r.clusters[0], r.clusters[0].members[1]);
  assert.deepEqual(ranges, [[B.indexOf('several'), B.indexOf('several') + 15]]);
});
