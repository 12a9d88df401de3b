/**
 * Places gained since the previous period: previous rank - current rank, so moving from 58th to
 * 48th is +10 ("up 10 places") and a fall is negative. NaN when either rank is missing.
 */
export function rankChange(current: ArrayLike<number>, previous: ArrayLike<number>): Float64Array {
  return Float64Array.from(current, (r, i) => (previous[i] as number) - r);
}
