import type { FormulaNode } from './parse.js';

/**
 * Evaluates a parsed formula for every unit at once. `column(code)` returns an element's values
 * over units (NaN = missing). A missing operand gives a missing result; so does division by zero
 * (a ratio with a zero denominator has no value, rather than an infinite one).
 */
export function evaluateFormula(
  node: FormulaNode,
  column: (code: string) => Float64Array,
  length: number,
): Float64Array {
  switch (node.kind) {
    case 'number':
      return new Float64Array(length).fill(node.value);
    case 'element':
      return Float64Array.from(column(node.code));
    case 'negate': {
      const out = evaluateFormula(node.operand, column, length);
      for (let i = 0; i < length; i++) out[i] = -(out[i] as number);
      return out;
    }
    case 'binary': {
      const a = evaluateFormula(node.left, column, length);
      const b = evaluateFormula(node.right, column, length);
      for (let i = 0; i < length; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        let r: number;
        if (node.op === '+') r = x + y;
        else if (node.op === '-') r = x - y;
        else if (node.op === '*') r = x * y;
        else r = y === 0 ? Number.NaN : x / y;
        a[i] = Number.isFinite(r) ? r : Number.NaN;
      }
      return a;
    }
  }
}
