import { pairedMoments } from '../stats/pairedMoments.js';

/**
 * Cronbach's alpha of k items (e.g. an aggregate's children), as COINr's `get_cronbach`:
 * alpha = k / (k - 1) * (1 - sum_i C_ii / sum_ij C_ij), where C is the sample covariance matrix
 * computed from pairwise-complete observations (R's `cov(use = "pairwise.complete.obs")`), so a
 * unit missing one item still counts for the others. NaN with fewer than two items or no variance.
 */
export function cronbachAlpha(items: readonly ArrayLike<number>[]): number {
  const k = items.length;
  if (k < 2) return Number.NaN;
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = pairwiseCovariance(items[i] as ArrayLike<number>, items[j] as ArrayLike<number>);
      if (Number.isNaN(c)) continue;
      if (i === j) {
        trace += c;
        total += c;
      } else total += 2 * c;
    }
  }
  return total > 0 ? (k / (k - 1)) * (1 - trace / total) : Number.NaN;
}

/** Sample covariance (n - 1) over the units where both values are present; NaN below two. */
function pairwiseCovariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const { n, sxy } = pairedMoments(x, y);
  return n < 2 ? Number.NaN : sxy / (n - 1);
}
