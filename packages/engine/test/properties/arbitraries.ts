import fc from 'fast-check';

/** Settings shared by every property: a fixed seed, so a run is reproducible. */
export const runs = { seed: 42, numRuns: 200 } as const;

/** A finite double within +-1e6 (no NaN, no infinity). */
export const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** A non-negative finite double up to 1e6. */
export const nonNegative = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** A value or, one time in four, a missing one (NaN). */
export const maybeMissing = <T extends number>(arb: fc.Arbitrary<T>): fc.Arbitrary<number> =>
  fc.option(arb, { nil: Number.NaN, freq: 4 });

/** Scores with frequent ties: small integers or halves, sometimes missing. */
export const tiedScore = maybeMissing(
  fc.oneof(
    fc.integer({ min: -5, max: 5 }),
    fc.integer({ min: -20, max: 20 }).map((k) => k / 2),
  ),
);

/** A positive weight, bounded away from zero. */
export const weight = fc.double({ min: 0.01, max: 100, noNaN: true, noDefaultInfinity: true });

/** Present values of `values` (the NaN-free ones). */
export const present = (values: ArrayLike<number>): number[] =>
  Array.from(values).filter((v) => !Number.isNaN(v));
