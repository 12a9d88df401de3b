import { mapValues } from '../stats/mapValues.js';
import { distanceToTarget } from './distanceToTarget.js';
import { goalposts } from './goalposts.js';
import { minmax } from './minmax.js';
import { rankScores } from './rankScores.js';
import type { NormaliseSpec } from './spec.js';
import { threshold } from './threshold.js';
import { zscore } from './zscore.js';

/**
 * Normalises one indicator's values with `spec`. An indicator with direction -1 (lower is better)
 * is multiplied by -1 first, as COINr does; parameters given in the indicator's units (goalposts,
 * target, threshold) are negated with it, so that e.g. goalposts [0, 10] on a lower-is-better
 * indicator score 0 at 10 and 100 at 0.
 */
export function normalise(
  values: ArrayLike<number>,
  spec: NormaliseSpec,
  direction: 1 | -1 = 1,
): Float64Array {
  const x = direction === 1 ? values : mapValues(values, (v) => -v);
  const d = direction;
  switch (spec.method) {
    case 'minmax':
      return minmax(x, spec.range);
    case 'zscore':
      return zscore(x, spec.mean, spec.sd);
    case 'goalposts':
      return d === 1
        ? goalposts(x, spec.lower, spec.upper, spec.scale)
        : goalposts(x, -spec.upper, -spec.lower, spec.scale);
    case 'rank':
      return rankScores(x);
    case 'distance-to-target':
      return distanceToTarget(x, d * spec.target, spec.cap, spec.scale);
    case 'threshold':
      return threshold(x, d * spec.threshold, spec.scale);
  }
}
