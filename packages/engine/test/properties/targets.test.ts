import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assessTarget } from '../../src/targets/assessTarget.js';
import { naturalBounds } from '../../src/targets/naturalBounds.js';
import type { Target } from '../../src/targets/schema.js';
import { runs } from './arbitraries.js';

/** Yearly observations from 2015 on, each within the unit's own range, some years missing. */
const observations = (lo: number, hi: number) =>
  fc
    .array(fc.option(fc.double({ min: lo, max: hi, noNaN: true }), { nil: undefined }), {
      minLength: 2,
      maxLength: 10,
    })
    .map((values) =>
      values.flatMap((value, i) =>
        value === undefined ? [] : [{ period: String(2015 + i), value }],
      ),
    );

/** A unit of measure with the range its values (and targets) are drawn from. */
const units = fc.constantFrom(
  { unit: '%', lo: 0, hi: 100 },
  { unit: 'persons', lo: 0, hi: 1e6 },
  { unit: 'days', lo: 0, hi: 60 },
  { unit: 'yes/no', lo: 0, hi: 1 },
);

const targetOf = (unit: string, value: number, year: number, direction: 1 | -1): Target => ({
  id: 'T',
  plan: 'P',
  unit: 'U',
  indicator: 'x',
  target_period: String(year),
  target_value: value,
  direction,
  unit_of_measure: unit,
});

test("a projection always lies within the indicator's natural bounds, and says when it was held", () => {
  fc.assert(
    fc.property(
      units.chain(({ unit, lo, hi }) =>
        fc.record({
          unit: fc.constant(unit),
          observed: observations(lo, hi),
          value: fc.double({ min: lo, max: hi, noNaN: true }),
          year: fc.integer({ min: 2025, max: 2060 }),
          direction: fc.constantFrom(1 as const, -1 as const),
          method: fc.constantFrom('cagr' as const, 'linear' as const),
        }),
      ),
      ({ unit, observed, value, year, direction, method }) => {
        const a = assessTarget(targetOf(unit, value, year, direction), observed, { method });
        if (Number.isNaN(a.projected_value_unbounded)) {
          assert.ok(Number.isNaN(a.projected_value));
          return;
        }
        const { lower, upper } = naturalBounds(unit);
        assert.ok(a.projected_value >= lower && a.projected_value <= upper, `${a.projected_value}`);
        const held = a.projected_value_unbounded < lower || a.projected_value_unbounded > upper;
        assert.equal(a.projection_bounded !== null, held);
        if (!held) assert.equal(a.projected_value, a.projected_value_unbounded);
        if (a.projection_bounded === 'upper') assert.equal(a.projected_value, upper);
        if (a.projection_bounded === 'lower') assert.equal(a.projected_value, lower);
      },
    ),
    runs,
  );
});
