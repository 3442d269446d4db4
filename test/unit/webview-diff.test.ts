// The detail view's reviewer markup: each version is its own text with the changes
// marked in it, rewritten sentences are never interleaved, and the side-by-side rows
// hold the same sentence of both texts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { wordDiff } from '../../src/extension/wordDiff';
import { cleanupSemantic, diffItems, inlineMarkup, isLongPassage, markupText, sideBySideRows, splitSentences, type DiffItem } from '../../src/webview/diffMarkup';

const markupOf = (from: string, to: string) => cleanupSemantic(diffItems(wordDiff(from, to)));
const rowText = (rows: ReturnType<typeof sideBySideRows>, side: 'reference' | 'version') => rows.map((r) => r[side].map((s) => s.text).join('')).join('');

test('a rewritten sentence reads as one deletion and one insertion, not interleaved pieces', () => {
  const ref = 'Former Mexican President Vicente Fox made it loud and clear that his country will not pay for Donald Trump\'s proposed wall along the U.S.-Mexico border. He said so on Thursday.';
  const ver = 'Vincente Fox may claim the wall is a fantasy, the former president said. He said so on Thursday.';
  const items = markupOf(ref, ver);
  const markup = inlineMarkup(items);
  assert.equal(markupText(markup, 'version'), ver, 'the version reads as its own text without the deletions');
  assert.equal(markupText(markup, 'reference'), ref);
  const changes = items.filter((i) => i.kind === 'change');
  assert.equal(changes.length, 1, `one change, got ${JSON.stringify(items)}`);
  assert.ok(changes[0].kind === 'change' && changes[0].del.includes('U.S.-Mexico border.') && changes[0].ins.includes('Vincente Fox may claim'));
  assert.deepEqual(markup.map((s) => s.op), ['del', 'ins', 'eq']);
});

test('a one-word edit stays a word-level mark inside the shared sentence', () => {
  const items = markupOf('Iran has sent more than 400 drones to Russia.', 'Iran has sent several hundred drones to Russia.');
  const markup = inlineMarkup(items);
  assert.deepEqual(markup.filter((s) => s.op !== 'eq').map((s) => [s.op, s.text.trim()]), [['del', 'more than 400'], ['ins', 'several hundred']]);
  assert.ok(markup[0].op === 'eq' && markup[0].text.startsWith('Iran has sent'));
});

test('cleanup folds a small shared piece between two larger changes, and keeps a large one', () => {
  const small: DiffItem[] = [{ kind: 'change', del: 'alpha beta', ins: 'gamma delta' }, { kind: 'eq', text: ' the ' }, { kind: 'change', del: 'epsilon', ins: 'zeta eta' }];
  assert.deepEqual(cleanupSemantic(small), [{ kind: 'change', del: 'alpha beta the epsilon', ins: 'gamma delta the zeta eta' }]);
  const large: DiffItem[] = [{ kind: 'change', del: 'a', ins: 'b' }, { kind: 'eq', text: ' a long shared stretch of words ' }, { kind: 'change', del: 'c', ins: 'd' }];
  assert.deepEqual(cleanupSemantic(large), large);
});

test('side-by-side rows pair the same sentences of reference and version', () => {
  const ref = 'First shared sentence. The second says 400 drones. Third one is shared too.';
  const ver = 'First shared sentence. The second says several hundred drones. Third one is shared too.';
  const rows = sideBySideRows(markupOf(ref, ver));
  assert.equal(rows.length, 3);
  assert.equal(rowText(rows, 'reference'), ref);
  assert.equal(rowText(rows, 'version'), ver);
  assert.ok(rows[1].reference.some((s) => s.op === 'del') && rows[1].version.some((s) => s.op === 'ins'));
  assert.ok(!rows[0].reference.some((s) => s.op !== 'eq') && !rows[2].version.some((s) => s.op !== 'eq'));
  assert.ok(rows.every((r) => !r.reference.some((s) => s.op === 'ins') && !r.version.some((s) => s.op === 'del')), 'insertions only on the version side, deletions only on the reference side');
});

test('sentences split after . ! ? and closing quotes, and concatenate back', () => {
  assert.deepEqual(splitSentences('He said “No.” Then left! Why? End'), ['He said “No.” ', 'Then left! ', 'Why? ', 'End']);
  assert.deepEqual(splitSentences('U.S.-Mexico border'), ['U.S.-Mexico border']);
  assert.deepEqual(splitSentences(''), []);
});

test('long passages are recognised for the side-by-side default', () => {
  assert.equal(isLongPassage(diffItems(wordDiff('short', 'short text'))), false);
  const long = 'word '.repeat(80);
  assert.equal(isLongPassage(diffItems(wordDiff(long, long + 'more'))), true);
});

test('property: every markup and every row layout rebuilds both texts exactly, and no tiny shared piece sits between changes', () => {
  const word = fc.constantFrom('the', 'wall', 'Fox', 'U.S.', 'said', 'border.', 'pay', '400', 'several', 'hundred', 'f***ing', "I'd", 'I', 'would', '“No.”', 'and', 'a', 'Mexico');
  const text = fc.array(word, { maxLength: 30 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const items = markupOf(a, b);
      const markup = inlineMarkup(items);
      assert.equal(markupText(markup, 'version'), b);
      assert.equal(markupText(markup, 'reference'), a);
      const rows = sideBySideRows(items);
      assert.equal(rowText(rows, 'version'), b);
      assert.equal(rowText(rows, 'reference'), a);
      for (let i = 1; i + 1 < items.length; i++) {
        const [x, e, y] = [items[i - 1], items[i], items[i + 1]];
        if (e.kind !== 'eq' || x.kind !== 'change' || y.kind !== 'change') continue;
        const w = (s: string) => s.replace(/\s+/g, '').length;
        const folded = w(e.text) <= Math.max(w(x.del), w(x.ins)) && w(e.text) <= Math.max(w(y.del), w(y.ins));
        assert.equal(folded, false, `a shared "${e.text}" between two larger changes was left: ${JSON.stringify(items)}`);
      }
    }),
    { numRuns: 300 },
  );
});
