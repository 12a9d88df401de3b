import { presentValues } from './present.js';

/**
 * Sample excess kurtosis, type 2 (e1071::kurtosis type 2, Excel's KURT, COINr's `kurt`):
 * r = n sum(d^4) / sum(d^2)^2, G2 = ((n + 1)(r - 3) + 6)(n - 1) / ((n - 2)(n - 3)), d = x - mean.
 * NaN with fewer than 4 present values or zero variance.
 */
export function sampleExcessKurtosis(values: ArrayLike<number>): number {
  const x = presentValues(values);
  const n = x.length;
  if (n < 4) return Number.NaN;
  // Equal values have no spread (their mean may miss them by a rounding error: 3 x 3.3).
  if (x.every((v) => v === x[0])) return Number.NaN;
  let m = 0;
  for (const v of x) m += v;
  m /= n;
  let s2 = 0;
  let s4 = 0;
  for (const v of x) {
    const d2 = (v - m) * (v - m);
    s2 += d2;
    s4 += d2 * d2;
  }
  if (s2 === 0) return Number.NaN;
  const r = (n * s4) / (s2 * s2);
  return (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
