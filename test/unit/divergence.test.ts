import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyDivergence, findAttributions, sameSource, sameEntity } from '../../src/core/divergence';
import { Divergence } from '../../src/core/types';

const types = (ds: Divergence[]) => ds.map((d) => d.type);
const substantive = (ds: Divergence[]) => ds.filter((d) => d.substantive);

function checkOffsets(a: string, b: string, ds: Divergence[]): void {
  for (const d of ds) {
    if (d.type === 'attribution' || d.type === 'punctuation') continue;
    if (d.aStart !== undefined) assert.equal(a.slice(d.aStart, d.aEnd), d.a, `a offsets of ${d.type}`);
    if (d.bStart !== undefined) assert.equal(b.slice(d.bStart, d.bEnd), d.b, `b offsets of ${d.type}`);
  }
}

const KIRBY_000 = 'By providing Russia with these UAVs, Iran has been directly enabling Russia’s war of aggression in Ukraine,”';
const KIRBY_001 = "By providing Russia with these UAVs, Iran has been directly enabling Russia's war of aggression in Ukraine.\"";
const REP_002 = 'Since August, according to a White House representative, Iran has delivered several hundred drones to Russia.';
const KIRBY_Q = 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety';

test('seed: curly vs straight marks are cosmetic only', () => {
  const ds = classifyDivergence(KIRBY_000, KIRBY_001);
  assert.equal(substantive(ds).length, 0);
  assert.ok(types(ds).includes('typography'));
  const t = ds.find((d) => d.type === 'typography' && d.a.includes('’'))!;
  assert.equal(t.a, 'Russia’s');
  assert.equal(t.b, "Russia's");
  checkOffsets(KIRBY_000, KIRBY_001, ds);
});

test('seed: several hundred drones vs more than 400 UAVs, anonymous vs named source', () => {
  const ds = classifyDivergence(REP_002, KIRBY_Q, { speakerA: null, speakerB: 'John Kirby' });
  const num = ds.find((d) => d.type === 'number');
  assert.ok(num, JSON.stringify(ds));
  assert.equal(num!.a, 'several hundred');
  assert.equal(num!.b, 'more than 400');
  assert.equal(num!.substantive, true);
  const attr = ds.find((d) => d.type === 'attribution');
  assert.ok(attr);
  assert.equal(attr!.substantive, true);
  assert.equal(attr!.a, 'a White House representative');
  assert.equal(attr!.b, 'John Kirby');
  // drones/UAVs and delivered/provided are wording only
  assert.ok(ds.some((d) => d.type === 'wording' && d.a === 'drones' && d.b === 'UAVs'));
  assert.ok(ds.some((d) => d.type === 'wording' && d.a === 'delivered' && d.b === 'provided'));
  checkOffsets(REP_002, KIRBY_Q, ds);
});

test('negation', () => {
  const ds = classifyDivergence('Iran did not sell drones to Russia.', 'Iran sold drones to Russia.');
  assert.ok(types(ds).includes('negation'));
  assert.equal(ds.find((d) => d.type === 'negation')!.a, 'not');
  // both sides negate in other words: no negation divergence
  assert.ok(!types(classifyDivergence('Iran has not sold drones.', "Iran hasn't sold drones.")).includes('negation'));
  assert.ok(types(classifyDivergence('Iran denies supplying drones.', 'Iran admits supplying drones.')).includes('negation'));
});

test('hedge', () => {
  const ds = classifyDivergence('Kirby said Iran sold drones.', 'Kirby claimed Iran sold drones.');
  const h = ds.find((d) => d.type === 'hedge');
  assert.ok(h, JSON.stringify(ds));
  assert.deepEqual([h!.a, h!.b], ['said', 'claimed']);
  assert.ok(types(classifyDivergence('The partnership is deepening.', 'The partnership appears to be deepening.')).includes('hedge'));
  assert.ok(types(classifyDivergence('Iran sold drones to Russia.', 'Iran reportedly sold drones to Russia.')).includes('hedge'));
});

test('qualifier', () => {
  const ds = classifyDivergence('Russia is seeking to purchase additional advanced attack drones.', 'Russia is looking to buy more attack drones.');
  assert.ok(ds.some((d) => d.type === 'qualifier' && d.a === 'advanced'), JSON.stringify(ds));
  const up = classifyDivergence('Iran will provide up to 300 drones.', 'Iran will provide 300 drones.');
  assert.ok(up.some((d) => d.type === 'qualifier' && d.a === 'up to 300'));
  assert.ok(!types(up).includes('number'));
});

test('number compared as quantity: same amount in words is wording', () => {
  const ds = classifyDivergence('Iran sent 400 drones.', 'Iran sent four hundred drones.');
  assert.equal(substantive(ds).length, 0);
  assert.ok(ds.some((d) => d.type === 'wording' && d.b === 'four hundred'));
  assert.ok(types(classifyDivergence('The ship carried 1,200 pounds.', 'The ship carried 1,100 pounds.')).includes('number'));
});

test('entity', () => {
  const ds = classifyDivergence('Sullivan met Putin in Moscow on Monday.', 'Sullivan met Xi in Beijing on Monday.');
  const ents = ds.filter((d) => d.type === 'entity');
  assert.ok(ents.length >= 1);
  assert.ok(ents.every((d) => d.substantive));
  assert.ok(sameEntity('IAEA', 'International Atomic Energy Agency'));
  assert.ok(sameEntity('DVD-CCA', 'DVD CCA'));
  assert.ok(!sameEntity('Moscow', 'Beijing'));
});

test('truncation vs omission vs addition', () => {
  const full = 'Russia has expended most of these UAVs, using them to target Ukrainian critical infrastructure inside Ukraine.';
  const cut = 'Russia has expended most of these UAVs.';
  const tr = classifyDivergence(full, cut);
  assert.ok(types(tr).includes('truncation'), JSON.stringify(tr));
  assert.ok(!types(tr).includes('omission'));
  const mid = classifyDivergence('Iran sold drones, which were built in secret factories, to Russia last year.', 'Iran sold drones to Russia last year.');
  assert.ok(types(mid).includes('omission'), JSON.stringify(mid));
  const add = classifyDivergence('Iran sold drones to Russia last year.', 'Iran sold drones, which were built in secret factories, to Russia last year.');
  assert.ok(types(add).includes('addition'));
});

test('cosmetic: punctuation, spelling, case', () => {
  const sp = classifyDivergence('The defence ministry will publicise the programme.', 'The defense ministry will publicize the program.');
  assert.deepEqual([...new Set(types(sp))], ['spelling']);
  assert.ok(types(classifyDivergence('The White House said', 'the white house said')).includes('case'));
  const p = classifyDivergence('Iran, Russia and China met.', 'Iran, Russia, and China met.');
  assert.deepEqual(types(p), ['punctuation']);
  assert.equal(substantive(p).length, 0);
});

test('attribution phrases and sources', () => {
  assert.equal(findAttributions(REP_002)[0].source, 'a White House representative');
  assert.equal(findAttributions('Iran is supplying Russia, Kirby said.')[0].source, 'Kirby');
  assert.ok(sameSource('John Kirby', 'Kirby'));
  assert.ok(sameSource('he', 'John Kirby'));
  assert.ok(!sameSource('John Kirby', 'a White House representative'));
  assert.ok(!sameSource('Jake Sullivan', 'John Kirby'));
  const ds = classifyDivergence('Iran is supplying Russia, Kirby said.', 'Iran is supplying Russia, Sullivan said.');
  assert.ok(types(ds).includes('attribution'));
});

test('empty strings do not throw', () => {
  assert.deepEqual(classifyDivergence('', ''), []);
  assert.doesNotThrow(() => classifyDivergence('Something here.', ''));
  assert.doesNotThrow(() => classifyDivergence('', 'Something here.'));
});
