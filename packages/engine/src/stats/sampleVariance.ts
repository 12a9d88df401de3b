/**
 * Sample variance of the present values, with n - 1 in the denominator (R's `var`),
 * computed in two passes for accuracy. NaN with fewer than two present values.
 */
export function sampleVariance(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    sum += v;
    n++;
  }
  if (n < 2) return Number.NaN;
  const m = sum / n;
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    ss += (v - m) * (v - m);
  }
  return ss / (n - 1);
}

/** Sample standard deviation: the square root of `sampleVariance` (R's `sd`). */
export function sampleStandardDeviation(values: ArrayLike<number>): number {
  return Math.sqrt(sampleVariance(values));
}
