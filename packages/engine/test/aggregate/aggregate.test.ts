import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregate } from '../../src/aggregate/aggregate.js';
import type { AggregateSpec } from '../../src/aggregate/spec.js';
import { assertClose, NA } from '../approx.js';

const spec = (method: 'arithmetic' | 'geometric' | 'harmonic', data_threshold = 0) =>
  ({ method, data_threshold }) as AggregateSpec;

describe('aggregate: dispatch', () => {
  const values = [1, 4, 16];
  const weights = [1, 1, 1];

  test('arithmetic', () => {
    // (1 + 4 + 16) / 3 = 7
    assertClose(aggregate(values, weights, spec('arithmetic')), 7);
  });

  test('geometric', () => {
    // 64^(1/3) = 4
    assertClose(aggregate(values, weights, spec('geometric')), 4);
  });

  test('harmonic', () => {
    // 3 / (1 + 0.25 + 0.0625) = 3 / 1.3125 = 16/7
    assertClose(aggregate(values, weights, spec('harmonic')), 16 / 7);
  });

  test('generalised with its p', () => {
    // p = 2: sqrt((1 + 16 + 256) / 3) = sqrt(91)
    assertClose(
      aggregate(values, weights, { method: 'generalised', p: 2, data_threshold: 0 }),
      Math.sqrt(91),
    );
  });
});

describe('aggregate: data-availability threshold', () => {
  // two of four children present: share 0.5; (10 + 40) / 2 = 25
  const values = [10, NA, NA, 40];
  const weights = [1, 1, 1, 1];

  test('no threshold: missing children are left out', () => {
    assertClose(aggregate(values, weights, spec('arithmetic')), 25);
  });

  test('a share equal to the threshold is enough', () => {
    assertClose(aggregate(values, weights, spec('arithmetic', 0.5)), 25);
  });

  test('a share below the threshold gives a missing aggregate, for every method', () => {
    for (const method of ['arithmetic', 'geometric', 'harmonic'] as const) {
      assert.ok(Number.isNaN(aggregate(values, weights, spec(method, 0.6))), method);
    }
    assert.ok(
      Number.isNaN(
        aggregate(values, weights, { method: 'generalised', p: 2, data_threshold: 0.75 }),
      ),
    );
  });

  test('threshold 1 needs every child', () => {
    assert.ok(Number.isNaN(aggregate([1, NA], [1, 1], spec('arithmetic', 1))));
    assertClose(aggregate([1, 3], [1, 1], spec('arithmetic', 1)), 2);
  });

  test('all children missing is missing, with or without a threshold', () => {
    assert.ok(Number.isNaN(aggregate([NA, NA], [1, 1], spec('arithmetic'))));
    assert.ok(Number.isNaN(aggregate([NA, NA], [1, 1], spec('geometric', 0.5))));
  });
});
