import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { combineElement } from '../../src/index.js';

const NaN_ = Number.NaN;

test('sum: the total of the parts, missing when a part is missing', () => {
  // Ha Giang 0.9 M + Tuyen Quang 0.8 M people = 1.7 M in the merged Tuyen Quang.
  assert.equal(combineElement('sum', [900_000, 800_000]), 1_700_000);
  assert.ok(Number.isNaN(combineElement('sum', [900_000, NaN_])));
});

test('weighted mean: a share of the merged whole, parts without a value or weight left out', () => {
  // 60% of 900k and 80% of 100k people: (540k + 80k) / 1M = 62%.
  assert.equal(combineElement('weighted_mean', [60, 80], [900_000, 100_000]), 62);
  assert.equal(combineElement('weighted_mean', [60, NaN_, 80], [900_000, 5e5, 100_000]), 62);
  assert.equal(combineElement('weighted_mean', [60, 70], [900_000, NaN_]), 60);
  assert.ok(Number.isNaN(combineElement('weighted_mean', [NaN_, 70], [1, 0])));
  assert.throws(() => combineElement('weighted_mean', [1]), /needs weights/);
});

test('mean, min and max of the values present; nothing present is missing', () => {
  assert.equal(combineElement('mean', [2, NaN_, 4]), 3);
  assert.equal(combineElement('min', [2, NaN_, -4]), -4);
  assert.equal(combineElement('max', [2, NaN_, -4]), 2);
  for (const rule of ['mean', 'min', 'max', 'sum', 'weighted_mean'] as const) {
    assert.ok(Number.isNaN(combineElement(rule, [], [])), rule);
  }
  assert.ok(Number.isNaN(combineElement('mean', [NaN_, NaN_])));
});

test('properties: means lie between min and max; a weighted mean with equal weights is the mean', () => {
  const value = fc.double({ noNaN: true, min: -1e6, max: 1e6 });
  fc.assert(
    fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
      const lo = combineElement('min', values);
      const hi = combineElement('max', values);
      const mean = combineElement('mean', values);
      const tol = 1e-9 * Math.max(1, Math.abs(lo), Math.abs(hi));
      assert.ok(mean >= lo - tol && mean <= hi + tol);
      const weighted = combineElement(
        'weighted_mean',
        values,
        values.map(() => 7),
      );
      assert.ok(Math.abs(weighted - mean) <= tol);
    }),
  );
});
