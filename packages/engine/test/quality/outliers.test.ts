import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { historyJumps, modifiedZScores, peerOutliers } from '../../src/index.js';
import { runs } from '../properties/arbitraries.js';

const close = (a: number, b: number, tol = 1e-9) =>
  Number.isNaN(a)
    ? Number.isNaN(b)
    : Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

describe('modifiedZScores', () => {
  test('a worked example: 0.6745 (x - median) / MAD', () => {
    // median 5, absolute deviations 3 1 0 1 45 -> MAD 1
    const scores = modifiedZScores([2, 4, 5, 6, 50]);
    assert.deepEqual(
      Array.from(scores).map((m) => Math.round(m * 1e4) / 1e4),
      [-2.0235, -0.6745, 0, 0.6745, 30.3525],
    );
  });

  test('missing values stay missing and do not count', () => {
    const scores = modifiedZScores([2, Number.NaN, 4, 5, 6, 50]);
    assert.ok(Number.isNaN(scores[1] as number));
    assert.ok(close(scores[5] as number, 30.3525));
  });

  test('MAD = 0: the mean absolute deviation instead, without dividing by zero', () => {
    // median 0, MAD 0; mean absolute deviation = 100 / 6
    const scores = modifiedZScores([0, 0, 0, 0, 0, 100]);
    assert.ok(close(scores[5] as number, 100 / (1.253314 * (100 / 6))));
    assert.equal(scores[0], 0);
    assert.deepEqual(Array.from(modifiedZScores([7, 7, 7])), [0, 0, 0]);
  });

  const integers = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 });

  test('invariant to shifting and positive scaling of every value', () => {
    fc.assert(
      fc.property(
        integers,
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: -4, max: 4 }),
        (values, shift, power) => {
          const scale = 2 ** power;
          const before = modifiedZScores(values);
          const after = modifiedZScores(values.map((v) => v * scale + shift));
          before.forEach((m, i) => {
            assert.ok(close(m, after[i] as number), `${m} vs ${after[i]}`);
          });
        },
      ),
      runs,
    );
  });

  test('a negative scale flips the sign of every score', () => {
    fc.assert(
      fc.property(integers, (values) => {
        const before = modifiedZScores(values);
        const after = modifiedZScores(values.map((v) => -3 * v));
        before.forEach((m, i) => {
          assert.ok(close(-m, after[i] as number));
        });
      }),
      runs,
    );
  });
});

describe('peerOutliers', () => {
  test('a value planted far from its peers is always flagged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 6, maxLength: 60 }),
        fc.nat({ max: 1000 }),
        fc.boolean(),
        (peers, at, above) => {
          const lo = Math.min(...peers);
          const hi = Math.max(...peers);
          const distance = 1000 * (hi - lo + 1);
          const planted = above ? hi + distance : lo - distance;
          const index = at % (peers.length + 1);
          const values = [...peers.slice(0, index), planted, ...peers.slice(index)];
          assert.ok(peerOutliers(values).flagged.includes(index));
        },
      ),
      runs,
    );
  });

  test('values within 3.5 robust deviations are not flagged', () => {
    assert.deepEqual(peerOutliers([10, 11, 12, 13, 14, 15, 16]).flagged, []);
    assert.deepEqual(peerOutliers([10, 11, 12, 13, 14, 15, 160]).flagged, [6]);
  });

  test('fewer present peers than the minimum: not tested', () => {
    const result = peerOutliers([1, 2, 1000, Number.NaN, Number.NaN]);
    assert.deepEqual(result.flagged, []);
    assert.ok(Number.isNaN(result.scores[2] as number));
    assert.deepEqual(peerOutliers([1, 2, 1000], { minimumPeers: 3 }).flagged, [2]);
  });
});

describe('peerOutliers on the log scale', () => {
  // Populations spread over a factor of ten: the largest is no outlier of its kind...
  const sizes = [120, 180, 250, 400, 600, 900, 1300, 2000, 3000, 1200];
  test('scores ln(x): a large unit is not flagged for its size, a value ten times too large is', () => {
    assert.deepEqual(peerOutliers([...sizes, 9000]).flagged, [10]);
    assert.deepEqual(peerOutliers([...sizes, 9000], { logScale: true }).flagged, []);
    assert.deepEqual(peerOutliers([...sizes, 90000], { logScale: true }).flagged, [10]);
    const scores = peerOutliers(sizes, { logScale: true }).scores;
    const direct = modifiedZScores(sizes.map(Math.log));
    scores.forEach((m, i) => {
      assert.ok(close(m, direct[i] as number));
    });
  });

  test('zero or negative values are not tested on the log scale', () => {
    const { scores, flagged } = peerOutliers([0, -5, ...sizes], { logScale: true });
    assert.ok(Number.isNaN(scores[0] as number) && Number.isNaN(scores[1] as number));
    assert.deepEqual(flagged, []);
  });
});

describe('historyJumps', () => {
  test('tripling or falling to a third is a jump; zero, negative or missing values are not tested', () => {
    const previous = [100, 100, 100, 100, 0, Number.NaN, -5];
    const current = [250, 1000, 10, 40, 7, 300, 50];
    const { ratios, flagged } = historyJumps(previous, current);
    assert.deepEqual(flagged, [1, 2]);
    assert.equal(ratios[0], 2.5);
    assert.ok(Number.isNaN(ratios[4] as number) && Number.isNaN(ratios[5] as number));
  });

  test('symmetric: x -> y is a jump exactly when y -> x is', () => {
    const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(positive, positive, (x, y) => {
        const up = historyJumps([x], [y]).flagged.length;
        const down = historyJumps([y], [x]).flagged.length;
        assert.equal(up, down);
      }),
      runs,
    );
  });

  test('a factor at or below 1, or unequal lengths, is an error', () => {
    assert.throws(() => historyJumps([1], [2], 1), RangeError);
    assert.throws(() => historyJumps([1], [2, 3]), RangeError);
  });
});
