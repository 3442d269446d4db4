// `npm run eval -- <data folder>`: scores the engine on the development sets in
// shared/data (never shipped, never needed by tests) and prints one table:
//   direct quotes      PolNeAR train+dev  span F1 at 0.8 overlap          (scripts/eval-polnear.ts)
//   speakers           PolNeAR train+dev  speaker accuracy                (scripts/eval-polnear.ts)
//   same claim or not  MSRP train         accuracy / F1 of "grade not null and no substantive divergence"
//   ranking            MSRP train         ROC AUC of compareTexts' score
//   changes flagged    iSTS headlines     OPPO / number-SIMI pairs flagged; EQUI-only pairs falsely flagged
//   cross-story links  basil-dev          share of matches linking two different events, all 150 articles in one folder
//   shared quotes      basil-dev          silver shared-quote pairs linked by a match (per event folder)
//   read precision     basil-dev          judgements read back from test-output/basil-sample-*.md (scripts/eval-basil.ts)
//   same-claim model   MSRP train         10-fold cross-validated accuracy / F1 / AUC of src/core/score (scripts/train-model.ts)
//   model on matches   basil-dev          the engine's matches the model keeps at its cut: cross-story vs same-story
// Per-item error files (JSON lines) go to test-output/eval/ (git-ignored).
import * as fs from 'fs';
import * as path from 'path';
import { evalMsrp, MsrpResult } from './eval-msrp';
import { evalIsts, IstsResult } from './eval-ists';
import { evalPolnear } from './eval-polnear';
import { BasilResult, evalBasil, readJudgements } from './eval-basil';
import { readMsrpTrain, TRAIN_DEFAULTS, trainModel } from './train-model';

/** One row of the results table. */
interface Row {
  task: string;
  data: string;
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
  counts: string;
  seconds: number;
}

function pct(x: number): string {
  return (100 * x).toFixed(1);
}

/** Reads a numeric field that may not exist yet (another script's result type grows over time). */
function num(o: unknown, key: string): number | undefined {
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(o: unknown, key: string): string | undefined {
  const v = (o as Record<string, unknown>)[key];
  return typeof v === 'string' ? v : undefined;
}

function polnearRows(dir: string): Row[] {
  const t0 = Date.now();
  const p = evalPolnear(dir);
  const seconds = (Date.now() - t0) / 1000;
  const tp = num(p, 'tp') ?? num(p, 'matched');
  const fp = num(p, 'fp') ?? (tp !== undefined && num(p, 'predicted') !== undefined ? num(p, 'predicted')! - tp : undefined);
  const fn = num(p, 'fn') ?? (tp !== undefined && num(p, 'gold') !== undefined ? num(p, 'gold')! - tp : undefined);
  const f1 = num(p, 'quoteF1') ?? 0;
  const sp = num(p, 'speakerAccuracy') ?? 0;
  const found = num(p, 'speakerFound');
  const correct = num(p, 'speakerCorrect');
  const errorsFile = str(p, 'errorsFile');
  return [
    {
      task: 'direct quotes',
      data: `PolNeAR train+dev (${num(p, 'articles') ?? '?'} articles)`,
      measure: 'span F1 @0.8',
      figure: `${pct(f1)} (P ${pct(num(p, 'quoteP') ?? 0)} R ${pct(num(p, 'quoteR') ?? 0)})`,
      target: '≥ 95.0',
      met: f1 >= 0.95,
      counts: `tp ${tp ?? '?'} fp ${fp ?? '?'} fn ${fn ?? '?'}${errorsFile ? ` → ${errorsFile}` : ''}`,
      seconds,
    },
    {
      task: 'speakers',
      data: 'PolNeAR train+dev',
      measure: 'speaker accuracy',
      figure: pct(sp),
      target: '≥ 90.0',
      met: sp >= 0.9,
      counts: correct !== undefined && found !== undefined ? `${correct} correct of ${found}` : `of ${tp ?? '?'} matched quotes`,
      seconds: 0,
    },
  ];
}

function msrpRows(m: MsrpResult, seconds: number): Row[] {
  return [
    {
      task: 'same claim or not',
      data: `MSRP train (${m.pairs} pairs)`,
      measure: 'accuracy / F1',
      figure: `${pct(m.accuracy)} / ${pct(m.f1)} (P ${pct(m.precision)} R ${pct(m.recall)})`,
      target: '≥ 78.0 / ≥ 85.0',
      met: m.accuracy >= 0.78 && m.f1 >= 0.85,
      counts: `tp ${m.tp} fp ${m.fp} fn ${m.fn} tn ${m.tn}${m.errorsFile ? ` → ${m.errorsFile}` : ''}`,
      seconds,
    },
    {
      task: 'ranking',
      data: 'MSRP train',
      measure: 'ROC AUC of score',
      figure: m.auc.toFixed(3),
      target: '≥ 0.800',
      met: m.auc >= 0.8,
      counts: `${m.tp + m.fn} paraphrases vs ${m.fp + m.tn} not`,
      seconds: 0,
    },
  ];
}

function istsRow(r: IstsResult, seconds: number): Row {
  return {
    task: 'opposites, number changes',
    data: `iSTS headlines train (${r.pairs} pairs)`,
    measure: 'flagged / EQUI false alarms',
    figure: `${pct(r.changes.rate)} / ${pct(r.equivalent.rate)}`,
    target: '≥ 80.0 / ≤ 10.0',
    met: r.changes.rate >= 0.8 && r.equivalent.rate <= 0.1,
    counts: `${r.changes.flagged} of ${r.changes.total} (OPPO ${r.opposite.flagged}/${r.opposite.total}, number ${r.number.flagged}/${r.number.total}); EQUI ${r.equivalent.flagged} of ${r.equivalent.total}${r.errorsFile ? ` → ${r.errorsFile}` : ''}`,
    seconds,
  };
}

function basilRows(r: BasilResult, seconds: number): Row[] {
  const grades = (o: Record<string, number>) => Object.entries(o).map(([g, c]) => `${g} ${c}`).join(', ');
  return [
    {
      task: 'cross-story links',
      data: `basil-dev (${r.articles} articles, one folder)`,
      measure: 'share of matches',
      figure: pct(r.crossShare),
      target: '≤ 1.0',
      met: r.crossShare <= 0.01,
      counts: `${r.crossEvent} of ${r.matches} matches${r.crossEvent ? ` (${grades(r.crossByGrade)})` : ''}`,
      seconds,
    },
    {
      task: 'shared quotes linked',
      data: `basil-dev (${r.events} event folders)`,
      measure: 'silver pairs linked',
      figure: r.quoteRecall.toFixed(3),
      target: '≥ 0.950',
      met: r.quoteRecall >= 0.95,
      counts: `${r.quoteLinked} of ${r.quotePairs} (${grades(r.linkedByGrade)})`,
      seconds: 0,
    },
  ];
}

/** The same-claim model's cross-validated figures (the settings weights.json was trained with). */
function modelRow(dataDir: string): Row | undefined {
  const pairs = readMsrpTrain(dataDir);
  if (!pairs) return undefined;
  const t0 = Date.now();
  const r = trainModel(pairs, TRAIN_DEFAULTS);
  return {
    task: 'same claim (model)',
    data: `MSRP train (${r.pairs} pairs, 10-fold CV)`,
    measure: 'accuracy / F1 / AUC',
    figure: `${pct(r.at05.accuracy)} / ${pct(r.at05.f1)} / ${r.auc.toFixed(3)}`,
    target: '≥ 78.0 / ≥ 85.0 / ≥ 0.850',
    met: r.at05.accuracy >= 0.78 && r.at05.f1 >= 0.85 && r.auc >= 0.85,
    counts: `cut 0.50; best-F1 cut ${r.bestF1.cut.toFixed(2)}: ${pct(r.bestF1.accuracy)} / ${pct(r.bestF1.f1)}; halves AUC ${r.halves.map((h) => h.auc.toFixed(3)).join(' / ')}`,
    seconds: (Date.now() - t0) / 1000,
  };
}

function modelOnMatchesRow(r: BasilResult): Row {
  const c = r.model.cuts[0];
  const s = r.model.cuts[1];
  return {
    task: 'model on matches',
    data: 'basil-dev (one folder; every match)',
    measure: 'cross-story kept',
    figure: `${c.crossKept} of ${r.model.cross}`,
    target: '',
    met: null,
    counts: `cut ${c.cut.toFixed(2)} keeps ${c.sameKept} of ${r.model.same} same-story; strict ${s.cut.toFixed(2)} keeps ${s.crossKept} cross, ${s.sameKept} same`,
    seconds: 0,
  };
}

/** Rows from the newest filled-in BASIL sample file in test-output/, when one has judgements. */
function judgedRows(outDir: string): Row[] {
  if (!fs.existsSync(outDir)) return [];
  const files = fs
    .readdirSync(outDir)
    .filter((f) => /^basil-sample-.*\.md$/.test(f))
    .map((f) => path.join(outDir, f))
    .sort((x, y) => fs.statSync(y).mtimeMs - fs.statSync(x).mtimeMs);
  for (const file of files) {
    const j = readJudgements(fs.readFileSync(file, 'utf8'));
    if (!j.judged) continue;
    const p = j.pairingYes / j.judged;
    const real = j.substantive ? j.substantiveReal / j.substantive : 1;
    return [
      { task: 'read: same statement', data: `basil-dev sample (${file})`, measure: 'pairings right', figure: pct(p), target: '≥ 95.0', met: p >= 0.95, counts: `${j.pairingYes} yes, ${j.pairingPartly} partly of ${j.judged} judged`, seconds: 0 },
      { task: 'read: divergences real', data: 'same sample', measure: 'substantive flags real', figure: pct(real), target: '≥ 90.0', met: real >= 0.9, counts: `${j.substantiveReal} of ${j.substantive}; grades ok ${j.gradeOk} of ${j.judged}`, seconds: 0 },
    ];
  }
  return [];
}

function missingRow(task: string, where: string): Row {
  return { task, data: `not found: ${where}`, measure: '', figure: '—', target: '', met: null, counts: '', seconds: 0 };
}

/** Prints rows as an aligned plain-text table. */
function printTable(rows: Row[]): void {
  const head = ['task', 'data', 'measure', 'figure', 'target', 'met', 'counts', 's'];
  const cells = rows.map((r) => [r.task, r.data, r.measure, r.figure, r.target, r.met === null ? '—' : r.met ? 'yes' : 'NO', r.counts, r.seconds ? r.seconds.toFixed(1) : '']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

function main(argv: string[]): number {
  const dataDir = argv[0];
  if (!dataDir) {
    console.error('usage: npm run eval -- <path to shared/data>');
    return 2;
  }
  if (!fs.existsSync(dataDir)) {
    console.error(`eval: folder not found: ${dataDir}`);
    return 2;
  }
  const outDir = path.join('test-output', 'eval');
  fs.mkdirSync(outDir, { recursive: true });
  const msrpFile = path.join(dataDir, 'msrp-train', 'msr_paraphrase_train.txt');
  const istsDir = path.join(dataDir, 'ists-headlines-train');
  const polnearDir = path.join(dataDir, 'polnear-train-dev');
  const rows: Row[] = [];
  const notes: string[] = [];
  let ran = 0;
  if (fs.existsSync(polnearDir)) {
    try {
      rows.push(...polnearRows(polnearDir));
      ran++;
    } catch (e) {
      console.error(`eval: PolNeAR failed: ${(e as Error).message}`);
      rows.push(missingRow('direct quotes, speakers', 'PolNeAR evaluation failed'));
    }
  } else rows.push(missingRow('direct quotes, speakers', polnearDir));
  if (fs.existsSync(msrpFile)) {
    const t0 = Date.now();
    const m = evalMsrp(msrpFile, path.join(outDir, 'msrp-errors.jsonl'));
    rows.push(...msrpRows(m, (Date.now() - t0) / 1000));
    const model = modelRow(dataDir);
    if (model) rows.push(model);
    notes.push(`MSRP halves (even / odd pairs): accuracy ${m.halves.map((h) => pct(h.accuracy)).join(' / ')}, F1 ${m.halves.map((h) => pct(h.f1)).join(' / ')}, AUC ${m.halves.map((h) => h.auc.toFixed(3)).join(' / ')}`);
    ran++;
  } else rows.push(missingRow('same claim or not, ranking', msrpFile));
  if (fs.existsSync(istsDir)) {
    const t0 = Date.now();
    const r = evalIsts(istsDir, path.join(outDir, 'ists-errors.jsonl'));
    rows.push(istsRow(r, (Date.now() - t0) / 1000));
    notes.push(`iSTS per file: ${r.parts.map((p) => `${p.file} flagged ${pct(p.changes.rate)} (${p.changes.flagged}/${p.changes.total}), EQUI false alarms ${pct(p.equivalent.rate)} (${p.equivalent.flagged}/${p.equivalent.total})`).join('; ')}`);
    ran++;
  } else rows.push(missingRow('opposites, number changes', istsDir));
  const basilDir = path.join(dataDir, 'basil-dev');
  if (fs.existsSync(basilDir)) {
    const t0 = Date.now();
    const b = evalBasil(basilDir);
    rows.push(...basilRows(b, (Date.now() - t0) / 1000), modelOnMatchesRow(b), ...judgedRows('test-output'));
    ran++;
  } else rows.push(missingRow('cross-story links, shared quotes', basilDir));
  printTable(rows);
  if (notes.length) console.log(`\nStability between parts of the development data (held-out sets are measured separately):\n${notes.map((n) => `  ${n}`).join('\n')}`);
  return ran ? 0 : 2;
}

process.exitCode = main(process.argv.slice(2));
