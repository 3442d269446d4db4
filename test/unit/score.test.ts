import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { readMsrpTrain, trainModel, TRAIN_DEFAULTS } from '../../scripts/train-model';
import { explainSameClaim, sameClaimLine } from '../../src/core/score/explain';
import { wordEdits } from '../../src/core/score/sequences';
import { bleu, commonWords, dice, FEATURE_NAMES, pairFeatures } from '../../src/core/score/features';
import { fitLogistic, predictLogistic, sigmoid, solveLinear } from '../../src/core/score/logistic';
import { explainScore, REASON_OF, SAME_CLAIM_CUT, SCORE_WEIGHTS, scorePair, STRICT_CLAIM_CUT, topReasons } from '../../src/core/score/model';
import { addDocuments, analyzeSentence, createScoreContext, specificityOf, splitWords } from '../../src/core/score/tokens';

const feature = (a: string, b: string, name: string, ctx = createScoreContext()) => pairFeatures(a, b, ctx)[FEATURE_NAMES.indexOf(name as never)];

test('words: contractions split off their negation, possessives drop, numbers keep their digits', () => {
  assert.deepEqual(splitWords("Iran didn't deny Russia's 1,200 drones"), ['Iran', 'did', "n't", 'deny', 'Russia', '1,200', 'drones']);
  assert.deepEqual(splitWords("We can't and won't"), ['We', 'can', "n't", 'and', 'will', "n't"]);
  assert.deepEqual(splitWords("I'm sure they'll say we'd go"), ['I', "'m", 'sure', 'they', "'ll", 'say', 'we', "'d", 'go']);
});

test('words: abbreviations with or without periods, and "per cent", are one word', () => {
  assert.deepEqual(splitWords('The U.S. rate rose 2 per cent'), ['The', 'US', 'rate', 'rose', '2', 'percent']);
  const us = analyzeSentence('Officials in the US said').tokens[3];
  assert.equal(us.kind, 'name', 'an acronym is a name, not the pronoun "us"');
  assert.equal(feature('The F.B.I. opened an inquiry', 'The FBI opened an inquiry', 'names_unmatched'), 0);
});

test('tokens: function words weigh nothing, names and numbers weigh most, common words less than rare ones', () => {
  const s = analyzeSentence('The senator from Ohio said 1,200 drones were bought in Tehran');
  const by = (w: string) => s.tokens.find((t) => t.text === w)!;
  assert.equal(by('The').kind, 'function');
  assert.equal(by('The').weight, 0);
  assert.equal(by('Ohio').kind, 'name');
  assert.equal(by('1,200').kind, 'number');
  assert.equal(by('1,200').norm, '1200');
  assert.ok(by('drones').weight > 0 && by('drones').weight < by('Tehran').weight);
  // "make" has dozens of senses, "senator" one
  const make = analyzeSentence('they make it').tokens[1];
  assert.ok(make.weight < by('senator').weight, `make ${make.weight} < senator ${by('senator').weight}`);
});

test('tokens: a title-case headline does not turn dictionary words into names', () => {
  const s = analyzeSentence('Senate Votes To Raise The Debt Ceiling After Boehner Speech');
  const kinds = Object.fromEntries(s.tokens.map((t) => [t.text, t.kind]));
  assert.equal(kinds.Votes, 'content');
  assert.equal(kinds.Ceiling, 'content');
  assert.equal(kinds.Boehner, 'name');
  // in running text a capitalised word after the first is a name
  assert.equal(analyzeSentence('Then the Senate voted').tokens[2].kind, 'name');
});

test('specificity: a word in every sentence of the corpus counts for little, one in a single sentence for much', () => {
  const ctx = createScoreContext();
  const texts = Array.from({ length: 200 }, (_, i) => `The president spoke on day ${i} about ${i === 7 ? 'drones' : 'taxes'}.`);
  addDocuments(ctx, texts);
  const s = analyzeSentence(texts[7], ctx);
  const spec = (w: string) => specificityOf(s.tokens.find((t) => t.text === w)!, ctx);
  assert.ok(spec('president') < 0.3, `president ${spec('president')}`);
  assert.ok(spec('drones') > 0.7, `drones ${spec('drones')}`);
  // without a corpus, the WordNet prior decides
  assert.equal(specificityOf(s.tokens.find((t) => t.text === 'The')!), 0.1);
});

test('helpers: dice, common words and BLEU', () => {
  assert.equal(dice(['a', 'b'], ['a', 'b']), 1);
  assert.equal(dice(['a', 'a'], ['a', 'b']), 0.5);
  assert.equal(dice([], ['a']), 0);
  assert.deepEqual(commonWords(['x', 'a', 'b', 'c', 'y'], ['a', 'b', 'z', 'c']), { lcs: 3, run: 2, edits: 3 });
  assert.ok(bleu(['a', 'b', 'c', 'd'], ['a', 'b', 'c', 'd']) > 0.99);
  assert.ok(bleu(['a', 'b', 'c', 'd'], ['d', 'c', 'b', 'a']) < 0.5);
});

test('features are symmetric: swapping the sentences changes nothing', () => {
  const a = 'Amrozi accused his brother, whom he called "the witness", of deliberately distorting his evidence.';
  const b = 'Referring to him as only "the witness", Amrozi accused his brother of deliberately distorting his evidence.';
  assert.deepEqual(pairFeatures(a, b), pairFeatures(b, a));
  assert.equal(pairFeatures(a, b).length, FEATURE_NAMES.length);
});

test('features: synonyms align, numbers and names that differ are counted, negation and antonyms are seen', () => {
  assert.ok(feature('Russia bought drones from Iran', 'Russia purchased drones from Iran', 'synonym_share') > 0);
  assert.equal(feature('Russia bought 400 drones', 'Russia bought 300 drones', 'numbers_unmatched'), 2);
  assert.equal(feature('Russia bought 400 drones', 'Russia bought 400 drones', 'numbers_shared'), 1);
  assert.equal(feature('a 2 in 3 chance that we win', 'a two-in-three chance that we win', 'numbers_unmatched'), 0);
  assert.equal(feature('Boehner said in an interview', 'Ryan said in an interview', 'names_unmatched'), 2);
  assert.equal(feature('The bill will pass the Senate', 'The bill will not pass the Senate', 'negation_differs'), 1);
  assert.equal(feature('The bill will pass the Senate', "The bill won't pass the Senate", 'negation_differs'), 1);
  assert.equal(feature('Taxes will rise sharply next year', 'Taxes will fall sharply next year', 'antonym'), 1);
  assert.equal(feature('This is not what we were told.', 'We were not told about this, as it was.', 'no_shared_content'), 1);
  assert.equal(feature("I'm not going to talk about this anymore", "I'm not going to pay", 'names_unmatched'), 0);
});

test('model: a paraphrase scores high, an unrelated pair sharing only function words scores low', () => {
  const para = scorePair(
    'Amrozi accused his brother, whom he called "the witness", of deliberately distorting his evidence.',
    'Referring to him as only "the witness", Amrozi accused his brother of deliberately distorting his evidence.',
  );
  assert.ok(para.probability > 0.85, `paraphrase ${para.probability}`);
  const unrelated = scorePair('He said that it was not going to be there for them.', 'They were going to be on it, she said, and that was that.');
  assert.ok(unrelated.probability < 0.3, `unrelated ${unrelated.probability}`);
  const crossStory = scorePair("I'm not going to talk about this anymore", "I'm not going to pay");
  assert.ok(crossStory.probability < SAME_CLAIM_CUT, `cross-story ${crossStory.probability}`);
  assert.ok(para.probability > crossStory.probability);
});

test('model: a number change lowers the score and shows as the numbers reason', () => {
  const a = 'Russia has used up most of the 400 drones it bought from Tehran last year.';
  const same = scorePair(a, 'Russia has used up most of the 400 drones it purchased from Tehran last year.');
  const changed = scorePair(a, 'Russia has used up most of the 900 drones it purchased from Tehran last year.');
  assert.ok(changed.probability < same.probability);
  const numbers = changed.reasons.find((r) => r.reason === 'numbers')!;
  assert.ok(numbers.contribution < 0, `numbers ${numbers.contribution}`);
  assert.equal(numbers.phrase, 'numbers differ');
  assert.equal(same.reasons.find((r) => r.reason === 'numbers')!.phrase, 'numbers agree');
});

test('model: a reworded report of the same fact outscores the same words about another fact', () => {
  const a = 'The White House says that Russia is looking to buy additional attack drones from Iran.';
  const same = scorePair(a, 'The White House said on Monday that Russia is seeking to purchase additional advanced attack drones from Iran.');
  const other = scorePair(a, 'The White House says that Ukraine is looking for more air defence systems from Germany.');
  assert.ok(same.probability > other.probability + 0.2, `${same.probability} vs ${other.probability}`);
  assert.ok(same.probability >= SAME_CLAIM_CUT);
});

test('model: the contributions sum to the logit, and the probability is its sigmoid', () => {
  const s = scorePair('Shares of Oracle rose 14 cents to $13.62.', 'Oracle shares were also higher, trading up 12 cents at $13.60.');
  const sum = s.bias + s.contributions.reduce((t, c) => t + c.contribution, 0);
  assert.ok(Math.abs(sum - s.logit) < 1e-9);
  assert.ok(Math.abs(sigmoid(s.logit) - s.probability) < 1e-12);
  assert.equal(s.contributions.length, FEATURE_NAMES.length);
  assert.ok(s.contributions.every((c) => c.description.length > 0));
  const reasons = topReasons(s, 3);
  assert.equal(reasons.length, 3);
  assert.ok(Math.abs(reasons[0].contribution) >= Math.abs(reasons[2].contribution));
  const byReason = s.reasons.reduce((t, r) => t + r.contribution, 0);
  assert.ok(Math.abs(s.bias + byReason - s.logit) < 1e-9, 'reasons sum to the logit too');
  assert.match(explainScore(s), /^same claim \d+ %: [a-z][a-z ]+ \([+−]\d+\.\d\)/);
});

test('model: the committed weights match the features and carry their cross-validated figures', () => {
  assert.deepEqual(SCORE_WEIGHTS.features, [...FEATURE_NAMES]);
  assert.equal(SCORE_WEIGHTS.weights.length, FEATURE_NAMES.length);
  assert.ok(SCORE_WEIGHTS.crossValidated.auc > 0.8);
  assert.ok(SAME_CLAIM_CUT > 0.2 && SAME_CLAIM_CUT < 0.8);
  assert.ok(STRICT_CLAIM_CUT >= SAME_CLAIM_CUT);
  assert.deepEqual(Object.keys(REASON_OF).sort(), [...FEATURE_NAMES].sort(), 'every feature has one reason');
  const stale = { ...SCORE_WEIGHTS, features: SCORE_WEIGHTS.features.slice(1) };
  assert.throws(() => scorePair('a b c', 'a b c', undefined, stale), /does not match the features/);
});

test('logistic regression: recovers a separating direction, and solveLinear solves', () => {
  assert.deepEqual(solveLinear([[2, 1], [1, 3]], [3, 5]).map((v) => Math.round(v * 1e9) / 1e9), [0.8, 1.4]);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < 200; i++) {
    const x = (i % 20) / 10 - 1;
    const noise = ((i * 7919) % 13) / 13 - 0.5;
    rows.push([x, noise]);
    labels.push(x + 0.3 * noise > 0 ? 1 : 0);
  }
  const m = fitLogistic(['x', 'noise'], rows, labels, { l2: 0.01 });
  assert.ok(m.weights[0] > 2 * Math.abs(m.weights[1]), `weights ${m.weights}`);
  assert.ok(predictLogistic(m, [0.9, 0]).probability > 0.9);
  assert.ok(predictLogistic(m, [-0.9, 0]).probability < 0.1);
});

test('helpers: word edits count inserts, deletes and replacements', () => {
  assert.equal(wordEdits(['a', 'b', 'c'], ['a', 'b', 'c']), 0);
  assert.equal(wordEdits(['a', 'b', 'c'], ['a', 'x', 'c', 'd']), 2);
  assert.equal(wordEdits([], ['a', 'b']), 2);
});

test('features: word order, spelling variants, and numbers or names that conflict on both sides', () => {
  assert.equal(feature('the mayor praised the new bridge', 'the mayor praised the new bridge', 'word_order'), 1);
  assert.ok(feature('Harris beat Smith in the final round', 'In the final round Smith beat Harris', 'word_order') < 1);
  // British and American spellings align (not left unmatched)
  assert.equal(feature('The party organised a youth camp', 'The party organized a youth camp', 'unmatched_words_max'), 0);
  assert.equal(feature('Factory output rose 4 percent in March', 'Factory output rose 6 percent in March', 'numbers_conflict'), 1);
  assert.equal(feature('Factory output rose 4 percent in March', 'Factory output rose in March', 'numbers_conflict'), 0);
  assert.equal(feature('Ms. Alvarez told reporters on Friday', 'Mr. Okafor told reporters on Friday', 'names_conflict'), 1);
  // compareTexts' score of the pair, or the one a caller hands in (the aligner's comparison)
  assert.equal(feature('The vote was delayed again.', 'The vote was delayed again.', 'rule_score'), 1);
  const k = FEATURE_NAMES.indexOf('rule_score');
  assert.equal(pairFeatures('The vote was delayed.', 'Officials delayed the vote.', undefined, 0.42)[k], 0.42);
  assert.ok(feature('The vote was delayed.', 'Officials delayed the vote.', 'rule_score') < 1);
});

test('features are finite and bounded on any text', () => {
  const pool = ['the', 'Senate', 'voted', 'not', '42', 'drones', 'Iran', "didn't", 'bought', 'purchased', 'three', '1,200', 'organised', 'organized', 'said', '.', ',', '"', 'É', 'über'];
  const text = fc.array(fc.constantFrom(...pool), { maxLength: 25 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(text, text, (a, b) => {
      const x = pairFeatures(a, b);
      assert.equal(x.length, FEATURE_NAMES.length);
      x.forEach((v, k) => assert.ok(Number.isFinite(v) && v >= -1 && v <= 10, `${FEATURE_NAMES[k]} = ${v}`));
      const p = scorePair(a, b).probability;
      assert.ok(p >= 0 && p <= 1);
    }),
    { numRuns: 150, seed: 12 },
  );
});

test('explanation: names the rare words both sides share, the numbers, and the length', () => {
  const a = 'The White House says Russia is looking to buy more attack drones from Iran after using up most of the 400 drones it bought.';
  const b = 'Russia has used up most of the 400 attack drones it bought from Iran, the White House says.';
  const e = explainSameClaim(a, b, undefined, 7);
  assert.ok(e.probability > 0.5, `probability ${e.probability}`);
  const content = e.reasons.find((r) => r.reason === 'content')!;
  assert.match(content.text, /^shares rare words: /);
  // every word it names is in both texts
  for (const w of content.text.replace('shares rare words: ', '').split(', ')) {
    assert.ok(a.includes(w) && b.includes(w), `"${w}" is shared`);
  }
  assert.equal(e.reasons.find((r) => r.reason === 'numbers')?.text, 'numbers agree: 400');
  assert.ok(e.reasons.every((r, k) => k === 0 || Math.abs(e.reasons[k - 1].contribution) >= Math.abs(r.contribution)), 'strongest first');
  assert.match(sameClaimLine(e), /^same claim \d+ %: shares rare words: /);
});

test('explanation: says which numbers differ and how much longer one side is', () => {
  const e = explainSameClaim('Factory output rose 4 percent in March.', 'Factory output rose 6 percent in March, the ministry said on Tuesday after a long review of its figures.', undefined, 7);
  assert.equal(e.reasons.find((r) => r.reason === 'numbers')?.text, 'numbers differ: 4, 6');
  assert.ok(e.reasons.find((r) => r.reason === 'length')!.text.startsWith('length differs ×'));
  const un = e.reasons.find((r) => r.reason === 'unmatched')!;
  assert.ok(un.contribution < 0);
  assert.match(un.text, /^only one side has: (ministry|review|figures|Tuesday)/);
  const neg = explainSameClaim('The Senate passed the farm bill on Tuesday.', 'The Senate did not pass the farm bill on Tuesday.', undefined, 7);
  assert.equal(neg.reasons.find((r) => r.reason === 'polarity')?.text, 'one side negates, the other not');
});

/** Labelled pairs written for the test, in MSRP's style: reworded reports of one fact, and near misses. */
function syntheticPairs(): { label: boolean; id: string; a: string; b: string }[] {
  const subjects = ['The company', 'The city council', 'Officials in Ohio', 'The union', 'The ministry', 'Shares of Acme'];
  const facts = [
    ['cut 300 jobs on Monday', 'eliminated 300 positions on Monday', 'cut 900 jobs last year'],
    ['approved the budget after a long debate', 'passed the budget following lengthy debate', 'rejected a plan for new parks'],
    ['rose 5 percent in early trading', 'gained 5 percent early in the session', 'fell sharply after the report'],
  ];
  const out: { label: boolean; id: string; a: string; b: string }[] = [];
  subjects.forEach((s, i) => facts.forEach(([x, same, other], j) => {
    out.push({ label: true, id: `${i}/${j}/p`, a: `${s} ${x}.`, b: `${s} ${same}, a spokesman said.` });
    out.push({ label: false, id: `${i}/${j}/n`, a: `${s} ${x}.`, b: `${subjects[(i + 1) % subjects.length]} ${other}.` });
  }));
  return out;
}

test('training is deterministic: the same pairs give the same weights, cuts and figures', () => {
  const pairs = syntheticPairs();
  const o = { ...TRAIN_DEFAULTS, folds: 3, negatives: 10 };
  const r1 = trainModel(pairs, o);
  const r2 = trainModel(pairs, o);
  assert.deepEqual(r1.model, r2.model);
  assert.deepEqual([r1.at05, r1.auc, r1.bestF1], [r2.at05, r2.auc, r2.bestF1]);
  assert.equal(r1.model.weights.length, FEATURE_NAMES.length);
});

// The committed weights reproduce from MSRP train (only where the data is: set CROSSCHECK_DATA to shared/data)
const dataDir = process.env.CROSSCHECK_DATA ?? path.join('..', 'shared', 'data');
const msrp = fs.existsSync(path.join(dataDir, 'msrp-train')) ? readMsrpTrain(dataDir) : undefined;
test('training reproduces the committed weights.json from MSRP train', { skip: msrp ? false : 'MSRP train not found (set CROSSCHECK_DATA)' }, () => {
  const r = trainModel(msrp!, TRAIN_DEFAULTS);
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  assert.deepEqual(r.model.weights.map(round), SCORE_WEIGHTS.weights);
  assert.equal(round(r.model.bias), SCORE_WEIGHTS.bias);
  assert.equal(round(r.auc), SCORE_WEIGHTS.crossValidated.auc);
});

test('content pairs and content shares look past function words: the same content in other glue words scores high', () => {
  const a = 'The governor of Harwick vetoed the levee budget on Friday.';
  const b = 'Governor of Harwick has vetoed that levee budget, as of Friday.';
  const c = 'The mayor of Lowgate signed a school budget on Monday.';
  assert.equal(feature(a, b, 'content_bigram_overlap'), 1);
  assert.ok(feature(a, b, 'content_bigram_overlap') > feature(a, b, 'bigram_overlap'));
  assert.equal(feature(a, b, 'content_dice'), 1);
  assert.ok(feature(a, c, 'content_dice') < 0.5);
  assert.ok(feature(a, c, 'rare_dice') < feature(a, b, 'rare_dice'));
});
