import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { minmax } from '../../src/normalise/minmax.js';
import { maybeMissing, runs, value } from './arbitraries.js';

const range = fc
  .tuple(value, value)
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));

test('min-max scores lie within [l, u] for any range l < u', () => {
  fc.assert(
    fc.property(fc.array(maybeMissing(value), { maxLength: 30 }), range, (values, [l, u]) => {
      const out = minmax(values, [l, u]);
      assert.equal(out.length, values.length);
      for (let i = 0; i < values.length; i++) {
        const y = out[i] as number;
        if (Number.isNaN(values[i])) assert.ok(Number.isNaN(y), 'missing stays missing');
        else if (!Number.isNaN(y)) assert.ok(y >= l && y <= u, `${y} outside [${l}, ${u}]`);
      }
    }),
    runs,
  );
});

test('min-max with spread reaches both ends: the min scores l and the max scores u', () => {
  fc.assert(
    fc.property(fc.array(value, { minLength: 2, maxLength: 30 }), range, (values, [l, u]) => {
      const lo = Math.min(...values);
      const hi = Math.max(...values);
      fc.pre(lo < hi);
      const out = minmax(values, [l, u]);
      const tol = 1e-9 * Math.max(1, Math.abs(l), Math.abs(u));
      assert.ok(Math.abs((out[values.indexOf(lo)] as number) - l) <= tol);
      assert.ok(Math.abs((out[values.indexOf(hi)] as number) - u) <= tol);
    }),
    runs,
  );
});
