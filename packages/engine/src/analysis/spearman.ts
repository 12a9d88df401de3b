import { averageRanks } from './averageRanks.js';
import { pearson } from './pearson.js';

/**
 * Spearman's rank correlation over the pairs where both values are present: Pearson's r of the
 * values' ranks, ties given their average rank (as R's `cor(method = "spearman")`).
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (!Number.isNaN(x[i]) && !Number.isNaN(y[i])) keep.push(i);
  const xs = keep.map((i) => x[i] as number);
  const ys = keep.map((i) => y[i] as number);
  return pearson(averageRanks(xs), averageRanks(ys));
}
