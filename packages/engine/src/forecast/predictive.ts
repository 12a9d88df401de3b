import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * A forecast's predictive distribution at one time: location + scale * T(df), a Student t, on the
 * model's scale: the logarithm of the value when `log` (its quantiles are then exponentiated), the
 * value itself otherwise. A scale of 0 is a certain value (a perfectly regular series).
 */
export interface Predictive {
  location: number;
  scale: number;
  df: number;
  log: boolean;
}

/**
 * The q-quantile of the value (0 < q < 1). `known` keeps the t quantiles already found, by degrees
 * of freedom, for a caller asking the same q of several distributions.
 */
export function predictiveQuantile(p: Predictive, q: number, known?: Map<number, number>): number {
  let x = p.location;
  // The t distribution is symmetric: its median is its location (and costs no quantile search).
  if (p.scale > 0 && q !== 0.5) {
    let t = known?.get(p.df);
    if (t === undefined) {
      t = tQuantile(q, p.df);
      known?.set(p.df, t);
    }
    x += p.scale * t;
  }
  return p.log ? Math.exp(x) : x;
}

/** The median of the value: the point forecast. */
export function predictiveMedian(p: Predictive): number {
  return predictiveQuantile(p, 0.5);
}

/**
 * The probability that the value is at least `x` (direction 1) or at most `x` (direction -1). For a
 * certain value it is 1 or 0, allowing for the rounding of decimal fractions.
 */
export function probabilityOfReaching(p: Predictive, x: number, direction: 1 | -1): number {
  let at: number;
  if (p.log) {
    // A log-scale value is positive: it always exceeds a threshold at or below zero.
    if (x <= 0) return direction === 1 ? 1 : 0;
    at = Math.log(x);
  } else at = x;
  if (!(p.scale > 0)) {
    const tolerance = 1e-9 * Math.max(1, Math.abs(at), Math.abs(p.location));
    return direction * (p.location - at) >= -tolerance ? 1 : 0;
  }
  const below = tCdf((at - p.location) / p.scale, p.df);
  return direction === 1 ? 1 - below : below;
}
