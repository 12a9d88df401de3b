import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { imputeGroupMean } from '../../src/impute/imputeGroupMean.js';
import { imputeLatest } from '../../src/impute/imputeLatest.js';
import { imputeMean } from '../../src/impute/imputeMean.js';
import { imputeMedian } from '../../src/impute/imputeMedian.js';
import { maybeMissing, present, runs, value } from './arbitraries.js';

const column = fc.array(maybeMissing(value), { maxLength: 30 });

for (const [name, impute] of [
  ['mean', imputeMean],
  ['median', imputeMedian],
] as const) {
  test(`impute ${name}: present values unchanged; every gap filled within [min, max] when any is present`, () => {
    fc.assert(
      fc.property(column, (x) => {
        const out = impute(x);
        const kept = present(x);
        assert.equal(out.length, x.length);
        for (let i = 0; i < x.length; i++) {
          const v = x[i] as number;
          const y = out[i] as number;
          if (!Number.isNaN(v)) assert.ok(Object.is(y, v), `present value at [${i}] changed`);
          else if (kept.length === 0) assert.ok(Number.isNaN(y), 'nothing to impute from');
          else {
            assert.ok(!Number.isNaN(y), `gap at [${i}] not filled`);
            const tol = 1e-9 * Math.max(1, ...kept.map(Math.abs));
            assert.ok(y >= Math.min(...kept) - tol && y <= Math.max(...kept) + tol);
          }
        }
      }),
      runs,
    );
  });
}

test('impute group mean: present values unchanged; a gap is filled iff its group has a value', () => {
  const unit = fc.tuple(maybeMissing(value), fc.integer({ min: -1, max: 3 }));
  fc.assert(
    fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
      const x = units.map(([v]) => v);
      const g = units.map(([, k]) => k);
      const out = imputeGroupMean(x, g);
      for (let i = 0; i < x.length; i++) {
        const v = x[i] as number;
        const gi = g[i] as number;
        if (!Number.isNaN(v)) assert.ok(Object.is(out[i], v));
        else {
          const donors = gi >= 0 && x.some((w, j) => g[j] === gi && !Number.isNaN(w));
          assert.equal(!Number.isNaN(out[i]), donors, `gap at [${i}]`);
        }
      }
    }),
    runs,
  );
});

test('impute latest: present values unchanged; a gap is filled iff an earlier value exists', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10 }).chain((n) =>
        fc.tuple(
          fc.array(maybeMissing(value), { minLength: n, maxLength: n }),
          fc.array(fc.array(maybeMissing(value), { minLength: n, maxLength: n }), {
            maxLength: 3,
          }),
        ),
      ),
      ([x, earlier]) => {
        const out = imputeLatest(x, earlier);
        for (let i = 0; i < x.length; i++) {
          const v = x[i] as number;
          if (!Number.isNaN(v)) {
            assert.ok(Object.is(out[i], v));
            continue;
          }
          const first = earlier.map((p) => p[i] as number).find((w) => !Number.isNaN(w));
          if (first === undefined) assert.ok(Number.isNaN(out[i]));
          else assert.ok(Object.is(out[i], first));
        }
      },
    ),
    runs,
  );
});
