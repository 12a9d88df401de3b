/** How a data element's values of several units combine into one (a merged unit's value). */
export const elementAggregations = ['sum', 'mean', 'weighted_mean', 'min', 'max'] as const;
export type ElementAggregation = (typeof elementAggregations)[number];

/**
 * The value of a unit formed from others (a merged province) from its predecessors' values of one
 * data element, by the element's aggregation rule:
 * - `sum` (population, enterprises): the total; missing if any part is missing, since a partial
 *   total would understate the whole;
 * - `mean`: the mean of the values present;
 * - `weighted_mean` (shares, rates): sum(w v) / sum(w) over the parts with both a value and a
 *   positive weight (e.g. population), so a share is the share of the merged whole;
 * - `min`, `max`: of the values present.
 * NaN marks a missing value, in and out.
 */
export function combineElement(
  rule: ElementAggregation,
  values: ArrayLike<number>,
  weights?: ArrayLike<number>,
): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  switch (rule) {
    case 'sum': {
      let total = 0;
      for (let i = 0; i < n; i++) total += values[i] as number;
      return total;
    }
    case 'weighted_mean': {
      if (!weights) throw new TypeError('a weighted mean needs weights');
      let sum = 0;
      let weight = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        const w = weights[i] as number;
        if (Number.isNaN(v) || !(w > 0)) continue;
        sum += w * v;
        weight += w;
      }
      return weight > 0 ? sum / weight : Number.NaN;
    }
    default: {
      let count = 0;
      let acc = rule === 'min' ? Infinity : rule === 'max' ? -Infinity : 0;
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (Number.isNaN(v)) continue;
        count++;
        if (rule === 'mean') acc += v;
        else acc = rule === 'min' ? Math.min(acc, v) : Math.max(acc, v);
      }
      if (count === 0) return Number.NaN;
      return rule === 'mean' ? acc / count : acc;
    }
  }
}
