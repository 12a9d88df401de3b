import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countPresent, isPresent, presentValues } from '../../src/stats/present.js';
import { NA } from '../approx.js';

describe('isPresent', () => {
  test('NaN is missing; every other number, zero and infinities included, is present', () => {
    assert.equal(isPresent(NA), false);
    assert.equal(isPresent(0), true);
    assert.equal(isPresent(-0), true);
    assert.equal(isPresent(-12.5), true);
    assert.equal(isPresent(Number.POSITIVE_INFINITY), true);
  });
});

describe('presentValues', () => {
  test('keeps present values in order, dropping NaN', () => {
    const out = presentValues([NA, 3, 0, NA, -1, NA]);
    assert.ok(out instanceof Float64Array);
    assert.deepEqual([...out], [3, 0, -1]);
  });

  test('empty, all-missing and nothing-missing input', () => {
    assert.equal(presentValues([]).length, 0);
    assert.equal(presentValues([NA, NA]).length, 0);
    assert.deepEqual([...presentValues(Float64Array.of(1, 2))], [1, 2]);
  });

  test('returns a copy', () => {
    const x = Float64Array.of(1, 2);
    const out = presentValues(x);
    out[0] = 99;
    assert.equal(x[0], 1);
  });
});

describe('countPresent', () => {
  test('counts non-NaN values', () => {
    assert.equal(countPresent([NA, 3, 0, NA, -1]), 3);
    assert.equal(countPresent([]), 0);
    assert.equal(countPresent([NA]), 0);
    assert.equal(countPresent(Float64Array.of(5)), 1);
  });
});
