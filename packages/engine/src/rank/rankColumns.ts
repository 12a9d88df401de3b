import { rankDescending } from './rankDescending.js';

/**
 * Ranks columns of scores laid end to end (`length` values each, as a run lays out every node's
 * scores over units), columns `from` to `to` (exclusive): `rankDescending` of each. Returns the
 * ranks of just those columns, laid out alike. Taking a range lets callers share the columns
 * between threads.
 */
export function rankColumns(
  scores: Float64Array,
  length: number,
  from = 0,
  to = length > 0 ? scores.length / length : 0,
): Float64Array {
  const ranks = new Float64Array((to - from) * length);
  for (let c = from; c < to; c++) {
    ranks.set(rankDescending(scores.subarray(c * length, (c + 1) * length)), (c - from) * length);
  }
  return ranks;
}
