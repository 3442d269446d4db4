import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clearProbeTable, collectProbes, createProbeTable, probeIdOf } from '../../src/core/align/probeTable';

test('probe ids: one per distinct probe, in order of first assignment, kept when the table grows', () => {
  const t = createProbeTable();
  const seen = new Map<string, number>();
  // many more probes than the initial slots, with repeats and both kinds (-1 for one-key probes)
  for (let round = 0; round < 3; round++) {
    for (let k = 0; k < 5000; k++) {
      const [a, b] = k % 3 === 0 ? [-1, k] : [k % 97, (k * 7919) % 4099];
      const key = `${a},${b}`;
      const id = probeIdOf(t, a, b);
      if (!seen.has(key)) {
        assert.equal(id, seen.size, `new probe ${key} takes the next id`);
        seen.set(key, id);
      } else assert.equal(id, seen.get(key), `probe ${key} keeps its id`);
    }
  }
  assert.equal(t.size, seen.size);
  assert.notEqual(probeIdOf(t, -1, 5), probeIdOf(t, 5, -1));
  clearProbeTable(t);
  assert.equal(t.size, 0);
  assert.equal(probeIdOf(t, 3, 4), 0);
});

test('collectProbes: a text\'s distinct probe ids in order of first appearance', () => {
  const t = createProbeTable();
  probeIdOf(t, 9, 9);
  const first = collectProbes(t);
  for (const [a, b] of [[1, 2], [-1, 3], [1, 2], [9, 9], [-1, 3], [2, 1]]) first.add(a, b);
  assert.deepEqual(first.ids, [1, 2, 0, 3]);
  const second = collectProbes(t);
  for (const [a, b] of [[2, 1], [1, 2], [2, 1]]) second.add(a, b);
  assert.deepEqual(second.ids, [3, 1]);
});
