import { mean } from '../stats/mean.js';

/** Fills each missing value with the mean of the present values (COINr `i_mean`). */
export function imputeMean(values: ArrayLike<number>): Float64Array {
  return fill(values, mean(values));
}

/** A copy of `values` with every missing value replaced by `filler`. */
export function fill(values: ArrayLike<number>, filler: number): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i])) out[i] = filler;
  return out;
}
