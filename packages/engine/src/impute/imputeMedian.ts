import { median } from '../stats/median.js';
import { fill } from './imputeMean.js';

/** Fills each missing value with the median of the present values (COINr `i_median`). */
export function imputeMedian(values: ArrayLike<number>): Float64Array {
  return fill(values, median(values));
}
