import { extent } from '../stats/extent.js';
import { mapValues } from '../stats/mapValues.js';

/**
 * COINr's `log_CT` transform: log(x - min + 0.01 (max - min)). It keeps the order of values and
 * compresses the high end; the shift keeps the argument positive. Constant input (or a single
 * value) gives NaN, as log 0 has no value, so callers treat only indicators that vary.
 */
export function logTransform(values: ArrayLike<number>): Float64Array {
  const [min, max] = extent(values);
  const shift = 0.01 * (max - min);
  // Without spread the argument is 0 and log gives -Infinity, not the missing value NaN.
  return mapValues(values, (v) => (shift > 0 ? Math.log(v - min + shift) : Number.NaN));
}
