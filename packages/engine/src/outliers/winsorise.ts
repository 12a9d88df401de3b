import { passesSkewKurtosis } from './passesSkewKurtosis.js';

export interface Winsorised {
  values: Float64Array;
  /** Positions of the treated points. */
  treated: number[];
  /** Which end was winsorised for each treated point. */
  side: ('high' | 'low')[];
  pass: boolean;
}

/**
 * Winsorisation as COINr's `winsorise`: while the indicator fails the skewness/kurtosis test and
 * fewer than `maxPoints` points are treated, the most extreme value on the side of the skew (the
 * maximum when skewness >= 0, else the minimum) is replaced by the next value inwards. Tied
 * extremes are treated together, so the count can pass `maxPoints` by the size of a tie.
 */
export function winsorise(
  values: ArrayLike<number>,
  maxPoints = 5,
  maxSkewness = 2,
  maxKurtosis = 3.5,
): Winsorised {
  const x = Float64Array.from(values);
  const sideOf = new Map<number, 'high' | 'low'>();
  let check = passesSkewKurtosis(x, maxSkewness, maxKurtosis);
  while (!check.pass && sideOf.size < maxPoints) {
    const high = check.skewness >= 0;
    let extreme = Number.NaN;
    for (const v of x)
      if (!Number.isNaN(v) && (Number.isNaN(extreme) || (high ? v > extreme : v < extreme)))
        extreme = v;
    let next = Number.NaN;
    for (const v of x)
      if (!Number.isNaN(v) && v !== extreme && (Number.isNaN(next) || (high ? v > next : v < next)))
        next = v;
    if (Number.isNaN(next)) break; // every present value is the same: nothing left to pull in
    for (let i = 0; i < x.length; i++) {
      if (x[i] === extreme) {
        x[i] = next;
        if (!sideOf.has(i)) sideOf.set(i, high ? 'high' : 'low');
      }
    }
    check = passesSkewKurtosis(x, maxSkewness, maxKurtosis);
  }
  const treated = [...sideOf.keys()].sort((a, b) => a - b);
  return {
    values: x,
    treated,
    side: treated.map((i) => sideOf.get(i) as 'high' | 'low'),
    pass: check.pass,
  };
}
