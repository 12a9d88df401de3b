import { didYouMean } from '../codes/closeMatches.js';
import {
  type FormulaNode,
  FormulaSyntaxError,
  formulaElements,
  parseFormula,
} from '../formula/parse.js';
import type { ComparisonOp } from './compare.js';

/**
 * A validation rule `left OP right`: each side an expression in the formula language (elements,
 * numbers, + - * / and parentheses), OP one of <= < >= > == !=.
 */
export interface ParsedRule {
  expression: string;
  left: FormulaNode;
  op: ComparisonOp;
  right: FormulaNode;
  /** The element codes the rule reads, each once, in order of first use. */
  elements: string[];
}

/**
 * A rule that cannot be used: a syntax error (`element` absent) or an unknown element. `position`
 * is the 0-based character offset of the problem in the expression.
 */
export class RuleError extends Error {
  constructor(
    readonly reason: string,
    readonly expression: string,
    readonly position: number,
    readonly element?: string,
  ) {
    super(`${reason} at character ${position + 1} of "${expression}"`);
    this.name = 'RuleError';
  }
}

/** Where the comparison operator is: its text and character range, or the first stray `=`/`!`. */
function findOperator(expression: string): { op: ComparisonOp; at: number; end: number } {
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i] as string;
    if (!'<>=!'.includes(ch)) continue;
    const two = expression.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '==' || two === '!=') {
      return { op: two, at: i, end: i + 2 };
    }
    if (ch === '<' || ch === '>') return { op: ch, at: i, end: i + 1 };
    throw new RuleError(`"${ch}" is not a comparison (use <=, <, >=, >, == or !=)`, expression, i);
  }
  throw new RuleError(
    'expected a comparison (<=, <, >=, >, == or !=)',
    expression,
    expression.length,
  );
}

/** Parses one side; `blank` replaces the rest of the rule so positions count in the whole rule. */
function parseSide(expression: string, from: number, to: number, op: string): FormulaNode {
  const text = expression.slice(from, to);
  if (text.trim() === '') {
    const where = from === 0 ? 'before' : 'after';
    throw new RuleError(`expected an expression ${where} "${op}"`, expression, from);
  }
  try {
    return parseFormula(' '.repeat(from) + text);
  } catch (error) {
    if (!(error instanceof FormulaSyntaxError)) throw error;
    const reason = error.message.slice(0, error.message.lastIndexOf(' at character '));
    throw new RuleError(reason, expression, error.position);
  }
}

/** The 0-based offset of the first occurrence of element `code` as a whole word. */
function elementPosition(expression: string, code: string): number {
  const escaped = code.replace(/[.]/g, '\\.');
  const match = new RegExp(`(?<![A-Za-z0-9_.])${escaped}(?![A-Za-z0-9_.])`).exec(expression);
  return match ? match.index : 0;
}

/**
 * Parses a validation rule with the engine's formula parser. With `knownElements`, an element not
 * among them is a RuleError naming it and its position (with close matches); a syntax error is a
 * RuleError naming the position.
 */
export function parseRule(expression: string, knownElements?: readonly string[]): ParsedRule {
  const { op, at, end } = findOperator(expression);
  const left = parseSide(expression, 0, at, op);
  const right = parseSide(expression, end, expression.length, op);
  const elements = [...new Set([...formulaElements(left), ...formulaElements(right)])];
  if (knownElements !== undefined) {
    const known = new Set(knownElements);
    for (const code of elements) {
      if (known.has(code)) continue;
      throw new RuleError(
        `unknown element "${code}"${didYouMean(code, knownElements)}`,
        expression,
        elementPosition(expression, code),
        code,
      );
    }
  }
  return { expression, left, op, right, elements };
}
