import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { winsorise } from '../../src/outliers/winsorise.js';
import { assertAllClose, NA } from '../approx.js';
import { classic, oneTo, tiedHigh, twoSteps } from './data.js';

describe('winsorise', () => {
  test('classic 1..10, 30, 100: the max 100 becomes the next value inwards, 30', () => {
    const w = winsorise(classic);
    assert.deepEqual(w.treated, [0]);
    assert.deepEqual(w.side, ['high']);
    assert.equal(w.pass, true);
    assertAllClose(w.values, [30, ...oneTo(10), 30]);
  });

  test('one point at a time, re-testing in between; a treated point can move again', () => {
    // 200 -> 100 (still fails), then both 100s -> 60 (passes); the original 60 is untouched
    const w = winsorise(twoSteps);
    assert.deepEqual(w.treated, [21, 22]);
    assert.deepEqual(w.side, ['high', 'high']);
    assert.equal(w.pass, true);
    assertAllClose(w.values, [...oneTo(20), 60, 60, 60]);
  });

  test('stops at maxPoints even when the indicator still fails', () => {
    const w = winsorise(twoSteps, 1);
    assert.deepEqual(w.treated, [22]);
    assert.equal(w.pass, false);
    assertAllClose(w.values, [...oneTo(20), 60, 100, 100]);
  });

  test('tied extremes are treated together, even beyond maxPoints', () => {
    // both 200s -> 20 in one step: 2 points with maxPoints 1
    const w = winsorise(tiedHigh, 1);
    assert.deepEqual(w.treated, [20, 21]);
    assert.deepEqual(w.side, ['high', 'high']);
    assert.equal(w.pass, true);
    assertAllClose(w.values, [...oneTo(20), 20, 20]);
  });

  test('negative skew: the minimum is pulled in (low side)', () => {
    const w = winsorise(classic.map((v) => -v));
    assert.deepEqual(w.treated, [0]);
    assert.deepEqual(w.side, ['low']);
    assert.equal(w.pass, true);
    assertAllClose(w.values, [-30, ...oneTo(10).map((v) => -v), -30]);
  });

  test('maxPoints 0 treats nothing and reports the failure', () => {
    const w = winsorise(classic, 0);
    assert.deepEqual(w.treated, []);
    assert.equal(w.pass, false);
    assertAllClose(w.values, classic);
  });

  test('an indicator that passes is left alone', () => {
    const x = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];
    const w = winsorise(x);
    assert.deepEqual(w.treated, []);
    assert.deepEqual(w.side, []);
    assert.equal(w.pass, true);
    assertAllClose(w.values, x);
  });

  test('custom thresholds: a looser skewness threshold passes the classic untreated', () => {
    // |3.0632| < 4
    const w = winsorise(classic, 5, 4, 3.5);
    assert.deepEqual(w.treated, []);
    assert.equal(w.pass, true);
  });

  test('missing values stay missing and are never the extreme', () => {
    const w = winsorise([NA, ...classic, NA]);
    assert.deepEqual(w.treated, [1]);
    assertAllClose(w.values, [NA, 30, ...oneTo(10), 30, NA]);
  });

  test('short, constant, empty or all-missing input passes untouched', () => {
    for (const x of [[1, 2, 1000], [5, 5, 5, 5], [], [NA, NA]]) {
      const w = winsorise(x);
      assert.deepEqual(w.treated, [], `${x}`);
      assert.equal(w.pass, true, `${x}`);
      assertAllClose(w.values, x);
    }
  });

  test('does not modify its input', () => {
    const x = [...classic];
    winsorise(x);
    assert.deepEqual(x, classic);
  });
});
