import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { argsort } from '../../src/stats/argsort.js';

/** The reference: a stable comparison sort of the present positions, -0 just before +0. */
function reference(values: readonly number[]): number[] {
  const positiveZero = (v: number) => (Object.is(v, -0) ? 0 : 1);
  return values
    .map((v, i) => [v, i] as const)
    .filter(([v]) => !Number.isNaN(v))
    .sort((a, b) => {
      const d = a[0] - b[0];
      return d !== 0 ? d : positiveZero(a[0]) - positiveZero(b[0]);
    })
    .map(([, i]) => i);
}

const value = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, -Number.MAX_VALUE),
  fc.double(),
  fc.integer({ min: -3, max: 3 }),
);

// Both sides of the small-input threshold (insertion sort up to 64 values, radix sort beyond).
for (const [name, min, max] of [
  ['small inputs', 0, 64],
  ['large inputs', 65, 300],
] as const) {
  test(`argsort: a stable ascending order of the present values (${name})`, () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: min, maxLength: max }), (values) => {
        assert.deepEqual(Array.from(argsort(values)), reference(values));
      }),
      { numRuns: 300 },
    );
  });
}
