import { sampleVariance } from '../stats/sampleVariance.js';

/**
 * Cronbach's alpha of k items (e.g. an aggregate's children) over the units where every item is
 * present (COINr `get_cronbach`): alpha = k / (k - 1) * (1 - sum(var(item)) / var(sum of items)),
 * sample variances. NaN with fewer than two items, fewer than two complete units, or no variance.
 */
export function cronbachAlpha(items: readonly ArrayLike<number>[]): number {
  const k = items.length;
  if (k < 2) return Number.NaN;
  const n = items[0]?.length ?? 0;
  const complete: number[] = [];
  for (let u = 0; u < n; u++) if (items.every((item) => !Number.isNaN(item[u]))) complete.push(u);
  if (complete.length < 2) return Number.NaN;
  let itemVariance = 0;
  for (const item of items) itemVariance += sampleVariance(complete.map((u) => item[u] as number));
  const totals = complete.map((u) => items.reduce((s, item) => s + (item[u] as number), 0));
  const totalVariance = sampleVariance(totals);
  return totalVariance > 0 ? (k / (k - 1)) * (1 - itemVariance / totalVariance) : Number.NaN;
}
