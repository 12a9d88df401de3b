import type { QualityRun } from '../quality/run.js';
import type { ReportingStatus } from '../reporting/completeness.js';
import type { AssessedTarget } from '../targets.js';
import type { Alert, Names } from './model.js';

const named = (names: Map<string, Names>, code: string) => ({
  code,
  names: names.get(code) ?? { en: code, vi: null, ar: null },
});

/**
 * Targets off track or regressing, since the latest published value of their series (`since`
 * by target id; the epoch without one). Regressing is critical: the indicator moves away.
 */
export function targetAlerts(
  targets: AssessedTarget[],
  names: Map<string, Names>,
  since: Map<string, string>,
): Alert[] {
  return targets
    .filter((t) => t.status === 'off-track' || t.status === 'regressing')
    .map((t) => ({
      id: `target:${t.id}`,
      kind: t.status === 'regressing' ? 'target-regressing' : 'target-off-track',
      severity: t.status === 'regressing' ? 'critical' : 'warning',
      unit: named(names, t.unit),
      params: {
        target: t.id,
        target_name: t.name,
        plan: t.plan,
        indicator: t.indicator,
        latest_value: t.latest_value,
        latest_period: t.latest_period,
        target_value: t.target_value,
        target_period: t.target_period,
      },
      link: `/plans/${encodeURIComponent(t.plan)}`,
      since: since.get(t.id) ?? new Date(0).toISOString(),
      visibility: 'public',
    }));
}

/**
 * The reporting round's late reports: units overdue (not submitted after the due day; since the
 * day after it), units that submitted after the due day, and submissions waiting for approval.
 */
export function reportingAlerts(status: ReportingStatus, today: string): Alert[] {
  const round = { dataset: status.dataset.id, period: status.period };
  const link = `/reporting?dataset=${encodeURIComponent(round.dataset)}&period=${encodeURIComponent(round.period)}`;
  const due = status.calendar?.due_on ?? today;
  const dayAfterDue = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString();
  const alerts: Alert[] = [];
  for (const item of status.items) {
    const unit = { code: item.unit, names: item.names };
    const key = `${item.unit}|${round.dataset}|${round.period}`;
    if (item.overdue) {
      alerts.push({
        id: `overdue:${key}`,
        kind: 'report-overdue',
        severity: 'warning',
        unit,
        params: { ...round, due_on: due },
        link,
        since: dayAfterDue,
        visibility: 'reporting',
      });
    }
    if (item.state === 'submitted' && item.submitted_at) {
      alerts.push({
        id: `awaiting:${key}`,
        kind: 'awaiting-approval',
        severity: 'info',
        unit,
        params: round,
        link: '/approvals',
        since: item.submitted_at,
        visibility: 'reporting',
      });
    }
    if (item.on_time === false && item.submitted_at) {
      alerts.push({
        id: `late:${key}`,
        kind: 'report-late',
        severity: 'info',
        unit,
        params: { ...round, due_on: due, submitted_at: item.submitted_at },
        link,
        since: item.submitted_at,
        visibility: 'reporting',
      });
    }
  }
  return alerts;
}

/** Blocking rule violations of the round's quality run, since the unit's latest value change. */
export function qualityAlerts(
  run: QualityRun,
  names: Map<string, Names>,
  since: Map<string, string>,
): Alert[] {
  return run.items.flatMap((issue): Alert[] =>
    issue.kind === 'rule' && issue.severity === 'blocking'
      ? [
          {
            id: `quality:${issue.rule}|${issue.unit}|${run.dataset}|${run.period}`,
            kind: 'quality-blocking',
            severity: 'critical',
            unit: named(names, issue.unit),
            params: {
              rule: issue.rule,
              expression: issue.expression,
              rule_message: { ...issue.message },
              dataset: run.dataset,
              period: run.period,
            },
            link: `/entry?dataset=${encodeURIComponent(run.dataset)}&unit=${encodeURIComponent(issue.unit)}&period=${encodeURIComponent(run.period)}`,
            since: since.get(issue.unit) ?? new Date(0).toISOString(),
            visibility: 'quality',
          },
        ]
      : [],
  );
}
