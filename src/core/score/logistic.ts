// Plain L2-regularised logistic regression on standardised features, fitted
// by Newton's method (deterministic: no random start, no learning rate).
// A prediction splits its logit into one contribution per feature.
// Never imports vscode.

/** A fitted model: standardisation, weights and bias (what weights.json stores). */
export interface LogisticModel {
  /** Feature names, in vector order. */
  features: string[];
  /** Mean of each feature over the training pairs. */
  mean: number[];
  /** Standard deviation of each feature over the training pairs (1 when constant). */
  scale: number[];
  /** Weight of each standardised feature. */
  weights: number[];
  /** Logit of a pair whose every feature is at its training mean. */
  bias: number;
}

/** Fitting options. */
export interface FitOptions {
  /** L2 penalty on the weights (not the bias); default 1. */
  l2?: number;
  /** Newton steps at most; default 50. */
  iterations?: number;
  /** Weight of each training pair; default 1 each. */
  sampleWeights?: number[];
}

/** A prediction with the logit split per feature: bias + Σ contributions = logit. */
export interface LogisticPrediction {
  probability: number;
  logit: number;
  bias: number;
  /** weight × standardised value, per feature (positive pushes towards "same claim"). */
  contributions: number[];
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Mean and standard deviation of each column. */
export function columnStats(rows: number[][]): { mean: number[]; scale: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const r of rows) for (let k = 0; k < d; k++) mean[k] += r[k] / rows.length;
  for (const r of rows) for (let k = 0; k < d; k++) scale[k] += (r[k] - mean[k]) ** 2 / rows.length;
  return { mean, scale: scale.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is modified). */
export function solveLinear(A: number[][], b: number[]): number[] {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r][c]) > Math.abs(A[p][c])) p = r;
    [A[c], A[p]] = [A[p], A[c]];
    [b[c], b[p]] = [b[p], b[c]];
    const piv = A[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = A[r][c] / piv;
      if (!f) continue;
      for (let k = c; k < n; k++) A[r][k] -= f * A[c][k];
      b[r] -= f * b[c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= A[r][k] * x[k];
    x[r] = s / (A[r][r] || 1e-12);
  }
  return x;
}

/** Fits a logistic regression of labels (0/1) on feature rows. */
export function fitLogistic(features: string[], rows: number[][], labels: number[], options: FitOptions = {}): LogisticModel {
  const { mean, scale } = columnStats(rows);
  const d = features.length;
  const z = rows.map((r) => r.map((v, k) => (v - mean[k]) / scale[k]));
  const l2 = options.l2 ?? 1;
  const sw = options.sampleWeights ?? rows.map(() => 1);
  // theta[0] is the bias, theta[1..d] the weights
  let theta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < (options.iterations ?? 50); it++) {
    const g = new Array<number>(d + 1).fill(0);
    const H = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((x, i) => {
      let t = theta[0];
      for (let k = 0; k < d; k++) t += theta[k + 1] * x[k];
      const p = sigmoid(t);
      const r = sw[i] * (p - labels[i]);
      const w = sw[i] * p * (1 - p);
      g[0] += r;
      H[0][0] += w;
      for (let k = 0; k < d; k++) {
        g[k + 1] += r * x[k];
        H[0][k + 1] += w * x[k];
        for (let m = k; m < d; m++) H[k + 1][m + 1] += w * x[k] * x[m];
      }
    });
    for (let k = 0; k <= d; k++) for (let m = 0; m < k; m++) H[k][m] = H[m][k];
    for (let k = 1; k <= d; k++) {
      g[k] += l2 * theta[k];
      H[k][k] += l2;
    }
    const step = solveLinear(H, g);
    theta = theta.map((v, k) => v - step[k]);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { features: features.slice(), mean, scale, weights: theta.slice(1), bias: theta[0] };
}

/** Probability and per-feature contributions of one feature vector. */
export function predictLogistic(model: LogisticModel, x: readonly number[]): LogisticPrediction {
  const contributions = model.weights.map((w, k) => (w * (x[k] - model.mean[k])) / model.scale[k]);
  let logit = model.bias;
  for (const c of contributions) logit += c;
  return { probability: sigmoid(logit), logit, bias: model.bias, contributions };
}
