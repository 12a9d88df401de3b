import { presentValues } from './present.js';

/**
 * Sample skewness, type 2 (e1071::skewness type 2, Excel's SKEW, COINr's `skew`):
 * g1 = sqrt(n) * sum(d^3) / sum(d^2)^(3/2), G1 = g1 * sqrt(n (n - 1)) / (n - 2), d = x - mean.
 * NaN with fewer than 3 present values or zero variance.
 */
export function sampleSkewness(values: ArrayLike<number>): number {
  const x = presentValues(values);
  const n = x.length;
  if (n < 3) return Number.NaN;
  // Equal values have no spread (their mean may miss them by a rounding error: 3 x 3.3).
  if (x.every((v) => v === x[0])) return Number.NaN;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let s2 = 0;
  let s3 = 0;
  for (const v of x) {
    const d = v - m;
    s2 += d * d;
    s3 += d * d * d;
  }
  if (s2 === 0) return Number.NaN;
  const g1 = (Math.sqrt(n) * s3) / s2 ** 1.5;
  return (g1 * Math.sqrt(n * (n - 1))) / (n - 2);
}
