import type { RuleMessages, Severity } from './rules.js';

/** A validation rule broken by a unit's values in a period. */
export interface RuleIssue {
  kind: 'rule';
  severity: Severity;
  unit: string;
  period: string;
  rule: string;
  expression: string;
  message: RuleMessages;
  /** Each side's value. */
  left: number;
  right: number;
  /** The rule's elements and their values (null: none). */
  values: Record<string, number | null>;
}

/**
 * An outlier: a value far from the same period's peers (`peers`: modified z-score `score`, the
 * peers' median and how many there are) or a jump from the unit's own previous value (`history`:
 * the previous period and value and the ratio). Always a warning: data is never changed.
 */
export type OutlierIssue = {
  kind: 'outlier';
  severity: 'warning';
  unit: string;
  period: string;
  element: string;
  value: number;
} & (
  | { test: 'peers'; score: number; median: number; peers: number }
  | { test: 'history'; previous_period: string; previous_value: number; ratio: number }
);

export type QualityIssue = RuleIssue | OutlierIssue;

/** How many issues of each kind: blocking and warning rules, outliers. */
export interface QualityCounts {
  blocking: number;
  warnings: number;
  outliers: number;
}

export function countIssues(issues: readonly QualityIssue[]): QualityCounts {
  const counts: QualityCounts = { blocking: 0, warnings: 0, outliers: 0 };
  for (const issue of issues) {
    if (issue.kind === 'outlier') counts.outliers++;
    else if (issue.severity === 'blocking') counts.blocking++;
    else counts.warnings++;
  }
  return counts;
}
