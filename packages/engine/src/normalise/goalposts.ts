import { mapValues } from '../stats/mapValues.js';
/**
 * Goalposts (COINr `n_goalposts`): y = (x - lower) / (upper - lower), clipped to [0, 1], times
 * `scale`. The bounds are fixed in advance, so scores are comparable across periods.
 */
export function goalposts(
  values: ArrayLike<number>,
  lower: number,
  upper: number,
  scale = 100,
): Float64Array {
  const span = upper - lower;
  return mapValues(values, (x) => {
    if (Number.isNaN(x) || !(span > 0)) return Number.NaN;
    const y = (x - lower) / span;
    return (y < 0 ? 0 : y > 1 ? 1 : y) * scale;
  });
}
