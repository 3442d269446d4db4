import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { loadCorpus } from '../../src/core/io/corpus';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { analysisInputOf, withArticleMeta } from '../../src/core/meta/labels';
import { computeProvenance, sourceTimeline } from '../../src/core/provenance/provenance';
import { makeFolder } from './tempFolders';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'seeds');
const S1 = 'The minister said the new bridge would open to traffic next spring after long delays.';
const S2 = 'Officials confirmed that forty workers had been hired to finish the remaining sections.';

function analyse(files: Record<string, string>) {
  const articles = loadCorpus(makeFolder(files)).articles;
  return withArticleMeta(analyzeCorpus(articles.map(analysisInputOf)), articles);
}

test('the earliest dated source comes first, the others follow by date, undated ones last', () => {
  const result = analyse({
    'a.md': `---\noutlet: Late Post\ndate: 2023-06-12\n---\nHeadline A\n${S1} ${S2}\n`,
    'b.md': `---\noutlet: Early Times\ndate: 2023-06-10T08:00:00Z\n---\nHeadline B\n${S1} ${S2}\n`,
    'c.txt': `Headline C\n${S1} Officials confirmed that 40 workers had been hired to finish the remaining sections.\n`,
  });
  const prov = computeProvenance(result);
  assert.ok(prov.length >= 1);
  for (const p of prov) {
    assert.equal(p.order, 'date');
    assert.deepEqual(p.carriers.map((c) => c.article), ['b', 'a', 'c']);
    assert.deepEqual(p.undated, ['c']);
    assert.equal(p.carriers[0].grade, undefined);
    assert.ok(p.carriers[1].grade, 'followers carry their grade against the first');
    assert.match(p.summary, /^First reported by Early Times on Jun 10, 2023; then Late Post · Jun 12, 2023 \(\w+\), c \(\w+\) \(1 without a date, listed last in file order\)\.$/);
  }
  const timeline = sourceTimeline(result, prov);
  assert.deepEqual(timeline.map((t) => t.article), ['b', 'a', 'c']);
  assert.deepEqual(timeline[0].first, prov.map((p) => p.cluster));
  assert.deepEqual(timeline[2].first, []);
});

test('without dates it says so and falls back to file order', () => {
  const result = analyse({ 'z.txt': `Headline Z\n${S1}\n`, 'y.txt': `Headline Y\n${S1}\n` });
  const [p] = computeProvenance(result);
  assert.equal(p.order, 'file');
  assert.deepEqual(p.carriers.map((c) => c.article), ['y', 'z']);
  assert.match(p.summary, /^No source of this passage has a date; in file order: y, z \(verbatim\)\.$/);
});

test('seeds: clusters carried by Minembwe Capital News start with it (the only dated source)', () => {
  const articles = loadCorpus(SEEDS).articles;
  const result = withArticleMeta(analyzeCorpus(articles.map(analysisInputOf)), articles);
  const prov = computeProvenance(result);
  assert.equal(prov.length, result.clusters.length);
  const withMcn = prov.filter((p) => p.carriers.some((c) => c.article.startsWith('002_')));
  assert.ok(withMcn.length > 0);
  for (const p of withMcn) assert.match(p.summary, /^First reported by Minembwe Capital News on Jun 11, 2023/);
  for (const p of prov.filter((x) => !withMcn.includes(x))) assert.equal(p.order, 'file');
});
