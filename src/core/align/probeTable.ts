// Ids of probes (see keys.ts): a probe is a pair of key ids (two consecutive stems) or one key
// id (a number, or a lone stem). An open-addressing hash table over typed arrays gives each
// distinct probe an id in order of first assignment, without the heap numbers and Map entries a
// numeric probe code costs, and a stamp array collects one text's distinct probe ids.

/** Probe ids by (first, second) key ids; `first` is -1 for a one-key probe. */
export interface ProbeTable {
  /** Distinct probes with an id (ids are 0 … size - 1). */
  size: number;
  /** Slots: first and second key id of the probe held, and its id (-1: empty). */
  first: Int32Array;
  second: Int32Array;
  id: Int32Array;
  /** Per probe id: the stamp of the last text that took it (see collectProbes). */
  marks: Int32Array;
  /** The current text's stamp. */
  now: number;
}

/** An empty probe table. */
export function createProbeTable(): ProbeTable {
  return { size: 0, first: new Int32Array(1024), second: new Int32Array(1024), id: new Int32Array(1024).fill(-1), marks: new Int32Array(512), now: 0 };
}

/** Forgets every probe id. */
export function clearProbeTable(t: ProbeTable): void {
  t.size = 0;
  t.id.fill(-1);
}

/** The slot where probe (a, b) is, or the empty slot where it would go. */
function slotOf(t: ProbeTable, a: number, b: number): number {
  const mask = t.id.length - 1;
  let slot = (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
  while (t.id[slot] !== -1 && (t.first[slot] !== a || t.second[slot] !== b)) slot = (slot + 1) & mask;
  return slot;
}

/** Doubles the slots (keeps every probe's id). */
function grow(t: ProbeTable): void {
  const { first, second, id } = t;
  t.first = new Int32Array(first.length * 2);
  t.second = new Int32Array(first.length * 2);
  t.id = new Int32Array(first.length * 2).fill(-1);
  for (let s = 0; s < id.length; s++) {
    if (id[s] === -1) continue;
    const slot = slotOf(t, first[s], second[s]);
    t.first[slot] = first[s];
    t.second[slot] = second[s];
    t.id[slot] = id[s];
  }
}

/** The id of probe (a, b), assigning the next one to a new probe. */
export function probeIdOf(t: ProbeTable, a: number, b: number): number {
  let slot = slotOf(t, a, b);
  if (t.id[slot] !== -1) return t.id[slot];
  if (2 * (t.size + 1) > t.id.length) {
    grow(t);
    slot = slotOf(t, a, b);
  }
  t.first[slot] = a;
  t.second[slot] = b;
  t.id[slot] = t.size;
  return t.size++;
}

/** A collector of one text's distinct probe ids, in order of first appearance. */
export function collectProbes(t: ProbeTable): { ids: number[]; add: (a: number, b: number) => void } {
  const now = ++t.now;
  const ids: number[] = [];
  const add = (a: number, b: number) => {
    const id = probeIdOf(t, a, b);
    if (id >= t.marks.length) {
      const grown = new Int32Array(Math.max(id + 1, t.marks.length * 2));
      grown.set(t.marks);
      t.marks = grown;
    }
    if (t.marks[id] === now) return;
    t.marks[id] = now;
    ids.push(id);
  };
  return { ids, add };
}
