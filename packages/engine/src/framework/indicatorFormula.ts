import { type FormulaNode, parseFormula } from '../formula/parse.js';
import type { FrameworkNode } from './schema.js';

/**
 * The formula that gives an indicator's raw values: its `formula`, or
 * `numerator / denominator * factor`, or else the data series with the indicator's own code.
 * Throws FormulaSyntaxError for a malformed formula.
 */
export function indicatorFormula(node: FrameworkNode): FormulaNode {
  if (node.formula !== undefined) return parseFormula(node.formula);
  if (node.numerator !== undefined && node.denominator !== undefined) {
    const ratio: FormulaNode = {
      kind: 'binary',
      op: '/',
      left: { kind: 'element', code: node.numerator },
      right: { kind: 'element', code: node.denominator },
    };
    return node.factor === undefined
      ? ratio
      : { kind: 'binary', op: '*', left: ratio, right: { kind: 'number', value: node.factor } };
  }
  return { kind: 'element', code: node.code };
}
