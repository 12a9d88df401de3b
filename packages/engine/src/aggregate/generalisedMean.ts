import { geometricMean } from './geometricMean.js';

/**
 * Weighted generalised (power) mean of order p over present values (COINr `a_genmean`):
 * (sum(w_i x_i^p) / sum(w_i))^(1/p); p = 1 arithmetic, p = -1 harmonic, p -> 0 geometric (used at
 * p = 0). Values must be non-negative; for p < 0 a zero value gives 0 (the limit). Missing values
 * are left out and the weights renormalised.
 */
export function generalisedMean(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  p: number,
): number {
  if (p === 0) return geometricMean(values, weights);
  let sum = 0;
  let wsum = 0;
  let zero = false;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) continue;
    if (x < 0) return Number.NaN;
    const w = weights[i] as number;
    if (x === 0) zero = true;
    else sum += w * x ** p;
    wsum += w;
  }
  if (!(wsum > 0)) return Number.NaN;
  if (zero && p < 0) return 0;
  return (sum / wsum) ** (1 / p);
}
