import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { normalise } from '../../src/normalise/normalise.js';
import type { NormaliseSpec } from '../../src/normalise/spec.js';
import { maybeMissing, runs, tiedScore } from './arbitraries.js';

// Integers and halves, so that order and ties are exact in both directions.
const values = fc.oneof(
  fc.array(tiedScore, { maxLength: 30 }),
  fc.array(maybeMissing(fc.integer({ min: -1_000_000, max: 1_000_000 })), { maxLength: 30 }),
);

const specs: NormaliseSpec[] = [
  { method: 'minmax', range: [0, 100] },
  { method: 'zscore', mean: 0, sd: 1 },
  { method: 'rank' },
];

for (const spec of specs) {
  test(`${spec.method}: direction -1 orders units exactly opposite to direction 1`, () => {
    fc.assert(
      fc.property(values, (x) => {
        const up = normalise(x, spec, 1);
        const down = normalise(x, spec, -1);
        for (let i = 0; i < x.length; i++) {
          assert.equal(Number.isNaN(up[i]), Number.isNaN(down[i]), 'missing in both or neither');
          for (let j = 0; j < x.length; j++) {
            const a = (up[i] as number) - (up[j] as number);
            const b = (down[i] as number) - (down[j] as number);
            if (Number.isNaN(a)) continue;
            assert.equal(Math.sign(a) || 0, -Math.sign(b) || 0, `units ${i} and ${j}`); // || 0: -0 is 0
          }
        }
      }),
      runs,
    );
  });
}
