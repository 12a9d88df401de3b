import { extent } from '../stats/extent.js';
import { mapValues } from '../stats/mapValues.js';

/**
 * Distance to target (COINr `n_dist2targ`, direction 1): y = (x - min) / (target - min) times
 * `scale`, capped at `scale` when `cap` (exceeding the target earns nothing more). A target at or
 * below the minimum leaves no distance to measure and gives missing scores.
 */
export function distanceToTarget(
  values: ArrayLike<number>,
  target: number,
  cap = true,
  scale = 100,
): Float64Array {
  const [min] = extent(values);
  const span = target - min;
  return mapValues(values, (x) => {
    if (!(span > 0)) return Number.NaN;
    const y = (x - min) / span;
    return (cap && y > 1 ? 1 : y) * scale;
  });
}
