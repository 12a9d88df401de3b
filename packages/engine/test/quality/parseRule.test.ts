import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseRule, RuleError } from '../../src/index.js';

function assertRuleError(
  expression: string,
  position: number,
  reason: RegExp,
  known?: string[],
  element?: string,
): void {
  assert.throws(
    () => parseRule(expression, known),
    (error: unknown) => {
      assert.ok(error instanceof RuleError, 'a RuleError');
      assert.equal(error.position, position, 'position');
      assert.match(error.reason, reason);
      assert.equal(error.element, element);
      assert.match(error.message, new RegExp(`at character ${position + 1} of `));
      return true;
    },
  );
}

describe('parseRule', () => {
  test('splits on the comparison and parses each side with the formula parser', () => {
    const rule = parseRule('ehr_people <= population');
    assert.equal(rule.op, '<=');
    assert.deepEqual(rule.left, { kind: 'element', code: 'ehr_people' });
    assert.deepEqual(rule.right, { kind: 'element', code: 'population' });
    assert.deepEqual(rule.elements, ['ehr_people', 'population']);
  });

  test('every operator, and arithmetic on both sides', () => {
    for (const op of ['<=', '<', '>=', '>', '==', '!='] as const) {
      const rule = parseRule(`a + b ${op} (total - c) / 2`);
      assert.equal(rule.op, op);
      assert.deepEqual(rule.elements, ['a', 'b', 'total', 'c']);
      assert.equal(rule.left.kind, 'binary');
    }
    assert.deepEqual(parseRule('online_services_share<=100').right, { kind: 'number', value: 100 });
  });

  test('each element listed once', () => {
    assert.deepEqual(parseRule('a + a <= 2 * a').elements, ['a']);
  });

  test('a missing comparison is named at the end', () => {
    assertRuleError('a + b', 5, /expected a comparison/);
  });

  test('a lone = or ! is named at its position', () => {
    assertRuleError('a = b', 2, /"=" is not a comparison/);
    assertRuleError('a ! b', 2, /"!" is not a comparison/);
  });

  test('an empty side is named', () => {
    assertRuleError('<= 100', 0, /expected an expression before "<="/);
    assertRuleError('a >=  ', 4, /expected an expression after ">="/);
  });

  test('a syntax error in either side is named at its position in the whole rule', () => {
    assertRuleError('a + * b <= c', 4, /unexpected "\*"/);
    assertRuleError('a <= (b + c', 11, /expected "\)"/);
    assertRuleError('a <= b <= c', 7, /unexpected character "<"/);
    assertRuleError('a <= b $ c', 7, /unexpected character "\$"/);
  });

  test('an unknown element is named, with its position and close matches', () => {
    const known = ['ehr_people', 'population'];
    assertRuleError(
      'ehr_people <= populaton',
      14,
      /unknown element "populaton"/,
      known,
      'populaton',
    );
    assert.throws(() => parseRule('ehr_people <= populaton', known), /did you mean "population"/);
    assertRuleError('x.y + a <= x.y', 0, /unknown element "x.y"/, ['a'], 'x.y');
    assert.doesNotThrow(() => parseRule('ehr_people <= population', known));
  });
});
