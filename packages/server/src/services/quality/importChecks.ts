import type { Sql } from '../../db/database.js';
import type { ImportProblem } from '../../imports/importReport.js';
import { cellOutliers } from './cellOutliers.js';
import { cellRuleViolations, describeViolation, type WrittenCells } from './cellRules.js';
import type { OutlierIssue, RuleIssue } from './issues.js';
import { ruleIssueOf } from './ruleIssue.js';

/** A warning about an import's values (a warning rule broken, or an outlier), with its rows. */
export type ImportWarning = (RuleIssue | OutlierIssue) & { rows: number[] };

/**
 * Imports of at most this many values are checked for outliers (two queries over every value of
 * their elements and periods); a larger one is reported as not checked and left to the data-quality
 * run (GET /api/quality/run), so that a national load stays within its time.
 */
export const outlierCheckLimit = 200_000;

/**
 * The data-quality checks of an import's cells (`row` the file's row of each): a blocking rule
 * broken gives a problem per row the rule reads (the import is then refused), a warning rule a
 * warning naming the rows; outliers against the period's peers or the unit's previous value are
 * warnings naming their row. `valueField` names the field of a long file's value (`value`); in a
 * wide file the element's column is the field.
 */
export async function checkImport(
  sql: Sql,
  cells: WrittenCells & { row: readonly number[] },
  valueField: string | undefined,
): Promise<{ problems: ImportProblem[]; warnings: ImportWarning[]; outliersChecked: boolean }> {
  const violations = await cellRuleViolations(sql, cells);
  const problems: ImportProblem[] = [];
  const warnings: ImportWarning[] = [];
  for (const v of violations) {
    const rows = v.cells.map((i) => cells.row[i] as number);
    if (v.rule.severity === 'warning') {
      warnings.push({ ...ruleIssueOf(v), rows: [...new Set(rows)] });
      continue;
    }
    for (const i of v.cells)
      problems.push({
        row: cells.row[i] as number,
        field: valueField ?? (cells.element[i] as string),
        value: String(cells.value[i] ?? ''),
        message: describeViolation(v),
      });
  }
  const outliersChecked = problems.length === 0 && cells.value.length <= outlierCheckLimit;
  if (outliersChecked)
    for (const { cell, ...outlier } of await cellOutliers(sql, cells))
      warnings.push({ ...outlier, rows: [cells.row[cell] as number] });
  return { problems, warnings, outliersChecked };
}
