import { mapValues } from '../stats/mapValues.js';
import { mean } from '../stats/mean.js';
import { sampleStandardDeviation } from '../stats/sampleVariance.js';

/**
 * Z-scores with a target mean and standard deviation (COINr `n_zscore`):
 * y = (x - mean(x)) / sd(x) * sd + mean, with the sample standard deviation (n - 1).
 * No spread (sd = 0) or fewer than two values gives missing scores.
 */
export function zscore(values: ArrayLike<number>, targetMean = 0, targetSd = 1): Float64Array {
  const m = mean(values);
  const sd = sampleStandardDeviation(values);
  return mapValues(values, (x) => (sd > 0 ? ((x - m) / sd) * targetSd + targetMean : Number.NaN));
}
