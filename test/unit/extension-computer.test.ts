// Pure parts of the VS Code extension: the computer, palette, settings,
// markdown escaping, word diff, protocol validation and file decoding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { analyzeCorpus } from '../../src/core/pipeline/analyze';
import type { AnalysisResult, Article } from '../../src/core/types';
import { Commands, commandUri, hoverCommands, internalCommands } from '../../src/extension/commands/ids';
import { CorpusComputer } from '../../src/extension/view/corpusComputer';
import { renderDiffMarkdown } from '../../src/extension/view/hover';
import { ShardedMap } from '../../src/extension/view/shardedMap';
import { runSliced, sliced } from '../../src/extension/view/slicing';
import { articleFromText, decodeArticle, dedupeArticles } from '../../src/extension/corpus/corpusFiles';
import { escapeHoverText as escapeMarkdown } from '../../src/extension/view/markdown';
import { PALETTE_SIZE, colorId, cssVar, slotOf } from '../../src/extension/palette';
import { parseFromWebview } from '../../src/extension/panel/protocol';
import { DEFAULTS, gradeAtLeast, readSettings } from '../../src/extension/settings';
import { wordDiff } from '../../src/extension/view/wordDiff';

function art(id: string, text: string): Article {
  return { id, file: id + '.txt', title: text.split('\n')[0], text };
}

// A hand-made corpus: three articles, one quote cluster over all three, with a
// substantive number divergence between a and c.
const A = art('a', 'Title A\n"We sent more than 400 drones," Kirby said. Other text.');
const B = art('b', 'Title B\n"We sent more than 400 drones," Kirby said. More.');
const C = art('c', 'Title C\nOfficials said "we sent several hundred drones" today.');
const qa = A.text.indexOf('We sent');
const qaEnd = A.text.indexOf(',"');
const qb = B.text.indexOf('We sent');
const qbEnd = B.text.indexOf(',"');
const qc = C.text.indexOf('we sent');
const qcEnd = C.text.indexOf('" today');
const side = (a: Article, s: number, e: number, speaker: string | null = 'John Kirby') => ({ article: a.id, start: s, end: e, text: a.text.slice(s, e), speaker });
const n400 = A.text.indexOf('more than 400');
const nSev = C.text.indexOf('several hundred');
const FIX: AnalysisResult = {
  version: 1,
  articles: [A, B, C].map((x) => ({ id: x.id, file: x.file, title: x.title, length: x.text.length })),
  quotes: [
    { id: 'q1', ...side(A, qa, qaEnd) },
    { id: 'q2', ...side(B, qb, qbEnd) },
    { id: 'q3', ...side(C, qc, qcEnd, 'Officials') },
  ],
  matches: [
    { id: 'm1', cluster: 'c1', kind: 'quote', grade: 'verbatim', score: 1, a: side(A, qa, qaEnd), b: side(B, qb, qbEnd), divergences: [] },
    {
      id: 'm2', cluster: 'c1', kind: 'quote', grade: 'reworded', score: 0.7, a: side(A, qa, qaEnd), b: side(C, qc, qcEnd, 'Officials'),
      divergences: [
        { type: 'case', substantive: false, a: 'We', b: 'we', message: 'Case differs.', aStart: qa, aEnd: qa + 2, bStart: qc, bEnd: qc + 2 },
        { type: 'number', substantive: true, a: 'more than 400', b: 'several hundred', message: 'Different quantities.', aStart: n400, aEnd: n400 + 13, bStart: nSev, bEnd: nSev + 15 },
      ],
    },
  ],
  clusters: [{ id: 'c1', kind: 'quote', members: [side(A, qa, qaEnd), side(B, qb, qbEnd), side(C, qc, qcEnd, 'Officials')], matches: ['m1', 'm2'], speaker: 'John Kirby', substantive: 1, grade: 'reworded' }],
};

test('highlights: one range per member, palette slot from the cluster id', () => {
  const c = new CorpusComputer(FIX, [A, B, C]);
  assert.deepEqual(c.highlightsFor('a'), [{ cluster: 'c1', kind: 'quote', slot: 1, start: qa, end: qaEnd }]);
  assert.equal(c.highlightsFor('c').length, 1);
  assert.equal(c.highlightsFor('nope').length, 0);
});

test('palette: slots cycle 1..8 and map to contributed colour ids and webview CSS vars', () => {
  assert.equal(slotOf('c1'), 1);
  assert.equal(slotOf('c8'), 8);
  assert.equal(slotOf('c9'), 1);
  assert.ok(slotOf('weird') >= 1 && slotOf('weird') <= PALETTE_SIZE);
  assert.equal(colorId(3, 'Background'), 'crosscheck.cluster3Background');
  assert.equal(cssVar(3, 'Background'), '--vscode-crosscheck-cluster3Background');
});

test('package.json contributes every palette colour, command and setting', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
  const colors = new Set(pkg.contributes.colors.map((c: { id: string }) => c.id));
  for (let s = 1; s <= PALETTE_SIZE; s++) {
    assert.ok(colors.has(colorId(s, 'Background')));
    assert.ok(colors.has(colorId(s, 'Border')));
  }
  for (const c of pkg.contributes.colors) for (const k of ['light', 'dark', 'highContrast']) assert.ok(c.defaults[k], `${c.id} ${k}`);
  const cmds = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  for (const id of Object.values(Commands)) assert.ok(cmds.has(id), id);
  for (const c of pkg.contributes.commands) assert.equal(c.category, 'Crosscheck');
  const hidden = pkg.contributes.menus.commandPalette.filter((m: { when: string }) => m.when === 'false').map((m: { command: string }) => m.command);
  assert.deepEqual(hidden.sort(), [...internalCommands].sort());
  assert.ok(!pkg.activationEvents.includes('*'));
  const props = Object.keys(pkg.contributes.configuration.properties);
  for (const k of ['include', 'exclude', 'hover.enabled', 'highlights.enabled', 'diagnostics.enabled', 'diagnostics.severity', 'debounceMs']) assert.ok(props.includes('crosscheck.' + k), k);
});

test('hover: speaker, "Quoted by 3 of 3 sources", each other source with diff and divergences, trusted command links', () => {
  const c = new CorpusComputer(FIX, [A, B, C]);
  assert.equal(c.hoverMarkdown('a', 0), undefined);
  const h = c.hoverMarkdown('a', qa + 3)!;
  assert.ok(h);
  assert.equal(h.start, qa);
  assert.equal(h.end, qaEnd);
  assert.match(h.markdown, /John Kirby/);
  assert.match(h.markdown, /Quoted by 3 of 3 sources/);
  assert.match(h.markdown, /\*\*b\*\*/);
  assert.match(h.markdown, /\*\*c\*\*/);
  assert.match(h.markdown, /<del>more than 400<\/del>/);
  assert.match(h.markdown, /<ins>several hundred<\/ins>/);
  assert.match(h.markdown, /\*\*number\*\*/);
  // substantive before cosmetic
  assert.ok(h.markdown.indexOf('number') < h.markdown.indexOf('_case_'));
  assert.ok(h.markdown.includes(commandUri(Commands.openInPanel, 'c1')));
  assert.ok(h.markdown.includes(`command:${Commands.revealSpan}?`));
  // the substantive divergence can be confirmed or dismissed from the hover: the only other command it trusts
  assert.ok(h.markdown.includes(`command:${Commands.reviewDecision}?`));
  assert.deepEqual([...hoverCommands].sort(), [Commands.openInPanel, Commands.revealSpan, Commands.reviewDecision].sort());
  // From c's side the divergence reads the other way round.
  const hc = c.hoverMarkdown('c', qc + 1)!;
  assert.match(hc.markdown, /“several hundred” → “more than 400”/);
});

test('hover escapes markdown and HTML in article text', () => {
  const evil = art('x', 'T\n<img src=x onerror=alert(1)> *bold* [link](command:evil)');
  const other = art('y', 'T\n<img src=x onerror=alert(2)> *bold* [link](command:evil)');
  const s = evil.text.indexOf('<');
  const e = evil.text.length;
  const r: AnalysisResult = {
    version: 1, articles: [], quotes: [],
    matches: [{ id: 'm1', cluster: 'c1', kind: 'passage', grade: 'edited', score: 1, a: side(evil, s, e, null), b: side(other, s, e, null), divergences: [] }],
    clusters: [{ id: 'c1', kind: 'passage', members: [side(evil, s, e, null), side(other, s, e, null)], matches: ['m1'], speaker: null, substantive: 0, grade: 'edited' }],
  };
  const md = new CorpusComputer(r, [evil, other]).hoverMarkdown('x', s + 1)!.markdown;
  assert.ok(!md.includes('<img'));
  assert.ok(!md.includes('](command:evil)'));
  assert.ok(md.includes('&lt;img'));
  assert.match(md, /Carried by 2 of 2 sources/);
});

test('diagnostics: substantive only, one per divergence, on the deviating article, naming the other versions', () => {
  const c = new CorpusComputer(FIX, [A, B, C]);
  const d = c.diagnostics();
  // a and b say "more than 400", c says "several hundred": c deviates from the majority
  assert.equal(d.length, 1);
  const onC = d[0];
  assert.equal(onC.article, 'c');
  assert.equal(C.text.slice(onC.start, onC.end), 'several hundred');
  assert.equal(onC.message, 'Number: this article says “several hundred”; a and b say “more than 400”');
  assert.deepEqual(onC.related.map((r) => [r.article, A.text.slice(r.start, r.end)]), [['a', 'more than 400'], ['b', 'more than 400']]);
  assert.equal(c.substantiveCount(), 1);
  assert.equal(c.divergenceCount(), 1);
  assert.equal(c.statusText(), 'Crosscheck: 3 sources · 1 passage matched · 1 divergence to review');
});

test('divergence offsets relative to the span are tolerated', () => {
  const r: AnalysisResult = JSON.parse(JSON.stringify(FIX));
  const d = r.matches[1].divergences[1];
  d.aStart = n400 - qa;
  d.aEnd = n400 - qa + 13;
  const c = new CorpusComputer(r, [A, B, C]);
  const onA = c.diagnostics()[0].related.find((x) => x.article === 'a')!;
  assert.equal(A.text.slice(onA.start, onA.end), 'more than 400');
});

test('minGrade filters weak matches out of everything', () => {
  const c = new CorpusComputer(FIX, [A, B, C], { minGrade: 'verbatim' });
  assert.equal(c.matches.length, 1);
  assert.equal(c.diagnostics().length, 0);
  assert.ok(gradeAtLeast('verbatim', 'edited'));
  assert.ok(!gradeAtLeast('reworded', 'edited'));
});

test('next/previous span wrap around', () => {
  const c = new CorpusComputer(FIX, [A, B, C]);
  assert.equal(c.nextSpan('a', 0, 1)!.start, qa);
  assert.equal(c.nextSpan('a', qa, 1)!.start, qa); // wraps to the only one
  assert.equal(c.nextSpan('a', A.text.length, -1)!.start, qa);
  assert.equal(c.nextSpan('zzz', 0, 1), undefined);
});

test('trees: quotes by speaker, divergences by type (substantive first)', () => {
  const c = new CorpusComputer(FIX, [A, B, C]);
  const q = c.quotesBySpeaker();
  assert.deepEqual(q.map((g) => g.speaker), ['John Kirby', 'Officials']);
  assert.equal(q[0].quotes[0].sources, 3);
  const d = c.divergencesByType();
  assert.deepEqual(d.map((g) => g.type), ['number', 'case']);
  assert.equal(A.text.slice(d[0].items[0].target.start, d[0].items[0].target.end), 'more than 400');
});

test('panel model and cluster detail (pair filter, diff, substantive first)', () => {
  const c = new CorpusComputer(FIX, [A, B, C]);
  const m = c.panelModel();
  assert.equal(m.articles.length, 3);
  assert.equal(m.clusters[0].slot, 1);
  assert.equal(m.clusters[0].members.length, 3);
  const pair = c.panelModel(['c', 'a']);
  assert.deepEqual(pair.articles.map((a) => a.id), ['c', 'a']);
  assert.equal(pair.clusters[0].members.length, 2);
  assert.equal(pair.clusters[0].substantive, 1);
  assert.equal(c.panelModel(['a', 'b']).clusters[0].substantive, 0);
  const d = c.clusterDetail('c1', 'a')!;
  assert.equal(d.reference, 'a');
  assert.equal(d.versions[0].article, 'a');
  const vc = d.versions.find((v) => v.article === 'c')!;
  assert.ok(vc.diff!.some((s) => s.op === 'del' && s.text.includes('400')));
  assert.ok(vc.diff!.some((s) => s.op === 'ins' && s.text.includes('several')));
  assert.equal(d.divergences[0].type, 'number');
  assert.equal(c.clusterDetail('c1', 'a', new Set(['a', 'b']))!.divergences.length, 0);
  assert.equal(c.clusterDetail('nope'), undefined);
});

test('word diff concatenates back to both sides', () => {
  const a = 'Iran has provided Russia with more than 400 UAVs';
  const b = 'Iran has delivered several hundred drones to Russia';
  const d = wordDiff(a, b);
  assert.equal(d.filter((s) => s.op !== 'ins').map((s) => s.text).join(''), a);
  assert.equal(d.filter((s) => s.op !== 'del').map((s) => s.text).join(''), b);
  assert.deepEqual(wordDiff('same', 'same'), [{ op: 'eq', text: 'same' }]);
  assert.equal(renderDiffMarkdown([{ op: 'eq', text: 'a ' }, { op: 'del', text: 'b ' }, { op: 'ins', text: 'c' }]), 'a <del>b</del> <ins>c</ins>');
  // punctuation right after a word: markdown's ** would not open here, the HTML mark does
  assert.equal(renderDiffMarkdown([{ op: 'eq', text: 'the Shahed variety' }, { op: 'ins', text: '.' }]), 'the Shahed variety<ins>\\.</ins>');
  // user text can never open an element
  assert.equal(renderDiffMarkdown([{ op: 'ins', text: '<img src=x onerror=alert(1)>' }]), '<ins>&lt;img src=x onerror=alert\\(1\\)&gt;</ins>');
});

test('markdown escaping', () => {
  assert.equal(escapeMarkdown('*x* [y](z) <b>'), '\\*x\\* \\[y\\]\\(z\\) &lt;b&gt;');
});

test('settings: defaults and validation', () => {
  assert.deepEqual(readSettings((_k, d) => d), DEFAULTS);
  const s = readSettings(<T>(k: string, d: T) => (({ 'diagnostics.severity': 'information', debounceMs: -5, minGrade: 'bogus', 'hover.enabled': false } as Record<string, unknown>)[k] ?? d) as T);
  assert.equal(s.diagnosticsSeverity, 'information');
  assert.equal(s.debounceMs, 0);
  assert.equal(s.minGrade, 'reworded');
  assert.equal(s.hoverEnabled, false);
});

test('webview messages are validated', () => {
  assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
  assert.deepEqual(parseFromWebview({ type: 'reveal', article: 'a', start: 1, end: 2 }), { type: 'reveal', article: 'a', start: 1, end: 2 });
  assert.equal(parseFromWebview({ type: 'reveal', article: 'a', start: '1', end: 2 }), undefined);
  assert.equal(parseFromWebview({ type: 'eval', code: 'x' }), undefined);
  assert.equal(parseFromWebview(null), undefined);
});

test('file decoding: BOM, binary, non-UTF-8, huge, duplicates', () => {
  const ok = decodeArticle('sub/x.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Hello\nworld')]), { maxBytes: 1000 });
  assert.ok('article' in ok);
  if ('article' in ok) {
    assert.equal(ok.article.id, 'sub/x');
    assert.equal(ok.article.text, 'Hello\nworld');
    assert.equal(ok.article.title, 'Hello');
  }
  assert.ok('problem' in decodeArticle('b.txt', new Uint8Array([65, 0, 66]), { maxBytes: 1000 }));
  assert.ok('problem' in decodeArticle('c.txt', new Uint8Array([0xc3, 0x28, 65]), { maxBytes: 1000 }));
  assert.ok('problem' in decodeArticle('d.txt', new Uint8Array(2000).fill(65), { maxBytes: 1000 }));
  const { articles, problems } = dedupeArticles([articleFromText('a.txt', 'x'), articleFromText('a.md', 'y')]);
  assert.equal(articles.length, 1);
  assert.equal(problems.length, 1);
});

test('seeds: hover on Kirby quote in 001 names another source; 002 gets a number diagnostic', () => {
  const dir = path.join(__dirname, '../../../seeds');
  const arts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => articleFromText(f, fs.readFileSync(path.join(dir, f), 'utf8')));
  const c = new CorpusComputer(analyzeCorpus(arts), arts);
  const a1 = arts.find((a) => a.id.startsWith('001_'))!;
  const at = a1.text.indexOf('Since August');
  assert.ok(at >= 0);
  const h = c.hoverMarkdown(a1.id, at + 5);
  assert.ok(h, 'hover on the Kirby quote');
  assert.match(h!.markdown, /John Kirby/);
  assert.match(h!.markdown, /000_/);
  const d2 = c.diagnostics().filter((d) => d.article.startsWith('002_') && d.type === 'number');
  assert.ok(d2.length >= 1, 'number diagnostic on 002');
  assert.match(d2[0].message, /several hundred/);
});

test('word diff: one-sided runs stay exact', () => {
  for (const [a, b] of [['x a b y', 'x y'], ['x y', 'x a b y'], ['a b c', 'd e f'], ['', 'x'], ['x', '']]) {
    const d = wordDiff(a, b);
    assert.equal(d.filter((s) => s.op !== 'ins').map((s) => s.text).join(''), a);
    assert.equal(d.filter((s) => s.op !== 'del').map((s) => s.text).join(''), b);
    assert.ok(!d.some((s) => s.op !== 'eq' && !s.text.trim()), JSON.stringify(d));
  }
});

test('span tables: containment, next and previous agree with a linear scan on random (nested, overlapping) spans', async () => {
  const { SpanTable } = await import('../../src/core/util/spanTable');
  let seed = 3;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let round = 0; round < 50; round++) {
    const spans = Array.from({ length: Math.floor(rnd() * 40) }, (_, i) => {
      const start = Math.floor(rnd() * 1000);
      return { id: i, start, end: start + 1 + Math.floor(rnd() * (rnd() < 0.2 ? 400 : 40)) };
    });
    const table = new SpanTable(spans);
    const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
    for (let k = 0; k < 60; k++) {
      const offset = Math.floor(rnd() * 1100);
      assert.deepEqual(table.at(offset), sorted.filter((s) => s.start <= offset && offset <= s.end));
      assert.equal(table.next(offset), sorted.find((s) => s.start > offset) ?? sorted[0]);
      assert.equal(table.previous(offset), [...sorted].reverse().find((s) => s.start < offset) ?? sorted[sorted.length - 1]);
    }
  }
});

/** The seeds/ corpus as articles. */
function seedArticles(): Article[] {
  const dir = path.join(__dirname, '..', '..', '..', 'seeds');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => art(f.replace(/\.txt$/, ''), fs.readFileSync(path.join(dir, f), 'utf8')));
}

test('CorpusComputer.build (sliced across event-loop turns) gives what the constructor gives, and yields to the event loop', async () => {
  const articles = seedArticles();
  const result = analyzeCorpus(articles);
  assert.ok(result.matches.length > 0, 'the seeds corpus has matches');
  const sync = new CorpusComputer(result, articles);
  let turns = 0;
  const ticker = setInterval(() => turns++, 0);
  const sliced = await CorpusComputer.build(result, articles, {}, 0);
  clearInterval(ticker);
  assert.ok(turns > 0, 'the build gave the event loop turns');
  assert.deepEqual(sliced.matches, sync.matches);
  assert.deepEqual(sliced.clusters, sync.clusters);
  for (const a of articles) assert.deepEqual(sliced.highlightsFor(a.id), sync.highlightsFor(a.id));
  assert.deepEqual(sliced.diagnostics(), sync.diagnostics());
  assert.deepEqual(sliced.panelModel(), sync.panelModel());
  const fromSteps = [...sync.diagnosticSteps()].filter(Boolean);
  assert.deepEqual(fromSteps, sync.diagnostics());
  assert.ok(fromSteps.length > 0, 'some substantive divergences');
});

test('runSliced stops early when the work is stale', async () => {
  let done = 0;
  function* steps() {
    for (let i = 0; i < 100; i++) {
      done++;
      yield;
    }
  }
  let stale = false;
  setImmediate(() => (stale = true));
  const finished = await runSliced(steps(), 0, () => stale);
  assert.equal(finished, false);
  assert.ok(done < 100, `ran ${done} of 100 steps`);
  assert.equal(await runSliced(steps(), 50), true);
});

test('sliced tree and panel builders give what the synchronous ones give', async () => {
  const articles = seedArticles();
  const computer = new CorpusComputer(analyzeCorpus(articles), articles);
  assert.deepEqual(await sliced(computer.quoteGroupSteps(), 0), computer.quotesBySpeaker());
  assert.deepEqual(await sliced(computer.divergenceGroupSteps(), 0), computer.divergencesByType());
  assert.deepEqual(await sliced(computer.panelModelSteps(), 0), computer.panelModel());
  const pair: [string, string] = [articles[1].id, articles[0].id];
  assert.deepEqual(await sliced(computer.panelModelSteps(pair), 0), computer.panelModel(pair));
  assert.ok(computer.panelModel(pair).clusters.length > 0 && computer.divergencesByType().length > 0);
});

test('a divergence side without text reads "(nothing)" in hovers and the Divergences tree, never a dash in quotation marks', () => {
  const articles = seedArticles();
  const computer = new CorpusComputer(analyzeCorpus(articles), articles);
  const lines: string[] = [];
  for (const a of articles) {
    for (let i = 0; i < a.text.length; i += 25) {
      const h = computer.hoverMarkdown(a.id, i);
      if (h) lines.push(...h.markdown.split('\n').filter((l) => /^- /.test(l)));
    }
  }
  const oneSided = lines.filter((l) => /\\\(nothing\\\)/.test(l));
  assert.ok(oneSided.length > 0, 'the seeds hovers have one-sided divergences (omissions, punctuation added)');
  // a dropped part (a cut, an omission or an editorial selection) reads “words” → (nothing)
  assert.ok(oneSided.some((l) => /^- (\*\*|_)[a-z]+(\*\*|_): “[^”]+” → \\\(nothing\\\)/.test(l)), oneSided.join('\n'));
  for (const l of lines) assert.ok(!l.includes('“—”'), l);
  const labels = computer.divergencesByType().flatMap((g) => g.items.map((it) => it.label));
  assert.ok(labels.some((l) => l.includes('(nothing)')), labels.join('\n'));
  for (const l of labels) assert.ok(!l.includes('“—”'), l);
});

test('ShardedMap behaves as a Map of string keys (ids, empty and short keys, overwrites)', () => {
  const map = new ShardedMap<number>();
  const plain = new Map<string, number>();
  const keys = ['', 'a', 'm1', 'c12', ...Array.from({ length: 5000 }, (_, i) => `m${i * 7}`), ...Array.from({ length: 300 }, (_, i) => `article/${i}/ü`)];
  keys.forEach((k, i) => {
    map.set(k, i);
    plain.set(k, i);
  });
  map.set('m7', -1);
  plain.set('m7', -1);
  assert.equal(map.size, plain.size);
  for (const k of [...plain.keys(), 'missing', 'm35001']) {
    assert.equal(map.get(k), plain.get(k), k);
    assert.equal(map.has(k), plain.has(k), k);
  }
});
