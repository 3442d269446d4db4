// The reviewer's views: review state of divergences grouped across pairs, the one set of
// counts every view shows (status bar, panel header, Problems, tree), the rule that hides
// dismissed divergences from Problems (also after re-analysis), the panel's review and
// provenance parts, the timeline's layout and the panel's review messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decide, emptyReview, resolveReview, type ReviewDocument, type ReviewItem } from '../../src/core/review/decisions';
import { anchorOf } from '../../src/core/review/anchor';
import { reviewLookup } from '../../src/core/review/format';
import type { AnalysisResult, Article, Divergence, Match } from '../../src/core/types';
import { parseFromWebview } from '../../src/extension/panel/protocol';
import { CorpusComputer } from '../../src/extension/view/corpusComputer';
import { clusterToReview, detailProvenance, detailReview, timelineModel } from '../../src/extension/view/panelReview';
import { countDivergences, divergenceReview, hidesDivergence, reviewCountsText, summaryLine, type DivergenceReview } from '../../src/extension/view/reviewCounts';
import { isVisible } from '../../src/webview/clusterIndex';
import { MIN_GAP, timelineLayout } from '../../src/webview/timelineLayout';

function art(id: string, text: string, meta: Partial<Article> = {}): Article {
  return { id, file: id + '.txt', title: text.split('\n')[0], text, ...meta };
}

// A story told by three outlets: two say the fine was 40 million, one says 14 million.
const Q40 = 'the company will pay a fine of 40 million euros';
const Q14 = 'the company will pay a fine of 14 million euros';
const MERCURY = art('001_mercury', `Fine for Acme\nThe regulator said "${Q40}" by March.`, { outlet: 'The Mercury', date: '2021-05-03' });
const LEDGER = art('002_ledger', `Acme fined\n"${Q40}," the regulator said.`, { outlet: 'Ledger', date: '2021-05-04' });
const POST = art('003_post', `Acme\nA spokesman said "${Q14}" on Monday.`, { outlet: 'Evening Post', date: '2021-05-02' });

const sideOf = (a: Article) => {
  const q = a === POST ? Q14 : Q40;
  const start = a.text.indexOf(q);
  return { article: a.id, start, end: start + q.length, text: q, speaker: 'the regulator' };
};

function fine(a: Article, b: Article): Divergence {
  const [wa, wb] = [a === POST ? '14' : '40', b === POST ? '14' : '40'];
  const as = sideOf(a).start + (a === POST ? Q14 : Q40).indexOf(wa + ' million');
  const bs = sideOf(b).start + (b === POST ? Q14 : Q40).indexOf(wb + ' million');
  return { type: 'number', substantive: true, a: wa, b: wb, message: 'Different numbers.', aStart: as, aEnd: as + 2, bStart: bs, bEnd: bs + 2 };
}

/** The analysis, with match ids prefixed (a re-analysis gives new ids to the same texts). */
function analysis(prefix = 'm'): AnalysisResult {
  const arts = [MERCURY, LEDGER, POST];
  const match = (id: string, a: Article, b: Article, ds: Divergence[]): Match => ({ id: prefix + id, cluster: 'c1', kind: 'quote', grade: ds.length ? 'edited' : 'verbatim', score: 0.9, a: sideOf(a), b: sideOf(b), divergences: ds });
  const matches = [match('1', MERCURY, LEDGER, []), match('2', MERCURY, POST, [fine(MERCURY, POST)]), match('3', LEDGER, POST, [fine(LEDGER, POST)])];
  return {
    version: 1,
    articles: arts.map((x) => ({ id: x.id, file: x.file, title: x.title, length: x.text.length })),
    quotes: arts.map((x, i) => ({ id: `q${i}`, ...sideOf(x) })),
    matches,
    clusters: [{ id: 'c1', kind: 'quote', members: arts.map(sideOf), matches: matches.map((m) => m.id), speaker: 'the regulator', substantive: 2, grade: 'edited' }],
  };
}

const ARTS = [MERCURY, LEDGER, POST];
const ctx = { textOf: (id: string) => ARTS.find((a) => a.id === id)?.text };

/** Review state of every grouped divergence, as ReviewState computes it in the extension. */
function reviewsOf(c: CorpusComputer, doc: ReviewDocument): Map<string, DivergenceReview> {
  const lookup = reviewLookup(resolveReview(c.result, doc, ctx));
  return new Map(c.divergenceGroups().map((g) => [g.key, divergenceReview(g.pairs, (m, d) => lookup.ofDivergence(m, d))]));
}

/** A decision on one pair's divergence. */
function decideOn(doc: ReviewDocument, m: Match, verdict: 'confirmed' | 'dismissed' | null, when = '2026-01-01T00:00:00Z', note?: string): ReviewDocument {
  return decide(doc, { anchor: anchorOf(m, ctx, m.divergences[0]), verdict, note, now: new Date(when) }).doc;
}

test('one divergence carried by two pairs: one diagnostic, one tree row, one count — every view counts the same', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  const counts = countDivergences([...reviewsOf(c, emptyReview()).values()].map((r) => r.status), false);
  assert.equal(c.diagnostics().length, 1);
  assert.equal(c.divergenceGroups().length, 1);
  assert.equal(c.divergencesByType().filter((g) => g.substantive).flatMap((g) => g.items).length, 1);
  assert.deepEqual(counts, { divergences: 1, confirmed: 0, dismissed: 0, needsReReview: 0, reviewed: 0, toReview: 1, inProblems: 1 });
  assert.equal(summaryLine(3, 1, counts), '3 sources · 1 passage matched · 1 divergence to review');
  // the diagnostic sits on the outlier and names the others by outlet and date
  const d = c.diagnostics()[0];
  assert.equal(d.article, POST.id);
  assert.equal(d.message, 'Number: this article says “14”; The Mercury · May 3, 2021 and Ledger · May 4, 2021 say “40”');
  assert.equal(d.pairs.length, 2);
});

test('a dismissal on one pair hides the divergence from Problems, and it stays hidden after re-analysis', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  const doc = decideOn(emptyReview(), c.match('m2')!, 'dismissed');
  const statuses = [...reviewsOf(c, doc).values()].map((r) => r.status);
  assert.deepEqual(statuses, ['dismissed']);
  assert.ok(hidesDivergence('dismissed', false));
  assert.ok(!hidesDivergence('dismissed', true), 'crosscheck.review.showDismissed shows it again');
  assert.ok(!hidesDivergence('confirmed', false), 'a confirmed divergence stays');
  assert.ok(!hidesDivergence('needs-re-review', false));
  const hidden = countDivergences(statuses, false);
  assert.equal(hidden.inProblems, 0);
  assert.equal(hidden.reviewed, 1);
  assert.equal(hidden.toReview, 0);
  assert.equal(reviewCountsText(hidden), '1 divergence: 1 reviewed · 0 to review');
  assert.equal(countDivergences(statuses, true).inProblems, 1);
  // a new analysis of the same texts (new match ids): the decision still applies
  const again = new CorpusComputer(analysis('x'), ARTS);
  assert.equal(again.match('m2'), undefined);
  assert.deepEqual([...reviewsOf(again, doc).values()].map((r) => r.status), ['dismissed']);
});

test('a grouped divergence takes the latest verdict of its pairs; an edited text needs re-review', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  let doc = decideOn(emptyReview(), c.match('m2')!, 'dismissed', '2026-01-01T00:00:00Z');
  doc = decideOn(doc, c.match('m3')!, 'confirmed', '2026-01-02T00:00:00Z', 'checked with the regulator');
  const r = [...reviewsOf(c, doc).values()][0];
  assert.equal(r.status, 'confirmed');
  assert.equal(r.decision?.note, 'checked with the regulator');
  // the two pairs quote the same texts, so both decisions have the same anchor: the later replaced the earlier
  assert.equal(doc.decisions.length, 1);
  // statuses as items: current verdicts beat a decision on changed text
  const item = (status: ReviewItem['status'], decidedAt: string) => ({ status, decision: { decidedAt, verdict: 'dismissed' } }) as unknown as ReviewItem;
  const m = c.match('m2')!;
  const pairs = [{ match: m, divergence: m.divergences[0] }, { match: c.match('m3')!, divergence: c.match('m3')!.divergences[0] }];
  assert.equal(divergenceReview(pairs, (x) => (x.id === 'm2' ? item('needs-re-review', '2026-02-01') : item('dismissed', '2026-01-01'))).status, 'dismissed');
  assert.equal(divergenceReview(pairs, (x) => (x.id === 'm2' ? item('needs-re-review', '2026-02-01') : undefined)).status, 'needs-re-review');
  assert.equal(divergenceReview(pairs, () => undefined).status, 'unreviewed');
  const counts = countDivergences(['needs-re-review', 'unreviewed', 'confirmed', 'dismissed'], false);
  assert.deepEqual(counts, { divergences: 4, confirmed: 1, dismissed: 1, needsReReview: 1, reviewed: 2, toReview: 2, inProblems: 3 });
});

test('the panel: clusters to review, the detail review rows, and the "not yet reviewed" filter', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  const none = reviewsOf(c, emptyReview());
  assert.deepEqual(clusterToReview(c.divergenceGroups(), none), { c1: 1 });
  const rows = detailReview(c, 'c1', c.divergenceGroups(), none);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].status, 'unreviewed');
  assert.deepEqual(rows[0].sides.map((s) => s.slice().sort()), [['Evening Post · May 2, 2021'], ['Ledger · May 4, 2021', 'The Mercury · May 3, 2021']]);
  assert.equal(c.match(rows[0].match)!.divergences[rows[0].divergence].type, 'number');
  const doc = decideOn(emptyReview(), c.match('m3')!, 'dismissed', undefined, 'typo in the release');
  const decided = reviewsOf(c, doc);
  assert.deepEqual(clusterToReview(c.divergenceGroups(), decided), {});
  const row = detailReview(c, 'c1', c.divergenceGroups(), decided)[0];
  assert.equal(row.status, 'dismissed');
  assert.equal(row.note, 'typo in the release');
  const again = decideOn(doc, c.match(row.match)!, 'confirmed');
  assert.equal(again.decisions.length, 1, 'a decision from the detail row replaces the one made before');
  const model = c.panelModel();
  const cl = { ...model.clusters[0], toReview: 0 };
  const filters = { quotes: true, passages: true, substantiveOnly: false, unreviewedOnly: true };
  assert.equal(isVisible(cl, filters), false);
  assert.equal(isVisible({ ...cl, toReview: 1 }, filters), true);
  assert.equal(isVisible(cl, { ...filters, unreviewedOnly: false }), true);
  assert.equal(model.articles.find((a) => a.id === POST.id)?.source, 'Evening Post · May 2, 2021');
});

test('provenance in the panel: who carried the cluster when, with which grade; the timeline by date', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  const p = detailProvenance(c, 'c1')!;
  assert.equal(p.order, 'date');
  assert.deepEqual(p.carriers.map((x) => [x.article, x.grade]), [[POST.id, undefined], [MERCURY.id, 'edited'], [LEDGER.id, 'edited']]);
  assert.match(p.summary, /^First reported by Evening Post on May 2, 2021/);
  const t = timelineModel(c);
  assert.equal(t.order, 'date');
  assert.deepEqual(t.sources.map((s) => s.article), [POST.id, MERCURY.id, LEDGER.id]);
  assert.deepEqual(t.sources[0].first, ['c1']);
  const undated = timelineModel(new CorpusComputer(analysis(), ARTS.map(({ date: _d, ...a }) => a)));
  assert.equal(undated.order, 'file');
  assert.deepEqual(undated.sources.map((s) => s.article), [MERCURY.id, LEDGER.id, POST.id]);
});

test('provenance in a pair panel names the two compared articles only, graded against the earlier of them', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  const p = detailProvenance(c, 'c1', new Set([MERCURY.id, LEDGER.id]))!;
  assert.deepEqual(p.carriers.map((x) => x.article), [MERCURY.id, LEDGER.id], 'the third source is not listed');
  assert.deepEqual(p.carriers.map((x) => x.grade), [undefined, 'verbatim'], 'the Ledger carries the Mercury\'s words verbatim (against the Post it is edited)');
  assert.match(p.summary, /^First reported by The Mercury on May 3, 2021/);
  assert.doesNotMatch(p.summary, /Evening Post/);
  assert.equal(detailProvenance(c, 'c1', new Set(['nowhere'])), undefined, 'no carrier among the pair: no provenance block');
});

test('timeline layout: dates on an axis, undated sources after in file order, no dates said so', () => {
  const src = (article: string, date?: string) => ({ article, label: article, ...(date ? { date } : {}), first: [], carries: [] });
  const dated = timelineLayout({ order: 'date', sources: [src('a', '2021-05-01'), src('b', '2021-05-03'), src('c', '2021-05-11')] });
  assert.deepEqual(dated.points.map((p) => p.x), [0, 0.2, 1]);
  assert.deepEqual(dated.ticks.map((t) => t.label), ['May 1, 2021', 'May 11, 2021']);
  assert.equal(dated.note, 'Sources by publication date.');
  assert.deepEqual(dated.points.map((p) => p.row), [0, 0, 0]);
  const mixed = timelineLayout({ order: 'date', sources: [src('a', '2021-05-01'), src('b', '2021-05-01'), src('u')] });
  assert.deepEqual(mixed.points.map((p) => [p.source.article, p.row, p.dated]), [['a', 0, true], ['b', 1, true], ['u', 0, false]]);
  assert.ok(mixed.points[2].x > mixed.points[1].x + MIN_GAP);
  assert.match(mixed.note, /1 without a date follow in file order/);
  const none = timelineLayout({ order: 'file', sources: [src('x'), src('y')] });
  assert.deepEqual(none.points.map((p) => p.x), [0, 1]);
  assert.equal(none.note, 'No publication dates known: sources in file order.');
  assert.deepEqual(none.ticks, []);
});

test('the panel protocol: review decisions and undo are validated', () => {
  assert.deepEqual(parseFromWebview({ type: 'reviewDecision', match: 'm2', divergence: 0, verdict: 'dismissed', note: ' typo ' }), { type: 'reviewDecision', match: 'm2', divergence: 0, verdict: 'dismissed', note: ' typo ' });
  assert.deepEqual(parseFromWebview({ type: 'reviewDecision', match: 'm2', divergence: 1, verdict: null }), { type: 'reviewDecision', match: 'm2', divergence: 1, verdict: null });
  assert.deepEqual(parseFromWebview({ type: 'reviewUndo' }), { type: 'reviewUndo' });
  for (const bad of [
    { type: 'reviewDecision', match: 'm2', divergence: 0, verdict: 'approved' },
    { type: 'reviewDecision', match: 'm2', divergence: -1, verdict: 'confirmed' },
    { type: 'reviewDecision', match: 'm2', divergence: 0.5, verdict: 'confirmed' },
    { type: 'reviewDecision', match: 2, divergence: 0, verdict: 'confirmed' },
    { type: 'reviewDecision', match: 'm2', divergence: 0, verdict: 'confirmed', note: 'x'.repeat(2001) },
  ]) assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad).slice(0, 80));
});

test('a dismissal made before the outlier\'s wording changed needs re-review: back in Problems and counted to review', () => {
  const c = new CorpusComputer(analysis(), ARTS);
  const doc = decideOn(emptyReview(), c.match('m2')!, 'dismissed');
  // the Evening Post corrects "14 million" to "41 million": same passage, new wording
  const edited = art(POST.id, POST.text.replace('14 million', '41 million'), { outlet: 'Evening Post', date: '2021-05-02' });
  const r = analysis();
  const q = 'the company will pay a fine of 41 million euros';
  const at = edited.text.indexOf(q);
  for (const m of r.matches) {
    if (m.b.article !== POST.id) continue;
    m.b = { ...m.b, start: at, end: at + q.length, text: q };
    m.divergences = m.divergences.map((d) => ({ ...d, b: '41', bStart: at + q.indexOf('41'), bEnd: at + q.indexOf('41') + 2 }));
  }
  r.clusters[0].members = r.clusters[0].members.map((m) => (m.article === POST.id ? { ...m, start: at, end: at + q.length, text: q } : m));
  const arts = [MERCURY, LEDGER, edited];
  const c2 = new CorpusComputer(r, arts);
  const lookup = reviewLookup(resolveReview(c2.result, doc, { textOf: (id) => arts.find((a) => a.id === id)?.text }));
  const statuses = c2.divergenceGroups().map((g) => divergenceReview(g.pairs, (m, d) => lookup.ofDivergence(m, d)).status);
  assert.deepEqual(statuses, ['needs-re-review']);
  assert.ok(!hidesDivergence(statuses[0], false), 'a decision on changed text no longer hides the divergence');
  const counts = countDivergences(statuses, false);
  assert.equal(counts.toReview, 1);
  assert.equal(counts.needsReReview, 1);
  assert.equal(counts.inProblems, 1);
});
