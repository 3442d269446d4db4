// MSRP evaluation: paraphrase = compareTexts(a, b).grade !== null and no
// substantive divergence (accuracy, F1, confusion counts), and the ranking
// quality of compareTexts' score (ROC AUC). Optionally writes one JSON line
// per misclassified pair so misses can be read.
// Usage: node out/scripts/eval-msrp.js <msr_paraphrase_train.txt>
import * as fs from 'fs';
import { compareTexts } from '../src/core/index';
import { Comparison } from '../src/core/types';

/** Confusion counts of a binary decision against gold labels. */
export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Scores of a binary classifier against gold labels. */
export interface MsrpScores extends Confusion {
  pairs: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** MSRP figures: the paraphrase decision plus the ranking quality of the score. */
export interface MsrpResult extends MsrpScores {
  /** ROC AUC of `score` against the paraphrase labels. */
  auc: number;
  /** The same figures on the even- and odd-numbered pairs: how much they move between two halves of the data. */
  halves: { accuracy: number; f1: number; auc: number }[];
  /** Misclassified pairs written (when an error file was asked for). */
  errors: number;
  /** Path of the JSON-lines error file, when written. */
  errorsFile?: string;
}

/** One labelled MSRP pair. */
export interface MsrpPair {
  label: boolean;
  /** The pair's two MSRP sentence ids. */
  id: string;
  a: string;
  b: string;
}

/** Parses the MSRP TSV (UTF-8 with BOM, one header line: Quality, #1 ID, #2 ID, #1 String, #2 String). */
export function parseMsrp(text: string): MsrpPair[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const pairs: MsrpPair[] = [];
  for (const line of lines.slice(1)) {
    const cols = line.split('\t');
    if (cols.length < 5 || !/^[01]$/.test(cols[0])) continue;
    pairs.push({ label: cols[0] === '1', id: `${cols[1]}/${cols[2]}`, a: cols[3], b: cols[4] });
  }
  return pairs;
}

/** Our paraphrase decision on a comparison: the texts say the same thing and nothing substantive differs. */
export function judgeParaphrase(cmp: Comparison): boolean {
  return cmp.grade !== null && !cmp.divergences.some((d) => d.substantive);
}

/** Our paraphrase decision on two texts. */
export function isParaphrase(a: string, b: string): boolean {
  return judgeParaphrase(compareTexts(a, b));
}

/** Confusion counts of predictions against labels. */
export function countConfusion(labels: boolean[], predictions: boolean[]): Confusion {
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  labels.forEach((gold, i) => {
    const p = predictions[i];
    if (p && gold) c.tp++;
    else if (p && !gold) c.fp++;
    else if (!p && gold) c.fn++;
    else c.tn++;
  });
  return c;
}

/** Accuracy, precision, recall and F1 of predictions against labels, with the confusion counts. */
export function scorePredictions(labels: boolean[], predictions: boolean[]): MsrpScores {
  const c = countConfusion(labels, predictions);
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return {
    ...c,
    pairs: labels.length,
    accuracy: labels.length ? (c.tp + c.tn) / labels.length : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** ROC AUC of scores against labels (Mann–Whitney U; ties count one half). 0.5 when a class is empty. */
export function rocAuc(labels: boolean[], scores: number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((x, y) => x[0] - y[0]);
  // average ranks over ties
  const rank = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) rank[order[k][1]] = r;
    i = j + 1;
  }
  let pos = 0;
  let rankSum = 0;
  labels.forEach((l, i) => {
    if (l) {
      pos++;
      rankSum += rank[i];
    }
  });
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Evaluates the paraphrase decision and the score on an MSRP file; writes misses to `errorsFile` when given. */
export function evalMsrp(file: string, errorsFile?: string): MsrpResult {
  const pairs = parseMsrp(fs.readFileSync(file, 'utf8'));
  const comparisons = pairs.map((p) => compareTexts(p.a, p.b));
  const labels = pairs.map((p) => p.label);
  const predictions = comparisons.map(judgeParaphrase);
  const scores = scorePredictions(labels, predictions);
  const lines: string[] = [];
  pairs.forEach((p, i) => {
    if (predictions[i] === p.label) return;
    const c = comparisons[i];
    lines.push(
      JSON.stringify({
        set: 'msrp',
        id: p.id,
        gold: p.label ? 'paraphrase' : 'not paraphrase',
        predicted: predictions[i] ? 'paraphrase' : 'not paraphrase',
        error: p.label ? 'fn' : 'fp',
        grade: c.grade,
        score: c.score,
        substantive: c.divergences.filter((d) => d.substantive).map((d) => ({ type: d.type, a: d.a, b: d.b })),
        a: p.a,
        b: p.b,
      }),
    );
  });
  if (errorsFile) fs.writeFileSync(errorsFile, lines.length ? lines.join('\n') + '\n' : '');
  const halves = [0, 1].map((h) => {
    const idx = labels.map((_, i) => i).filter((i) => i % 2 === h);
    const s = scorePredictions(idx.map((i) => labels[i]), idx.map((i) => predictions[i]));
    return { accuracy: s.accuracy, f1: s.f1, auc: rocAuc(idx.map((i) => labels[i]), idx.map((i) => comparisons[i].score)) };
  });
  return { ...scores, auc: rocAuc(labels, comparisons.map((c) => c.score)), halves, errors: lines.length, errorsFile };
}

// When bundled into another entry (scripts/eval.ts), `require.main === module` holds too: check the script name.
if (require.main === module && /eval-?msrp|evalm/i.test(process.argv[1] ?? '')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: eval-msrp <msr_paraphrase_train.txt> [errors.jsonl]');
    process.exit(2);
  }
  const t0 = Date.now();
  const s = evalMsrp(file, process.argv[3]);
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(
    `MSRP ${s.pairs} pairs: accuracy ${pct(s.accuracy)}  F1 ${pct(s.f1)}  precision ${pct(s.precision)}  recall ${pct(s.recall)}  AUC ${s.auc.toFixed(3)}  tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn}  (${Date.now() - t0} ms)`,
  );
}
