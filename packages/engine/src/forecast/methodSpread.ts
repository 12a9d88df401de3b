import { argsort } from '../stats/argsort.js';

/**
 * Each unit's method uncertainty in score points, from the rank intervals the uncertainty analysis
 * gives (5th and 95th percentile ranks over its runs of weights and methods): the rank's spread,
 * (p95 - p05) / 3.29 (the width of a normal's 90% range in standard deviations), times the local
 * spacing of the scores around the unit, the mean gap between the scores `k` places above and below
 * it. A unit whose rank never moves gets 0; a unit without a score or an interval gets 0 too.
 * Used as `method_sd` by `forecastIndex`, so that next period's rank odds carry both the trend's
 * uncertainty and the choice of weights and methods.
 */
export function methodSpread(
  scores: readonly number[],
  p05: readonly (number | null)[],
  p95: readonly (number | null)[],
  k = 2,
): number[] {
  const n = scores.length;
  // Units with a score, highest first.
  const order = Array.from(argsort(scores))
    .filter((i) => Number.isFinite(scores[i] as number))
    .reverse();
  const place = new Map<number, number>();
  order.forEach((unit, p) => {
    place.set(unit, p);
  });
  const spread = new Array<number>(n).fill(0);
  if (order.length < 2) return spread;
  for (let unit = 0; unit < n; unit++) {
    const p = place.get(unit);
    const lo = p05[unit];
    const hi = p95[unit];
    if (p === undefined || lo === null || hi === null || lo === undefined || hi === undefined)
      continue;
    const above = order[Math.max(0, p - k)] as number;
    const below = order[Math.min(order.length - 1, p + k)] as number;
    const places = Math.min(order.length - 1, p + k) - Math.max(0, p - k);
    const gap = ((scores[above] as number) - (scores[below] as number)) / places;
    spread[unit] = (Math.max(0, hi - lo) / 3.29) * gap;
  }
  return spread;
}
