// End-to-end checks of the engine on the bundled seeds/ corpus: the two examples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { loadCorpus } from '../../src/core/io/corpus';
import type { AnalysisResult, Match } from '../../src/core/types';

const seeds = loadCorpus(path.resolve(__dirname, '..', '..', '..', 'seeds')).articles;
const result: AnalysisResult = analyzeCorpus(seeds);
const K000 = '000_59f4c67cbd2b93e8';
const K001 = '001_1a31a8fc8b0ace42';
const K002 = '002_f30aaf43ba5361f9';

function between(x: string, y: string): Match[] {
  return result.matches.filter((m) => (m.a.article === x && m.b.article === y) || (m.a.article === y && m.b.article === x));
}

function sideOf(m: Match, article: string) {
  return m.a.article === article ? m.a : m.b;
}

test("Kirby's two quotes in 000 and 001 match as verbatim/edited without substantive divergence", () => {
  const pairs = between(K000, K001).filter((m) => m.kind === 'quote');
  for (const phrase of ['Since August, Iran has provided Russia with more than 400 UAVs', 'Russia has expended most of these UAVs', 'Iran has been directly enabling Russia']) {
    const m = pairs.find((p) => sideOf(p, K000).text.includes(phrase) && sideOf(p, K001).text.includes(phrase.replace('’', "'")));
    assert.ok(m, `no quote match for “${phrase}” between 000 and 001`);
    assert.ok(m.grade === 'verbatim' || m.grade === 'edited', `“${phrase}” graded ${m.grade}`);
    assert.deepEqual(m.divergences.filter((d) => d.substantive), [], `“${phrase}” has substantive divergences`);
  }
  const apostrophe = pairs.find((p) => sideOf(p, K000).text.includes('Russia’s war'));
  assert.ok(apostrophe, 'the sentence with Russia’s / Russia\'s matches');
  assert.equal(apostrophe.grade, 'edited');
});

test("002's White House representative sentence is a reworded match of Kirby's quote, with number and attribution divergences", () => {
  const m = result.matches.find((x) => [x.a, x.b].some((s) => s.article === K002 && s.text.includes('according to a White House representative')) && [x.a, x.b].some((s) => s.text.includes('more than 400 UAVs')));
  assert.ok(m, 'no match between 002 and a Kirby quote');
  assert.equal(m.grade, 'reworded');
  const number = m.divergences.find((d) => d.type === 'number');
  assert.ok(number && number.substantive, 'number divergence');
  assert.match(number.a + '|' + number.b, /more than 400/);
  assert.match(number.a + '|' + number.b, /several hundred/);
  const attribution = m.divergences.find((d) => d.type === 'attribution');
  assert.ok(attribution && attribution.substantive, 'attribution divergence');
});

test('Kirby, Mr Kirby and John Kirby are one speaker across the corpus', () => {
  const kirby = result.quotes.filter((q) => q.speaker && /Kirby/.test(q.speaker));
  assert.ok(kirby.length >= 6, `Kirby quotes: ${kirby.length}`);
  assert.deepEqual([...new Set(kirby.map((q) => q.speaker))], ['John Kirby']);
});

test('boilerplate and same-article repeats never match', () => {
  for (const m of result.matches) {
    assert.notEqual(m.a.article, m.b.article);
    for (const s of [m.a, m.b]) assert.doesNotMatch(s.text, /Cookie Policy|All rights reserved|Now Read:|Photo: Shutterstock/);
  }
});

test('clusters group every version of a passage, with one member per article', () => {
  for (const c of result.clusters) {
    const articles = c.members.map((m) => m.article);
    assert.equal(new Set(articles).size, articles.length, `${c.id} has two members from one article`);
    assert.ok(c.members.length >= 2);
    for (const id of c.matches) assert.equal(result.matches.find((m) => m.id === id)?.cluster, c.id);
  }
  for (const m of result.matches) assert.ok(result.clusters.some((c) => c.id === m.cluster));
});

test('analysis is deterministic and needs no file names', () => {
  const again = analyzeCorpus(seeds.map((a) => ({ id: a.id, text: a.text })));
  assert.deepEqual(again.matches, result.matches);
  assert.equal(again.articles[0].file, undefined);
});

test('hostile and degenerate articles do not break the analysis', () => {
  const r = analyzeCorpus([
    { id: 'x', text: '' },
    { id: 'y', text: '“unbalanced quote that never closes. And more text here about drones and Iran.' },
    { id: 'z', text: '<script>alert(1)</script> "He said" ‘’ “” \u0000' },
  ]);
  assert.equal(r.articles.length, 3);
  for (const q of r.quotes) {
    const text = [{ id: 'x', text: '' }, { id: 'y', text: '“unbalanced quote that never closes. And more text here about drones and Iran.' }, { id: 'z', text: '<script>alert(1)</script> "He said" ‘’ “” \u0000' }].find((a) => a.id === q.article)!.text;
    assert.equal(q.text, text.slice(q.start, q.end));
  }
});

test('incremental re-analysis equals a fresh analysis, and re-compares only the edited article', async () => {
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const analyzer = new CorpusAnalyzer();
  assert.deepEqual(analyzer.analyze(seeds), result);
  // edit 002: change a number in the reworded Kirby sentence and add a sentence
  const edited = seeds.map((a) => (a.id === K002 ? { ...a, text: a.text.replace('several hundred drones', 'more than 500 drones') + '\n\nIran has denied supplying any drones to Russia for the war.' } : a));
  assert.notDeepEqual(edited, seeds);
  const stats = { units: 0, candidates: 0, compared: 0, graded: 0, comparedSame: 0 };
  const again = analyzer.analyze(edited, { stats });
  assert.deepEqual(again, analyzeCorpus(edited));
  const fresh = { units: 0, candidates: 0, compared: 0, graded: 0, comparedSame: 0 };
  analyzeCorpus(edited, { stats: fresh });
  assert.ok(stats.compared > 0 && stats.compared < fresh.compared, `incremental compared ${stats.compared}, fresh ${fresh.compared}`);
  const m = again.matches.find((x) => [x.a, x.b].some((s) => s.article === K002 && s.text.includes('more than 500 drones')));
  assert.ok(m, 'the edited sentence still matches');
  assert.ok(m.divergences.some((d) => d.type === 'number' && d.substantive));
  // an unchanged corpus compares nothing new
  const none = { units: 0, candidates: 0, compared: 0, graded: 0, comparedSame: 0 };
  analyzer.analyze(edited, { stats: none });
  assert.equal(none.compared, 0);
});

test('a cancelled analysis throws AnalysisCancelled and leaves the analyzer usable, with the same result afterwards', async () => {
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const { AnalysisCancelled } = await import('../../src/core/align/align');
  const analyzer = new CorpusAnalyzer();
  let polls = 0;
  assert.throws(() => analyzer.analyze(seeds, { align: { isCancelled: () => ++polls > 1 } }), AnalysisCancelled);
  assert.ok(polls >= 2, 'the run polled the flag');
  assert.deepEqual(analyzer.analyze(seeds), result);
});

/** An article as the randomized edit tests change it. */
type EditableArticle = { id: string; text: string; title?: string };

/** What the randomized edit tests share: the analyzer class, a seeded random source, a generated corpus, and a sentence picker. */
async function randomEditKit(randomSeed: number, spec: { size: number; seed: number }) {
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const { generateCorpus, makeRandom } = await import('../../bench/corpus');
  const rnd = makeRandom(randomSeed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const generated: EditableArticle[] = generateCorpus(seeds.map((a) => a.text), spec);
  const sentence = (text: string) => pick(text.split(/(?<=[.!?]["”]?)\s+/).filter((s) => s.length > 40)) ?? text.slice(0, 80);
  return { CorpusAnalyzer, rnd, pick, sentence, generated };
}

test('randomized edit sequence: after every edit the incremental result equals a fresh analyzeCorpus', async () => {
  const { CorpusAnalyzer, rnd, pick, sentence, generated } = await randomEditKit(2026, { size: 24, seed: 5 });
  let corpus: EditableArticle[] = generated;
  const analyzer = new CorpusAnalyzer();
  assert.deepEqual(analyzer.analyze(corpus), analyzeCorpus(corpus));
  const edits: [string, (c: typeof corpus) => typeof corpus][] = [
    ['change a number', (c) => c.map((a, i) => (i === Math.floor(rnd() * c.length) ? { ...a, text: a.text.replace(/\d+/, (n) => String(Number(n) * 3 + 1)) } : a))],
    ['copy a sentence from another article', (c) => {
      const i = Math.floor(rnd() * c.length);
      return c.map((a, k) => (k === i ? { ...a, text: `${a.text}\n\n${sentence(pick(c).text)}\n` } : a));
    }],
    ['delete a paragraph', (c) => {
      const i = Math.floor(rnd() * c.length);
      return c.map((a, k) => {
        if (k !== i) return a;
        const paras = a.text.split(/\n\s*\n/);
        if (paras.length > 2) paras.splice(1 + Math.floor(rnd() * (paras.length - 1)), 1);
        return { ...a, text: paras.join('\n\n') };
      });
    }],
    ['rename a speaker (aliases merge corpus-wide)', (c) => {
      const i = Math.floor(rnd() * c.length);
      return c.map((a, k) => (k === i ? { ...a, text: a.text.replace(/\b(said|says)\b/, '$1 Maria Kowalski') + '\n\n"We will not accept these terms at all," Kowalski said.\n' } : a));
    }],
    ['add an article', (c) => [...c.slice(0, 3), { id: `new-${c.length}-${Math.floor(rnd() * 1e6)}.txt`, text: `${sentence(pick(c).text)} ${sentence(pick(c).text)}\n\n${pick(c).text.slice(0, 600)}` }, ...c.slice(3)]],
    ['remove an article', (c) => c.filter((_, k) => k !== Math.floor(rnd() * c.length))],
    ['retitle an article', (c) => c.map((a, k) => (k === 0 ? { ...a, title: `Title ${Math.floor(rnd() * 100)}` } : a))],
    ['undo to an earlier text', (c) => c.map((a, k) => (k === 1 ? { ...a, text: corpus0[1]?.text ?? a.text } : a))],
  ];
  const corpus0 = corpus;
  const done: string[] = [];
  for (let step = 0; step < 14; step++) {
    const [name, edit] = pick(edits);
    corpus = edit(corpus);
    done.push(name);
    assert.deepEqual(analyzer.analyze(corpus), analyzeCorpus(corpus), `after: ${done.join(' → ')}`);
  }
  assert.ok(new Set(done).size >= 5, `the sequence covers several kinds of edit (${done.join(', ')})`);
});

/** Checks a preview result's shape: spans in bounds and equal to their slices, ids consistent, one member per article. */
function assertWellFormed(r: AnalysisResult, articles: { id: string; text: string }[], label: string): void {
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  assert.deepEqual(r.articles.map((a) => a.id), articles.map((a) => a.id), label);
  const spans = [...r.quotes, ...r.matches.flatMap((m) => [m.a, m.b]), ...r.clusters.flatMap((c) => c.members)];
  for (const s of spans) {
    const text = texts.get(s.article);
    assert.ok(text !== undefined, `${label}: span in unknown article ${s.article}`);
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${label}: span out of bounds`);
    assert.equal(s.text, text.slice(s.start, s.end), `${label}: span text is its slice`);
  }
  const ids = new Set(r.matches.map((m) => m.id));
  assert.equal(ids.size, r.matches.length, `${label}: match ids unique`);
  for (const m of r.matches) {
    assert.notEqual(m.a.article, m.b.article, label);
    for (const d of m.divergences) {
      if (d.aStart !== undefined) assert.ok(d.aStart >= m.a.start && d.aEnd! <= m.a.end, `${label}: divergence inside side a`);
      if (d.bStart !== undefined) assert.ok(d.bStart >= m.b.start && d.bEnd! <= m.b.end, `${label}: divergence inside side b`);
    }
  }
  for (const c of r.clusters) {
    assert.equal(new Set(c.members.map((s) => s.article)).size, c.members.length, `${label}: one member per article`);
    for (const id of c.matches) assert.ok(ids.has(id), `${label}: cluster names an existing match`);
  }
  for (const m of r.matches) assert.ok(r.clusters.find((c) => c.id === m.cluster)?.matches.includes(m.id), `${label}: match in its cluster`);
}

test('two-phase update: the preview reflects the edit at once, the exact run afterwards equals analyzeCorpus', async () => {
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const analyzer = new CorpusAnalyzer();
  assert.equal(analyzer.preview(seeds), undefined, 'no exact run yet: no preview');
  analyzer.analyze(seeds);
  // 002 gets the number changed and a copy of a Kirby sentence from 000
  const kirby = 'Since August, Iran has provided Russia with more than 400 UAVs';
  const source = seeds.find((a) => a.id === K000)!.text;
  assert.ok(source.includes(`${kirby} primarily of the Shahed variety`));
  const copied = `${kirby} primarily of the Shahed variety.`;
  const edited = seeds.map((a) => (a.id === K002 ? { ...a, text: a.text.replace('several hundred drones', 'more than 500 drones') + '\n\nTo sum up. ' + copied + '\n' } : a));
  const stats = { units: 0, candidates: 0, compared: 0, graded: 0, comparedSame: 0 };
  const preview = analyzer.preview(edited);
  assert.ok(preview, 'a preview after an edit');
  assertWellFormed(preview, edited, 'preview');
  const text002 = edited.find((a) => a.id === K002)!.text;
  const at = text002.indexOf('To sum up');
  const fresh = preview.matches.filter((m) => [m.a, m.b].some((s) => s.article === K002 && s.start > at));
  assert.ok(fresh.some((m) => [m.a, m.b].some((s) => s.article === K000 && s.text.includes(kirby))), 'the added sentence matches the Kirby quote of 000');
  // the copy now takes the Kirby quotes' counterpart in 002 (one per unit and article), so the reworded sentence loses its match, in both phases
  const of002 = (r: AnalysisResult) => r.matches.filter((m) => m.a.article === K002 || m.b.article === K002).map((m) => [m.a.article, m.a.start, m.b.article, m.b.start, m.grade].join()).sort();
  const final = analyzeCorpus(edited);
  assert.deepEqual(of002(preview), of002(final), 'here the preview finds exactly the exact matches of the edited article');
  // matches between the other articles are kept
  const others = (r: AnalysisResult) => r.matches.filter((m) => m.a.article !== K002 && m.b.article !== K002).map((m) => [m.a.article, m.a.start, m.b.article, m.b.start, m.grade].join());
  assert.deepEqual(others(preview), others(result));
  const exact = analyzer.analyze(edited, { stats });
  assert.deepEqual(exact, final);
  assert.ok(stats.compared < 50, `the exact run reused the preview's comparisons (${stats.compared} new)`);
});

test('randomized two-phase edit sequence: every preview is well formed, every exact run after it equals analyzeCorpus', async () => {
  const { CorpusAnalyzer, rnd, pick, sentence, generated } = await randomEditKit(7, { size: 20, seed: 9 });
  let corpus: EditableArticle[] = generated;
  const analyzer = new CorpusAnalyzer();
  analyzer.analyze(corpus);
  const done: string[] = [];
  let previews = 0;
  let reflected = 0;
  for (let step = 0; step < 12; step++) {
    const i = Math.floor(rnd() * corpus.length);
    const kind = pick(['copy', 'number', 'delete', 'add', 'remove', 'two']);
    done.push(kind);
    let copied = '';
    if (kind === 'copy' || kind === 'two') {
      const from = corpus[(i + 1 + Math.floor(rnd() * (corpus.length - 1))) % corpus.length];
      copied = sentence(from.text);
      corpus = corpus.map((a, k) => (k === i ? { ...a, text: `${a.text}\n\n${copied}\n` } : k === (i + 3) % corpus.length && kind === 'two' ? { ...a, text: a.text.replace(/\d+/, '77') } : a));
    } else if (kind === 'number') corpus = corpus.map((a, k) => (k === i ? { ...a, text: a.text.replace(/\d+/, (n) => String(Number(n) * 3 + 1)) } : a));
    else if (kind === 'delete') corpus = corpus.map((a, k) => (k === i ? { ...a, text: a.text.split(/\n\s*\n/).filter((_, p) => p !== 1).join('\n\n') } : a));
    else if (kind === 'add') corpus = [...corpus.slice(0, 2), { id: `new-${step}.txt`, text: `${sentence(pick(corpus).text)}\n\n${pick(corpus).text.slice(0, 500)}` }, ...corpus.slice(2)];
    else corpus = corpus.filter((_, k) => k !== i);
    const label = done.join(' → ');
    const preview = analyzer.preview(corpus);
    if (preview) {
      previews++;
      assertWellFormed(preview, corpus, label);
      if (copied && preview.matches.some((m) => [m.a, m.b].some((s) => s.article === corpus[i].id && s.text === copied.trim().replace(/[\s"“”‘’'«»(]+$/, '').replace(/^[\s"“”‘’'«»(]+/, '') ))) reflected++;
    }
    // sometimes a newer edit arrives before the exact run (it is skipped, as a cancelled one would be)
    if (rnd() < 0.25) continue;
    assert.deepEqual(analyzer.analyze(corpus), analyzeCorpus(corpus), `after: ${label}`);
  }
  assert.ok(previews >= 10, `previews made: ${previews}`);
  assert.ok(reflected >= 1, `a copied sentence was matched in the preview (${reflected} times)`);
  assert.deepEqual(analyzer.analyze(corpus), analyzeCorpus(corpus));
});
