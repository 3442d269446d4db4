// MSRP evaluation: paraphrase = compareTexts(a, b).grade !== null and no
// substantive divergence. Prints accuracy, F1, precision and recall.
// Usage: node out/scripts/eval-msrp.js <msr_paraphrase_train.txt>
import * as fs from 'fs';
import { compareTexts } from '../src/core/compare';

/** Scores of a binary classifier against gold labels. */
export interface MsrpScores {
  pairs: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** One labelled MSRP pair. */
export interface MsrpPair {
  label: boolean;
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
    pairs.push({ label: cols[0] === '1', a: cols[3], b: cols[4] });
  }
  return pairs;
}

/** Our paraphrase decision: the texts say the same thing and nothing substantive differs. */
export function isParaphrase(a: string, b: string): boolean {
  const cmp = compareTexts(a, b);
  return cmp.grade !== null && !cmp.divergences.some((d) => d.substantive);
}

/** Accuracy, precision, recall and F1 of predictions against labels. */
export function scorePredictions(labels: boolean[], predictions: boolean[]): MsrpScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  labels.forEach((gold, i) => {
    const p = predictions[i];
    if (p && gold) tp++;
    else if (p && !gold) fp++;
    else if (!p && gold) fn++;
    else tn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return {
    pairs: labels.length,
    accuracy: labels.length ? (tp + tn) / labels.length : 0,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
}

/** Evaluates the paraphrase decision on an MSRP file. */
export function evalMsrp(file: string): MsrpScores {
  const pairs = parseMsrp(fs.readFileSync(file, 'utf8'));
  return scorePredictions(
    pairs.map((p) => p.label),
    pairs.map((p) => isParaphrase(p.a, p.b)),
  );
}

// When bundled into another entry (scripts/eval.ts), `require.main === module` holds too: check the script name.
if (require.main === module && /eval-?msrp|evalm/i.test(process.argv[1] ?? '')) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: eval-msrp <msr_paraphrase_train.txt>');
    process.exit(2);
  }
  const t0 = Date.now();
  const s = evalMsrp(file);
  const pct = (x: number) => (100 * x).toFixed(1);
  console.log(`MSRP ${s.pairs} pairs: accuracy ${pct(s.accuracy)}  F1 ${pct(s.f1)}  precision ${pct(s.precision)}  recall ${pct(s.recall)}  (${Date.now() - t0} ms)`);
}
