import type { Sql } from '../../db/database.js';
import { countIssues, type QualityCounts, type QualityIssue } from './issues.js';
import { qualityRun } from './run.js';

/**
 * The data-quality issues of submissions (a unit's data set for a period), counted for the
 * approver: one run per data set and period among them, its issues counted for each unit.
 */
export async function submissionCounts(
  sql: Sql,
  submissions: readonly { unit: string; dataset: string; period: string }[],
): Promise<QualityCounts[]> {
  const runs = new Map<string, Map<string, QualityCounts>>();
  for (const s of submissions) {
    const key = `${s.dataset}\u0000${s.period}`;
    if (runs.has(key)) continue;
    const run = await qualityRun(sql, s.dataset, s.period);
    const issuesOf = new Map<string, QualityIssue[]>();
    for (const issue of run.items) {
      const list = issuesOf.get(issue.unit);
      if (list) list.push(issue);
      else issuesOf.set(issue.unit, [issue]);
    }
    runs.set(key, new Map([...issuesOf].map(([unit, issues]) => [unit, countIssues(issues)])));
  }
  return submissions.map(
    (s) =>
      runs.get(`${s.dataset}\u0000${s.period}`)?.get(s.unit) ?? {
        blocking: 0,
        warnings: 0,
        outliers: 0,
      },
  );
}
