import { evaluateRule, type RuleOutcome, type RuleTolerance } from './evaluateRule.js';
import type { ParsedRule } from './parseRule.js';

export interface RuleCheck<R extends ParsedRule> {
  rule: R;
  outcome: RuleOutcome;
  left: number;
  right: number;
}

/**
 * Checks rules against one unit's values (an element absent from `values` is missing): the check
 * a form or an imported row gets. Every rule is reported, in order, skipped ones included.
 */
export function checkRules<R extends ParsedRule>(
  rules: readonly R[],
  values: ReadonlyMap<string, number>,
  tolerance: RuleTolerance = {},
): RuleCheck<R>[] {
  const column = (code: string) => Float64Array.of(values.get(code) ?? Number.NaN);
  return rules.map((rule) => {
    const { left, right, outcomes } = evaluateRule(rule, column, 1, tolerance);
    return {
      rule,
      outcome: outcomes[0] as RuleOutcome,
      left: left[0] as number,
      right: right[0] as number,
    };
  });
}
