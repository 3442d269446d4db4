// Host-side views: one diagnostic per divergence (not per pair), counts that
// agree, and Find Quote rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult, Article, Divergence, Match } from '../../src/core/types';
import { CorpusComputer } from '../../src/extension/view/corpusComputer';
import { quoteRows } from '../../src/extension/view/quoteRows';
import { summaryText } from '../../src/webview/clusterIndex';
import { corpusName, panelTitle } from '../../src/extension/panel/corpusName';

function art(id: string, text: string): Article {
  return { id, file: id + '.txt', title: text.split('\n')[0], text };
}

const side = (a: Article, needle: string, speaker: string | null = 'Vicente Fox') => {
  const start = a.text.indexOf(needle);
  return { article: a.id, start, end: start + needle.length, text: needle, speaker };
};

/** A number divergence between two sides, offsets absolute. */
function numberDiv(a: Article, wa: string, b: Article, wb: string): Divergence {
  const as = a.text.indexOf(wa);
  const bs = b.text.indexOf(wb);
  return { type: 'number', substantive: true, a: wa, b: wb, message: `${a.id} has ${wa}, ${b.id} has ${wb}`, aStart: as, aEnd: as + wa.length, bStart: bs, bEnd: bs + wb.length };
}

const QF = 'I am not going to pay for that 10 billion dollar wall';
const QD = 'I am not going to pay for that 20 billion dollar wall';
const FOX = art('fox', `Fox\n"${QF}," Fox said.`);
const NYT = art('nyt', `NYT\n"${QF}," Vicente Fox said.`);
const HUFF = art('huff', `Huff\n"${QD}," he said.`);

function result(arts: Article[], matches: Match[]): AnalysisResult {
  const members = arts.map((a) => side(a, a === HUFF ? QD : QF));
  return {
    version: 1,
    articles: arts.map((x) => ({ id: x.id, file: x.file, title: x.title, length: x.text.length })),
    quotes: members.map((m, i) => ({ id: `q${i + 1}`, ...m })),
    matches,
    clusters: [{ id: 'c1', kind: 'quote', members, matches: matches.map((m) => m.id), speaker: 'Vicente Fox', substantive: matches.reduce((n, m) => n + m.divergences.length, 0), grade: 'edited' }],
  };
}

const match = (id: string, a: Article, b: Article, divergences: Divergence[]): Match => ({
  id, cluster: 'c1', kind: 'quote', grade: divergences.length ? 'edited' : 'verbatim', score: 0.9,
  a: side(a, a === HUFF ? QD : QF), b: side(b, b === HUFF ? QD : QF), divergences,
});

test('diagnostics: a divergence carried by two pairs gives one diagnostic, on the one deviating article', () => {
  const r = result([FOX, NYT, HUFF], [
    match('m1', FOX, NYT, []),
    match('m2', FOX, HUFF, [numberDiv(FOX, '10 billion', HUFF, '20 billion')]),
    match('m3', HUFF, NYT, [numberDiv(HUFF, '20 billion', NYT, '10 billion')]),
  ]);
  const c = new CorpusComputer(r, [FOX, NYT, HUFF]);
  const d = c.diagnostics();
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.equal(d[0].article, 'huff');
  assert.equal(HUFF.text.slice(d[0].start, d[0].end), '20 billion');
  assert.equal(d[0].message, 'Number: this article says “20 billion”; fox and nyt say “10 billion”');
  assert.deepEqual(d[0].related.map((x) => x.article).sort(), ['fox', 'nyt']);
  for (const x of d[0].related) assert.equal((x.article === 'fox' ? FOX : NYT).text.slice(x.start, x.end), '10 billion');
  // every view counts the same thing: one divergence to review
  assert.equal(c.divergenceCount(), 1);
  assert.match(c.statusText(), /· 1 passage matched · 1 divergence to review$/);
});

test('diagnostics: with only two versions (a tie) the divergence is one diagnostic, on the later source, worded from its side', () => {
  // one diagnostic per divergence, so Problems counts what the status bar and the tree count
  const r = result([FOX, HUFF], [match('m1', FOX, HUFF, [numberDiv(FOX, '10 billion', HUFF, '20 billion')])]);
  const c = new CorpusComputer(r, [FOX, HUFF]);
  const d = c.diagnostics();
  assert.deepEqual(d.map((x) => x.article), ['huff'], 'undated: the later one in file order deviates');
  assert.equal(d[0].message, 'Number: this article says “20 billion”; fox says “10 billion”');
  assert.equal(d[0].related[0].article, 'fox');
  assert.equal(FOX.text.slice(d[0].related[0].start, d[0].related[0].end), '10 billion');
  assert.equal(c.divergenceCount(), 1);
  // dated: the diagnostic goes on the source published later, whatever the file order
  const dated = [{ ...FOX, date: '2016-02-26' }, { ...HUFF, date: '2016-02-25', outlet: 'HuffPost' }];
  const d2 = new CorpusComputer(r, dated).diagnostics();
  assert.deepEqual(d2.map((x) => x.article), ['fox']);
  assert.equal(d2[0].message, 'Number: this article says “10 billion”; HuffPost · Feb 25, 2016 says “20 billion”');
  assert.equal(d2[0].related[0].message, 'HuffPost · Feb 25, 2016: “20 billion”');
});

test('diagnostics: an omission reads from the viewpoint of the article lacking the words', () => {
  const o: Divergence = { type: 'omission', substantive: true, a: 'dollar ', b: '', message: 'huff omits', aStart: FOX.text.indexOf('dollar '), aEnd: FOX.text.indexOf('dollar ') + 7, bStart: HUFF.text.indexOf('wall'), bEnd: HUFF.text.indexOf('wall') };
  const r = result([FOX, NYT, HUFF], [match('m1', FOX, NYT, []), match('m2', FOX, HUFF, [o])]);
  const d = new CorpusComputer(r, [FOX, NYT, HUFF]).diagnostics();
  assert.equal(d.length, 1);
  assert.equal(d[0].article, 'huff');
  assert.match(d[0].message, /^Omission: this article lacks “dollar ?”, which fox and nyt have$/);
});

test('the Divergences tree lists a substantive divergence once, however many pairs carry it', () => {
  const r = result([FOX, NYT, HUFF], [
    match('m1', FOX, NYT, []),
    match('m2', FOX, HUFF, [numberDiv(FOX, '10 billion', HUFF, '20 billion')]),
    match('m3', HUFF, NYT, [numberDiv(HUFF, '20 billion', NYT, '10 billion')]),
  ]);
  const c = new CorpusComputer(r, [FOX, NYT, HUFF]);
  const rows = c.divergencesByType().filter((g) => g.substantive).flatMap((g) => g.items);
  assert.equal(rows.length, c.divergenceCount());
  assert.equal(rows.length, 1);
});

test('Find Quote rows: one row per quoted statement with speaker and outlets; headlines left out, scare quotes apart', () => {
  const H1 = art('fox', `Fox: "${QF}"\n"${QF}," Fox said. Trump called them "rapists" again.`);
  const H2 = art('nyt', `NYT\n"${QF}," Vicente Fox said.`);
  const H3 = art('huff', `Huff\n"${QF}," he said, calling the plan "criminal".`);
  const [s1, s2, s3] = [H1, H2, H3].map((a) => {
    const start = a.text.indexOf(QF, a.text.indexOf('\n'));
    return { article: a.id, start, end: start + QF.length, text: QF, speaker: a === H3 ? null : 'Vicente Fox' };
  });
  const head = { id: 'q0', article: 'fox', start: H1.text.indexOf(QF), end: H1.text.indexOf(QF) + QF.length, text: QF, speaker: null };
  const scare = (a: Article, w: string, id: string) => ({ id, article: a.id, start: a.text.indexOf(w), end: a.text.indexOf(w) + w.length, text: w, speaker: 'The GOP', partial: true });
  const r: AnalysisResult = {
    version: 1,
    articles: [H1, H2, H3].map((x) => ({ id: x.id, file: x.file, title: x.title, length: x.text.length })),
    quotes: [head, { id: 'q1', ...s1 }, { id: 'q2', ...s2 }, { id: 'q3', ...s3 }, scare(H1, 'rapists', 'q4'), scare(H3, 'criminal', 'q5')],
    matches: [
      { id: 'm1', cluster: 'c1', kind: 'quote', grade: 'verbatim', score: 1, a: s1, b: s2, divergences: [] },
      { id: 'm2', cluster: 'c1', kind: 'quote', grade: 'verbatim', score: 1, a: s1, b: s3, divergences: [] },
    ],
    clusters: [{ id: 'c1', kind: 'quote', members: [s1, s2, s3], matches: ['m1', 'm2'], speaker: 'Vicente Fox', substantive: 0, grade: 'verbatim' }],
  };
  const rows = quoteRows(new CorpusComputer(r, [H1, H2, H3]));
  assert.equal(rows.statements.length, 1, JSON.stringify(rows.statements.map((x) => x.text)));
  const [row] = rows.statements;
  assert.equal(row.text, QF);
  assert.equal(row.speaker, 'Vicente Fox');
  assert.deepEqual(row.outlets, ['fox', 'nyt', 'huff']);
  assert.deepEqual(row.clusters, ['c1']);
  assert.notEqual(row.quote.id, 'q0', 'the headline is never the row revealed');
  assert.deepEqual(rows.scareQuotes.map((x) => x.text).sort(), ['criminal', 'rapists']);
});

test('the corpus name: the folder opened as a corpus, else the workspace; in the panel title', () => {
  const uri = { path: '/data/stories/border-wall/' } as unknown as import('vscode').Uri;
  assert.equal(corpusName({ kind: 'folder', uri }, 'ws'), 'border-wall');
  assert.equal(corpusName({ kind: 'folder', uri, label: 'Wall story' }, 'ws'), 'Wall story');
  assert.equal(corpusName({ kind: 'workspace' }, 'ws'), 'ws');
  assert.equal(panelTitle('Crosscheck', 'border-wall'), 'Crosscheck — border-wall');
  assert.equal(panelTitle('Crosscheck', 'border-wall', ['fox', 'nyt']), 'Crosscheck: fox ↔ nyt — border-wall');
});

test('the panel header counts as the status bar does when the host sends the grouped count', () => {
  const r = result([FOX, NYT, HUFF], [
    match('m1', FOX, NYT, []),
    match('m2', FOX, HUFF, [numberDiv(FOX, '10 billion', HUFF, '20 billion')]),
    match('m3', HUFF, NYT, [numberDiv(HUFF, '20 billion', NYT, '10 billion')]),
  ]);
  const c = new CorpusComputer(r, [FOX, NYT, HUFF]);
  const model = { ...c.panelModel(), divergenceCount: c.divergenceCount() };
  assert.equal(c.statusText(), `Crosscheck: ${summaryText(model)}`);
});

test('the panel model tells each column where its article body starts (after front matter)', () => {
  const front = '---\noutlet: Fox\n---\n';
  const fm = { ...art('fox', `${front}Fox\n"${QF}," Fox said.`), bodyStart: front.length };
  const r = result([fm, NYT], [match('m1', fm, NYT, [])]);
  const model = new CorpusComputer(r, [fm, NYT]).panelModel();
  assert.equal(model.articles.find((a) => a.id === 'fox')?.bodyStart, front.length);
  assert.equal(model.articles.find((a) => a.id === 'nyt')?.bodyStart, undefined, 'no front matter: the column starts at 0');
  const span = model.clusters[0].members.find((m) => m.article === 'fox')!;
  assert.equal(fm.text.slice(span.start, span.end), QF, 'span offsets stay offsets into the whole file');
});
