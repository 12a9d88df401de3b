import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { NotFound } from '../../http/problems.js';
import { type AssessedTarget, assessTargets, listPlans } from '../targets.js';
import type { Language } from '../translations.js';
import { type ReportNames, reportNames } from './localNames.js';
import type { PlanReport, ReportPlan, ReportTarget } from './model.js';
import { reportRevision } from './revision.js';

export interface PlanReportOptions {
  plan: string;
  lang: Language;
  /** A draft says so on every page; its figures are the published ones (approved values). */
  draft: { user: Actor } | null;
}

/**
 * A plan's review report: its targets counted by status (as GET /api/plans counts them) and each
 * target with its baseline, latest value, projection, required and observed growth, status and
 * grade (as GET /api/targets assesses them), and the observations behind it.
 */
export async function buildPlanReport(
  database: Database,
  o: PlanReportOptions,
): Promise<PlanReport> {
  const [names, revision] = await Promise.all([
    reportNames(database, o.lang),
    reportRevision(database),
  ]);
  const plan = await buildReportPlan(database, o.plan, names);
  return {
    kind: 'plan',
    lang: o.lang,
    draft: o.draft !== null,
    data_revision: revision.data_revision,
    produced_at: revision.produced_at,
    title: plan.name,
    plan,
    as_of: latestPeriod(plan.targets),
  };
}

/** One plan with its summary and every target, named in the report's language. */
export async function buildReportPlan(
  database: Database,
  id: string,
  names: ReportNames,
): Promise<ReportPlan> {
  const [plan] = await listPlans(database, { plan: id });
  if (!plan) throw new NotFound(`plan "${id}" does not exist`);
  const [targets, series, units] = await Promise.all([
    assessTargets(database, { plan: id, forecast: true }),
    targetSeries(database, id),
    names.units(plan.unit === null ? [] : [plan.unit]),
  ]);
  const unit = plan.unit === null ? undefined : units.get(plan.unit);
  return {
    id: plan.id,
    name: names.name('plan', plan.id, plan.name),
    unit: plan.unit === null || !unit ? null : { code: plan.unit, ...unit },
    adopted_on: plan.adopted_on,
    summary: plan.summary,
    targets: targets.map((t) =>
      reportTarget(t, names, series.get(`${t.unit}\u0000${t.indicator}`) ?? []),
    ),
  };
}

function reportTarget(
  t: AssessedTarget,
  names: ReportNames,
  series: ReportTarget['series'],
): ReportTarget {
  const indicatorName = names.name('element', t.indicator);
  return {
    id: t.id,
    name: names.name('target', t.id, t.name ?? indicatorName),
    indicator: t.indicator,
    indicator_name: indicatorName,
    unit_of_measure: t.unit_of_measure,
    direction: t.direction,
    baseline_period: t.baseline_period,
    baseline_value: finite(t.baseline_value),
    latest_period: t.latest_period,
    latest_value: finite(t.latest_value),
    target_period: t.target_period,
    target_value: t.target_value,
    projected_value: finite(t.projected_value),
    required_growth: finite(t.required_growth),
    observed_growth: finite(t.observed_growth),
    status: t.status,
    grade: t.grade,
    series,
    probability: t.forecast?.probability ?? null,
    forecast_reason: t.forecast?.reason ?? null,
    fan: (t.fan ?? []).map((f) => {
      const band = (level: number) => f.intervals.find((i) => i.level === level);
      return {
        period: String(f.time),
        projection: f.projection,
        lower80: band(0.8)?.lower ?? f.projection,
        upper80: band(0.8)?.upper ?? f.projection,
        lower95: band(0.95)?.lower ?? f.projection,
        upper95: band(0.95)?.upper ?? f.projection,
      };
    }),
  };
}

/**
 * The observations the plan's targets are assessed on (approved values of each target's unit and
 * indicator, as `assessTargets` reads them), by unit and indicator, in period order.
 */
async function targetSeries(
  database: Database,
  plan: string,
): Promise<Map<string, ReportTarget['series']>> {
  const { rows } = await database.query<{
    unit: string;
    element: string;
    period: string;
    value: number;
  }>(
    `select unit, element, period, approved_value as value from data_values
      where approved_value is not null
        and (unit, element) in (select unit, indicator from targets where plan = $1)
      order by unit, element, period`,
    [plan],
  );
  const series = new Map<string, ReportTarget['series']>();
  for (const r of rows) {
    const key = `${r.unit}\u0000${r.element}`;
    series.set(key, [...(series.get(key) ?? []), { period: r.period, value: r.value }]);
  }
  return series;
}

/** The latest period any target has an observation for: as of when the plan is assessed. */
function latestPeriod(targets: ReportTarget[]): string | null {
  let latest: string | null = null;
  for (const t of targets) {
    if (t.latest_period !== null && (latest === null || t.latest_period > latest))
      latest = t.latest_period;
  }
  return latest;
}

/** Numbers the engine could not compute (NaN) are null in a report, as in the API. */
export function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
