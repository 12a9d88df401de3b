import { presentValues } from './present.js';

/**
 * Quantile p of the present values, R type 7 (R's default, and d3's `quantile`):
 * h = (n - 1) p, Q = x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]) on sorted x.
 * NaN when none is present.
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  const sorted = presentValues(values).sort();
  return quantileSorted(sorted, p);
}

/** As `quantile`, for values already sorted ascending with no missing value. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 1)) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  return a + (h - lo) * ((sorted[lo + 1] as number) - a);
}
