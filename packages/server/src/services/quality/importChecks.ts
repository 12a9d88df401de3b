import type { Sql } from '../../db/database.js';
import type { ImportProblem } from '../../imports/importReport.js';
import { cellRuleViolations, describeViolation, type WrittenCells } from './cellRules.js';
import type { RuleIssue } from './issues.js';
import { ruleIssueOf } from './ruleIssue.js';

/** A warning rule broken by an import's values, with the rows concerned. */
export type ImportWarning = RuleIssue & { rows: number[] };

/**
 * The data-quality rules of an import's cells (`row` the file's row of each): a blocking rule
 * broken gives a problem per row the rule reads (the import is then refused), a warning rule a
 * warning naming the rows. `valueField` names the field of a long file's value (`value`); in a
 * wide file the element's column is the field.
 */
export async function checkImport(
  sql: Sql,
  cells: WrittenCells & { row: readonly number[] },
  valueField: string | undefined,
): Promise<{ problems: ImportProblem[]; warnings: ImportWarning[] }> {
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
  return { problems, warnings };
}
