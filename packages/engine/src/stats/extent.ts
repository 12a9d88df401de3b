/** [min, max] of the present values; [NaN, NaN] when none is present (d3-array's extent). */
export function extent(values: ArrayLike<number>): [number, number] {
  let min = Number.NaN;
  let max = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(min) || v < min) min = v;
    if (Number.isNaN(max) || v > max) max = v;
  }
  return [min, max];
}
