import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type FormulaNode,
  FormulaSyntaxError,
  formulaElements,
  parseFormula,
} from '../../src/formula/parse.js';

const el = (code: string): FormulaNode => ({ kind: 'element', code });
const num = (value: number): FormulaNode => ({ kind: 'number', value });
const neg = (operand: FormulaNode): FormulaNode => ({ kind: 'negate', operand });
const bin = (op: '+' | '-' | '*' | '/', left: FormulaNode, right: FormulaNode): FormulaNode => ({
  kind: 'binary',
  op,
  left,
  right,
});

/** Asserts that parsing `formula` throws a FormulaSyntaxError at 0-based `position`. */
function assertSyntaxError(formula: string, position: number, message: RegExp): void {
  assert.throws(
    () => parseFormula(formula),
    (error: unknown) => {
      assert.ok(error instanceof FormulaSyntaxError, 'a FormulaSyntaxError');
      assert.equal(error.name, 'FormulaSyntaxError');
      assert.equal(error.position, position, 'position');
      assert.equal(error.formula, formula);
      assert.match(error.message, message);
      // The message counts characters from 1.
      assert.match(error.message, new RegExp(`at character ${position + 1} of `));
      return true;
    },
  );
}

describe('parseFormula: operands', () => {
  test('a single element or number', () => {
    assert.deepEqual(parseFormula('population'), el('population'));
    assert.deepEqual(parseFormula('42'), num(42));
  });

  test('number forms: decimals, leading dot, trailing dot, exponents', () => {
    assert.deepEqual(parseFormula('1.5'), num(1.5));
    assert.deepEqual(parseFormula('.5'), num(0.5));
    assert.deepEqual(parseFormula('3.'), num(3));
    assert.deepEqual(parseFormula('1e3'), num(1000));
    assert.deepEqual(parseFormula('2.5E-2'), num(0.025));
  });

  test('element codes: letters, digits, underscores and dots after the first character', () => {
    assert.deepEqual(parseFormula('ehr_people.2024'), el('ehr_people.2024'));
    assert.deepEqual(parseFormula('_x1'), el('_x1'));
  });

  test('spaces and tabs are ignored', () => {
    assert.deepEqual(parseFormula(' \ta\t*  b '), bin('*', el('a'), el('b')));
  });
});

describe('parseFormula: precedence and associativity', () => {
  test('* binds tighter than +', () => {
    assert.deepEqual(parseFormula('a + b * c'), bin('+', el('a'), bin('*', el('b'), el('c'))));
    assert.deepEqual(parseFormula('a * b + c'), bin('+', bin('*', el('a'), el('b')), el('c')));
  });

  test('/ binds tighter than -', () => {
    assert.deepEqual(parseFormula('a - b / c'), bin('-', el('a'), bin('/', el('b'), el('c'))));
  });

  test('operators of one level associate to the left', () => {
    // a - b - c = (a - b) - c
    assert.deepEqual(parseFormula('a - b - c'), bin('-', bin('-', el('a'), el('b')), el('c')));
    // a / b / c = (a / b) / c
    assert.deepEqual(parseFormula('a / b / c'), bin('/', bin('/', el('a'), el('b')), el('c')));
    // a / b * c = (a / b) * c
    assert.deepEqual(parseFormula('a / b * c'), bin('*', bin('/', el('a'), el('b')), el('c')));
  });

  test('parentheses override precedence', () => {
    assert.deepEqual(parseFormula('(a + b) * c'), bin('*', bin('+', el('a'), el('b')), el('c')));
    assert.deepEqual(parseFormula('a - (b - c)'), bin('-', el('a'), bin('-', el('b'), el('c'))));
    assert.deepEqual(parseFormula('((a))'), el('a'));
  });

  test('a typical indicator: numerator / denominator x factor', () => {
    assert.deepEqual(
      parseFormula('ehr / population * 100'),
      bin('*', bin('/', el('ehr'), el('population')), num(100)),
    );
  });
});

describe('parseFormula: unary operators', () => {
  test('unary minus negates its operand', () => {
    assert.deepEqual(parseFormula('-a'), neg(el('a')));
    assert.deepEqual(parseFormula('--a'), neg(neg(el('a'))));
  });

  test('unary minus binds tighter than * and applies to one operand', () => {
    assert.deepEqual(parseFormula('-a * b'), bin('*', neg(el('a')), el('b')));
    assert.deepEqual(parseFormula('a * -b'), bin('*', el('a'), neg(el('b'))));
    assert.deepEqual(parseFormula('a - -b'), bin('-', el('a'), neg(el('b'))));
    assert.deepEqual(parseFormula('-(a + b)'), neg(bin('+', el('a'), el('b'))));
  });

  test('unary plus is dropped', () => {
    assert.deepEqual(parseFormula('+a'), el('a'));
    assert.deepEqual(parseFormula('a + +2'), bin('+', el('a'), num(2)));
  });
});

describe('parseFormula: errors name the position', () => {
  test('"a +": unexpected end of formula at character 4', () => {
    assertSyntaxError('a +', 3, /unexpected end of formula/);
  });

  test('"a $ b": unexpected character at character 3', () => {
    assertSyntaxError('a $ b', 2, /unexpected character "\$"/);
  });

  test('"(a": expected ")" at the end', () => {
    assertSyntaxError('(a', 2, /expected "\)"/);
  });

  test('"a b": unexpected text after the formula at character 3', () => {
    assertSyntaxError('a b', 2, /unexpected text after the formula/);
  });

  test('an empty or blank formula', () => {
    assertSyntaxError('', 0, /unexpected end of formula/);
    assertSyntaxError('   ', 3, /unexpected end of formula/);
  });

  test('a misplaced operator or parenthesis', () => {
    assertSyntaxError('* a', 0, /unexpected "\*"/);
    assertSyntaxError(')', 0, /unexpected "\)"/);
    assertSyntaxError('a * (b + )', 9, /unexpected "\)"/);
    assertSyntaxError('a)', 1, /unexpected text after the formula/);
    assertSyntaxError('()', 1, /unexpected "\)"/);
  });

  test('two operands without an operator', () => {
    assertSyntaxError('2 a', 2, /unexpected text after the formula/);
    assertSyntaxError('(a)(b)', 3, /unexpected text after the formula/);
  });

  test('characters that are not part of the grammar', () => {
    assertSyntaxError('a ^ 2', 2, /unexpected character "\^"/);
    assertSyntaxError('a, b', 1, /unexpected character ","/);
  });
});

describe('formulaElements', () => {
  test('each element once, in order of first use', () => {
    assert.deepEqual(formulaElements(parseFormula('b / (a + b) * c - a')), ['b', 'a', 'c']);
  });

  test('elements under a unary minus count; numbers do not', () => {
    assert.deepEqual(formulaElements(parseFormula('-x * 100')), ['x']);
    assert.deepEqual(formulaElements(parseFormula('1 + 2')), []);
  });
});
