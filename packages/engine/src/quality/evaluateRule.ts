import { evaluateFormula } from '../formula/evaluate.js';
import { compareValues, defaultRelativeTolerance } from './compare.js';
import type { ParsedRule } from './parseRule.js';

/**
 * A rule's outcome for one unit: `skipped` when a side has no value (a missing element, or a
 * division by zero), since a unit that has not reported is not a unit that broke the rule.
 */
export type RuleOutcome = 'passed' | 'violated' | 'skipped';

export interface RuleEvaluation {
  /** Each side's value per unit (NaN = missing). */
  left: Float64Array;
  right: Float64Array;
  outcomes: RuleOutcome[];
}

/** Tolerance of equality: see compareValues. */
export interface RuleTolerance {
  relative?: number;
  absolute?: number;
}

/**
 * Evaluates a rule for every unit at once. `column(code)` returns an element's values over the
 * units (NaN = missing), as for indicator formulas.
 */
export function evaluateRule(
  rule: ParsedRule,
  column: (code: string) => Float64Array,
  length: number,
  tolerance: RuleTolerance = {},
): RuleEvaluation {
  const relative = tolerance.relative ?? defaultRelativeTolerance;
  const absolute = tolerance.absolute ?? 0;
  const left = evaluateFormula(rule.left, column, length);
  const right = evaluateFormula(rule.right, column, length);
  const outcomes: RuleOutcome[] = new Array(length);
  for (let i = 0; i < length; i++) {
    const a = left[i] as number;
    const b = right[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) outcomes[i] = 'skipped';
    else outcomes[i] = compareValues(rule.op, a, b, relative, absolute) ? 'passed' : 'violated';
  }
  return { left, right, outcomes };
}
