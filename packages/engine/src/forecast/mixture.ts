import { type Predictive, predictiveQuantile, probabilityOfReaching } from './predictive.js';

/** A weighted combination of models' predictive distributions (weights sum to 1). */
export type Mixture = readonly { predictive: Predictive; weight: number }[];

/** P(value <= x) under the mixture. */
function mixtureCdf(mixture: Mixture, x: number): number {
  let p = 0;
  for (const { predictive, weight } of mixture)
    p += weight * (1 - probabilityOfReaching(predictive, x, 1));
  return p;
}

/** The probability of reaching `x` in `direction` under the mixture: the weighted probabilities. */
export function mixtureProbability(mixture: Mixture, x: number, direction: 1 | -1): number {
  let p = 0;
  for (const { predictive, weight } of mixture)
    p += weight * probabilityOfReaching(predictive, x, direction);
  return Math.min(1, Math.max(0, p));
}

/**
 * The q-quantile of the mixture. It lies between the components' own q-quantiles, so the search
 * starts from that bracket and narrows it by the Illinois variant of regula falsi (Dowell and
 * Jarratt 1971), which converges in a few steps on a smooth distribution function, to 1e-9 of the
 * bracket (or a distribution function within 1e-12 of q). Looser stops saved little time and let
 * the quantiles of a nearly exact series (a step-like distribution) fall out of order.
 */
export function mixtureQuantile(mixture: Mixture, q: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  // The weighted mean of the components' quantiles: a first guess that is usually close.
  let guess = 0;
  // The models of one series share their degrees of freedom: one t quantile serves them all.
  const tq = new Map<number, number>();
  for (const { predictive, weight } of mixture) {
    // A model without weight takes no part (its quantile would only widen the bracket).
    if (!(weight > 0)) continue;
    const v = predictiveQuantile(predictive, q, tq);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    guess += weight * v;
  }
  if (!(hi > lo)) return lo;
  const tolerance = 1e-9 * (hi - lo);
  const fguess = mixtureCdf(mixture, guess) - q;
  if (Math.abs(fguess) < 1e-12) return guess;
  let flo: number;
  let fhi: number;
  if (fguess < 0) {
    lo = guess;
    flo = fguess;
    fhi = mixtureCdf(mixture, hi) - q;
    if (fhi <= 0) return hi;
  } else {
    hi = guess;
    fhi = fguess;
    flo = mixtureCdf(mixture, lo) - q;
    if (flo >= 0) return lo;
  }
  let side = 0;
  for (let i = 0; i < 100 && hi - lo > tolerance; i++) {
    const x = (lo * fhi - hi * flo) / (fhi - flo);
    const fx = mixtureCdf(mixture, x) - q;
    if (Math.abs(fx) < 1e-12) return x;
    if (fx < 0) {
      lo = x;
      flo = fx;
      if (side === -1) fhi /= 2;
      side = -1;
    } else {
      hi = x;
      fhi = fx;
      if (side === 1) flo /= 2;
      side = 1;
    }
  }
  return (lo + hi) / 2;
}
