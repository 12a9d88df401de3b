import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluateFormula } from '../../src/formula/evaluate.js';
import { parseFormula } from '../../src/formula/parse.js';
import { assertAllClose, assertAllMissing, NA } from '../approx.js';

/** Evaluates `formula` over columns given as plain arrays, all of `length` units. */
function run(formula: string, columns: Record<string, number[]>, length: number): Float64Array {
  return evaluateFormula(
    parseFormula(formula),
    (code) => {
      const column = columns[code];
      if (column === undefined) throw new Error(`no column ${code}`);
      return Float64Array.from(column);
    },
    length,
  );
}

describe('evaluateFormula: arithmetic per unit', () => {
  const columns = { a: [1, 2, 3], b: [4, 5, 6], c: [2, 2, 0.5] };

  test('+ - * / element-wise', () => {
    assertAllClose(run('a + b', columns, 3), [5, 7, 9]);
    assertAllClose(run('b - a', columns, 3), [3, 3, 3]);
    assertAllClose(run('a * b', columns, 3), [4, 10, 18]);
    assertAllClose(run('b / c', columns, 3), [2, 2.5, 12]);
  });

  test('a number operand is broadcast over units', () => {
    assertAllClose(run('a * 100', columns, 3), [100, 200, 300]);
    assertAllClose(run('7', columns, 3), [7, 7, 7]);
  });

  test('precedence: a + b * c = a + (b * c)', () => {
    // 1 + 4*2 = 9, 2 + 5*2 = 12, 3 + 6*0.5 = 6
    assertAllClose(run('a + b * c', columns, 3), [9, 12, 6]);
    // (1+4)*2 = 10, (2+5)*2 = 14, (3+6)*0.5 = 4.5
    assertAllClose(run('(a + b) * c', columns, 3), [10, 14, 4.5]);
  });

  test('left associativity: 10 - 4 - 3 = 3 and 24 / 4 / 2 = 3', () => {
    assertAllClose(run('10 - 4 - 3', {}, 1), [3]);
    assertAllClose(run('24 / 4 / 2', {}, 1), [3]);
  });

  test('unary minus', () => {
    assertAllClose(run('-a', columns, 3), [-1, -2, -3]);
    // 2 - (-3) = 5
    assertAllClose(run('2 - -3', {}, 1), [5]);
    // -(1 + 4) = -5
    assertAllClose(run('-(a + b)', columns, 3), [-5, -7, -9]);
    assertAllClose(run('--a', columns, 3), [1, 2, 3]);
  });

  test('a share in percent: 69586 / 91032 * 100 = 76.4412...', () => {
    // 69586 / 91032 = 0.764412... (the e-health-record example of the design)
    assertAllClose(run('ehr / pop * 100', { ehr: [69586], pop: [91032] }, 1), [
      (69586 / 91032) * 100,
    ]);
    assert.equal(
      Math.round(run('ehr / pop * 100', { ehr: [69586], pop: [91032] }, 1)[0] as number),
      76,
    );
  });
});

describe('evaluateFormula: missing values', () => {
  test('a missing operand gives a missing result for that unit only', () => {
    const columns = { a: [1, NA, 3, NA], b: [10, 20, NA, NA] };
    assertAllClose(run('a + b', columns, 4), [11, NA, NA, NA]);
    assertAllClose(run('a * 0', columns, 4), [0, NA, 0, NA]);
    assertAllClose(run('-a', columns, 4), [-1, NA, -3, NA]);
  });

  test('division by zero is missing, not infinite; 0 / 0 too', () => {
    const columns = { n: [5, 0, -5, 6], d: [0, 0, 0, 3] };
    assertAllClose(run('n / d', columns, 4), [NA, NA, NA, 2]);
  });

  test('a result that overflows to infinity is missing', () => {
    assertAllMissing(run('a * a', { a: [1e200] }, 1), 1);
  });

  test('an empty unit set gives an empty result', () => {
    assert.equal(run('a + 1', { a: [] }, 0).length, 0);
  });
});

describe('evaluateFormula: inputs are not modified', () => {
  test("the column function's arrays are left as they were", () => {
    const a = Float64Array.of(1, 2);
    const out = evaluateFormula(parseFormula('a + a * 2'), () => a, 2);
    assert.deepEqual([...out], [3, 6]);
    assert.deepEqual([...a], [1, 2]);
    assert.notEqual(out, a);
  });
});
