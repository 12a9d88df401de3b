import type { Sql } from '../../db/database.js';
import { type ProblemField, UnprocessableContent } from '../../http/problems.js';
import type { EnteredValue } from '../dataEntry.js';
import { cellOutliers } from './cellOutliers.js';
import { cellRuleViolations, describeViolation } from './cellRules.js';
import type { QualityIssue } from './issues.js';
import { ruleIssueOf } from './ruleIssue.js';

/** A quality warning about a form's values, with the form's fields it concerns. */
export type EntryWarning = QualityIssue & { fields: string[] };

const fieldOf = (i: number) => `body.values[${i}].value`;

/**
 * The data-quality checks of a form, before anything is written: a blocking rule broken by the
 * values entered refuses the form (422) naming each entered value the rule reads
 * (`body.values[i].value`, as typed); warning rules and outliers are returned as warnings.
 */
export async function checkEntry(sql: Sql, values: EnteredValue[]): Promise<EntryWarning[]> {
  const cells = {
    unit: values.map((v) => v.unit),
    element: values.map((v) => v.indicator),
    period: values.map((v) => v.period),
    value: values.map((v) => v.value),
  };
  const violations = await cellRuleViolations(sql, cells);
  const problems: ProblemField[] = [];
  for (const v of violations.filter((x) => x.rule.severity === 'blocking')) {
    for (const i of v.cells)
      problems.push({ field: fieldOf(i), message: describeViolation(v), value: values[i]?.value });
  }
  if (problems.length > 0)
    throw new UnprocessableContent(
      `${problems.length} value${problems.length === 1 ? ' breaks' : 's break'} a blocking data-quality rule; nothing was written`,
      problems,
    );
  const warnings: EntryWarning[] = violations.map((v) => ({
    ...ruleIssueOf(v),
    fields: v.cells.map(fieldOf),
  }));
  for (const o of await cellOutliers(sql, cells)) {
    const { cell, ...issue } = o;
    warnings.push({ ...issue, fields: [fieldOf(cell)] });
  }
  return warnings;
}
