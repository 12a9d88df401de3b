/** First- and total-order sensitivity indices of each input, and the output variance used. */
export interface SobolIndices {
  firstOrder: Float64Array;
  totalOrder: Float64Array;
  variance: number;
}

/**
 * Variance-based sensitivity indices from a Saltelli design: f(A), f(B) and f(AB^(i)) for each
 * input i, N values each (row j of each from the same row of A and B). Over the rows in `rows`
 * (default all; a bootstrap passes a resample, repeats allowed), with n rows:
 *
 *   V     = variance of the 2n values f(A), f(B) (divisor 2n)
 *   S_i   = (1/n) sum_j f(B)_j (f(AB^(i))_j - f(A)_j) / V      (Saltelli et al. 2010, table 2 (b))
 *   ST_i  = (1/2n) sum_j (f(A)_j - f(AB^(i))_j)^2 / V           (Jansen 1999; Saltelli 2010 (f))
 *
 * Both are NaN when V = 0 (the output does not vary) or any value used is NaN.
 */
export function sobolIndices(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: readonly ArrayLike<number>[],
  rows?: ArrayLike<number>,
): SobolIndices {
  const n = rows ? rows.length : fA.length;
  const row = (j: number) => (rows ? (rows[j] as number) : j);
  let mean = 0;
  for (let j = 0; j < n; j++) mean += (fA[row(j)] as number) + (fB[row(j)] as number);
  mean /= 2 * n;
  let variance = 0;
  for (let j = 0; j < n; j++) {
    const a = (fA[row(j)] as number) - mean;
    const b = (fB[row(j)] as number) - mean;
    variance += a * a + b * b;
  }
  variance /= 2 * n;
  const firstOrder = new Float64Array(fAB.length);
  const totalOrder = new Float64Array(fAB.length);
  fAB.forEach((fi, i) => {
    let first = 0;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const at = row(j);
      const a = fA[at] as number;
      const d = (fi[at] as number) - a;
      first += (fB[at] as number) * d;
      total += d * d;
    }
    firstOrder[i] = variance > 0 ? first / n / variance : Number.NaN;
    totalOrder[i] = variance > 0 ? total / (2 * n) / variance : Number.NaN;
  });
  return { firstOrder, totalOrder, variance };
}
