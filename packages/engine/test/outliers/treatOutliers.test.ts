import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { OutlierSpec } from '../../src/outliers/spec.js';
import { treatOutliers } from '../../src/outliers/treatOutliers.js';
import { assertAllClose, assertClose, NA } from '../approx.js';
import { classic, classicKurtosis, classicSkewness, oneTo, twoSteps } from './data.js';

const winsoriseSpec = (max_points = 5, skewness = 2, kurtosis = 3.5): OutlierSpec => ({
  method: 'winsorise',
  max_points,
  skewness,
  kurtosis,
});

describe('treatOutliers: none', () => {
  test('leaves values as they are but reports the test', () => {
    const t = treatOutliers(classic, { method: 'none' });
    assert.equal(t.outcome, 'passed');
    assert.equal(t.pass, false); // the classic fails the default test
    assert.deepEqual(t.points, []);
    assertAllClose(t.values, classic);
    assertClose(t.skewness, classicSkewness);
    assertClose(t.kurtosis, classicKurtosis);
  });
});

describe('treatOutliers: winsorise', () => {
  test('classic 1..10, 30, 100: one point, 100 -> 30, reported', () => {
    const t = treatOutliers(classic, winsoriseSpec());
    assert.equal(t.outcome, 'winsorised');
    assert.equal(t.pass, true);
    assert.deepEqual(t.points, [{ index: 0, from: 100, to: 30, how: 'winsorised-high' }]);
    assertAllClose(t.values, [30, ...oneTo(10), 30]);
    // skewness and kurtosis are those before treatment
    assertClose(t.skewness, classicSkewness);
    assertClose(t.kurtosis, classicKurtosis);
  });

  test('a point moved twice reports its original and final values', () => {
    // 200 -> 100 -> 60 and 100 -> 60
    const t = treatOutliers(twoSteps, winsoriseSpec());
    assert.equal(t.outcome, 'winsorised');
    assert.deepEqual(t.points, [
      { index: 21, from: 100, to: 60, how: 'winsorised-high' },
      { index: 22, from: 200, to: 60, how: 'winsorised-high' },
    ]);
  });

  test('negative skew: the minimum is winsorised (low)', () => {
    const t = treatOutliers(
      classic.map((v) => -v),
      winsoriseSpec(),
    );
    assert.equal(t.outcome, 'winsorised');
    assert.deepEqual(t.points, [{ index: 0, from: -100, to: -30, how: 'winsorised-low' }]);
  });

  test('an indicator that passes is not treated', () => {
    const x = [3, 4, 5, 2, 3, 4, 5, 6, 4, 7];
    const t = treatOutliers(x, winsoriseSpec());
    assert.equal(t.outcome, 'passed');
    assert.equal(t.pass, true);
    assert.deepEqual(t.points, []);
    assertAllClose(t.values, x);
  });

  test("the spec's thresholds are used: skewness threshold 4 passes the classic", () => {
    const t = treatOutliers(classic, winsoriseSpec(5, 4, 3.5));
    assert.equal(t.outcome, 'passed');
    assert.equal(t.pass, true);
    assertAllClose(t.values, classic);
  });

  test('missing values stay missing and are not reported', () => {
    const t = treatOutliers([NA, ...classic], winsoriseSpec());
    assert.deepEqual(t.points, [{ index: 1, from: 100, to: 30, how: 'winsorised-high' }]);
    assert.ok(Number.isNaN(t.values[0]));
  });
});

describe('treatOutliers: log fallback', () => {
  test('when winsorising up to max_points fails, the ORIGINAL values are log-transformed', () => {
    // max_points 1: 200 -> 100 still fails, so the winsorisation is dropped.
    // log_CT of the original 1..20, 60, 100, 200: min 1, max 200, shift 0.01 * 199 = 1.99,
    // y = log(x - 1 + 1.99) = log(x + 0.99); 200 gives log(200.99) (not log(100.99)).
    const t = treatOutliers(twoSteps, winsoriseSpec(1));
    assert.equal(t.outcome, 'log');
    const expected = twoSteps.map((x) => Math.log(x + 0.99));
    assertAllClose(t.values, expected);
    assertClose(t.values[22] as number, Math.log(200.99));
    // every present point is reported as logged
    assert.equal(t.points.length, twoSteps.length);
    assert.deepEqual(t.points[22], { index: 22, from: 200, to: Math.log(200.99), how: 'log' });
    assert.ok(t.points.every((p, i) => p.index === i && p.how === 'log'));
    // the logged values pass: e1071 type 2 skewness 0.800296 < 2
    assert.equal(t.pass, true);
    // skewness and kurtosis are those before treatment
    assertClose(t.skewness, 3.3969930233322185);
    assertClose(t.kurtosis, 12.310883545342394);
  });

  test('max_points 0 goes straight to the log transform', () => {
    // classic: min 1, max 100, shift 0.99: log(x - 1 + 0.99) = log(x - 0.01)
    const t = treatOutliers(classic, winsoriseSpec(0));
    assert.equal(t.outcome, 'log');
    assertAllClose(
      t.values,
      classic.map((x) => Math.log(x - 0.01)),
    );
    assert.equal(t.pass, true); // logged skewness 0.792634 < 2
  });

  test('the log transform may still fail the test, and says so', () => {
    // twenty 0s and one 1: skewness sqrt(21) = 4.5826, kurtosis 21 (e1071 type 2);
    // log(x + 0.01) keeps two values, so the same skewness and kurtosis: still fails
    const x = [...Array.from({ length: 20 }, () => 0), 1];
    const t = treatOutliers(x, winsoriseSpec(0));
    assert.equal(t.outcome, 'log');
    assert.equal(t.pass, false);
    assertClose(t.skewness, Math.sqrt(21));
    assertClose(t.kurtosis, 21);
    assertAllClose(t.values, [...Array.from({ length: 20 }, () => Math.log(0.01)), Math.log(1.01)]);
  });

  test('missing values stay missing in the log transform and are not reported', () => {
    const t = treatOutliers([NA, ...classic, NA], winsoriseSpec(0));
    assert.equal(t.outcome, 'log');
    assert.ok(Number.isNaN(t.values[0]));
    assert.ok(Number.isNaN(t.values[13]));
    assert.equal(t.points.length, classic.length);
    assert.deepEqual(
      t.points.map((p) => p.index),
      oneTo(12),
    );
  });
});

describe('treatOutliers: input', () => {
  test('does not modify its input; constant and empty input pass', () => {
    const x = [...classic];
    treatOutliers(x, winsoriseSpec());
    assert.deepEqual(x, classic);
    assert.equal(treatOutliers([2, 2, 2, 2], winsoriseSpec()).outcome, 'passed');
    assert.equal(treatOutliers([], winsoriseSpec()).outcome, 'passed');
  });
});
