/**
 * Sample variance of the present values, with n - 1 in the denominator (R's `var`),
 * computed in two passes for accuracy. NaN with fewer than two present values.
 */
export function sampleVariance(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  let first = Number.NaN;
  let constant = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    if (n === 0) first = v;
    else if (v !== first) constant = false;
    sum += v;
    n++;
  }
  if (n < 2) return Number.NaN;
  // Equal values have no spread; sum / n may miss them by a rounding error (3 x 3.3), which
  // would give a tiny positive variance and z-scores of an indicator that does not vary.
  if (constant) return 0;
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
