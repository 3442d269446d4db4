import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { createArticle, loadCorpus } from '../../src/core/io/corpus';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { maskFrontMatter, parseFrontMatter } from '../../src/core/meta/frontMatter';
import { normalizeDate, normalizeUrl } from '../../src/core/meta/fields';
import { headlineOf } from '../../src/core/meta/headline';
import { parseManifest } from '../../src/core/meta/manifest';
import { analysisInputOf, formatDate, sourceLabel, sourceLabels, withArticleMeta } from '../../src/core/meta/labels';
import { main } from '../../src/cli/app';
import { makeFolder } from './tempFolders';

const SEEDS = path.resolve(__dirname, '..', '..', '..', 'seeds');

test('front matter gives the fields and where the body starts; text and offsets untouched', () => {
  const text = '---\r\ntitle: "Drones: a deal"\r\noutlet: The Daily\r\ndate: 2023-06-11\r\nurl: https://example.com/a\r\nauthor: Ann Lee\r\nextra: ignored\r\n---\r\nBody line.\r\n';
  const fm = parseFrontMatter(text)!;
  assert.deepEqual(fm.meta, { title: 'Drones: a deal', outlet: 'The Daily', date: '2023-06-11', url: 'https://example.com/a', author: 'Ann Lee' });
  assert.equal(text.slice(fm.bodyStart), 'Body line.\r\n');
  const a = createArticle('a.md', text);
  assert.equal(a.text, text);
  assert.equal(a.title, 'Drones: a deal');
  assert.equal(a.outlet, 'The Daily');
  assert.equal(a.bodyStart, fm.bodyStart);
  const masked = maskFrontMatter(text, fm.bodyStart);
  assert.equal(masked.length, text.length);
  assert.equal(masked.split('\n').length, text.split('\n').length);
  assert.equal(masked.slice(fm.bodyStart), text.slice(fm.bodyStart));
  assert.match(masked.slice(0, fm.bodyStart), /^[ \r\n]+$/);
});

test('no front matter: a leading rule with prose, an unclosed block, or none at all', () => {
  assert.equal(parseFrontMatter('---\nJust a rule above prose.\n---\nMore.'), undefined);
  assert.equal(parseFrontMatter('---\ntitle: never closed\nBody.'), undefined);
  assert.equal(parseFrontMatter('Title\n---\ntitle: x\n---\n'), undefined);
  const a = createArticle('b.txt', 'Plain headline\nBody.');
  assert.equal(a.bodyStart, undefined);
  assert.equal('outlet' in a, false);
});

test('bad front matter still never matches, and says why; bad values are dropped with a reason', () => {
  const broken = parseFrontMatter('---\ntitle: [unclosed\n---\nBody.')!;
  assert.ok(broken.bodyStart > 0);
  assert.deepEqual(broken.meta, {});
  assert.match(broken.warnings[0], /not valid YAML/);
  const bad = parseFrontMatter('---\ndate: someday\nurl: javascript:alert(1)\noutlet: [a, b]\n---\n')!;
  assert.deepEqual(bad.meta, {});
  assert.equal(bad.warnings.length, 3);
  assert.match(bad.warnings.join('\n'), /date ignored.*not a date/);
  assert.match(bad.warnings.join('\n'), /url ignored.*not an http/);
});

test('dates and urls are normalised', () => {
  assert.equal(normalizeDate('2023-06-11'), '2023-06-11');
  assert.equal(normalizeDate('2023-02-30'), undefined);
  assert.equal(normalizeDate('Jun 11, 2023'), '2023-06-11');
  assert.equal(normalizeDate('2023-06-11 09:30:00Z'), '2023-06-11T09:30:00Z');
  assert.equal(normalizeDate('12'), undefined);
  assert.equal(normalizeUrl('file:///etc/passwd'), undefined);
  assert.equal(normalizeUrl('https://example.com/x?y=1'), 'https://example.com/x?y=1');
  assert.equal(formatDate('2023-06-11T23:59:00-04:00'), 'Jun 11, 2023');
});

test('headline: dates, bullets, bylines and share lines are skipped', () => {
  assert.equal(headlineOf('• Mon. Jul 8th, 2024\n\nWhite House Reports Drones.\n'), 'White House Reports Drones.');
  assert.equal(headlineOf('Jun 11, 2023\nShare with others\nBy Chris Muhizi\nUpdated: 2023-06-11 10:00\nReal headline here'), 'Real headline here');
  assert.equal(headlineOf('# Markdown Title\nBody'), 'Markdown Title');
  assert.equal(headlineOf('Home » World » Europe\nPhoto: Shutterstock\nBy the time the votes were counted, the minister had already left'), 'By the time the votes were counted, the minister had already left');
  assert.equal(headlineOf('Jun 11, 2023\n'), 'Jun 11, 2023', 'falls back to the first line');
  assert.equal(headlineOf('Share prices fall as markets tumble on rate fears'), 'Share prices fall as markets tumble on rate fears');
  const seeds = loadCorpus(SEEDS).articles;
  assert.equal(seeds[2].title, 'White House Reports that Russia Has Been Given Several Hundred Iranian Drones For Use To Attack Ukraine.');
});

test('the manifest maps files (or ids) to fields; front matter wins; problems are notes', () => {
  const m = parseManifest('articles:\n  a.txt: { outlet: A News, date: 2023-01-02 }\n  sub/b: { outlet: B Times, date: nope }\n  c.txt: plain\n');
  assert.deepEqual(m.entries.get('a.txt'), { outlet: 'A News', date: '2023-01-02' });
  assert.deepEqual(m.entries.get('sub/b'), { outlet: 'B Times' });
  assert.equal(m.problems.length, 2);
  assert.match(parseManifest('articles: [').problems[0], /not valid YAML/);
  assert.match(parseManifest('- a\n- b').problems[0], /articles:/);
  const dir = makeFolder({
    'crosscheck.yaml': 'articles:\n  a.txt: { outlet: A News, date: 2023-01-02 }\n  sub/b: { outlet: B Times }\n  gone.txt: { outlet: X }\n',
    'a.txt': 'Headline A\nBody.',
    'sub/b.md': '---\noutlet: Front Matter Outlet\n---\nHeadline B\n',
  });
  const { articles, notes } = loadCorpus(dir);
  assert.deepEqual(articles.map((a) => [a.id, a.outlet, a.date, a.title]), [
    ['a', 'A News', '2023-01-02', 'Headline A'],
    ['sub/b', 'Front Matter Outlet', undefined, 'Headline B'],
  ]);
  assert.deepEqual(notes, [{ file: 'crosscheck.yaml', message: 'no article named gone.txt' }]);
});

test('a broken manifest is a note; the corpus still loads', () => {
  const dir = makeFolder({ 'crosscheck.yaml': 'articles: {a.txt: [', 'a.txt': 'Headline A\nBody.' });
  const { articles, notes } = loadCorpus(dir);
  assert.equal(articles.length, 1);
  assert.equal(notes[0].file, 'crosscheck.yaml');
  assert.match(notes[0].message, /not valid YAML/);
});

test('front matter never matches, even when it repeats another article word for word', () => {
  const shared = 'The minister said the new bridge would open to traffic next spring after long delays.';
  const dir = makeFolder({
    'a.md': `---\ntitle: ${shared}\noutlet: A\n---\nSomething else entirely is reported here today by us.\n`,
    'b.txt': `Headline\n${shared}\n`,
    'c.txt': `Other headline\n${shared}\n`,
  });
  const articles = loadCorpus(dir).articles;
  const result = analyzeCorpus(articles.map(analysisInputOf));
  const a = articles[0];
  assert.ok(result.matches.length > 0, 'b and c match each other');
  for (const m of result.matches) {
    for (const side of [m.a, m.b]) {
      if (side.article === 'a') assert.ok(side.start >= a.bodyStart!, 'no span inside the front matter');
      const src = articles.find((x) => x.id === side.article)!;
      assert.equal(src.text.slice(side.start, side.end), side.text, 'offsets refer to the file text as loaded');
    }
  }
  assert.ok(!result.matches.some((m) => m.a.article === 'a' || m.b.article === 'a'));
});

test('labels name articles by outlet and date; summaries gain outlet, date, url only', () => {
  assert.equal(sourceLabel({ id: '002', outlet: 'Minembwe Capital News', date: '2023-06-11' }), 'Minembwe Capital News · Jun 11, 2023');
  assert.equal(sourceLabel({ id: '003' }), '003');
  const labels = sourceLabels([{ id: 'x', outlet: 'Same' }, { id: 'y', outlet: 'Same' }, { id: 'z' }]);
  assert.deepEqual([...labels.values()], ['Same (x)', 'Same (y)', 'z']);
  const seeds = loadCorpus(SEEDS).articles;
  const result = withArticleMeta(analyzeCorpus(seeds), seeds);
  assert.deepEqual(result.articles[2], {
    id: '002_f30aaf43ba5361f9', file: '002_f30aaf43ba5361f9.txt', title: seeds[2].title, length: seeds[2].text.length,
    outlet: 'Minembwe Capital News', date: '2023-06-11',
  });
  assert.deepEqual(Object.keys(result.articles[3]), ['id', 'file', 'title', 'length']);
});

test('crosscheck compare ignores front matter: a different outlet is no divergence', () => {
  const dir = makeFolder({
    'a.md': '---\ntitle: A headline here\noutlet: Example News\n---\nOfficials said the company hired 40 workers to finish the new bridge.\n',
    'b.md': '---\ntitle: Another headline\noutlet: Other Times\n---\nOfficials said the company hired 400 workers to finish the new bridge.\n',
  });
  let out = '';
  const code = main(['compare', path.join(dir, 'a.md'), path.join(dir, 'b.md'), '--json'], { stdout: (t) => (out += t), stderr: () => undefined, isTTY: false });
  assert.equal(code, 0);
  const c = JSON.parse(out);
  assert.deepEqual(c.divergences.filter((d: { substantive: boolean }) => d.substantive).map((d: { type: string }) => d.type), ['number']);
});
