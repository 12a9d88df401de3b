import { sampleExcessKurtosis } from '../stats/sampleExcessKurtosis.js';
import { sampleSkewness } from '../stats/sampleSkewness.js';

export interface SkewKurtosisCheck {
  skewness: number;
  kurtosis: number;
  /** |skewness| < skewness threshold OR kurtosis < kurtosis threshold (COINr `check_SkewKurt`). */
  pass: boolean;
}

/**
 * The JRC outlier test: an indicator passes when |skewness| < `maxSkewness` or excess kurtosis
 * < `maxKurtosis` (both type 2). With fewer than 4 present values, or no variance, the statistics
 * are undefined and the indicator passes (there is nothing to treat).
 */
export function passesSkewKurtosis(
  values: ArrayLike<number>,
  maxSkewness = 2,
  maxKurtosis = 3.5,
): SkewKurtosisCheck {
  const skewness = sampleSkewness(values);
  const kurtosis = sampleExcessKurtosis(values);
  const pass = !(Math.abs(skewness) >= maxSkewness && kurtosis >= maxKurtosis);
  return { skewness, kurtosis, pass };
}
