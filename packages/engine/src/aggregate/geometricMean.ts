/**
 * Weighted geometric mean over present values (COINr `a_gmean`): exp(sum(w_i ln x_i) / sum(w_i)).
 * Missing values are left out and the weights renormalised. A zero value gives 0, the limit of the
 * mean as that value falls to zero (COINr stops with an error instead); a negative value has no
 * geometric mean and gives NaN. NaN when no value is present.
 */
export function geometricMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let logSum = 0;
  let wsum = 0;
  let zero = false;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) continue;
    if (x < 0) return Number.NaN;
    if (x < min) min = x;
    if (x > max) max = x;
    const w = weights[i] as number;
    if (x === 0) zero = true;
    else logSum += w * Math.log(x);
    wsum += w;
  }
  if (!(wsum > 0)) return Number.NaN;
  if (zero) return 0;
  // Equal values are their own mean; exp(log x) would return x with a rounding error.
  if (min === max) return min;
  return Math.exp(logSum / wsum);
}
