import { upperBound } from '../normalise/rankScores.js';
import { presentValues } from '../stats/present.js';

/**
 * Competition ranks, highest score first: rank = 1 + the number of scores strictly greater, so
 * ties share the best rank and the next rank skips ("1, 2, 2, 4"; R's
 * `rank(-x, ties.method = "min")`). A missing score has no rank (NaN).
 */
export function rankDescending(scores: ArrayLike<number>): Float64Array {
  const sorted = presentValues(scores).sort();
  const n = sorted.length;
  return Float64Array.from(scores, (x) => (x === x ? n - upperBound(sorted, x) + 1 : Number.NaN));
}
