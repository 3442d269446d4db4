import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyDivergence } from '../../src/core/compare/divergence';
import { findAttributions, sameSource, sourceKind } from '../../src/core/compare/sources';
import { sameEntity } from '../../src/core/compare/entities';
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

test('number compared as quantity: same amount in words is house style', () => {
  const ds = classifyDivergence('Iran sent 400 drones.', 'Iran sent four hundred drones.');
  assert.equal(substantive(ds).length, 0);
  assert.ok(ds.some((d) => d.type === 'spelling' && d.b === 'four hundred'), JSON.stringify(ds));
  assert.ok(types(classifyDivergence('The ship carried 1,200 pounds.', 'The ship carried 1,100 pounds.')).includes('number'));
  // a rounded figure is the same amount (wording), a changed one is not
  const rounded = classifyDivergence('Sales reached $114.3 million last year.', 'Sales reached $114 million last year.');
  assert.equal(substantive(rounded).length, 0, JSON.stringify(rounded));
  assert.ok(rounded.some((d) => d.type === 'wording' && /rounded/.test(d.message)));
});

test('numbers: a percentage is not compared with a sum of money, nor a year with an amount', () => {
  const ds = classifyDivergence('Fees averaged $4,700 this year, up 6 percent on 2002.', 'Fees averaged $4,700 this year, up almost $600 on the year before.');
  assert.ok(!ds.some((d) => d.type === 'number' && /percent/.test(d.a) && /600/.test(d.b)), JSON.stringify(ds));
  assert.ok(!ds.some((d) => d.type === 'number' && d.a === '2002'), JSON.stringify(ds));
  assert.ok(!classifyDivergence('Shares fell 0.7 percent to 929.60.', 'Shares fell to 929.60, or 63 points.').some((d) => d.type === 'number' && /percent/.test(d.a) && d.b === '63'));
  // the same kind of quantity still is
  assert.ok(types(classifyDivergence('Fees rose 6 percent.', 'Fees rose 8 percent.')).includes('number'));
  assert.ok(types(classifyDivergence('The law dates from 2002.', 'The law dates from 2004.')).includes('number'));
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

// Regression cases for the categories studied on real news pairs (own examples, in the style of the data).

test('opposites: a word replaced by its antonym is a substantive negation', () => {
  const ds = classifyDivergence('Asian shares close higher on Tuesday', 'Asian shares close lower on Tuesday');
  const neg = ds.find((d) => d.type === 'negation');
  assert.ok(neg && neg.substantive, JSON.stringify(ds));
  assert.deepEqual([neg!.a, neg!.b], ['higher', 'lower']);
  assert.ok(types(classifyDivergence('Court acquits four activists of fraud', 'Court convicts four activists of fraud')).includes('negation'));
  assert.ok(types(classifyDivergence('Peso strengthens against the dollar', 'Peso weakens against the dollar')).includes('negation'));
  // prepositions that happen to be antonyms (in/out) are not opposites of the claim
  assert.ok(!types(classifyDivergence('The minister was in Paris for talks.', 'The minister flew out to Paris for talks.')).includes('negation'));
  checkOffsets('Asian shares close higher on Tuesday', 'Asian shares close lower on Tuesday', ds);
});

test('negation scope: a negation over material only one side has is not a polarity change', () => {
  const extra = classifyDivergence('The driver who hit him got nothing - no fine, no penalty points.', 'The driver who hit him got nothing.');
  assert.ok(!types(extra).includes('negation'), JSON.stringify(extra));
  // still caught when it bears on the shared claim
  assert.ok(types(classifyDivergence('The board did not approve the merger.', 'The board approved the merger.')).includes('negation'));
  assert.ok(types(classifyDivergence('No survivors were found.', 'Survivors were found.')).includes('negation'));
});

test('negations on both sides cancel wherever they sit, and in any spelling', () => {
  assert.ok(!types(classifyDivergence('None of the bidders called, nor was the sale announced.', 'None of the bidders called and the sale was not announced.')).includes('negation'));
  assert.ok(!types(classifyDivergence('Without naming names, the mayor said some staff would go.', 'The mayor said some staff would go, though he did not name names.')).includes('negation'));
  assert.ok(!types(classifyDivergence("He said: I don't know anyone on the panel.", 'He said: I dont know anyone on the panel.')).includes('negation'));
  assert.ok(!types(classifyDivergence('The agency rejected the first application in May.', 'The agency denied the first application in May.')).includes('negation'));
});

test('attribution: organisations, reports and people swapped freely are not flagged; named vs anonymous and person vs person are', () => {
  const org = classifyDivergence('According to the survey, fraud losses reached $48 billion last year.', 'Fraud losses reached $48 billion last year, according to the FTC.');
  assert.ok(!types(org).includes('attribution'), JSON.stringify(org));
  const same = classifyDivergence('A coast guard official at the scene said divers were searching the harbour.', 'A coast guard official said divers were searching the harbour.');
  assert.ok(!types(same).includes('attribution'));
  assert.ok(types(classifyDivergence('Prices will rise, Smith said.', 'Prices will rise, a company spokesman said.')).includes('attribution'));
  assert.ok(types(classifyDivergence('Prices will rise, Smith said.', 'Prices will rise, Jones said.')).includes('attribution'));
  // a prepositional phrase before a speech verb is not a source
  assert.ok(findAttributions('The rule was not designed to serve the state’s asserted goal.').every((f) => !/^to\b/.test(f.source)));
  assert.equal(sourceKind('a White House representative'), 'anonymous');
  assert.equal(sourceKind('John Kirby'), 'person');
  assert.equal(sourceKind('the FTC'), 'organisation');
  assert.equal(sourceKind('the survey'), 'other');
});

test('a short aside on one side is detail; a clause that is a large part of the sentence is an omission', () => {
  const aside = classifyDivergence(
    'The foreign minister, who spoke to reporters in Geneva, said the peace talks between the government and the rebels would resume early next month in the capital.',
    'The foreign minister said the peace talks between the government and the rebels would resume early next month in the capital.',
  );
  assert.ok(aside.some((d) => d.type === 'wording' && /spoke to reporters/.test(d.a)), JSON.stringify(aside));
  assert.equal(substantive(aside).length, 0, JSON.stringify(aside));
  const big = classifyDivergence('The talks will resume next month, and both sides have agreed to release all prisoners held since the war.', 'The talks will resume next month.');
  assert.ok(substantive(big).length > 0, JSON.stringify(big));
});

test('entities: abbreviations, initialisms, demonyms and spelling slips are the same entity; titles are not names', () => {
  assert.ok(sameEntity('Fla', 'Florida'));
  assert.ok(sameEntity('Calif', 'California'));
  assert.ok(sameEntity('BoE', 'Bank of England'));
  assert.ok(sameEntity('Chinese', 'China'));
  assert.ok(sameEntity('British', 'Britain'));
  assert.ok(sameEntity('Guangzhou', 'Guangzou'));
  assert.ok(!sameEntity('Austria', 'Australian'));
  assert.ok(!sameEntity('Ford', 'Florida'));
  assert.equal(substantive(classifyDivergence('Four dead after Florida apartment fire', 'Four dead after Fla. apartment fire')).length, 0);
  assert.equal(substantive(classifyDivergence('Nine killed in Chinese mine blast', 'Nine killed in China mine blast')).length, 0);
  assert.equal(substantive(classifyDivergence('President Obama signed the bill on Friday.', 'Obama signed the bill on Friday.')).length, 0);
});

test('entities: a date is compared with a date, a name with a name, and only when swapped in place', () => {
  const date = classifyDivergence('The plant closed on Monday after the leak.', 'The plant closed on Thursday after the leak.');
  assert.ok(date.some((d) => d.type === 'entity' && d.substantive && d.a === 'Monday' && d.b === 'Thursday'), JSON.stringify(date));
  const cross = classifyDivergence('The plant closed on Monday after the leak.', 'The plant in Ohio closed after the leak.');
  assert.ok(!types(cross).includes('entity'), JSON.stringify(cross));
  assert.ok(types(classifyDivergence('Sullivan met Putin in Moscow.', 'Sullivan met Xi in Moscow.')).includes('entity'));
  // a name for a description of the same person is not a different name
  const desc = classifyDivergence('But he added that the Ohio-born singer does not want the treatment made public.', 'But he added that Swift does not want the treatment made public.');
  assert.ok(!types(desc).includes('entity'), JSON.stringify(desc));
});

test('compareTexts-level mirror: the same divergences from either side (omission ↔ addition)', () => {
  const a = 'Iran sold drones, which were built in secret factories, to Russia last year.';
  const b = 'Iran sold drones to Russia last year.';
  const ab = classifyDivergence(a, b);
  const ba = classifyDivergence(b, a);
  assert.ok(types(ab).includes('omission'));
  assert.ok(types(ba).includes('addition'));
  assert.match(ab.find((d) => d.type === 'omission')!.message, /first version/);
  assert.match(ba.find((d) => d.type === 'addition')!.message, /second version/);
  const num = classifyDivergence('Iran sent 400 drones.', 'Iran sent 300 drones.').find((d) => d.type === 'number')!;
  const mun = classifyDivergence('Iran sent 300 drones.', 'Iran sent 400 drones.').find((d) => d.type === 'number')!;
  assert.match(num.message, /“400”.*vs.*“300”/);
  assert.match(mun.message, /“300”.*vs.*“400”/);
});

test('attribution after the quote ("…," said X) is found past earlier commas and speech verbs, and not when the tail holds other characters', () => {
  const t = 'Iran, officials said, is supplying drones, said John Kirby.';
  const found = findAttributions(t);
  assert.ok(found.some((f) => f.source.startsWith('officials')), JSON.stringify(found));
  assert.ok(found.some((f) => /John Kirby/.test(f.source)), JSON.stringify(found));
  // the same again (patterns compiled once, global ones reset between calls)
  assert.deepEqual(findAttributions(t), found);
  assert.deepEqual(findAttributions('We will win, said the minister of foreign affairs.').map((f) => f.source), ['the minister of foreign affairs.']);
  // a digit after the verb: the inverted pattern cannot match there
  assert.ok(findAttributions('We will win, said 42 people in a poll of 1,000').every((f) => !/42/.test(f.source)));
  assert.deepEqual(findAttributions('No speech verb here, just a sentence.'), []);
});
