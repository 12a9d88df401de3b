import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type CriterionOp, checkCriterion, criterionOps } from '../../src/index.js';

test('each operator against a value below, at and above the threshold', () => {
  const expected: Record<CriterionOp, [string, string, string]> = {
    '>=': ['failed', 'met', 'met'],
    '>': ['failed', 'failed', 'met'],
    '<=': ['met', 'met', 'failed'],
    '<': ['met', 'failed', 'failed'],
    '==': ['failed', 'met', 'failed'],
    '!=': ['met', 'failed', 'met'],
  };
  for (const op of criterionOps) {
    const outcomes = [49, 50, 51].map((v) => checkCriterion({ op, value: 50 }, v));
    assert.deepEqual(outcomes, expected[op], op);
  }
});

test('a missing value is missing whatever the operator, never a low value', () => {
  for (const op of criterionOps) {
    assert.equal(checkCriterion({ op, value: 0 }, Number.NaN), 'missing', op);
  }
  // With "<=" a low value would pass: a missing one must not.
  assert.equal(checkCriterion({ op: '<=', value: 5 }, Number.NaN), 'missing');
});

test('decimal fractions compare as written: 0.1 + 0.2 == 0.3 and >= 0.3', () => {
  assert.equal(checkCriterion({ op: '==', value: 0.3 }, 0.1 + 0.2), 'met');
  assert.equal(checkCriterion({ op: '>=', value: 0.3 }, 0.1 + 0.2), 'met');
  assert.equal(checkCriterion({ op: '<', value: 0.3 }, 0.1 + 0.2), 'failed');
  assert.equal(checkCriterion({ op: '!=', value: 0.3 }, 0.1 + 0.2), 'failed');
});

test('opposite operators split every present value: exactly one of each pair holds', () => {
  const pairs: [CriterionOp, CriterionOp][] = [
    ['>=', '<'],
    ['>', '<='],
    ['==', '!='],
  ];
  fc.assert(
    fc.property(
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      (value, threshold) => {
        for (const [a, b] of pairs) {
          const met = [a, b].filter(
            (op) => checkCriterion({ op, value: threshold }, value) === 'met',
          );
          assert.equal(met.length, 1, `${value} ${a}/${b} ${threshold}`);
        }
      },
    ),
  );
});
