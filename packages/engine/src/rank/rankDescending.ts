import { argsort } from '../stats/argsort.js';

/**
 * Competition ranks, highest score first: rank = 1 + the number of scores strictly greater, so
 * ties share the best rank and the next rank skips ("1, 2, 2, 4"; R's
 * `rank(-x, ties.method = "min")`). A missing score has no rank (NaN).
 */
export function rankDescending(scores: ArrayLike<number>): Float64Array {
  const order = argsort(scores);
  const n = order.length;
  const ranks = new Float64Array(scores.length).fill(Number.NaN);
  let rank = 0;
  let previous = Number.NaN;
  // From the highest score down; a run of equal scores shares the rank of its first member.
  for (let j = n - 1; j >= 0; j--) {
    const at = order[j] as number;
    const v = scores[at] as number;
    if (v !== previous) rank = n - j;
    ranks[at] = rank;
    previous = v;
  }
  return ranks;
}
