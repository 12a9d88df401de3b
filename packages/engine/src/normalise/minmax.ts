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
  return mapValues(values, (x) => {
    if (!(span > 0)) return Number.NaN;
    const y = ((x - min) / span) * (u - l) + l;
    // (u - l) + l can round past u (range [-88.98, 4.15] gave 4.150000000000006 for the max);
    // it cannot fall below l, as (x - min) / span >= 0.
    return y > u ? u : y;
  });
}
