import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkRules, evaluateRule, parseRule } from '../../src/index.js';
import { runs, value } from '../properties/arbitraries.js';

const columns = (data: Record<string, number[]>) => (code: string) =>
  Float64Array.from(data[code] ?? []);

describe('evaluateRule', () => {
  test('passed, violated and skipped per unit, with each side', () => {
    const rule = parseRule('ehr_people <= population');
    const data = { ehr_people: [10, 120, Number.NaN, 5], population: [100, 100, 100, Number.NaN] };
    const result = evaluateRule(rule, columns(data), 4);
    assert.deepEqual(result.outcomes, ['passed', 'violated', 'skipped', 'skipped']);
    assert.deepEqual(Array.from(result.left.slice(0, 2)), [10, 120]);
    assert.deepEqual(Array.from(result.right.slice(0, 2)), [100, 100]);
  });

  test('a division by zero skips the rule rather than violating it', () => {
    const rule = parseRule('a / b <= 1');
    assert.deepEqual(evaluateRule(rule, columns({ a: [5], b: [0] }), 1).outcomes, ['skipped']);
  });

  test('an absolute tolerance accepts reported rounding', () => {
    const rule = parseRule('a + b + c == 100');
    const data = columns({ a: [33.3], b: [33.3], c: [33.3] });
    assert.deepEqual(evaluateRule(rule, data, 1).outcomes, ['violated']);
    assert.deepEqual(evaluateRule(rule, data, 1, { absolute: 0.5 }).outcomes, ['passed']);
  });

  test('== accepts tiny float noise: a sum equals its total however it was rounded', () => {
    const rule = parseRule('a + b == total');
    fc.assert(
      fc.property(value, value, (a, b) => {
        const total = a + b;
        // Noise of a few units in the last place, as a spreadsheet's own sum would have.
        const noisy = total + total * 4 * Number.EPSILON;
        const out = evaluateRule(rule, columns({ a: [a], b: [b], total: [noisy] }), 1);
        assert.equal(out.outcomes[0], 'passed');
      }),
      runs,
    );
  });

  test('!= and == are opposite, and < / >= partition the present cases', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const data = columns({ a: [a], b: [b] });
        const outcome = (expr: string) => evaluateRule(parseRule(expr), data, 1).outcomes[0];
        assert.notEqual(outcome('a == b'), outcome('a != b'));
        assert.notEqual(outcome('a < b'), outcome('a >= b'));
        assert.notEqual(outcome('a > b'), outcome('a <= b'));
      }),
      runs,
    );
  });
});

describe('checkRules', () => {
  test("checks one unit's values, every rule reported", () => {
    const rules = [parseRule('share <= 100'), parseRule('people <= population')];
    const checks = checkRules(rules, new Map([['share', 120]]));
    assert.deepEqual(
      checks.map((c) => [c.rule.expression, c.outcome, c.left, c.right]),
      [
        ['share <= 100', 'violated', 120, 100],
        ['people <= population', 'skipped', Number.NaN, Number.NaN],
      ],
    );
  });
});
