import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { quantileSorted } from '../stats/quantile.js';
import { sobolIndices } from './sobolIndices.js';

/** Percentile bootstrap confidence intervals of each input's indices. */
export interface SobolIntervals {
  firstOrderLow: Float64Array;
  firstOrderHigh: Float64Array;
  totalOrderLow: Float64Array;
  totalOrderHigh: Float64Array;
}

/**
 * Bootstrap confidence intervals for `sobolIndices`: `resamples` times, N rows drawn with
 * replacement (the same rows for A, B and every AB^(i), which keeps their pairing) and the indices
 * recomputed; the interval is the (1 - level)/2 and (1 + level)/2 quantiles (R type 7) of the
 * resampled indices (the percentile bootstrap, Efron and Tibshirani 1993; as in Saltelli et al.
 * 2008, and COINr's `get_sensitivity`). Resamples with an undefined index are left out of it.
 * `rng` is consumed: pass a seeded generator for reproducible intervals.
 */
export function bootstrapSobol(
  fA: ArrayLike<number>,
  fB: ArrayLike<number>,
  fAB: readonly ArrayLike<number>[],
  rng: RandomGenerator,
  resamples = 1000,
  level = 0.95,
): SobolIntervals {
  const n = fA.length;
  const d = fAB.length;
  const first = fAB.map(() => new Float64Array(resamples));
  const total = fAB.map(() => new Float64Array(resamples));
  const rows = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) rows[j] = Math.floor(uniformFloat64(rng) * n);
    const s = sobolIndices(fA, fB, fAB, rows);
    for (let i = 0; i < d; i++) {
      (first[i] as Float64Array)[b] = s.firstOrder[i] as number;
      (total[i] as Float64Array)[b] = s.totalOrder[i] as number;
    }
  }
  const lo = (1 - level) / 2;
  const hi = (1 + level) / 2;
  const bounds = (samples: Float64Array[], p: number) =>
    Float64Array.from(samples, (x) => quantileSorted(x.filter((v) => !Number.isNaN(v)).sort(), p));
  return {
    firstOrderLow: bounds(first, lo),
    firstOrderHigh: bounds(first, hi),
    totalOrderLow: bounds(total, lo),
    totalOrderHigh: bounds(total, hi),
  };
}
