// Hovers made once per analysis result (HoverMemo) and ahead of the first hover
// (hoverWarmSteps, WordNet loaded in steps first) read exactly as hovers made afresh at every look-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { loadCorpus } from '../../src/core/io/corpus';
import { withArticleMeta } from '../../src/core/meta/labels';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import type { AnalysisResult, Article } from '../../src/core/types';
import { CorpusComputer } from '../../src/extension/view/corpusComputer';
import { CorpusIndex } from '../../src/extension/view/corpusIndex';
import { hoverMarkdown, hoverWarmSteps } from '../../src/extension/view/hover';
import { HoverMemo } from '../../src/extension/view/hoverMemo';
import { drain } from '../../src/extension/view/slicing';

/** The seeds/ corpus with its manifest (outlets, a date), analysed as the extension publishes it. */
function seeds(): { result: AnalysisResult; articles: Article[] } {
  const articles = loadCorpus(path.join(__dirname, '..', '..', '..', 'seeds')).articles;
  return { result: withArticleMeta(analyzeCorpus(articles), articles), articles };
}

/** Offsets to hover in an article: each highlight's edges and inside, and a regular sweep. */
function offsetsOf(index: CorpusIndex, a: Article): number[] {
  const out: number[] = [];
  for (const h of index.highlightsFor(a.id)) out.push(h.start, h.start + 3, (h.start + h.end) >> 1, h.end);
  for (let i = 0; i < a.text.length; i += 40) out.push(i);
  return out;
}

test('the seeds hovers read the same with the memo (cold, repeated, made ahead) as made afresh at every look-up', () => {
  const { result, articles } = seeds();
  const fresh = new CorpusIndex(result, articles);
  const cold = new CorpusComputer(result, articles);
  const ahead = new CorpusComputer(result, articles);
  for (const a of articles) drain(ahead.hoverWarmSteps(a.id));
  let hovers = 0;
  const markdown: string[] = [];
  for (const a of articles) {
    for (const offset of offsetsOf(fresh, a)) {
      const want = hoverMarkdown(fresh, a.id, offset);
      assert.deepEqual(cold.hoverMarkdown(a.id, offset), want, `${a.id} at ${offset}`);
      assert.deepEqual(cold.hoverMarkdown(a.id, offset), want, `${a.id} at ${offset}, again`);
      assert.deepEqual(ahead.hoverMarkdown(a.id, offset), want, `${a.id} at ${offset}, made ahead`);
      if (want) {
        hovers++;
        markdown.push(want.markdown);
      }
    }
  }
  assert.ok(hovers > 50, `${hovers} hovers on the seeds`);
  // the comparison covers every kind of line the memo keeps: versions, a why-linked rewording, provenance
  const all = markdown.join('\n');
  assert.match(all, /^- \*\*.+ — .+ · \[Go to\]/m);
  assert.match(all, /_why linked:_ same claim \d+ %/);
  assert.match(all, /^First reported by Minembwe Capital News on Jun 11, 2023/m);
});

test('making an article\'s hovers ahead fills the memo one short step per version line, and a second pass has nothing to do', () => {
  const { result, articles } = seeds();
  const index = new CorpusIndex(result, articles);
  const memo = new HoverMemo();
  const a = articles.find((x) => index.highlightsFor(x.id).length > 1)!;
  const clusters = [...new Set(index.highlightsFor(a.id).map((h) => h.cluster))].map((id) => index.cluster(id)!);
  const versions = clusters.reduce((n, c) => n + c.members.filter((m) => m.article !== a.id).length, 0);
  const steps = [...hoverWarmSteps(index, a.id, memo)].length;
  assert.equal(steps, versions + clusters.length, 'one step per version line and one per section');
  for (const c of clusters) assert.ok(memo.hasSection(c.id, a.id), c.id);
  assert.equal([...hoverWarmSteps(index, a.id, memo)].length, 0);
  // the memo's sections are what a look-up made afresh shows
  for (const h of index.highlightsFor(a.id)) assert.deepEqual(hoverMarkdown(index, a.id, h.start + 1, memo), hoverMarkdown(index, a.id, h.start + 1));
});

test('a memo makes each section and version line once and keeps it apart by cluster, article and member', () => {
  const memo = new HoverMemo();
  let made = 0;
  const make = (text: string) => () => (made++, text);
  assert.equal(memo.section('c1', 'a', make('one')), 'one');
  assert.equal(memo.section('c1', 'a', make('other')), 'one');
  assert.equal(memo.section('c1', 'b', make('two')), 'two');
  assert.equal(memo.version('c1', 'a', 1, make('v1')), 'v1');
  assert.equal(memo.version('c1', 'a', 2, make('v2')), 'v2');
  assert.equal(memo.version('c1', 'a', 1, make('again')), 'v1');
  assert.equal(made, 4);
  assert.ok(memo.hasSection('c1', 'b') && !memo.hasSection('c2', 'a') && memo.hasVersion('c1', 'a', 2) && !memo.hasVersion('c1', 'b', 1));
});
