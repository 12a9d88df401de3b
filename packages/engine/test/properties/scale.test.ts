import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { minmax } from '../../src/normalise/minmax.js';
import { rankScores } from '../../src/normalise/rankScores.js';
import { zscore } from '../../src/normalise/zscore.js';
import { rankDescending } from '../../src/rank/rankDescending.js';
import { maybeMissing, runs } from './arbitraries.js';

const values = fc.array(maybeMissing(fc.integer({ min: -1_000_000, max: 1_000_000 })), {
  maxLength: 30,
});
const factor = fc.double({ min: 1e-3, max: 1e3, noNaN: true });

function assertSameScores(a: Float64Array, b: Float64Array): void {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (Number.isNaN(x)) assert.ok(Number.isNaN(y), `at [${i}] expected NaN, got ${y}`);
    else assert.ok(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)), `at [${i}]: ${x} vs ${y}`);
  }
}

test('multiplying an indicator by c > 0 leaves its min-max scores unchanged', () => {
  fc.assert(
    fc.property(values, factor, (x, c) => {
      assertSameScores(minmax(x), minmax(x.map((v) => v * c)));
    }),
    runs,
  );
});

test('multiplying an indicator by c > 0 leaves its rank scores and ranks unchanged', () => {
  fc.assert(
    fc.property(values, factor, (x, c) => {
      const scaled = x.map((v) => v * c);
      assert.deepEqual([...rankScores(scaled)], [...rankScores(x)]);
      assert.deepEqual([...rankDescending(scaled)], [...rankDescending(x)]);
    }),
    runs,
  );
});

test('multiplying an indicator by c > 0 leaves its z-scores unchanged', () => {
  fc.assert(
    fc.property(values, factor, (x, c) => {
      assertSameScores(zscore(x), zscore(x.map((v) => v * c)));
    }),
    runs,
  );
});
