import { mapValues } from '../stats/mapValues.js';
import { presentValues } from '../stats/present.js';

/**
 * Rank normalisation (COINr `n_rank`, R's `rank(x, ties.method = "min")`): the lowest value
 * scores 1, and tied values share the lowest of their ranks. Missing values stay missing.
 */
export function rankScores(values: ArrayLike<number>): Float64Array {
  const sorted = presentValues(values).sort();
  return mapValues(values, (x) => (!Number.isNaN(x) ? lowerBound(sorted, x) + 1 : Number.NaN));
}

/** Number of elements of ascending `sorted` that are strictly less than `x`. */
export function lowerBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of elements of ascending `sorted` that are less than or equal to `x`. */
export function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
