/** Centred second moments of the pairs (x_i, y_i) where both values are present. */
export interface PairedMoments {
  /** Number of complete pairs. */
  n: number;
  /** sum (x - mean x)(y - mean y) over the complete pairs. */
  sxy: number;
  /** sum (x - mean x)^2 over the complete pairs. */
  sxx: number;
  /** sum (y - mean y)^2 over the complete pairs. */
  syy: number;
}

/**
 * Pairwise-complete centred sums, the shared core of covariance and correlation (R's
 * `use = "pairwise.complete.obs"`): a pair with a missing value on either side is left out, and
 * the means are taken over the complete pairs only. Two passes, for accuracy on large values.
 */
export function pairedMoments(x: ArrayLike<number>, y: ArrayLike<number>): PairedMoments {
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    n++;
    sx += a;
    sy += b;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; n > 0 && i < x.length; i++) {
    const a = x[i] as number;
    const b = y[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sxy += (a - mx) * (b - my);
    sxx += (a - mx) * (a - mx);
    syy += (b - my) * (b - my);
  }
  return { n, sxy, sxx, syy };
}
