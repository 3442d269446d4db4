import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { loadCorpus } from '../../src/core/io/corpus';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import { analysisInputOf } from '../../src/core/meta/labels';
import { applyDecision, emptyReview, resolveReview, undoLast, type ReviewDocument, type ReviewHistory, type ReviewItem } from '../../src/core/review/decisions';
import { readReviewFile, reviewFilePath, ReviewFileError, setAsideReviewFile, updateReviewFile, writeReviewFile } from '../../src/core/review/store';
import { main } from '../../src/cli/app';
import { loadSessionReview, openReviewSession, recordDecision, ReviewReadOnlyError, undoLastDecision } from '../../src/core/review/session';
import { makeFolder } from './tempFolders';

const A = 'Officials said the company hired 40 workers to finish the new bridge before next spring.';
const B = 'Officials said the company hired 400 workers to finish the new bridge before next spring.';
const OTHER = 'The mayor described the project as the most important investment the city has made in decades.';

function analyse(dir: string) {
  const articles = loadCorpus(dir).articles;
  const result = analyzeCorpus(articles.map(analysisInputOf));
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  return { result, ctx: { textOf: (id: string) => texts.get(id) } };
}

function stateOf(dir: string, doc: ReviewDocument) {
  const { result, ctx } = analyse(dir);
  return resolveReview(result, doc, ctx);
}

const divergenceItem = (items: ReviewItem[]) => items.find((i) => i.target.kind === 'divergence' && i.target.divergence!.type === 'number')!;
const matchItems = (items: ReviewItem[]) => items.filter((i) => i.target.kind === 'match');

function corpus() {
  return makeFolder({ 'a.txt': `Headline A\n${A}\n${OTHER}\n`, 'b.txt': `Headline B\n${B}\n${OTHER}\n` });
}

test('a dismissed divergence survives re-analysis, edits elsewhere and a renamed file; its own edit needs re-review', () => {
  const dir = corpus();
  const first = stateOf(dir, emptyReview());
  const item = divergenceItem(first.items);
  assert.ok(item, 'the number divergence is reviewable');
  assert.equal(first.counts.unreviewed, first.counts.total);
  const history: ReviewHistory = { steps: [] };
  let doc = applyDecision(history, emptyReview(), { anchor: item.anchor, verdict: 'dismissed', note: 'AP later corrected to 400', now: new Date('2026-01-02T03:04:05Z') });
  assert.equal(stateOf(dir, doc).items.find((i) => i.key === item.key)!.status, 'dismissed');

  // an edit elsewhere (offsets move), and a.txt renamed so it sorts after b.txt (sides swap)
  fs.writeFileSync(path.join(dir, 'a.txt'), `Headline A\nA new first paragraph was added here by an editor today.\n${A}\n${OTHER}\n`);
  fs.renameSync(path.join(dir, 'a.txt'), path.join(dir, 'z-renamed.txt'));
  const moved = divergenceItem(stateOf(dir, doc).items);
  assert.equal(moved.status, 'dismissed');
  assert.equal(moved.decision!.note, 'AP later corrected to 400');

  // the anchored sentence itself is edited: needs re-review, not silently dismissed
  fs.writeFileSync(path.join(dir, 'z-renamed.txt'), `Headline A\n${A.replace('finish', 'complete')}\n${OTHER}\n`);
  const edited = stateOf(dir, doc);
  const changed = divergenceItem(edited.items);
  assert.equal(changed.status, 'needs-re-review');
  assert.equal(edited.counts.needsReReview, 1);
  // confirming it again replaces the stale decision
  doc = applyDecision(history, doc, { anchor: changed.anchor, verdict: 'confirmed', now: new Date(), replaces: changed.decision!.key });
  assert.equal(doc.decisions.length, 1);
  assert.equal(divergenceItem(stateOf(dir, doc).items).status, 'confirmed');
  // undo brings the earlier decision back
  doc = undoLast(history, doc)!;
  assert.deepEqual(doc.decisions.map((d) => d.verdict), ['dismissed']);
  doc = undoLast(history, doc)!;
  assert.deepEqual(doc.decisions, []);
  assert.equal(undoLast(history, doc), undefined);

  // the passage is gone from the article: the decision fits nothing and is reported as unplaced
  const again = applyDecision(history, doc, { anchor: item.anchor, verdict: 'dismissed', now: new Date() });
  fs.writeFileSync(path.join(dir, 'z-renamed.txt'), `Headline A\n${OTHER}\n`);
  const gone = stateOf(dir, again);
  assert.equal(gone.unplaced.length, 1);
  assert.ok(gone.items.every((i) => i.status === 'unreviewed'));
});

test('matches are reviewable too, and each decision fits one item only', () => {
  const dir = corpus();
  const s = stateOf(dir, emptyReview());
  const matches = matchItems(s.items);
  assert.equal(matches.length, 2);
  let doc = emptyReview();
  const history = { steps: [] };
  for (const m of matches) doc = applyDecision(history, doc, { anchor: m.anchor, verdict: 'confirmed', now: new Date() });
  const after = stateOf(dir, doc);
  assert.equal(after.counts.confirmed, 2);
  assert.equal(after.counts.unreviewed, after.counts.total - 2);
});

test('the review file is written atomically with a .bak, and a corrupt one is never overwritten', () => {
  const dir = corpus();
  const file = reviewFilePath(dir);
  assert.deepEqual(readReviewFile(file), emptyReview(), 'a missing file is an empty review');
  const item = divergenceItem(stateOf(dir, emptyReview()).items);
  const history = { steps: [] };
  updateReviewFile(file, (d) => applyDecision(history, d, { anchor: item.anchor, verdict: 'dismissed', now: new Date() }));
  const written = readReviewFile(file);
  assert.equal(written.decisions.length, 1);
  assert.equal(divergenceItem(stateOf(dir, written).items).status, 'dismissed');
  updateReviewFile(file, (d) => applyDecision(history, d, { anchor: item.anchor, verdict: 'confirmed', now: new Date() }));
  assert.equal(readReviewFile(`${file}.bak`).decisions[0].verdict, 'dismissed', 'the previous version is kept');
  assert.deepEqual(fs.readdirSync(path.dirname(file)).sort(), ['review.json', 'review.json.bak'], 'no temporary file left');

  const broken = fs.readFileSync(file, 'utf8').slice(0, 50);
  fs.writeFileSync(file, broken);
  assert.throws(() => readReviewFile(file), (e: Error) => e instanceof ReviewFileError && /review\.json: not valid JSON .*Nothing was changed/.test(e.message));
  assert.throws(() => writeReviewFile(file, emptyReview()), ReviewFileError);
  assert.throws(() => updateReviewFile(file, (d) => d), ReviewFileError);
  assert.equal(fs.readFileSync(file, 'utf8'), broken, 'the corrupt file is untouched');

  fs.writeFileSync(file, JSON.stringify({ version: 1, decisions: [{ key: 'x', kind: 'match', verdict: 'maybe' }] }));
  assert.throws(() => readReviewFile(file), /decision 1 has a "verdict" other than/);
  fs.writeFileSync(file, JSON.stringify({ version: 2, decisions: [] }));
  assert.throws(() => readReviewFile(file), /newer Crosscheck/);
  const corrupt = fs.readFileSync(file, 'utf8');
  const aside = setAsideReviewFile(file, new Date('2026-01-01T00:00:00Z'));
  assert.equal(fs.readFileSync(aside, 'utf8'), corrupt, 'the unusable file is kept, byte for byte');
  assert.deepEqual(readReviewFile(file), emptyReview());
});

test('crosscheck report --review carries the decisions into the JSON, Markdown and terminal reports', () => {
  const dir = corpus();
  const file = reviewFilePath(dir);
  const item = divergenceItem(stateOf(dir, emptyReview()).items);
  updateReviewFile(file, (d) => applyDecision({ steps: [] }, d, { anchor: item.anchor, verdict: 'dismissed', note: 'checked with the agency', now: new Date('2026-01-02T00:00:00Z') }));
  const run = (...args: string[]) => {
    let out = '';
    let err = '';
    const code = main(['report', dir, ...args, '--review', file], { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
    return { code, out, err };
  };
  const json = JSON.parse(run('--json').out);
  assert.equal(json.review.counts.dismissed, 1);
  assert.deepEqual(json.review.items.map((i: { kind: string; status: string; note: string; divergence: { type: string } }) => [i.kind, i.status, i.note, i.divergence.type]), [['divergence', 'dismissed', 'checked with the agency', 'number']]);
  assert.match(run('--markdown').out, /⚠ number: .*\\\[dismissed — checked with the agency\\\]/);
  const text = run().out;
  assert.match(text, /Review: 0 confirmed · 1 dismissed · 0 needs re-review · \d+ to review/);
  assert.match(text, /! number: .*\[dismissed — checked with the agency\]/);
  assert.equal(run('--json').code, 0);
  const missing = main(['report', dir, '--review', path.join(dir, 'nope.json')], { stdout: () => undefined, stderr: () => undefined, isTTY: false });
  assert.equal(missing, 2);
});

test('a review session saves each decision, undoes the last one, and writes nothing when read-only', () => {
  const dir = corpus();
  const item = divergenceItem(stateOf(dir, emptyReview()).items);
  const readOnly = openReviewSession(dir, { readOnly: true });
  assert.throws(() => recordDecision(readOnly, { anchor: item.anchor, verdict: 'dismissed', now: new Date() }), ReviewReadOnlyError);
  assert.ok(!fs.existsSync(readOnly.file), 'nothing written in Restricted Mode');
  const session = openReviewSession(dir);
  recordDecision(session, { anchor: item.anchor, verdict: 'dismissed', now: new Date() });
  recordDecision(session, { anchor: item.anchor, verdict: 'confirmed', note: 'on second thought', now: new Date() });
  assert.deepEqual(loadSessionReview(session).decisions.map((d) => [d.verdict, d.note]), [['confirmed', 'on second thought']]);
  assert.deepEqual(undoLastDecision(session)!.decisions.map((d) => d.verdict), ['dismissed']);
  assert.deepEqual(readReviewFile(session.file).decisions.map((d) => d.verdict), ['dismissed'], 'the undo is saved');
  undoLastDecision(session);
  assert.deepEqual(readReviewFile(session.file).decisions, []);
  assert.equal(undoLastDecision(session), undefined);
  // clearing a verdict (verdict null) removes the decision; undo puts it back
  recordDecision(session, { anchor: item.anchor, verdict: 'dismissed', now: new Date() });
  assert.deepEqual(recordDecision(session, { anchor: item.anchor, verdict: null, now: new Date() }).decisions, []);
  assert.deepEqual(undoLastDecision(session)!.decisions.map((d) => d.verdict), ['dismissed']);
});
