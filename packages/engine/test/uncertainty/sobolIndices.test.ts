import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { bootstrapSobol } from '../../src/uncertainty/bootstrapSobol.js';
import { sobolIndices } from '../../src/uncertainty/sobolIndices.js';

// The estimators on test functions whose indices are known analytically. The sample is plain Monte
// Carlo from its own generator (not the code under test), so the tolerances are a few standard
// errors of the estimators at this N (Saltelli et al. 2010 report the same orders).

type Model = (x: Float64Array) => number;

/** f(A), f(B), f(AB^(i)) for an N-row Saltelli sample of d inputs, each drawn by `draw(u)`. */
function saltelliSample(
  model: Model,
  d: number,
  n: number,
  draw: (u: number) => number,
  seed = 2024,
) {
  const rng = xoroshiro128plus(seed);
  const fA = new Float64Array(n);
  const fB = new Float64Array(n);
  const fAB = Array.from({ length: d }, () => new Float64Array(n));
  const a = new Float64Array(d);
  const b = new Float64Array(d);
  const ab = new Float64Array(d);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < d; i++) a[i] = draw(uniformFloat64(rng));
    for (let i = 0; i < d; i++) b[i] = draw(uniformFloat64(rng));
    fA[j] = model(a);
    fB[j] = model(b);
    for (let i = 0; i < d; i++) {
      ab.set(a);
      ab[i] = b[i] as number;
      (fAB[i] as Float64Array)[j] = model(ab);
    }
  }
  return { fA, fB, fAB };
}

// Ishigami and Homma (1990), a = 7, b = 0.1, x_i ~ U(-pi, pi). Analytic (Sobol' and Levitan 1999):
// V = a^2/8 + b pi^4/5 + b^2 pi^8/18 + 1/2 = 13.8446; V1 = (1 + b pi^4/5)^2 / 2 = 4.3459,
// V2 = a^2/8 = 6.125, V13 = b^2 pi^8 (1/18 - 1/50) = 3.3737, V3 = 0.
const ishigami: Model = (x) =>
  Math.sin(x[0] as number) +
  7 * Math.sin(x[1] as number) ** 2 +
  0.1 * (x[2] as number) ** 4 * Math.sin(x[0] as number);
const ishigamiFirst = [0.3139, 0.4424, 0];
const ishigamiTotal = [0.5576, 0.4424, 0.2437];

test('Ishigami: first-order (Saltelli 2010) and total-order (Jansen 1999) indices', () => {
  const { fA, fB, fAB } = saltelliSample(ishigami, 3, 20_000, (u) => Math.PI * (2 * u - 1));
  const s = sobolIndices(fA, fB, fAB);
  ishigamiFirst.forEach((expected, i) => {
    const got = s.firstOrder[i] as number;
    assert.ok(Math.abs(got - expected) < 0.03, `S${i + 1} = ${got}, expected ${expected}`);
  });
  ishigamiTotal.forEach((expected, i) => {
    const got = s.totalOrder[i] as number;
    assert.ok(Math.abs(got - expected) < 0.03, `ST${i + 1} = ${got}, expected ${expected}`);
  });
  assert.ok(Math.abs(s.variance - 13.8446) < 0.5, `V = ${s.variance}`);
});

test('Ishigami: the 95% bootstrap intervals contain the analytic indices and the estimate', () => {
  const { fA, fB, fAB } = saltelliSample(ishigami, 3, 5_000, (u) => Math.PI * (2 * u - 1), 7);
  const s = sobolIndices(fA, fB, fAB);
  const ci = bootstrapSobol(fA, fB, fAB, xoroshiro128plus(11), 300);
  for (let i = 0; i < 3; i++) {
    const inside = (lo: Float64Array, hi: Float64Array, x: number, what: string) =>
      assert.ok(
        (lo[i] as number) <= x && x <= (hi[i] as number),
        `${what}${i + 1}: ${x} outside [${lo[i]}, ${hi[i]}]`,
      );
    inside(ci.firstOrderLow, ci.firstOrderHigh, ishigamiFirst[i] as number, 'S');
    inside(ci.totalOrderLow, ci.totalOrderHigh, ishigamiTotal[i] as number, 'ST');
    inside(ci.firstOrderLow, ci.firstOrderHigh, s.firstOrder[i] as number, 'estimate S');
    inside(ci.totalOrderLow, ci.totalOrderHigh, s.totalOrder[i] as number, 'estimate ST');
  }
  // Seeded: the same generator state gives the same intervals.
  const again = bootstrapSobol(fA, fB, fAB, xoroshiro128plus(11), 300);
  assert.deepEqual(again, ci);
});

test('a linear model: S_i = ST_i = a_i^2 / sum a_j^2 for independent uniform inputs', () => {
  // y = x1 + 2 x2 + 3 x3 with x_i ~ U(0, 1): Var(a_i x_i) = a_i^2 / 12, no interactions,
  // so S = ST = (1, 4, 9) / 14.
  const { fA, fB, fAB } = saltelliSample(
    (x) => (x[0] as number) + 2 * (x[1] as number) + 3 * (x[2] as number),
    3,
    20_000,
    (u) => u,
  );
  const s = sobolIndices(fA, fB, fAB);
  [1 / 14, 4 / 14, 9 / 14].forEach((expected, i) => {
    assert.ok(
      Math.abs((s.firstOrder[i] as number) - expected) < 0.02,
      `S${i + 1} = ${s.firstOrder[i]}`,
    );
    assert.ok(
      Math.abs((s.totalOrder[i] as number) - expected) < 0.02,
      `ST${i + 1} = ${s.totalOrder[i]}`,
    );
  });
  assert.ok(Math.abs(s.variance - 14 / 12) < 0.05, `V = ${s.variance}`);
});

test('by hand: two rows, one input', () => {
  // fA = (0, 2), fB = (1, 3), fAB = (1, 3) (the output follows the one input, so f(AB) = f(B)).
  // mean of A and B = 1.5; V = ((1.5^2 + 0.5^2) * 2) / 4 = 1.25.
  // S = mean(fB (fAB - fA)) / V = ((1 * 1) + (3 * 1)) / 2 / 1.25 = 1.6
  // ST = mean((fA - fAB)^2) / 2 / V = ((1 + 1) / 2) / 2 / 1.25 = 0.4
  const s = sobolIndices([0, 2], [1, 3], [[1, 3]]);
  assert.equal(s.variance, 1.25);
  assert.equal(s.firstOrder[0], 1.6);
  assert.equal(s.totalOrder[0], 0.4);
  // Rows picked by a bootstrap: row 1 twice. fA = (2, 2), fB = (3, 3): V = 0.25,
  // S = 3 * 1 / 0.25 = 12, ST = 1 / 2 / 0.25 = 2.
  const r = sobolIndices([0, 2], [1, 3], [[1, 3]], [1, 1]);
  assert.equal(r.variance, 0.25);
  assert.equal(r.firstOrder[0], 12);
  assert.equal(r.totalOrder[0], 2);
});

test('an output without variance has undefined indices (NaN), not 0/0 noise', () => {
  const s = sobolIndices([5, 5, 5], [5, 5, 5], [[5, 5, 5]]);
  assert.equal(s.variance, 0);
  assert.ok(Number.isNaN(s.firstOrder[0]));
  assert.ok(Number.isNaN(s.totalOrder[0]));
});
