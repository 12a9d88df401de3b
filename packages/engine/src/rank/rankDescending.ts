import { presentValues } from '../stats/present.js';

/**
 * Competition ranks, highest score first: rank = 1 + the number of scores strictly greater, so
 * ties share the best rank and the next rank skips ("1, 2, 2, 4"; R's
 * `rank(-x, ties.method = "min")`). A missing score has no rank (NaN).
 */
export function rankDescending(scores: ArrayLike<number>): Float64Array {
  // One native typed-array sort, then one pass from the top assigns each distinct score its rank:
  // about twice as fast as a binary search per unit on the 10,000-unit columns of a run.
  const sorted = presentValues(scores).sort();
  const n = sorted.length;
  const rankOf = new Map<number, number>();
  for (let j = n - 1; j >= 0; j--) {
    const v = sorted[j] as number;
    if (j === n - 1 || v !== sorted[j + 1]) rankOf.set(v, n - j);
  }
  const ranks = new Float64Array(scores.length);
  for (let i = 0; i < ranks.length; i++) {
    const x = scores[i] as number;
    ranks[i] = !Number.isNaN(x) ? (rankOf.get(x) as number) : Number.NaN;
  }
  return ranks;
}
