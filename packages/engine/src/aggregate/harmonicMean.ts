/**
 * Weighted harmonic mean over present values (COINr `a_hmean`): sum(w_i) / sum(w_i / x_i).
 * Missing values are left out and the weights renormalised. A zero value gives 0 (the limit);
 * a negative value gives NaN. NaN when no value is present.
 */
export function harmonicMean(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  let inv = 0;
  let wsum = 0;
  let zero = false;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (Number.isNaN(x)) continue;
    if (x < 0) return Number.NaN;
    const w = weights[i] as number;
    if (x === 0) zero = true;
    else inv += w / x;
    wsum += w;
  }
  if (!(wsum > 0)) return Number.NaN;
  return zero ? 0 : wsum / inv;
}
