import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { forecastSeries } from '../../src/forecast/forecastSeries.js';
import { runs } from '../properties/arbitraries.js';

/** Yearly series of 3 to 10 positive values around a trend (so that every model takes part). */
const positiveSeries = fc
  .record({
    start: fc.double({ min: 1, max: 1000, noNaN: true }),
    growth: fc.double({ min: -0.2, max: 0.3, noNaN: true }),
    noise: fc.array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), {
      minLength: 3,
      maxLength: 10,
    }),
  })
  .map(({ start, growth, noise }) =>
    noise.map((e, i) => ({ t: 2015 + i, value: start * (1 + growth) ** i * Math.exp(e) })),
  );

test('the probability of reaching a target never rises as the target rises (and falls for a falling one)', () => {
  fc.assert(
    fc.property(
      positiveSeries,
      fc.integer({ min: 1, max: 8 }),
      fc.double({ min: 0.01, max: 5, noNaN: true }),
      fc.double({ min: 0.01, max: 5, noNaN: true }),
      (observed, h, a, b) => {
        const last = observed.at(-1)?.value as number;
        const time = 2014 + observed.length + h;
        const [lo, hi] = a < b ? [a * last, b * last] : [b * last, a * last];
        const p = (x: number, direction: 1 | -1) =>
          forecastSeries(observed, time, { threshold: { value: x, direction }, levels: [] })
            .probability as number;
        assert.ok(p(lo, 1) >= p(hi, 1) - 1e-12, `up: ${p(lo, 1)} < ${p(hi, 1)}`);
        assert.ok(p(lo, -1) <= p(hi, -1) + 1e-12, `down: ${p(lo, -1)} > ${p(hi, -1)}`);
        for (const v of [p(lo, 1), p(hi, -1)]) assert.ok(v >= 0 && v <= 1);
      },
    ),
    runs,
  );
});

test('intervals widen with the horizon (relatively: a falling series may narrow in its own unit)', () => {
  fc.assert(
    fc.property(positiveSeries, fc.integer({ min: 1, max: 6 }), (observed, h) => {
      const last = 2014 + observed.length;
      const near = forecastSeries(observed, last + h);
      const far = forecastSeries(observed, last + h + 1);
      for (const level of [0, 1]) {
        const a = near.intervals[level];
        const b = far.intervals[level];
        assert.ok(a && b);
        // On the ratio of the ends when both are positive (the scale of the log models, where a
        // series falling 10% a year keeps its relative spread), else on the difference.
        const spread = (i: { lower: number; upper: number }) =>
          a.lower > 0 && b.lower > 0 ? Math.log(i.upper / i.lower) : i.upper - i.lower;
        // Rounding aside: a series with no spread has intervals of width 0 (to 1e-9).
        const rounding = 1e-9 * Math.max(1, Math.abs(far.projection as number));
        assert.ok(
          spread(b) >= spread(a) - rounding,
          `${a.level}: ${spread(a)} at ${h} years, ${spread(b)} at ${h + 1}`,
        );
      }
    }),
    runs,
  );
});

test('the 80% interval lies within the 95%, and the projection within both', () => {
  fc.assert(
    fc.property(positiveSeries, fc.integer({ min: 1, max: 10 }), (observed, h) => {
      const f = forecastSeries(observed, 2014 + observed.length + h);
      const [i80, i95] = f.intervals;
      assert.ok(i80 && i95 && f.projection !== null);
      const eps = 1e-9 * Math.max(1, Math.abs(f.projection));
      assert.ok(i95.lower <= i80.lower + eps && i80.upper <= i95.upper + eps);
      assert.ok(i80.lower <= f.projection + eps && f.projection <= i80.upper + eps);
    }),
    runs,
  );
});
