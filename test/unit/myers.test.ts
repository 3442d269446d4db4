// diffIds must give exactly the runs of jsdiff's diffArrays (it replaces it in the divergence
// classifier, whose results must not move): checked on random sequences over small alphabets
// (many equal items, so many ties between equally short edit scripts) and on edge cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { diffArrays } from 'diff';
import { diffIds } from '../../src/core/text/myers';

function jsdiffRuns(a: number[], b: number[]): { count: number; added: boolean; removed: boolean }[] {
  return diffArrays(a, b).map((c) => ({ count: c.count ?? c.value.length, added: !!c.added, removed: !!c.removed }));
}

test('diffIds: same runs as jsdiff diffArrays on random sequences', () => {
  for (const alphabet of [2, 4, 12]) {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: alphabet - 1 }), { maxLength: 40 }), fc.array(fc.integer({ min: 0, max: alphabet - 1 }), { maxLength: 40 }), (a, b) => {
        assert.deepEqual(diffIds(a, b), jsdiffRuns(a, b));
      }),
      { numRuns: 400 },
    );
  }
});

test('diffIds: same runs as jsdiff on an edited copy (insertions, deletions, swaps)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 30 })), { maxLength: 8 }), (a, edits) => {
      const b = a.slice();
      for (const [at, kind, v] of edits) {
        const k = at % (b.length + 1);
        if (kind === 0) b.splice(k, 0, v);
        else if (kind === 1 && b.length) b.splice(k % b.length, 1);
        else if (b.length) b[k % b.length] = v;
      }
      assert.deepEqual(diffIds(a, b), jsdiffRuns(a, b));
      assert.deepEqual(diffIds(b, a), jsdiffRuns(b, a));
    }),
    { numRuns: 500 },
  );
});

test('diffIds: edge cases', () => {
  assert.deepEqual(diffIds([], []), []);
  assert.deepEqual(diffIds([1, 2], [1, 2]), [{ count: 2, added: false, removed: false }]);
  assert.deepEqual(diffIds([], [1]), [{ count: 1, added: true, removed: false }]);
  assert.deepEqual(diffIds([1, 2], []), [{ count: 2, added: false, removed: true }]);
  assert.deepEqual(diffIds([1, 2, 3], [1, 4, 3]), jsdiffRuns([1, 2, 3], [1, 4, 3]));
  assert.deepEqual(diffIds(Int32Array.from([5, 6, 7]), Int32Array.from([6, 7, 8])), jsdiffRuns([5, 6, 7], [6, 7, 8]));
});

test('diffIds: same runs as jsdiff on long sequences, one call after another (reused working memory)', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 150, maxLength: 400 }), fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 400 }), (a, b) => {
      assert.deepEqual(diffIds(a, b), jsdiffRuns(a, b));
      assert.deepEqual(diffIds([1, 2, 3], [1, 4, 3]), jsdiffRuns([1, 2, 3], [1, 4, 3]));
      assert.deepEqual(diffIds(b, a), jsdiffRuns(b, a));
    }),
    { numRuns: 40 },
  );
});
