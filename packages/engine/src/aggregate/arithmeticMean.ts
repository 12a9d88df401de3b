/**
 * Weighted arithmetic mean over present values (COINr `a_amean`):
 * sum(w_i x_i) / sum(w_i), both sums over the i with x_i present, so missing children are left
 * out and the remaining weights renormalised. NaN when no value is present.
 */
export function arithmeticMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  let wsum = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) continue;
    const w = weights[i] as number;
    sum += w * x;
    wsum += w;
  }
  return wsum > 0 ? sum / wsum : Number.NaN;
}
