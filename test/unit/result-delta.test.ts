// Result deltas (src/extension/worker/resultDelta.ts): applying diffResults(old, next)
// to old gives next back (deep-equal and the same JSON), never mutates old, and
// carries only what changed: on real analyses before and after edits, and on
// random results edited at random (clusters inserted, removed, split and merged,
// matches and quotes changed, articles added and removed), which renumbers ids.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'path';
import fc from 'fast-check';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { loadCorpus } from '../../src/core/io/corpus';
import type { AnalysisResult, Article, Cluster, Grade, Match, Quote } from '../../src/core/types';
import { drain } from '../../src/extension/view/slicing';
import { applyDeltaSteps, COMPARED_FIELDS, deltaSize, diffResults, type ResultDelta } from '../../src/extension/worker/resultDelta';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const seeds = loadCorpus(path.join(ROOT, 'seeds')).articles;

/** Applies the delta of old → next to old and checks the round trip; returns the delta. */
function roundTrip(old: AnalysisResult, next: AnalysisResult): ResultDelta {
  const before = JSON.stringify(old);
  // the delta travels by structured clone: check what the client gets
  const delta = structuredClone(diffResults(old, next));
  const rebuilt = drain(applyDeltaSteps(old, delta));
  assert.deepEqual(rebuilt, next);
  assert.equal(JSON.stringify(rebuilt), JSON.stringify(next), 'same JSON, key order included');
  assert.equal(JSON.stringify(old), before, 'the old result is not mutated');
  return delta;
}

/** Two outlets per seed article with small differences (many matches across them). */
function corpus(): Article[] {
  return [0, 1].flatMap((c) => seeds.map((a) => ({ ...a, id: `${a.id}-${c}`, file: `${c}/${a.file}`, text: a.text.replace(/\b(\d+)\b/, (n) => String(Number(n) + c)) })));
}

test('an unchanged result gives an empty delta (copy-runs only)', () => {
  const r = analyzeCorpus(corpus());
  assert.ok(r.matches.length > 20);
  const delta = roundTrip(r, r);
  assert.equal(deltaSize(delta), 0);
  assert.deepEqual(delta.matches.ops, [0, r.matches.length]);
  // a structured clone of the result (what the client holds) is recognised too
  assert.equal(deltaSize(roundTrip(structuredClone(r), r)), 0);
});

test('an edit early in the corpus renumbers every later id; the delta carries only the changed items', () => {
  const articles = corpus();
  const old = analyzeCorpus(articles);
  // a sentence from the last article copied into the first: new matches and clusters at the front
  const last = articles[articles.length - 1];
  const sentence = last.text.split(/(?<=\.)\s+/).find((s) => s.split(' ').length > 12)!;
  const edited = articles.map((a, i) => (i === 0 ? { ...a, text: `${a.text}\n\n${sentence}\n` } : a));
  const next = analyzeCorpus(edited);
  const delta = roundTrip(old, next);
  assert.ok(next.matches.length > old.matches.length);
  const moved = next.matches.filter((m, i) => old.matches[i]?.id === m.id && JSON.stringify(old.matches[i]) !== JSON.stringify(m)).length;
  assert.ok(moved > 0, 'ids were renumbered');
  assert.ok(delta.matches.items.length < next.matches.length / 4, `few matches sent: ${delta.matches.items.length} of ${next.matches.length}`);
  assert.ok(delta.clusters.items.length < next.clusters.length / 4, `few clusters sent: ${delta.clusters.items.length} of ${next.clusters.length}`);
});

test('articles removed, added and retitled; a number changed in place (same offsets, new text)', () => {
  const articles = corpus();
  const old = analyzeCorpus(articles);
  const removed = articles.slice(2);
  roundTrip(old, analyzeCorpus(removed));
  const added = [...articles, { ...seeds[1], id: 'zz-new', file: 'zz-new.txt' }];
  roundTrip(old, analyzeCorpus(added));
  const retitled = articles.map((a, i) => (i === 3 ? { ...a, title: 'Another title' } : a));
  const delta = roundTrip(old, analyzeCorpus(retitled));
  assert.equal(delta.articles.items.length, 1);
  // 12 → 19: same length, so every span keeps its offsets but one text changes
  const i = articles.findIndex((a) => /\b\d\d\b/.test(a.text));
  const digits = articles.map((a, k) => (k === i ? { ...a, text: a.text.replace(/\b(\d)(\d)\b/, (_, x: string, y: string) => `${x}${(Number(y) + 1) % 10}`) } : a));
  const next = analyzeCorpus(digits);
  const d = roundTrip(old, next);
  assert.ok(deltaSize(d) > 0);
  assert.ok(d.matches.items.length + d.quotes.items.length < next.matches.length + next.quotes.length);
});

test('a cancelled chain: deltas applied one after another equal each result', () => {
  let articles = corpus();
  let held = analyzeCorpus(articles);
  for (let k = 0; k < 4; k++) {
    articles = articles.map((a, i) => (i === (k * 3) % articles.length ? { ...a, text: `${a.text}\nUpdate ${k}: the ministry said 4${k} drones were seen on Monday.` } : a));
    const next = analyzeCorpus(articles);
    const rebuilt = drain(applyDeltaSteps(held, structuredClone(diffResults(held, next))));
    assert.deepEqual(rebuilt, next);
    held = rebuilt; // the next delta is against what the client built
  }
});

test('real results carry no field the delta comparisons ignore (a new field must be compared)', () => {
  const r = analyzeCorpus(corpus());
  const check = (kind: keyof typeof COMPARED_FIELDS, items: object[]) => {
    const known = new Set<string>(COMPARED_FIELDS[kind]);
    for (const item of items) for (const k of Object.keys(item)) assert.ok(known.has(k), `${kind}.${k} is not compared by resultDelta`);
  };
  assert.ok(r.quotes.some((q) => q.partial !== undefined || q.cue !== undefined));
  check('article', r.articles);
  check('quote', r.quotes);
  check('match', r.matches);
  check('side', r.matches.flatMap((m) => [m.a, m.b]));
  check('divergence', r.matches.flatMap((m) => m.divergences));
  check('cluster', r.clusters);
  check('side', r.clusters.flatMap((c) => c.members));
});

test('a delta against the wrong base throws instead of building garbage past its end', () => {
  const big = analyzeCorpus(corpus());
  const small: AnalysisResult = { ...big, articles: [], quotes: [], matches: [], clusters: [] };
  assert.throws(() => drain(applyDeltaSteps(small, diffResults(big, big))), /wrong base/);
});

// ---- random results, edited at random ----

interface MatchSpec {
  a: number;
  b: number;
  start: number;
  len: number;
  score: number;
  grade: Grade;
  div: number;
}

interface Spec {
  articles: string[];
  clusters: MatchSpec[][];
  quotes: { article: number; start: number; speaker: string | null }[];
  titles: string[];
}

const grades: Grade[] = ['verbatim', 'edited', 'truncated', 'reworded'];
const matchSpec = fc.record({
  a: fc.nat(5),
  b: fc.nat(5),
  start: fc.nat(400),
  len: fc.integer({ min: 1, max: 30 }),
  score: fc.constantFrom(0.5, 0.75, 1),
  grade: fc.constantFrom(...grades),
  div: fc.nat(2),
});
const spec = fc.record({
  articles: fc.constant(['a', 'b', 'c', 'd', 'e', 'f']).map((l) => [...l]),
  clusters: fc.array(fc.array(matchSpec, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
  quotes: fc.array(fc.record({ article: fc.nat(5), start: fc.nat(400), speaker: fc.constantFrom(null, 'John Kirby', 'a spokesperson') }), { maxLength: 10 }),
  titles: fc.constant(['A', 'B', 'C', 'D', 'E', 'F']).map((l) => [...l]),
});

/** A valid result (positional ids, contiguous matches per cluster) from a spec. */
function build(s: Spec): AnalysisResult {
  const text = (article: number, start: number, len: number) => `${s.articles[article]}:${start}:${len}`;
  const side = (article: number, start: number, len: number) => ({ article: s.articles[article] ?? 'gone', start, end: start + len, text: text(article, start, len), speaker: null });
  const matches: Match[] = [];
  const clusters: Cluster[] = s.clusters.map((list, ci) => {
    const ids: string[] = [];
    for (const m of list) {
      const id = `m${matches.length + 1}`;
      ids.push(id);
      matches.push({
        id,
        cluster: `c${ci + 1}`,
        kind: 'passage',
        grade: m.grade,
        score: m.score,
        a: side(m.a, m.start, m.len),
        b: side(m.b, m.start + 3, m.len),
        divergences: Array.from({ length: m.div }, (_, k) => ({ type: 'number', substantive: true, a: `${k}`, b: `${k + 1}`, message: 'numbers differ', aStart: m.start, aEnd: m.start + 1 })),
      });
    }
    const members = list.map((m) => side(m.a, m.start, m.len));
    return { id: `c${ci + 1}`, kind: 'passage', members, matches: ids, speaker: null, substantive: list.reduce((n, m) => n + m.div, 0), grade: list[0].grade };
  });
  const quotes: Quote[] = s.quotes.map((q, i) => ({ ...side(q.article, q.start, 10), id: `q${i + 1}`, speaker: q.speaker }));
  return { version: 1, articles: s.articles.map((id, i) => ({ id, title: s.titles[i] ?? id, length: 500 })), quotes, matches, clusters };
}

type Edit = [kind: number, at: number, other: number, value: MatchSpec];

/** Applies random edits to a spec: insert / remove / split / merge clusters, change a match, change quotes and articles. */
function edit(s: Spec, edits: Edit[]): Spec {
  const clusters = s.clusters.map((c) => c.slice());
  const quotes = s.quotes.slice();
  const articles = s.articles.slice();
  const titles = s.titles.slice();
  for (const [kind, at, other, value] of edits) {
    const k = clusters.length ? at % clusters.length : 0;
    switch (kind) {
      case 0: // insert a cluster (renumbers everything after it)
        clusters.splice(at % (clusters.length + 1), 0, [value]);
        break;
      case 1: // remove a cluster
        if (clusters.length) clusters.splice(k, 1);
        break;
      case 2: // split a cluster in two
        if (clusters.length && clusters[k].length > 1) {
          const cut = 1 + (other % (clusters[k].length - 1));
          clusters.splice(k, 1, clusters[k].slice(0, cut), clusters[k].slice(cut));
        }
        break;
      case 3: // merge a cluster with the next one
        if (k + 1 < clusters.length) clusters.splice(k, 2, [...clusters[k], ...clusters[k + 1]]);
        break;
      case 4: // change a match's content
        if (clusters.length) clusters[k][other % clusters[k].length] = value;
        break;
      case 5: // add a match to a cluster
        if (clusters.length) clusters[k].splice(other % (clusters[k].length + 1), 0, value);
        break;
      case 6: // insert or remove a quote, or change a speaker
        if (other % 3 === 0) quotes.splice(at % (quotes.length + 1), 0, { article: value.a, start: value.start, speaker: null });
        else if (quotes.length && other % 3 === 1) quotes.splice(at % quotes.length, 1);
        else if (quotes.length) quotes[at % quotes.length] = { ...quotes[at % quotes.length], speaker: 'Mr Kirby' };
        break;
      case 7: // remove an article, add one, or retitle one
        if (other % 3 === 0 && articles.length > 1) {
          articles.splice(at % articles.length, 1);
          titles.splice(at % titles.length, 1);
        } else if (other % 3 === 1) {
          articles.push(`new${at}`);
          titles.push(`New ${at}`);
        } else titles[at % titles.length] = `Retitled ${at}`;
        break;
    }
  }
  return { articles, titles, clusters, quotes };
}

const edits = fc.array(fc.tuple(fc.nat(7), fc.nat(50), fc.nat(50), matchSpec), { maxLength: 6 });

test('property: applying diffResults(old, next) to old gives next, for random results edited at random', () => {
  fc.assert(
    fc.property(spec, edits, edits, (s, e1, e2) => {
      const old = build(s);
      const next = build(edit(s, e1));
      roundTrip(old, next);
      roundTrip(next, old);
      // two deltas in a row, each against the result built from the last one
      const third = build(edit(edit(s, e1), e2));
      const held = drain(applyDeltaSteps(old, diffResults(old, next)));
      assert.deepEqual(drain(applyDeltaSteps(held, diffResults(held, third))), third);
    }),
    { numRuns: 400 },
  );
});

test('property: an empty edit list gives an empty delta', () => {
  fc.assert(
    fc.property(spec, (s) => {
      assert.equal(deltaSize(roundTrip(build(s), build(s))), 0);
    }),
    { numRuns: 100 },
  );
});

test('property: ids that break the positional scheme are sent whole, and still round-trip', () => {
  fc.assert(
    fc.property(spec, edits, fc.nat(20), (s, e, which) => {
      const old = build(s);
      const next = build(edit(s, e));
      if (next.matches.length) {
        // a result whose ids are not positional (not what the engine gives): still exact
        const m = next.matches[which % next.matches.length];
        m.id = `x${which}`;
        for (const c of next.clusters) c.matches = c.matches.map((id) => (id === `m${(which % next.matches.length) + 1}` ? m.id : id));
      }
      roundTrip(old, next);
    }),
    { numRuns: 200 },
  );
});
