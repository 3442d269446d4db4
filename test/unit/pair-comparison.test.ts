// "Compare Active Article With…": two articles cut into aligned rows (shared
// passages side by side, text found in one article only, moved passages), and the
// pairwise panel model that carries them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult, Article, Match, MatchSide } from '../../src/core/types';
import { CorpusComputer } from '../../src/extension/view/corpusComputer';
import { alignPair, countRows, pairComparison, type PairAnchor, type PairRow } from '../../src/extension/view/pairComparison';
import { comparisonSummary, gutterText, shortName, sideCaption, spansWithin } from '../../src/webview/pairRows';

/** An anchor on the first occurrence of `l` in `left` and of `r` in `right`. */
function anchor(cluster: string, left: string, l: string, right: string, r: string = l): PairAnchor {
  const ls = left.indexOf(l);
  const rs = right.indexOf(r);
  assert.ok(ls >= 0 && rs >= 0, `${l} / ${r} in the texts`);
  return { cluster, left: { start: ls, end: ls + l.length }, right: { start: rs, end: rs + r.length } };
}

/** Each row as `kind: left text | right text`. */
function show(rows: PairRow[], left: string, right: string): string[] {
  return rows.map((r) => `${r.kind}${r.cluster ? ' ' + r.cluster : ''}: ${r.left ? left.slice(r.left.start, r.left.end) : '-'} | ${r.right ? right.slice(r.right.start, r.right.end) : '-'}`);
}

const L = 'Intro from the left paper.\n\nShared one.\n\nOnly left here.\n\nShared two.\n';
const R = 'Right paper opens.\n\nShared one.\n\nShared two.\n\nRight closes.';

test('shared passages sit side by side; text in one article only gets its own side of a row', () => {
  const rows = alignPair(L, R, [anchor('c1', L, 'Shared one.', R), anchor('c2', L, 'Shared two.', R)]);
  assert.deepEqual(show(rows, L, R), [
    'only: Intro from the left paper. | Right paper opens.',
    'matched c1: Shared one. | Shared one.',
    'only: Only left here. | -',
    'matched c2: Shared two. | Shared two.',
    'only: - | Right closes.',
  ]);
  assert.deepEqual(countRows(rows), { matched: 2, moved: 0, onlyLeft: 2, onlyRight: 2 });
});

test('a shared passage in a different order is a moved row on each side, and both texts stay in reading order', () => {
  const left = 'Alpha said this.\nBeta said that.\nGamma, a long passage that both papers carry in full.\n';
  const right = 'Gamma, a long passage that both papers carry in full.\nAlpha said this.\nBeta said that.\n';
  const rows = alignPair(left, right, [anchor('c1', left, 'Alpha said this.', right), anchor('c2', left, 'Beta said that.', right), anchor('c3', left, 'Gamma, a long passage that both papers carry in full.', right)]);
  // the heaviest ordered chain keeps the long passage aligned; the two short ones moved
  assert.deepEqual(show(rows, left, right), [
    'moved c1: Alpha said this. | -',
    'moved c2: Beta said that. | -',
    'matched c3: Gamma, a long passage that both papers carry in full. | Gamma, a long passage that both papers carry in full.',
    'moved c1: - | Alpha said this.',
    'moved c2: - | Beta said that.',
  ]);
  for (const side of ['left', 'right'] as const) {
    const starts = rows.filter((r) => r[side]).map((r) => r[side]!.start);
    assert.deepEqual(starts, [...starts].sort((x, y) => x - y), `${side} side in text order`);
  }
});

test('a quote inside a shared passage stays inside its row instead of splitting it', () => {
  const left = 'Head.\nHe said "we will not pay" and left the room.\nTail.';
  const right = 'Other head.\nHe said "we will not pay" and left the room.\n';
  const rows = alignPair(left, right, [anchor('c1', left, 'we will not pay', right), anchor('c2', left, 'He said "we will not pay" and left the room.', right)]);
  assert.deepEqual(show(rows, left, right), [
    'only: Head. | Other head.',
    'matched c2: He said "we will not pay" and left the room. | He said "we will not pay" and left the room.',
    'only: Tail. | -',
  ]);
});

test('no shared passage: each whole article is text found in it only; whitespace and front matter make no rows', () => {
  const left = '---\noutlet: A\n---\nOne story.\n\n';
  const right = '  \nAnother story.';
  const rows = alignPair(left, right, [], [left.indexOf('One'), 0]);
  assert.deepEqual(show(rows, left, right), ['only: One story. | Another story.']);
  assert.deepEqual(alignPair('   ', '\n', []), []);
});

function art(id: string, text: string): Article {
  return { id, file: id + '.txt', title: text.split('\n')[0], text };
}

function sideOf(a: Article, needle: string): MatchSide & { text: string } {
  const start = a.text.indexOf(needle);
  return { article: a.id, start, end: start + needle.length, text: needle, speaker: null };
}

test('the pairwise comparison of an analysis: grades of the direct match, a third source left out', () => {
  const q = 'the wall will never be paid for by us';
  const fox = art('fox', `Fox headline\nFormer president said "${q}" on Thursday.\nFox only.`);
  const nyt = art('nyt', `NYT headline\nNYT only paragraph.\n"${q}," he said.`);
  const huff = art('huff', `Huff headline\n"${q}," he told reporters.`);
  const m = (id: string, a: Article, b: Article): Match => ({ id, cluster: 'c1', kind: 'quote', grade: 'verbatim', score: 1, a: sideOf(a, q), b: sideOf(b, q), divergences: [] });
  const result: AnalysisResult = {
    version: 1,
    articles: [fox, nyt, huff].map((x) => ({ id: x.id, file: x.file, title: x.title, length: x.text.length })),
    quotes: [],
    matches: [m('m1', fox, nyt), m('m2', fox, huff)],
    clusters: [{ id: 'c1', kind: 'quote', members: [sideOf(fox, q), sideOf(nyt, q), sideOf(huff, q)], matches: ['m1', 'm2'], speaker: null, substantive: 0, grade: 'verbatim' }],
  };
  const c = new CorpusComputer(result, [fox, nyt, huff]);
  const cmp = pairComparison(c, ['nyt', 'fox'])!;
  assert.equal(cmp.left, 'nyt');
  assert.equal(cmp.right, 'fox');
  const matched = cmp.rows.filter((r) => r.kind === 'matched');
  assert.equal(matched.length, 1);
  assert.equal(matched[0].grade, 'verbatim');
  assert.equal(nyt.text.slice(matched[0].left!.start, matched[0].left!.end), q);
  assert.equal(fox.text.slice(matched[0].right!.start, matched[0].right!.end), q);
  // nyt and huff are linked only through fox: still aligned, without a grade of their own
  const indirect = pairComparison(c, ['nyt', 'huff'])!.rows.find((r) => r.kind === 'matched')!;
  assert.equal(indirect.cluster, 'c1');
  assert.equal(indirect.grade, undefined);
  assert.equal(pairComparison(c, ['nyt', 'nope']), undefined);
  // the pair panel's legend quotes one of the two compared articles, never the third source
  const model = c.panelModel(['nyt', 'huff']);
  assert.deepEqual(model.articles.map((a) => a.id), ['nyt', 'huff']);
  assert.equal(model.clusters[0].label, q);
  assert.ok(model.clusters[0].members.every((x) => x.article !== 'fox'));
});

test('the comparison view: highlights clipped to a row, captions from each side, a summary that counts', () => {
  const c = { id: 'c1', kind: 'quote' as const, speaker: null, grade: 'verbatim' as const, substantive: 0, slot: 1, label: 'x', members: [] };
  const spans = [{ cluster: c, start: 5, end: 15 }, { cluster: c, start: 40, end: 50 }, { cluster: c, start: 18, end: 30 }];
  assert.deepEqual(spansWithin(spans, { start: 10, end: 20 }).map((s) => [s.start, s.end]), [[0, 5], [8, 10]]);
  const fox = { id: 'fox', title: 'Fox News · Feb 25, 2016 — Vicente Fox slams wall' };
  assert.equal(shortName(fox, 'fox'), 'Fox News');
  assert.equal(shortName({ id: 'nyt', title: 'Just a headline' }, 'nyt'), 'nyt');
  const names = { left: 'Fox News', right: 'nyt' };
  assert.equal(sideCaption({ kind: 'only', left: { start: 0, end: 1 } }, 'left', names), 'Only in Fox News');
  assert.equal(sideCaption({ kind: 'moved', cluster: 'c2', right: { start: 0, end: 1 } }, 'right', names), 'Also in Fox News, at another place');
  assert.equal(sideCaption({ kind: 'matched', cluster: 'c1' }, 'left', names), '');
  assert.equal(gutterText({ kind: 'matched', cluster: 'c1', grade: 'truncated' }), 'truncated');
  assert.equal(gutterText({ kind: 'matched', cluster: 'c1' }), 'linked');
  const rows = alignPair(L, R, [anchor('c1', L, 'Shared one.', R), anchor('c2', L, 'Shared two.', R)]);
  assert.equal(comparisonSummary({ left: 'fox', right: 'nyt', rows, counts: countRows(rows) }, names), '2 shared passages side by side · 2 stretches only in Fox News · 2 only in nyt');
});

test('text found in one article only leaves out the quotation marks and commas of the shared quotes around it', () => {
  const left = 'Head one.\n\n"We will pay," Marsh told reporters.\n\nThe decision surprised many.\n\n"It was the only choice," she said.';
  const right = 'Head two.\n\n"We will pay," said the governor.\n\n"It was the only choice," she said.';
  const rows = alignPair(left, right, [anchor('c1', left, 'We will pay', right), anchor('c2', left, 'It was the only choice', right)]);
  assert.deepEqual(show(rows, left, right), [
    'only: Head one. | Head two.',
    'matched c1: We will pay | We will pay',
    'only: Marsh told reporters.\n\nThe decision surprised many. | said the governor.',
    'matched c2: It was the only choice | It was the only choice',
    'only: she said. | she said.',
  ]);
});
