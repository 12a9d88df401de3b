import { pairedMoments } from '../stats/pairedMoments.js';

/**
 * Pearson's correlation coefficient over the pairs where both values are present:
 * r = sum(dx dy) / sqrt(sum(dx^2) sum(dy^2)). NaN with fewer than two pairs or no variance.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { n, sxy, sxx, syy } = pairedMoments(x, y);
  if (n < 2) return Number.NaN;
  const d = Math.sqrt(sxx * syy);
  return d > 0 ? sxy / d : Number.NaN;
}
