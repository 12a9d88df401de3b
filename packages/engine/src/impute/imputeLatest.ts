/**
 * Fills each missing value with the unit's most recent earlier value ("last observation carried
 * forward"). `earlier` holds the same series in earlier periods, most recent first; a unit with
 * no earlier value stays missing.
 */
export function imputeLatest(
  values: ArrayLike<number>,
  earlier: readonly ArrayLike<number>[],
): Float64Array {
  const out = Float64Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isNaN(out[i])) continue;
    for (const past of earlier) {
      const v = past[i] as number;
      if (!Number.isNaN(v)) {
        out[i] = v;
        break;
      }
    }
  }
  return out;
}
