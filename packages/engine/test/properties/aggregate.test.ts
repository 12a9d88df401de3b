import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { aggregate } from '../../src/aggregate/aggregate.js';
import { arithmeticMean } from '../../src/aggregate/arithmeticMean.js';
import { generalisedMean } from '../../src/aggregate/generalisedMean.js';
import { geometricMean } from '../../src/aggregate/geometricMean.js';
import { harmonicMean } from '../../src/aggregate/harmonicMean.js';
import { maybeMissing, nonNegative, present, runs, value, weight } from './arbitraries.js';

/** Children with their weights: equal lengths, at least one child present. */
const children = (score: fc.Arbitrary<number>) =>
  fc
    .array(fc.tuple(maybeMissing(score), weight), { minLength: 1, maxLength: 12 })
    .filter((pairs) => pairs.some(([v]) => !Number.isNaN(v)))
    .map((pairs) => ({ values: pairs.map(([v]) => v), weights: pairs.map(([, w]) => w) }));

/** Asserts lo <= result <= hi over the present values, to 1e-9 relative to their magnitude. */
function assertBetween(result: number, values: number[], what: string): void {
  const kept = present(values);
  const lo = Math.min(...kept);
  const hi = Math.max(...kept);
  const tol = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
  assert.ok(result >= lo - tol && result <= hi + tol, `${what} ${result} outside [${lo}, ${hi}]`);
}

// The generalised mean is tested at practical orders (|p| >= 0.1, and 0): its formula
// (sum w x^p / sum w)^(1/p), as COINr's, loses accuracy as p approaches 0 from either side.
const order = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0.1, max: 4, noNaN: true }),
  fc.double({ min: -4, max: -0.1, noNaN: true }),
);

test('the weighted arithmetic mean lies between the min and max of the present children', () => {
  fc.assert(
    fc.property(children(value), ({ values, weights }) => {
      assertBetween(arithmeticMean(values, weights), values, 'arithmetic');
    }),
    runs,
  );
});

test('weighted geometric and harmonic means of non-negative children lie between min and max', () => {
  fc.assert(
    fc.property(children(nonNegative), ({ values, weights }) => {
      assertBetween(geometricMean(values, weights), values, 'geometric');
      assertBetween(harmonicMean(values, weights), values, 'harmonic');
    }),
    runs,
  );
});

test('the weighted generalised mean of non-negative children lies between min and max', () => {
  fc.assert(
    fc.property(children(nonNegative), order, ({ values, weights }, p) => {
      assertBetween(generalisedMean(values, weights, p), values, `generalised p=${p}`);
    }),
    runs,
  );
});

test('harmonic <= geometric <= arithmetic (within rounding)', () => {
  fc.assert(
    fc.property(children(nonNegative), ({ values, weights }) => {
      const a = arithmeticMean(values, weights);
      const g = geometricMean(values, weights);
      const h = harmonicMean(values, weights);
      const tol = 1e-9 * Math.max(1, a);
      assert.ok(h <= g + tol && g <= a + tol, `h ${h}, g ${g}, a ${a}`);
    }),
    runs,
  );
});

test('aggregate with every method and no threshold lies between min and max', () => {
  fc.assert(
    fc.property(children(nonNegative), order, ({ values, weights }, p) => {
      for (const method of ['arithmetic', 'geometric', 'harmonic'] as const) {
        assertBetween(aggregate(values, weights, { method, data_threshold: 0 }), values, method);
      }
      const spec = { method: 'generalised', p, data_threshold: 0 } as const;
      assertBetween(aggregate(values, weights, spec), values, 'generalised');
    }),
    runs,
  );
});
