import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignUnits } from '../../src/core/align/align';
import { Unit } from '../../src/core/types';

/** Builds an article text from sentences and the matching units (one per sentence). */
function article(id: string, sentences: { text: string; kind?: 'quote' | 'passage'; speaker?: string | null; boilerplate?: boolean }[]): { text: string; units: Unit[] } {
  let text = '';
  const units: Unit[] = [];
  for (const s of sentences) {
    if (text) text += ' ';
    const start = text.length;
    text += s.text;
    units.push({ article: id, start, end: text.length, text: s.text, kind: s.kind ?? 'passage', speaker: s.speaker ?? null, boilerplate: s.boilerplate });
  }
  return { text, units };
}

const A = article('000', [
  { text: 'The White House says that Russia is looking to buy additional attack drones from Iran.' },
  { text: 'Iran also continues to provide Russia with one-way attack UAVs (unmanned aerial vehicles).', kind: 'quote', speaker: 'John Kirby' },
  { text: 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety,”', kind: 'quote', speaker: 'John Kirby' },
  { text: 'Cookie Policy Privacy Policy Brand Safety FAQ Help Contact Us', boilerplate: true },
]);
const B = article('001', [
  { text: 'Iran also continues to provide Russia with one-way attack UAVs (unmanned aerial vehicles).', kind: 'quote', speaker: 'John Kirby' },
  { text: 'Since August, Iran has provided Russia with more than 400 UAVs primarily of the Shahed variety."', kind: 'quote', speaker: 'John Kirby' },
  { text: 'Cookie Policy Privacy Policy Brand Safety FAQ Help Contact Us', boilerplate: true },
  { text: 'Biden is expected to call on fellow leaders to tighten export controls.' },
]);
const C = article('002', [
  { text: 'Since August, according to a White House representative, Iran has delivered several hundred drones to Russia.', speaker: 'a White House representative' },
  { text: 'Since August, according to a White House representative, Iran has delivered several hundred drones to Russia.', speaker: 'a White House representative' },
  { text: 'Drones have played a crucial role on both sides of the war.' },
]);
const texts: Record<string, string> = { '000': A.text, '001': B.text, '002': C.text };
const units = [...A.units, ...B.units, ...C.units];

test('matches the seeds: Kirby quotes verbatim/edited, 002 reworded with number + attribution', () => {
  const { matches, clusters } = alignUnits(units);
  const kirby = matches.find((m) => m.a.article === '000' && m.b.article === '001' && m.a.text.startsWith('Since August'));
  assert.ok(kirby, JSON.stringify(matches.map((m) => [m.a.text, m.b.text])));
  assert.ok(kirby!.grade === 'verbatim' || kirby!.grade === 'edited');
  assert.equal(kirby!.kind, 'quote');
  assert.equal(kirby!.divergences.filter((d) => d.substantive).length, 0);
  const rep = matches.find((m) => m.b.article === '002' && m.a.text.startsWith('Since August'));
  assert.ok(rep);
  assert.equal(rep!.grade, 'reworded');
  assert.ok(rep!.divergences.some((d) => d.type === 'number' && d.substantive));
  assert.ok(rep!.divergences.some((d) => d.type === 'attribution' && d.substantive));
  // the three versions form one cluster
  const cl = clusters.find((c) => c.id === rep!.cluster)!;
  assert.deepEqual(cl.members.map((m) => m.article), ['000', '001', '002']);
  assert.equal(cl.kind, 'quote');
  assert.ok(cl.substantive >= 2);
  assert.equal(cl.grade, 'reworded');
});

test('offsets are absolute and texts equal their slices', () => {
  const { matches, clusters } = alignUnits(units);
  assert.ok(matches.length > 0);
  for (const m of matches) {
    assert.equal(texts[m.a.article].slice(m.a.start, m.a.end), m.a.text);
    assert.equal(texts[m.b.article].slice(m.b.start, m.b.end), m.b.text);
    for (const d of m.divergences) {
      if (d.type === 'attribution' || d.type === 'punctuation') continue;
      if (d.aStart !== undefined) assert.equal(texts[m.a.article].slice(d.aStart, d.aEnd), d.a);
      if (d.bStart !== undefined) assert.equal(texts[m.b.article].slice(d.bStart, d.bEnd), d.b);
    }
  }
  for (const c of clusters) {
    const arts = c.members.map((m) => m.article);
    assert.equal(new Set(arts).size, arts.length, 'one member per article');
  }
});

test('never matches within an article, boilerplate, or repeated sentences twice', () => {
  const { matches } = alignUnits(units);
  for (const m of matches) {
    assert.notEqual(m.a.article, m.b.article);
    assert.ok(!m.a.text.startsWith('Cookie') && !m.b.text.startsWith('Cookie'));
  }
  // 002 repeats its sentence: only one match per (unit, other article)
  const toC = matches.filter((m) => m.b.article === '002' && m.a.article === '000');
  assert.ok(toC.length <= 1 + 0, JSON.stringify(toC.map((m) => m.b.start)));
  const keys = matches.map((m) => `${m.a.article}:${m.a.start}->${m.b.article}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('one side object per span: a unit\'s matches and its cluster member share it (less memory, same JSON)', () => {
  const { matches, clusters } = alignUnits(units);
  const sideOf = new Map<string, object>();
  let shared = 0;
  for (const m of matches) {
    for (const side of [m.a, m.b]) {
      const key = `${side.article}:${side.start}`;
      const known = sideOf.get(key);
      if (known) {
        assert.equal(known, side, key);
        shared++;
      } else sideOf.set(key, side);
    }
  }
  assert.ok(shared > 0, 'some span is in two matches');
  for (const c of clusters) for (const member of c.members) {
    const known = sideOf.get(`${member.article}:${member.start}`);
    assert.ok(known, 'every member is a side of a match');
    assert.equal(member, known);
  }
});

test('ids: clusters c1.. by first appearance, matches m1..', () => {
  const { matches, clusters } = alignUnits(units);
  clusters.forEach((c, i) => assert.equal(c.id, `c${i + 1}`));
  matches.forEach((m, i) => assert.equal(m.id, `m${i + 1}`));
  for (let i = 1; i < clusters.length; i++) {
    const p = clusters[i - 1].members[0];
    const q = clusters[i].members[0];
    assert.ok(p.article < q.article || (p.article === q.article && p.start < q.start));
  }
  for (const c of clusters) for (const id of c.matches) assert.equal(matches.find((m) => m.id === id)!.cluster, c.id);
});

test('no units, one article, unrelated units: no matches', () => {
  assert.deepEqual(alignUnits([]), { matches: [], clusters: [] });
  assert.equal(alignUnits(A.units).matches.length, 0);
  const un = [...article('x', [{ text: 'Biden is expected to call on fellow leaders to tighten export controls.' }]).units, ...article('y', [{ text: 'Drones have played a crucial role on both sides of the war.' }]).units];
  assert.equal(alignUnits(un).matches.length, 0);
});

test('scales: 200 articles x 30 sentences in seconds', () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // a Zipf-like vocabulary of pseudo-words: a few very common, most rare
  const syll = ['ka', 'ro', 'mi', 'tel', 'san', 'dor', 'vi', 'lu', 'pe', 'gan', 'tor', 'bel'];
  const vocab = Array.from({ length: 4000 }, (_, i) => syll[i % 12] + syll[Math.floor(i / 12) % 12] + syll[Math.floor(i / 144) % 12] + (i >= 1728 ? 'x' : ''));
  const words = { length: vocab.length } as string[];
  const pick = () => vocab[Math.min(vocab.length - 1, Math.floor(Math.pow(rnd(), 3) * vocab.length))];
  for (let i = 0; i < vocab.length; i++) (words as string[])[i] = vocab[i];
  const shared = Array.from({ length: 40 }, () => Array.from({ length: 12 }, pick).join(' ') + '.');
  const big: Unit[] = [];
  for (let a = 0; a < 200; a++) {
    let off = 0;
    for (let s = 0; s < 30; s++) {
      const text = rnd() < 0.2 ? shared[Math.floor(rnd() * shared.length)] : Array.from({ length: 14 }, pick).join(' ') + ` ${a}x${s}.`;
      big.push({ article: `a${a}`, start: off, end: off + text.length, text, kind: 'passage', speaker: null });
      off += text.length + 1;
    }
  }
  const t0 = Date.now();
  const { matches } = alignUnits(big);
  const ms = Date.now() - t0;
  assert.ok(matches.length > 0);
  assert.ok(ms < 30000, `took ${ms} ms`);
});

test('previewAlignment: nothing changed gives alignUnits\'s result (clusterMatches renumbers as alignUnits does); no index, no preview', async () => {
  const { createAlignCache, previewAlignment, clusterMatches } = await import('../../src/core/align/align');
  const path = await import('path');
  const { loadCorpus } = await import('../../src/core/io/corpus');
  const { analyzeCorpus } = await import('../../src/core/pipeline/analyze');
  const { CorpusAnalyzer } = await import('../../src/core/pipeline/incremental');
  const units = [...A.units, ...B.units];
  const texts = new Map([['000', A.text], ['001', B.text]]);
  const cache = createAlignCache();
  assert.equal(previewAlignment(units, new Set(), [], texts, cache), undefined);
  const exact = alignUnits(units, {}, undefined, cache);
  assert.ok(exact.matches.length >= 2);
  assert.deepEqual(previewAlignment(units, new Set(), exact.matches, texts, cache), exact);
  // on a real corpus: re-clustering the exact matches (ids scrambled, order reversed) gives them back
  const seeds = loadCorpus(path.resolve(__dirname, '..', '..', '..', 'seeds')).articles;
  const result = analyzeCorpus(seeds);
  const order = new Map<string, number>(seeds.map((a, i) => [a.id, i]));
  const scrambled = [...result.matches].reverse().map((m) => ({ ...m, id: 'x', cluster: 'y' }));
  assert.deepEqual(clusterMatches(scrambled, order), { matches: result.matches, clusters: result.clusters });
  assert.ok(result.clusters.some((c) => c.members.length > 2), 'the corpus has clusters of three or more');
  // and a preview with an unchanged corpus is the exact result
  const analyzer = new CorpusAnalyzer();
  analyzer.analyze(seeds);
  assert.equal(analyzer.preview(seeds), undefined, 'nothing changed: no preview');
});

test('a clause only one outlet reports in its own reworded passage is editorial selection (cosmetic); in a quote it stays an omission', async () => {
  const { newMatch } = await import('../../src/core/align/pairs');
  const unit = (article: string, text: string, kind: 'quote' | 'passage') => ({ id: `${article}:0`, article, start: 0, end: text.length, text, kind, speaker: null }) as never;
  const omission = { type: 'omission', substantive: true, a: 'who also served as his chief counsel', b: '', message: 'Only in the first version', aStart: 10, aEnd: 46 };
  const number = { type: 'number', substantive: true, a: '16', b: '31', message: 'Different quantity', aStart: 0, aEnd: 2, bStart: 0, bEnd: 2 };
  const cmp = { grade: 'reworded', score: 0.4, divergences: [omission, number] } as never;
  const passage = newMatch(unit('a', 'x'.repeat(60), 'passage'), unit('b', 'y'.repeat(60), 'passage'), cmp);
  assert.deepEqual(passage.divergences.map((d) => [d.type, d.substantive]), [['wording', false], ['number', true]]);
  assert.match(passage.divergences[0].message, /^Editorial selection: only the first version reports “who also served as his chief counsel”/);
  const quote = newMatch(unit('a', 'x'.repeat(60), 'quote'), unit('b', 'y'.repeat(60), 'quote'), cmp);
  assert.deepEqual(quote.divergences.map((d) => [d.type, d.substantive]), [['omission', true], ['number', true]]);
  const edited = newMatch(unit('a', 'x'.repeat(60), 'passage'), unit('b', 'y'.repeat(60), 'passage'), { ...(cmp as object), grade: 'truncated' } as never);
  assert.equal(edited.divergences[0].type, 'omission', 'only reworded passages: a cut-down passage keeps its flag');
});

test('a reporter paraphrasing a quote, or a reworded passage, is not a cut-down quote: the truncation is editorial selection; two quotes keep it', async () => {
  const { newMatch } = await import('../../src/core/align/pairs');
  const unit = (article: string, text: string, kind: 'quote' | 'passage') => ({ id: `${article}:0`, article, start: 0, end: text.length, text, kind, speaker: null }) as never;
  // “Those findings are confirmed by the emails released today, and they contradict …” ~ They also said the e-mails belied …
  const cut = { type: 'truncation', substantive: true, a: 'confirmed by the emails released today', b: '', message: 'The second version is cut down', aStart: 20, aEnd: 58 };
  const hedge = { type: 'hedge', substantive: true, a: 'said', b: 'claimed', message: 'Hedging differs', aStart: 0, aEnd: 4, bStart: 0, bEnd: 7 };
  const cmp = { grade: 'reworded', score: 0.55, divergences: [cut, hedge] } as never;
  const paraphrase = newMatch(unit('a', 'x'.repeat(80), 'quote'), unit('b', 'y'.repeat(80), 'passage'), cmp);
  assert.deepEqual(paraphrase.divergences.map((d) => [d.type, d.substantive]), [['wording', false], ['hedge', true]]);
  assert.match(paraphrase.divergences[0].message, /^Editorial selection: only the first version reports “confirmed by the emails released today”/);
  const passages = newMatch(unit('a', 'x'.repeat(80), 'passage'), unit('b', 'y'.repeat(80), 'passage'), cmp);
  assert.equal(passages.divergences[0].substantive, false);
  const cueCut = { ...cut, a: 'never confirmed by the emails released today' };
  const quotes = newMatch(unit('a', 'x'.repeat(80), 'quote'), unit('b', 'y'.repeat(80), 'quote'), { grade: 'reworded', score: 0.55, divergences: [cueCut, hedge] } as never);
  assert.deepEqual(quotes.divergences.map((d) => [d.type, d.substantive]), [['truncation', true], ['hedge', true]], 'a quote cut down against the same quote stays flagged');
  const truncatedGrade = newMatch(unit('a', 'x'.repeat(80), 'quote'), unit('b', 'y'.repeat(80), 'passage'), { ...(cmp as object), grade: 'truncated' } as never);
  assert.equal(truncatedGrade.divergences[0].type, 'truncation', 'only reworded pairs');
});

test('a quote cut down is substantive only when the part left out carries a negation, condition, number, hedge or qualifier', async () => {
  const { newMatch } = await import('../../src/core/align/pairs');
  const unit = (article: string, text: string) => ({ id: `${article}:0`, article, start: 0, end: text.length, text, kind: 'quote', speaker: null }) as never;
  const cut = (left: string) => ({ type: 'truncation', substantive: true, a: left, b: '', message: `The second version is cut down: it lacks “${left}”.` });
  const grade = (left: string) => newMatch(unit('a', 'x'.repeat(90)), unit('b', 'y'.repeat(40)), { grade: 'truncated', score: 0.5, divergences: [cut(left)] } as never).divergences[0];
  // an aside or a lead-in: quoting part of a sentence is how reporting works
  assert.equal(grade('and I am being myself, frank').substantive, false);
  // the article "a" is no number
  assert.equal(grade('with a smile and a wave to the crowd').substantive, false);
  assert.match(grade('The truth is that the new budget').message, /carries no negation, condition, number, hedge or qualifier/);
  // what changes the claim stays flagged
  for (const left of ['not a seat at the bar', "but if the candidate isn't right", 'a two-in-three chance that we win', 'so that there is no conflict of interest', 'more than 400 drones', 'it may well be', 'the advanced ones']) {
    assert.equal(grade(left).substantive, true, left);
  }
});
