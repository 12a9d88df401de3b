/**
 * The one missing-value policy of the engine: a value is missing when it is NaN.
 * Statistics skip missing values; a statistic of no present values is NaN (never an exception),
 * because in a pipeline an indicator may be entirely missing for a period.
 */
export function isPresent(value: number): boolean {
  return !Number.isNaN(value);
}

/** The present (non-NaN) values of `values`, in order. */
export function presentValues(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (isPresent(values[i] as number)) count++;
  const out = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (isPresent(v)) out[k++] = v;
  }
  return out;
}

/** Number of present values. */
export function countPresent(values: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (isPresent(values[i] as number)) count++;
  return count;
}
