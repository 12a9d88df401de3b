/**
 * Fills each missing value with the mean of the present values of units in the same group
 * (COINr `i_mean_grp`). `groups[i]` is unit i's group number, or -1 for a unit without a group,
 * whose missing value stays missing; so does one whose whole group is missing.
 */
export function imputeGroupMean(
  values: ArrayLike<number>,
  groups: ArrayLike<number>,
): Float64Array {
  const sums = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const g = groups[i] as number;
    if (Number.isNaN(v) || g < 0) continue;
    sums.set(g, (sums.get(g) ?? 0) + v);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isNaN(out[i])) continue;
    const g = groups[i] as number;
    const n = counts.get(g);
    if (g >= 0 && n) out[i] = (sums.get(g) as number) / n;
  }
  return out;
}
