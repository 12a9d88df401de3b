import { quantile } from './quantile.js';

/** Median of the present values (R type 7 quantile at 0.5). NaN when none is present. */
export function median(values: ArrayLike<number>): number {
  return quantile(values, 0.5);
}
