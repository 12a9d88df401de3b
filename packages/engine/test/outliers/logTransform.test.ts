import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { logTransform } from '../../src/outliers/logTransform.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

// COINr's log_CT: log(x - min + 0.01 (max - min)).
describe('logTransform', () => {
  test('hand example 1, 2, 11', () => {
    // min 1, max 11, shift 0.01 * 10 = 0.1: log(0.1), log(1.1), log(10.1)
    assertAllClose(logTransform([1, 2, 11]), [Math.log(0.1), Math.log(1.1), Math.log(10.1)]);
  });

  test('negative values are shifted before the log', () => {
    // min -5, max 5, shift 0.1: log(0 + 0.1), log(5 + 0.1), log(10 + 0.1)
    assertAllClose(logTransform([-5, 0, 5]), [Math.log(0.1), Math.log(5.1), Math.log(10.1)]);
  });

  test('missing values stay missing and do not move min or max', () => {
    // min 10, max 20, shift 0.1
    assertAllClose(logTransform([NA, 10, 20, NA]), [NA, Math.log(0.1), Math.log(10.1), NA]);
  });

  test('keeps the order of values and compresses the high end', () => {
    const y = logTransform([1, 2, 3, 100]);
    assert.ok((y[0] as number) < (y[1] as number));
    assert.ok((y[1] as number) < (y[2] as number));
    assert.ok((y[2] as number) < (y[3] as number));
    // the top gap shrinks relative to the bottom gap: (100 - 3) / (2 - 1) = 97 before
    assert.ok(((y[3] as number) - (y[2] as number)) / ((y[1] as number) - (y[0] as number)) < 97);
  });

  test('a constant series or a single value has no spread: missing, never -Infinity', () => {
    assertAllMissing(logTransform([4, 4, 4]), 3);
    assertAllMissing(logTransform([NA, 7]), 2);
  });

  test('empty and all-missing input', () => {
    assert.equal(logTransform([]).length, 0);
    assertAllMissing(logTransform([NA, NA]), 2);
  });
});
