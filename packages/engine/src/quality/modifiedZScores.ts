import { mean } from '../stats/mean.js';
import { median } from '../stats/median.js';
import { presentValues } from '../stats/present.js';

/** 0.6745 = the 0.75 quantile of the standard normal: MAD * 1.4826 estimates sigma. */
export const madConstant = 0.6745;
/** sqrt(pi / 2) = 1.253314: the mean absolute deviation * 1.2533 estimates sigma. */
export const meanAbsoluteDeviationConstant = 1.253314;

/**
 * Modified z-scores (Iglewicz and Hoaglin, 1993): M = 0.6745 (x - median) / MAD, where MAD is the
 * median absolute deviation from the median of the present values. When more than half the values
 * are equal the MAD is 0; then M = (x - median) / (1.253314 * MeanAD) with the mean absolute
 * deviation (as IBM SPSS does), and when that too is 0 (every value equal) every M is 0. Missing
 * values (NaN) stay missing and do not count.
 */
export function modifiedZScores(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length).fill(Number.NaN);
  const present = presentValues(values);
  if (present.length === 0) return out;
  const centre = median(present);
  const deviations = present.map((v) => Math.abs(v - centre));
  const mad = median(deviations);
  const meanAd = mean(deviations);
  const scale =
    mad > 0 ? mad / madConstant : meanAd > 0 ? meanAbsoluteDeviationConstant * meanAd : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    out[i] = scale > 0 ? (v - centre) / scale : 0;
  }
  return out;
}
