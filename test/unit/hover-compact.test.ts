// Compact hovers: a short summary (outlets, grade, first report, only the changed
// words of each version, substantive divergences one line each) with "Open in panel".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisResult, Article, Divergence, Match, MatchSide } from '../../src/core/types';
import { elideUnchanged } from '../../src/extension/view/compactDiff';
import { CorpusComputer } from '../../src/extension/view/corpusComputer';
import { HOVER_COSMETIC_LINES } from '../../src/extension/view/hover';

test('a diff cut down to its changes keeps a few words of context around each', () => {
  const segs = elideUnchanged([
    { op: 'eq', text: 'one two three four five six seven ' },
    { op: 'del', text: 'eight' },
    { op: 'ins', text: 'nine' },
    { op: 'eq', text: ' ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty ' },
    { op: 'del', text: 'gone' },
    { op: 'eq', text: ' and the end of it all' },
  ], 2);
  assert.deepEqual(segs.map((s) => s.text), ['… six seven ', 'eight', 'nine', ' ten eleven … nineteen twenty ', 'gone', ' and the …']);
  assert.deepEqual(elideUnchanged([{ op: 'eq', text: 'same words' }]), []);
});

const art = (id: string, text: string, outlet: string, date?: string): Article => ({ id, file: id + '.md', title: text.split('\n')[0], text, outlet, date });
const Q = 'The state has already set aside 40 million dollars, and we will ask Washington to cover the rest of the bill';
const CUT = 'The state has already set aside 40 million dollars';
const FOX = art('fox', `Bridge closes\n"${Q}," Marsh said.`, 'Fox News', '2026-03-04');
const HUFF = art('huff', `Bridge shut\n"${CUT}," she said.`, 'HuffPost', '2026-03-05');
const NYT = art('nyt', `Cracks close bridge\n"${Q}," said Daniel Okafor.`, 'The New York Times', '2026-03-05');
const side = (a: Article, s: string, speaker: string): MatchSide & { text: string } => ({ article: a.id, start: a.text.indexOf(s), end: a.text.indexOf(s) + s.length, text: s, speaker });
const cut: Divergence = { type: 'truncation', substantive: true, a: 'and we will ask Washington to cover the rest of the bill', b: '', message: 'cut down' };
const who: Divergence = { type: 'attribution', substantive: true, a: 'Elena Marsh', b: 'Daniel Okafor', message: 'attribution differs' };
const comma: Divergence = { type: 'punctuation', substantive: false, a: ',', b: '', message: '' };
const matches: Match[] = [
  { id: 'm1', cluster: 'c1', kind: 'quote', grade: 'truncated', score: 0.9, a: side(FOX, Q, 'Elena Marsh'), b: side(HUFF, CUT, 'Elena Marsh'), divergences: [cut, comma, comma, comma] },
  { id: 'm2', cluster: 'c1', kind: 'quote', grade: 'verbatim', score: 1, a: side(FOX, Q, 'Elena Marsh'), b: side(NYT, Q, 'Daniel Okafor'), divergences: [who] },
];
const result: AnalysisResult = {
  version: 1,
  articles: [FOX, HUFF, NYT].map((a) => ({ id: a.id, file: a.file, title: a.title, length: a.text.length })),
  quotes: [],
  matches,
  clusters: [{ id: 'c1', kind: 'quote', members: [side(FOX, Q, 'Elena Marsh'), side(HUFF, CUT, 'Elena Marsh'), side(NYT, Q, 'Daniel Okafor')], matches: ['m1', 'm2'], speaker: null, substantive: 2, grade: 'truncated' }],
};

test('the hover sums a three-source quote up in a few lines, with Open in panel for the full versions', () => {
  const c = new CorpusComputer(result, [FOX, HUFF, NYT]);
  const md = c.hoverMarkdown('fox', FOX.text.indexOf(Q) + 3)!.markdown;
  const lines = md.split('\n').filter((l) => l.trim());
  assert.match(lines[0], /Quoted by 3 of 3 sources · weakest grade: truncated/);
  assert.equal(lines[1], 'First reported by Fox News on Mar 4, 2026');
  // one line per other version, its grade and only the words that changed
  const huff = lines.find((l) => l.startsWith('- **HuffPost'))!;
  assert.match(huff, /^- \*\*HuffPost · Mar 5, 2026\*\*, “Bridge shut” · truncated — … aside 40 million dollars<del>, and we will ask Washington to cover the rest of the bill<\/del> · \[Go to\]\(command:crosscheck\.revealSpan\?/);
  assert.match(lines.find((l) => l.startsWith('- **The New York Times'))!, /· verbatim — _same words_/);
  // substantive divergences one line each, worded from this article, naming the other outlet
  const divergenceLine = (start: string) => lines.find((l) => l.startsWith(start));
  assert.match(divergenceLine('- **truncation**: “and we will ask Washington to cover the rest of the bill” → \\(nothing\\) in HuffPost ·')!, / · \[Confirm\]\(command:crosscheck\.reviewDecision\?.* · \[Dismiss\]\(command:crosscheck\.reviewDecision\?/);
  assert.ok(divergenceLine('- **attribution**: “Elena Marsh” → “Daniel Okafor” in The New York Times ·'), md);
  // the review links name the match and the divergence's own index in it
  const dismiss = decodeURIComponent(/\[Dismiss\]\(command:crosscheck\.reviewDecision\?([^)]*)\)/.exec(divergenceLine('- **attribution**')!)![1]);
  assert.deepEqual(JSON.parse(dismiss), [{ match: 'm2', divergence: 0, verdict: 'dismissed' }]);
  // cosmetic ones capped, the rest counted
  assert.equal(lines.filter((l) => l.startsWith('- _punctuation_')).length, HOVER_COSMETIC_LINES);
  assert.ok(lines.includes(`- _and ${3 - HOVER_COSMETIC_LINES} more cosmetic difference_`), md);
  assert.match(lines[lines.length - 1], /^\[Open in panel\]\(command:crosscheck\.openInPanel\?%5B%22c1%22%5D\) for every version in full$/);
  assert.ok(lines.length <= 10, `${lines.length} lines:\n${md}`);
});

test('without dates the hover names no first report', () => {
  const undated = [FOX, HUFF, NYT].map((a) => ({ ...a, date: undefined }));
  const md = new CorpusComputer(result, undated).hoverMarkdown('huff', HUFF.text.indexOf(CUT) + 3)!.markdown;
  assert.doesNotMatch(md, /First reported/);
  assert.match(md, /- \*\*truncation\*\*: \\\(nothing\\\) → “and we will ask Washington/);
});

test('a version linked to this one only through another source still shows its substantive divergences, against that source', () => {
  // HuffPost's cut version is matched with Fox only; hovering the New York Times version (matched with Fox) must still say what HuffPost left out
  const c = new CorpusComputer(result, [FOX, HUFF, NYT]);
  const md = c.hoverMarkdown('nyt', NYT.text.indexOf(Q) + 3)!.markdown;
  const lines = md.split('\n').filter((l) => l.trim());
  assert.ok(lines.some((l) => l.startsWith('- **truncation**: “and we will ask Washington to cover the rest of the bill” → \\(nothing\\) in HuffPost (against Fox News) · [Confirm]')), md);
  // only substantive ones come from the other pair: HuffPost's three cosmetic commas against Fox are not this article's business
  assert.equal(lines.filter((l) => l.includes('in HuffPost') && l.startsWith('- _')).length, 0, md);
});
