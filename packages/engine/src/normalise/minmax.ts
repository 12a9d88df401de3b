import { extent } from '../stats/extent.js';
import { mapValues } from '../stats/mapValues.js';

/**
 * Min-max normalisation to [l, u] (COINr `n_minmax`): y = (x - min) / (max - min) * (u - l) + l.
 * An indicator with no spread (max = min) carries no information and scores missing (NaN), as
 * in COINr (0/0); missing values stay missing.
 */
export function minmax(
  values: ArrayLike<number>,
  range: readonly [number, number] = [0, 100],
): Float64Array {
  const [l, u] = range;
  const [min, max] = extent(values);
  const span = max - min;
  return mapValues(values, (x) => (span > 0 ? ((x - min) / span) * (u - l) + l : Number.NaN));
}
