// The analysis client with the real worker (dist/worker.js) and with fake
// workers that crash, exit or hang: chunked results, cancellation, crash
// recovery, and changes made while an analysis runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { AnalysisClient, WorkerCrashed } from '../../src/extension/worker/analysisClient';
import { batchArticles, restoreChunk } from '../../src/extension/worker/transport';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { loadCorpus } from '../../src/core/io/corpus';
import type { Article } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKER = path.join(ROOT, 'dist', 'worker.js');
const seeds = loadCorpus(path.join(ROOT, 'seeds')).articles;

/** `copies` outlets per seed article, each with its own small edits (many matches, chunked results). */
function bigCorpus(copies: number): Article[] {
  const out: Article[] = [];
  for (let c = 0; c < copies; c++) {
    for (const a of seeds) {
      const text = a.text.replace(/\b(\d+)\b/, (n) => String(Number(n) + c)) + `\n\nOutlet ${c} adds a closing line about drones, Iran and Russia number ${c}.`;
      out.push({ ...a, id: `${a.id}-${c}`, file: `${c}/${a.file}`, text });
    }
  }
  return out;
}

/** `copies` outlets per seed article whose sentences all differ (some long words spelt backwards): thousands of distinct comparisons, about a second of work or more. */
function slowCorpus(copies: number): Article[] {
  return bigCorpus(copies).map((a, i) => ({ ...a, text: a.text.replace(/\b[a-z]{6,}\b/g, (w, off: number) => ((off + i) % 4 === 0 ? w.split('').reverse().join('') : w)) }));
}

const FAKE = `
const { parentPort } = require('worker_threads');
let known = new Map();
parentPort.on('message', (m) => {
  if (m.type === 'init' || m.type === 'next') return;
  const full = m.articles.map((a) => (a.known ? known.get(a.id) : a));
  known = new Map(full.map((a) => [a.id, a]));
  if (m.articles.some((a) => a.id === 'echo')) {
    // reports which articles came in full and which by id only
    parentPort.postMessage({ id: m.id, result: { version: 1, articles: m.articles.map((a) => ({ id: a.id, title: a.known ? 'by id' : 'in full', length: 0 })), quotes: [], matches: [], clusters: [] }, ms: 1 });
    return;
  }
  const t = full[0] && full[0].text;
  if (t === 'crash') throw new Error('boom');
  if (t === 'exit') process.exit(3);
  if (t === 'hang') for (;;) {}
  parentPort.postMessage({ id: m.id, chunk: { field: 'quotes', items: [{ id: 'q1' }] } });
  parentPort.postMessage({ id: m.id, result: { version: 1, articles: [{ id: t }], quotes: [], matches: [], clusters: [] }, ms: 1 });
});
`;

function fakeWorker(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fake-worker-')), 'worker.js');
  fs.writeFileSync(file, FAKE);
  return file;
}

const one = (text: string): Article[] => [{ id: 'a', file: 'a.txt', title: 'a', text }];

test('the real worker returns analyzeCorpus’s result, reassembled from chunks', async () => {
  assert.ok(fs.existsSync(WORKER), 'dist/worker.js is built');
  const client = new AnalysisClient(WORKER);
  try {
    const corpus = bigCorpus(5);
    const outcome = await client.analyze(corpus);
    assert.ok(outcome);
    const expected = analyzeCorpus(corpus);
    assert.ok(expected.matches.length > 500, `chunking exercised: ${expected.matches.length} matches`);
    assert.deepEqual(outcome.result, expected);
    // span texts sent empty and sliced back keep the JSON report byte-identical (key order included)
    assert.equal(JSON.stringify(outcome.result), JSON.stringify(expected));
  } finally {
    client.dispose();
  }
});

test('a new request cancels the running analysis mid-run; the newer one answers', async () => {
  const client = new AnalysisClient(WORKER);
  try {
    await client.analyze(seeds); // worker warm (WordNet loaded)
    const long = client.analyze(slowCorpus(16));
    await new Promise((r) => setTimeout(r, 150));
    const short = client.analyze(seeds.slice(0, 2));
    assert.equal(await long, undefined, 'the superseded analysis resolves undefined');
    const outcome = await short;
    assert.ok(outcome);
    assert.deepEqual(outcome.result.articles.map((a) => a.id), seeds.slice(0, 2).map((a) => a.id));
    assert.equal(client.cancelled, 1, 'the worker stopped the long analysis instead of finishing it');
    assert.equal(client.crashes, 0);
  } finally {
    client.dispose();
  }
});

test('cancel() (closing the folder) stops the running analysis', async () => {
  const client = new AnalysisClient(WORKER);
  try {
    await client.analyze(seeds);
    const long = client.analyze(slowCorpus(16));
    await new Promise((r) => setTimeout(r, 150));
    client.cancel();
    assert.equal(await long, undefined);
    assert.equal(client.cancelled, 1);
    assert.equal(client.busy, false);
    // the worker (and its caches) still serve the next request
    const again = await client.analyze(seeds);
    assert.equal(again?.result.articles.length, seeds.length);
  } finally {
    client.dispose();
  }
});

test('a file deleted and another rewritten during an analysis: the result reflects the final state', async () => {
  const client = new AnalysisClient(WORKER);
  try {
    const first = client.analyze(seeds);
    const final = seeds.filter((a) => !a.id.startsWith('004')).map((a) => (a.id.startsWith('003') ? { ...a, text: 'Rewritten. “We will not sell drones to anyone,” Iran’s foreign minister said on Monday.' } : a));
    const second = client.analyze(final);
    assert.equal(await first, undefined);
    const outcome = await second;
    assert.ok(outcome);
    assert.deepEqual(outcome.result.articles.map((a) => a.id), final.map((a) => a.id));
    const q = outcome.result.quotes.filter((x) => x.article.startsWith('003'));
    assert.equal(q.length, 1);
    assert.match(q[0].text, /We will not sell drones/);
    assert.deepEqual(outcome.result, analyzeCorpus(final));
  } finally {
    client.dispose();
  }
});

test('a crashing worker is reported once and restarted; the request fails, the next one works', async () => {
  const lines: string[] = [];
  const client = new AnalysisClient(fakeWorker(), (l) => lines.push(l));
  try {
    const ok = await client.analyze(one('first'));
    assert.equal(ok?.result.articles[0].id, 'first');
    assert.deepEqual(ok?.result.quotes, [{ id: 'q1' }], 'chunks are merged into the result');
    await assert.rejects(client.analyze(one('crash')), (e: Error) => e instanceof WorkerCrashed && /boom/.test(e.message));
    await new Promise((r) => setTimeout(r, 100)); // the crashed worker's exit event comes later: still one report
    assert.equal(client.crashes, 1);
    assert.equal(lines.filter((l) => /crashed/.test(l)).length, 1, lines.join('\n'));
    const after = await client.analyze(one('second'));
    assert.equal(after?.result.articles[0].id, 'second');
    await assert.rejects(client.analyze(one('exit')), WorkerCrashed);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(client.crashes, 2);
    assert.equal(lines.filter((l) => /crashed/.test(l)).length, 2, lines.join('\n'));
    assert.equal((await client.analyze(one('third')))?.result.articles[0].id, 'third');
  } finally {
    client.dispose();
  }
});

test('a worker stuck where it cannot see the cancel flag is terminated and replaced', async () => {
  const lines: string[] = [];
  const client = new AnalysisClient(fakeWorker(), (l) => lines.push(l), { cancelGraceMs: 200 });
  try {
    const stuck = client.analyze(one('hang'));
    await new Promise((r) => setTimeout(r, 50));
    const next = client.analyze(one('after'));
    assert.equal(await stuck, undefined);
    assert.equal((await next)?.result.articles[0].id, 'after');
    assert.ok(lines.some((l) => /did not stop/.test(l)), lines.join('\n'));
    assert.equal(client.crashes, 0, 'a terminated stuck worker is not a crash');
  } finally {
    client.dispose();
  }
});

test('a disposed client refuses work and settles pending callers', async () => {
  const client = new AnalysisClient(fakeWorker());
  const pending = client.analyze(one('x'));
  client.dispose();
  assert.equal(await pending, undefined);
  await assert.rejects(client.analyze(one('y')), /disposed/);
});

test('articles the worker already holds unchanged are sent by id only; a new worker gets every text again', async () => {
  const client = new AnalysisClient(fakeWorker());
  try {
    const corpus = [{ id: 'echo', file: 'echo.txt', title: 'e', text: 'echo' }, ...seeds];
    const sent = async (articles: Article[]) => (await client.analyze(articles))!.result.articles.map((a) => `${a.id}: ${a.title}`);
    assert.ok((await sent(corpus)).every((l) => l.endsWith('in full')));
    const edited = corpus.map((a, i) => (i === 2 ? { ...a, text: a.text + ' More.' } : a));
    const second = await sent(edited);
    assert.deepEqual(second.filter((l) => l.endsWith('in full')), [`${corpus[2].id}: in full`]);
    assert.equal(second.filter((l) => l.endsWith('by id')).length, corpus.length - 1);
    // a renamed title counts as a change; a removed article is simply not named
    const retitled = edited.slice(0, 4).map((a, i) => (i === 1 ? { ...a, title: 'new title' } : a));
    assert.deepEqual((await sent(retitled)).filter((l) => l.endsWith('in full')), [`${corpus[1].id}: in full`]);
    // a crash replaces the worker: the next request carries every text
    await assert.rejects(client.analyze(one('crash')));
    assert.ok((await sent(retitled)).every((l) => l.endsWith('in full')));
  } finally {
    client.dispose();
  }
});

test('the real worker, sent only the edited article, answers what analyzeCorpus gives for the edited corpus', async () => {
  const client = new AnalysisClient(WORKER);
  try {
    const corpus = bigCorpus(2);
    assert.deepEqual((await client.analyze(corpus))!.result, analyzeCorpus(corpus));
    const edited = corpus.map((a, i) => (i === 3 ? { ...a, text: a.text.replace(/\b(\d+)\b/, (n) => String(Number(n) + 40)) } : a)).slice(1);
    assert.deepEqual((await client.analyze(edited))!.result, analyzeCorpus(edited));
  } finally {
    client.dispose();
  }
});

test('two-phase update with the real worker: the preview comes first (as CorpusAnalyzer.preview gives it), then the exact result', async () => {
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const client = new AnalysisClient(WORKER);
  try {
    const corpus = bigCorpus(4);
    const previews: { result: import('../../src/core/types').AnalysisResult; at: number }[] = [];
    let order = 0;
    const onPreview = (o: { result: import('../../src/core/types').AnalysisResult }) => previews.push({ result: o.result, at: order++ });
    assert.deepEqual((await client.analyze(corpus, onPreview))!.result, analyzeCorpus(corpus));
    assert.equal(previews.length, 0, 'no preview for the first run');
    const added = 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety.';
    const edited = corpus.map((a, i) => (i === 7 ? { ...a, text: `${a.text}\n\nTo sum up. ${added}\n` } : a));
    const outcome = await client.analyze(edited, onPreview);
    const doneAt = order++;
    assert.equal(previews.length, 1, 'one preview');
    assert.ok(previews[0].at < doneAt, 'the preview arrived before the exact result');
    const local = new CorpusAnalyzer();
    local.analyze(corpus);
    const expected = local.preview(edited)!;
    assert.ok(expected.matches.length > 500, `chunked (${expected.matches.length} matches)`);
    assert.deepEqual(previews[0].result, expected, 'the preview, reassembled from chunks with span texts restored');
    assert.ok(previews[0].result.matches.some((m) => [m.a, m.b].some((s) => s.article === edited[7].id && s.text === added)), 'the added sentence is matched in the preview');
    assert.deepEqual(outcome!.result, analyzeCorpus(edited), 'then the exact result');
    // a newer edit while the exact phase runs supersedes it: only the newest exact result is delivered
    const again = edited.map((a, i) => (i === 2 ? { ...a, text: a.text.replace(/\b(\d+)\b/, (n) => String(Number(n) + 9)) } : a));
    let newer: Promise<unknown> | undefined;
    const first = client.analyze(again, () => {
      newer = client.analyze(edited, onPreview);
    });
    assert.equal(await first, undefined, 'the superseded update resolves undefined');
    assert.ok(newer, 'its preview arrived');
    assert.deepEqual(((await newer) as { result: unknown }).result, analyzeCorpus(edited));
  } finally {
    client.dispose();
  }
});

/** Calls `f` once, right after the client has taken the first chunk message of a transfer. */
function onFirstChunk(client: AnalysisClient, f: () => void): void {
  const c = client as unknown as { onMessage: (w: unknown, msg: object) => void };
  const original = c.onMessage.bind(client);
  let done = false;
  c.onMessage = (w, msg) => {
    original(w, msg);
    if (!done && 'chunk' in msg) {
      done = true;
      f();
    }
  };
}

test('after the first full result the real worker sends deltas; each rebuilt result equals analyzeCorpus’s', async () => {
  const client = new AnalysisClient(WORKER);
  try {
    let corpus = bigCorpus(5);
    const first = (await client.analyze(corpus))!.result;
    let previous = first;
    assert.equal(client.deltas, 0, 'the first result comes in full');
    const frozen = JSON.stringify(first);
    const edits: ((a: Article[]) => Article[])[] = [
      (a) => a.map((x, i) => (i === 1 ? { ...x, text: `${x.text}\n\nThe ministry declined to comment on the report on Tuesday evening.\n` } : x)), // renumbers what follows
      (a) => a.map((x, i) => (i === 4 ? { ...x, text: x.text.replace(/\b(\d)(\d)\b/, (_, p: string, q: string) => `${p}${(Number(q) + 1) % 10}`) } : x)), // same offsets, new text
      (a) => a.slice(2), // articles removed
      (a) => [...a, bigCorpus(6)[seeds.length * 5 + 1]], // an article added
      (a) => a, // nothing changed
    ];
    for (const [k, edit] of edits.entries()) {
      corpus = edit(corpus);
      const outcome = await client.analyze(corpus);
      assert.ok(outcome);
      const expected = analyzeCorpus(corpus);
      assert.deepEqual(outcome.result, expected, `edit ${k}`);
      assert.equal(JSON.stringify(outcome.result), JSON.stringify(expected), `edit ${k}: same JSON`);
      assert.equal(client.deltas, k + 1, `edit ${k} came as a delta`);
      previous = outcome.result;
    }
    assert.ok(previous.matches.length > 500);
    // a result mostly new (another corpus) comes in full: a delta would not pay
    const other = slowCorpus(2);
    assert.deepEqual((await client.analyze(other))!.result, analyzeCorpus(other));
    assert.equal(client.deltas, edits.length, 'sent in full');
    // rebuilding never changed a result the view was still using
    assert.equal(JSON.stringify(first), frozen);
  } finally {
    client.dispose();
  }
});

test('two-phase update through deltas: the preview, then the exact result, both equal to the in-process ones', async () => {
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const client = new AnalysisClient(WORKER);
  const local = new CorpusAnalyzer();
  try {
    let corpus = bigCorpus(4);
    await client.analyze(corpus);
    local.analyze(corpus);
    for (let k = 0; k < 3; k++) {
      corpus = corpus.map((a, i) => (i === 3 + 5 * k ? { ...a, text: `${a.text}\n\nSince August, Iran has provided Russia with more than ${400 + k} UAVs.\n` } : a));
      const events: string[] = [];
      let preview: import('../../src/core/types').AnalysisResult | undefined;
      const before = client.deltas;
      const outcome = await client.analyze(corpus, (o) => {
        events.push('preview');
        preview = o.result;
      });
      events.push('exact');
      assert.deepEqual(events, ['preview', 'exact']);
      assert.equal(client.deltas, before + 2, 'both phases came as deltas');
      assert.deepEqual(preview, local.preview(corpus));
      assert.deepEqual(outcome!.result, local.analyze(corpus));
      assert.deepEqual(outcome!.result, analyzeCorpus(corpus));
    }
  } finally {
    client.dispose();
  }
});

test('a transfer cancelled midway: the next request still gets a correct result (in full when nothing was held)', async () => {
  const client = new AnalysisClient(WORKER);
  try {
    // the first, full transfer is cancelled after its first chunk: nothing is held
    const first = client.analyze(bigCorpus(4));
    let second: Promise<unknown> | undefined;
    onFirstChunk(client, () => (second = client.analyze(bigCorpus(5))));
    assert.equal(await first, undefined);
    assert.ok(second);
    assert.deepEqual(((await second) as { result: unknown }).result, analyzeCorpus(bigCorpus(5)));
    assert.equal(client.deltas, 0, 'nothing was held: the result came in full');
    // a delta transfer cancelled after its first chunk: the next delta is against the result still held
    const grown = client.analyze(bigCorpus(7));
    const edited = bigCorpus(5).map((a, i) => (i === 2 ? { ...a, text: `${a.text}\n\nThe ministry declined to comment.\n` } : a));
    let fourth: Promise<unknown> | undefined;
    onFirstChunk(client, () => (fourth = client.analyze(edited)));
    assert.equal(await grown, undefined);
    assert.ok(fourth);
    assert.deepEqual(((await fourth) as { result: unknown }).result, analyzeCorpus(edited));
    assert.equal(client.deltas, 1, 'a delta against the result held before the cancelled one');
    // and the chain goes on
    const again = edited.slice(1);
    assert.deepEqual((await client.analyze(again))!.result, analyzeCorpus(again));
    assert.equal(client.deltas, 2);
  } finally {
    client.dispose();
  }
});

test('restoreChunk puts back emptied span texts and keeps one copy of each repeated string, values unchanged', () => {
  const articles = loadCorpus(path.join(__dirname, '..', '..', '..', 'seeds')).articles;
  const result = analyzeCorpus(articles);
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  // what the worker sends: a structured clone with span texts emptied where they are slices
  const sent = structuredClone(result);
  for (const m of sent.matches) for (const s of [m.a, m.b]) if (texts.get(s.article)!.slice(s.start, s.end) === s.text) s.text = '';
  for (const q of sent.quotes) q.text = '';
  for (const c of sent.clusters) for (const s of c.members) s.text = '';
  const pool = new Map<string, string>();
  for (const field of ['quotes', 'matches', 'clusters'] as const) restoreChunk(field, sent[field], texts, pool);
  assert.deepEqual(sent, result);
  const distinct = new Set<string>();
  const add = (v: string | null | undefined) => v && distinct.add(v);
  for (const q of result.quotes) [q.article, q.speaker, q.cue].forEach(add);
  for (const m of result.matches) {
    [m.kind, m.grade, m.cluster, m.a.article, m.a.speaker, m.b.article, m.b.speaker].forEach(add);
    for (const d of m.divergences) [d.type, d.a, d.b, d.message].forEach(add);
  }
  for (const c of result.clusters) [c.id, c.kind, c.grade, c.speaker, ...c.members.flatMap((s) => [s.article, s.speaker])].forEach(add);
  assert.equal(pool.size, [...distinct].filter((v) => v !== '').length + (pool.has('') ? 1 : 0), 'one pooled copy per distinct string');
});

test('batchArticles: consecutive batches of at most about maxChars of text, order kept, articles sent by id weigh nothing', () => {
  const a = (id: string, n: number) => ({ id, file: `${id}.txt`, title: id, text: 'x'.repeat(n) });
  const list = [a('a', 40), a('b', 40), { id: 'k', known: true as const }, a('c', 30), a('huge', 500), a('d', 10)];
  const batches = batchArticles(list, 100);
  assert.deepEqual(batches.map((b) => b.map((x) => x.id)), [['a', 'b', 'k'], ['c'], ['huge'], ['d']]);
  assert.deepEqual(batches.flat(), list);
  assert.deepEqual(batchArticles([], 100), [[]]);
  assert.equal(batchArticles(list, 10_000).length, 1);
});

test('a big request posted in parts (one per event-loop turn) gives analyzeCorpus’s result; a newer request while parts are still going drops the older one', async () => {
  const client = new AnalysisClient(WORKER, () => {}, { postBatchChars: 3000 });
  try {
    const corpus = bigCorpus(3);
    assert.ok(batchArticles(corpus, 3000).length > 3, 'the corpus goes in several parts');
    assert.deepEqual((await client.analyze(corpus))!.result, analyzeCorpus(corpus));
    // two requests in the same turn: the first is still posting its parts when the second comes
    const other = bigCorpus(2).map((a) => ({ ...a, text: a.text + ' Another paragraph for the second request.' }));
    const first = client.analyze(corpus.map((a, i) => (i === 0 ? { ...a, text: a.text + ' An edit.' } : a)));
    const second = client.analyze(other);
    assert.equal(await first, undefined);
    assert.deepEqual((await second)!.result, analyzeCorpus(other));
    // what the worker holds is the second request's articles: an edit of one of them is sent alone and still right
    const edited = other.map((a, i) => (i === 4 ? { ...a, text: a.text.replace(/\b(\d+)\b/, (n) => String(Number(n) + 9)) } : a));
    assert.deepEqual((await client.analyze(edited))!.result, analyzeCorpus(edited));
  } finally {
    client.dispose();
  }
});
