import type { CellViolation } from './cellRules.js';
import type { RuleIssue } from './issues.js';

/** A violation found among written cells as the issue the API shows. */
export function ruleIssueOf(v: CellViolation): RuleIssue {
  return {
    kind: 'rule',
    severity: v.rule.severity,
    unit: v.unit,
    period: v.period,
    rule: v.rule.id,
    expression: v.rule.expression,
    message: v.rule.message,
    left: v.left,
    right: v.right,
    values: v.values,
  };
}
