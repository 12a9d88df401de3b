import { extent } from '../stats/extent.js';
import { mapValues } from '../stats/mapValues.js';

/**
 * COINr's `log_CT` transform: log(x - min + 0.01 (max - min)). It keeps the order of values and
 * compresses the high end; the shift keeps the argument positive. Constant input gives NaN
 * (log 0), so callers treat only indicators that vary.
 */
export function logTransform(values: ArrayLike<number>): Float64Array {
  const [min, max] = extent(values);
  const shift = 0.01 * (max - min);
  return mapValues(values, (v) => Math.log(v - min + shift));
}
