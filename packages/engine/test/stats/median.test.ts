import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { median } from '../../src/stats/median.js';
import { NA } from '../approx.js';

describe('median', () => {
  test('odd count: the middle of the sorted values', () => {
    // sorted 1, 3, 9 -> 3
    assert.equal(median([9, 1, 3]), 3);
  });

  test('even count: the mean of the two middle values (R type 7 at 0.5)', () => {
    // sorted 1, 3, 4, 10 -> (3 + 4) / 2 = 3.5
    assert.equal(median([10, 3, 1, 4]), 3.5);
  });

  test('sorts numerically, not as strings', () => {
    // sorted -5, 2, 10, 100 -> (2 + 10) / 2 = 6 (string order "-5","10","100","2" would give 55)
    assert.equal(median([100, 2, -5, 10]), 6);
  });

  test('skips missing values', () => {
    // present 5, 1, 9 -> 5
    assert.equal(median([NA, 5, NA, 1, 9]), 5);
  });

  test('ties and constant series', () => {
    assert.equal(median([2, 2, 7]), 2);
    assert.equal(median([4, 4, 4, 4]), 4);
  });

  test('a single value is its own median', () => {
    assert.equal(median([NA, -3]), -3);
  });

  test('empty and all-missing give NaN', () => {
    assert.ok(Number.isNaN(median([])));
    assert.ok(Number.isNaN(median([NA, NA])));
  });

  test('does not reorder its input', () => {
    const x = [3, 1, 2];
    median(x);
    assert.deepEqual(x, [3, 1, 2]);
  });
});
