// Property-based tests (fast-check) of compareTexts: comparing b with a is the mirror image of
// comparing a with b, the result never depends on anything but the inputs, and no input
// (random or mutated Unicode, news-like sentences) makes it throw or leave [0, 1].
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CANNOT_MATCH, compareTexts, matchTexts } from '../../src/core/compare/compare';
import { Comparison, Divergence } from '../../src/core/types';

/** Side-independent view of a divergence, as seen from side A. */
function view(d: Divergence): string {
  return JSON.stringify([d.type, d.substantive, d.a, d.b, d.aStart ?? null, d.aEnd ?? null, d.bStart ?? null, d.bEnd ?? null]);
}

/** The same divergence seen from the other side: sides swapped, omission ↔ addition. */
function mirrored(d: Divergence): string {
  const type = d.type === 'omission' ? 'addition' : d.type === 'addition' ? 'omission' : d.type;
  return JSON.stringify([type, d.substantive, d.b, d.a, d.bStart ?? null, d.bEnd ?? null, d.aStart ?? null, d.aEnd ?? null]);
}

function assertMirror(ab: Comparison, ba: Comparison, label: string): void {
  assert.equal(ba.grade, ab.grade, `grade ${label}`);
  assert.equal(ba.score, ab.score, `score ${label}`);
  assert.deepEqual(ba.divergences.map(mirrored).sort(), ab.divergences.map(view).sort(), `divergences ${label}`);
}

// News-like sentences: names, numbers (digits and words), negations, hedges, synonyms, attributions.
const WORDS = [
  'Iran', 'Russia', 'Kirby', 'John', 'Sullivan', 'the', 'a', 'has', 'have', 'had', 'not', 'never', 'no', 'provided', 'delivered', 'supplied',
  'sold', 'bought', 'purchased', 'drones', 'UAVs', 'more', 'than', '400', 'four', 'hundred', 'several', 'up', 'to', '300', 'about',
  'said', 'claimed', 'reportedly', 'may', 'only', 'advanced', 'attack', 'since', 'August', 'Monday', 'officials', 'according', 'White',
  'House', 'representative', 'higher', 'lower', 'rose', 'fell', 'percent', '$2.5', 'million', 'in', 'Ukraine', 'war', 'of', 'with', ',', '.',
  '“', '”', '"', '’s', 'U.S.', 'Fla.', 'Florida', 'Chinese', 'China', 'did', "didn't", 'without', 'denied', 'rejected',
];
const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 18 }).map((ws) => ws.join(' '));

/** A sentence and an edited copy of it: words dropped, swapped or inserted. */
const sentencePair = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 18 }), fc.array(fc.tuple(fc.nat(30), fc.nat(3), fc.constantFrom(...WORDS)), { maxLength: 5 }))
  .map(([ws, edits]) => {
    const b = ws.slice();
    for (const [pos, op, w] of edits) {
      const k = pos % (b.length + 1);
      if (op === 0) b.splice(k, 1);
      else if (op === 1) b.splice(k, 0, w);
      else b[k] = w;
    }
    return [ws.join(' '), b.join(' ')] as const;
  });

/** Arbitrary Unicode, including lone surrogates, combining marks, RTL and control characters. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', ',', '"', '“', '”', '’', '-', '0', '9', '$', '%', '\u0301', '\u200b', '\ud800', '\udfff', 'é', 'ß', 'İ', 'ﬁ', '\u202e', '\n', '\t'), maxLength: 60 }),
  sentence,
);

const speaker = fc.option(fc.constantFrom('John Kirby', 'Kirby', 'a White House representative', 'Jake Sullivan', 'officials', 'he'), { nil: undefined });

test('compareTexts(b, a) mirrors compareTexts(a, b): same grade and score, divergences with sides swapped', () => {
  fc.assert(
    fc.property(fc.oneof(sentencePair, fc.tuple(sentence, sentence)), speaker, speaker, ([a, b], sa, sb) => {
      const ab = compareTexts(a, b, { speakerA: sa, speakerB: sb });
      const ba = compareTexts(b, a, { speakerA: sb, speakerB: sa });
      assertMirror(ab, ba, `${JSON.stringify(a)} / ${JSON.stringify(b)} / ${sa} / ${sb}`);
    }),
    { numRuns: 400 },
  );
});

test('mirror holds on the seed sentences and their edits', () => {
  const seeds: [string, string][] = [
    ['Since August, according to a White House representative, Iran has delivered several hundred drones to Russia.', 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety'],
    ['Russia has expended most of these UAVs, using them to target Ukrainian critical infrastructure inside Ukraine.', 'Russia has expended most of these UAVs.'],
    ['Iran did not sell drones to Russia.', 'Iran sold drones to Russia.'],
    ['China stocks close higher on Friday', 'China stocks close lower on Wednesday'],
  ];
  for (const [a, b] of seeds) assertMirror(compareTexts(a, b), compareTexts(b, a), `${a} / ${b}`);
});

test('compareTexts never throws on random or mutated Unicode, and its result is well-formed', () => {
  fc.assert(
    fc.property(anyText, anyText, speaker, speaker, (a, b, sa, sb) => {
      const c = compareTexts(a, b, { speakerA: sa, speakerB: sb });
      assert.ok(c.score >= 0 && c.score <= 1, `score ${c.score}`);
      assert.ok(c.grade === null || ['verbatim', 'edited', 'truncated', 'reworded'].includes(c.grade));
      for (const d of c.divergences) {
        if (d.aStart !== undefined) assert.ok(d.aStart >= 0 && d.aEnd! <= a.length && d.aStart <= d.aEnd!, `a offsets of ${d.type}`);
        if (d.bStart !== undefined) assert.ok(d.bStart >= 0 && d.bEnd! <= b.length && d.bStart <= d.bEnd!, `b offsets of ${d.type}`);
        assert.equal(typeof d.message, 'string');
      }
    }),
    { numRuns: 500 },
  );
});

test('compareTexts is deterministic: the same inputs give the same result, whatever ran before', () => {
  fc.assert(
    fc.property(fc.oneof(sentencePair, fc.tuple(anyText, anyText)), fc.tuple(sentence, sentence), ([a, b], [x, y]) => {
      const first = JSON.stringify(compareTexts(a, b));
      compareTexts(x, y); // caches warmed by other inputs must not change the answer
      assert.equal(JSON.stringify(compareTexts(a, b)), first);
    }),
    { numRuns: 300 },
  );
});

test('a text compared with itself is verbatim with score 1 and no substantive divergence', () => {
  fc.assert(
    fc.property(sentence, (a) => {
      const c = compareTexts(a, a);
      if (!/[\p{L}\p{N}]/u.test(a)) return assert.equal(c.grade, null);
      assert.equal(c.grade, 'verbatim');
      assert.equal(c.score, 1);
      assert.equal(c.divergences.filter((d) => d.substantive).length, 0);
    }),
    { numRuns: 200 },
  );
});

test('matchTexts gives compareTexts\'s comparison whenever it matches, and CANNOT_MATCH only where compareTexts grades null whatever the speakers', () => {
  let ruledOut = 0;
  fc.assert(
    fc.property(fc.oneof(sentencePair, fc.tuple(sentence, sentence)), speaker, speaker, ([a, b], sa, sb) => {
      const ctx = { speakerA: sa, speakerB: sb };
      const full = compareTexts(a, b, ctx);
      const quick = matchTexts(a, b, ctx);
      if (quick === CANNOT_MATCH) {
        ruledOut++;
        assert.equal(full.grade, null);
        for (const other of [{}, { speakerA: 'John Kirby', speakerB: 'officials' }, { speakerA: sb, speakerB: sa }]) assert.equal(matchTexts(a, b, other), CANNOT_MATCH);
      } else if (full.grade) assert.deepEqual(quick, full);
      else assert.equal(quick.grade, null);
    }),
    { numRuns: 300, seed: 7 },
  );
  assert.ok(ruledOut > 0, 'some random pairs are ruled out early');
});
