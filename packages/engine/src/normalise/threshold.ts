import { mapValues } from '../stats/mapValues.js';
/**
 * Boolean / threshold scoring: `scale` when x >= threshold, else 0 (e.g. "has a community digital
 * technology team": 1 vs 0 with threshold 1). Missing values stay missing.
 */
export function threshold(values: ArrayLike<number>, limit: number, scale = 100): Float64Array {
  return mapValues(values, (x) => (Number.isNaN(x) ? Number.NaN : x >= limit ? scale : 0));
}
