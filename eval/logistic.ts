/**
 * L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted
 * least squares) on standardised features: a handful of features and a few hundred pages
 * need nothing more. Used offline only, by the page model's fit (eval/relevance-cv.ts);
 * the extension reads the fitted numbers (src/search/page-decision.ts).
 */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/** The L2 penalty on the standardised weights (not on the intercept). */
const L2 = 1;
const ITERATIONS = 50;

export function fitLogistic(x: readonly number[][], y: readonly number[], l2 = L2): LogisticFit {
  const d = x[0]?.length ?? 0;
  const n = x.length;
  if (n === 0) throw new Error('fitLogistic: no rows to fit');
  const mean = Array.from({ length: d }, (_, j) => x.reduce((s, row) => s + (row[j] as number), 0) / Math.max(n, 1));
  const scale = Array.from({ length: d }, (_, j) => {
    const v = x.reduce((s, row) => s + ((row[j] as number) - (mean[j] as number)) ** 2, 0) / Math.max(n, 1);
    return Math.sqrt(v) || 1;
  });
  const z = x.map((row) => [1, ...row.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number))]);
  // beta[0] is the intercept.
  let beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < ITERATIONS; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    z.forEach((row, i) => {
      const p = sigmoid(dot(beta, row));
      const r = p - (y[i] as number);
      const w = p * (1 - p);
      for (let a = 0; a <= d; a++) {
        grad[a] = (grad[a] as number) + r * (row[a] as number);
        for (let b = 0; b <= d; b++) {
          (hess[a] as number[])[b] = ((hess[a] as number[])[b] as number) + w * (row[a] as number) * (row[b] as number);
        }
      }
    });
    for (let a = 1; a <= d; a++) {
      grad[a] = (grad[a] as number) + l2 * (beta[a] as number);
      (hess[a] as number[])[a] = ((hess[a] as number[])[a] as number) + l2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, a) => b - (step[a] as number));
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return { mean, scale, weights: beta.slice(1), bias: beta[0] as number };
}

export function predictLogistic(fit: LogisticFit, row: readonly number[]): number {
  let s = fit.bias;
  row.forEach((v, j) => {
    s += (fit.weights[j] as number) * ((v - (fit.mean[j] as number)) / (fit.scale[j] as number));
  });
  return sigmoid(s);
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] as number) > Math.abs(m[pivot]?.[c] as number)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const top = m[c] as number[];
    for (let r = c + 1; r < n; r++) {
      const row = m[r] as number[];
      const f = (row[c] as number) / (top[c] as number);
      for (let k = c; k <= n; k++) row[k] = (row[k] as number) - f * (top[k] as number);
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = m[r] as number[];
    let s = row[n] as number;
    for (let k = r + 1; k < n; k++) s -= (row[k] as number) * (x[k] as number);
    x[r] = s / (row[r] as number);
  }
  return x;
}
