import { rankDescending } from './rankDescending.js';

/**
 * Ranks within peer groups (e.g. provinces within their region): each unit is ranked as by
 * `rankDescending` among the units of its own group. `groups[i]` is unit i's group number; a unit
 * with group -1, or a missing score, has no rank (NaN).
 */
export function rankWithinGroups(
  scores: ArrayLike<number>,
  groups: ArrayLike<number>,
): Float64Array {
  const members = new Map<number, number[]>();
  for (let i = 0; i < scores.length; i++) {
    const g = groups[i] as number;
    if (g < 0) continue;
    const list = members.get(g);
    if (list) list.push(i);
    else members.set(g, [i]);
  }
  const out = new Float64Array(scores.length).fill(Number.NaN);
  for (const list of members.values()) {
    const ranks = rankDescending(list.map((i) => scores[i] as number));
    list.forEach((unit, k) => {
      out[unit] = ranks[k] as number;
    });
  }
  return out;
}
