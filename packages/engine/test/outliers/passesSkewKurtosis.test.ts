import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { passesSkewKurtosis } from '../../src/outliers/passesSkewKurtosis.js';
import { assertClose, NA } from '../approx.js';
import { classic, classicKurtosis, classicSkewness, oneTo } from './data.js';

// COINr's check_SkewKurt: pass when |skewness| < 2 OR kurtosis < 3.5.
describe('passesSkewKurtosis', () => {
  test("a well-behaved indicator passes (Excel's SKEW/KURT example)", () => {
    const check = passesSkewKurtosis([3, 4, 5, 2, 3, 4, 5, 6, 4, 7]);
    assert.equal(check.pass, true);
    assertClose(check.skewness, 0.35954307140679753);
    assertClose(check.kurtosis, -0.15179963720841405);
  });

  test('the classic 1..10, 30, 100 fails both tests, so fails', () => {
    const check = passesSkewKurtosis(classic);
    assert.equal(check.pass, false);
    assertClose(check.skewness, classicSkewness);
    assertClose(check.kurtosis, classicKurtosis);
  });

  test('a negative skew fails as a positive one does (|skewness|)', () => {
    const check = passesSkewKurtosis(classic.map((v) => -v));
    assert.equal(check.pass, false);
    assertClose(check.skewness, -classicSkewness);
  });

  test('high skewness with low kurtosis passes (OR, not AND)', () => {
    // 1..10, 100, 100: skewness 2.02979 >= 2, kurtosis 2.57719 < 3.5
    const check = passesSkewKurtosis([...oneTo(10), 100, 100]);
    assert.ok(check.skewness >= 2);
    assert.ok(check.kurtosis < 3.5);
    assert.equal(check.pass, true);
  });

  test('custom thresholds: either one below its threshold is enough', () => {
    // 0, 0, 0, 4: skewness 2, kurtosis 4 (see the stats tests)
    const x = [0, 0, 0, 4];
    assert.equal(passesSkewKurtosis(x, 1.5, 3.5).pass, false); // 2 >= 1.5 and 4 >= 3.5
    assert.equal(passesSkewKurtosis(x, 1.5, 5).pass, true); // kurtosis 4 < 5
    assert.equal(passesSkewKurtosis(x, 3, 3.5).pass, true); // |skewness| 2 < 3
  });

  test('the thresholds are strict: a statistic equal to its threshold fails it', () => {
    const { skewness, kurtosis } = passesSkewKurtosis(classic);
    assert.equal(passesSkewKurtosis(classic, skewness, kurtosis).pass, false);
    assert.equal(passesSkewKurtosis(classic, skewness * (1 + 1e-9), kurtosis).pass, true);
    assert.equal(passesSkewKurtosis(classic, skewness, kurtosis * (1 + 1e-9)).pass, true);
  });

  test('missing values are skipped', () => {
    const check = passesSkewKurtosis([NA, ...classic, NA]);
    assert.equal(check.pass, false);
    assertClose(check.skewness, classicSkewness);
  });

  test('undefined statistics pass: fewer than 4 values, constant, empty, all missing', () => {
    for (const x of [[1, 2, 1000], [5, 5, 5, 5, 5], [], [NA, NA, NA, NA, NA]]) {
      const check = passesSkewKurtosis(x);
      assert.equal(check.pass, true, `${x}`);
      assert.ok(Number.isNaN(check.kurtosis), `${x}`);
    }
  });
});
