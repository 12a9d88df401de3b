import {
  assessTarget,
  type FanPoint,
  forecastTarget,
  type GrowthMethod,
  type PlanSummary,
  rollupPlans,
  type SeriesForecast,
  type Target,
  type TargetAssessment,
} from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { perDatabaseCache } from './perDatabaseCache.js';

export interface PlanQuery {
  unit?: string | undefined;
  plan?: string | undefined;
  /** One target (its id). */
  id?: string | undefined;
  asOf?: string | undefined;
  method?: GrowthMethod | undefined;
  /** Add each target's forecast (the engine's `forecastTarget`) and its yearly fan. */
  forecast?: boolean | undefined;
}

export interface AssessedTarget extends TargetAssessment {
  name: string | null;
  /** The data element's unit of measure, whose natural bounds hold the projection. */
  unit_of_measure: string | null;
  /** With `forecast`: the probability of meeting the target, projection, intervals, backtest. */
  forecast?: SeriesForecast;
  /** With `forecast`: the projection and intervals year by year to the target period. */
  fan?: FanPoint[];
}

/**
 * Forecasts by their inputs (the target, its observations, the options): a content change makes a
 * new key, so entries are never stale, and the plan and profile answers recompute only what changed.
 */
const forecasts = perDatabaseCache<{ forecast: SeriesForecast; fan: FanPoint[] }>(2048);

/**
 * Every matching target assessed by the engine (`assessTarget`) on its series in the database,
 * as of a period, its projection held to the natural bounds of its data element's unit of
 * measure (a share within 0-100, a count at least 0).
 */
export async function assessTargets(database: Database, q: PlanQuery): Promise<AssessedTarget[]> {
  const { rows } = await database.query<{
    id: string;
    plan: string;
    unit: string;
    indicator: string;
    name: string | null;
    target_period: string;
    target_value: number;
    direction: number;
    baseline_period: string | null;
    baseline_value: number | null;
    unit_of_measure: string | null;
  }>(
    `select t.id, t.plan, t.unit, t.indicator, t.name, t.target_period, t.target_value, t.direction,
            t.baseline_period, t.baseline_value, e.unit_of_measure
       from targets t left join data_elements e on e.code = t.indicator
      where ($1::text is null or t.unit = $1) and ($2::text is null or t.plan = $2)
        and ($3::text is null or t.id = $3)
      order by t.plan, t.id`,
    [q.unit ?? null, q.plan ?? null, q.id ?? null],
  );
  if (rows.length === 0) return [];
  const series = await database.query<{
    unit: string;
    element: string;
    period: string;
    value: number;
  }>(
    `select unit, element, period, approved_value as value from data_values
      where approved_value is not null and (unit, element) in (select unit, indicator from targets
        where ($1::text is null or unit = $1) and ($2::text is null or plan = $2)
          and ($3::text is null or id = $3))
      order by period`,
    [q.unit ?? null, q.plan ?? null, q.id ?? null],
  );
  const observations = new Map<string, { period: string; value: number }[]>();
  for (const s of series.rows) {
    const key = `${s.unit}\u0000${s.element}`;
    observations.set(key, [...(observations.get(key) ?? []), { period: s.period, value: s.value }]);
  }
  return rows.map((r) => {
    const target: Target = {
      id: r.id,
      plan: r.plan,
      unit: r.unit,
      indicator: r.indicator,
      target_period: r.target_period,
      target_value: r.target_value,
      direction: r.direction === -1 ? -1 : 1,
      ...(r.baseline_period ? { baseline_period: r.baseline_period } : {}),
      ...(r.baseline_value !== null ? { baseline_value: r.baseline_value } : {}),
      ...(r.unit_of_measure ? { unit_of_measure: r.unit_of_measure } : {}),
    };
    const observed = observations.get(`${r.unit}\u0000${r.indicator}`) ?? [];
    const options = { asOf: q.asOf, method: q.method };
    const assessed = assessTarget(target, observed, options);
    const row: AssessedTarget = { ...assessed, name: r.name, unit_of_measure: r.unit_of_measure };
    if (!q.forecast) return row;
    const key = JSON.stringify([target, observed, q.asOf ?? null]);
    let cached = forecasts.get(database, key);
    if (!cached) {
      const { forecast, fan } = forecastTarget(target, observed, options);
      cached = { forecast, fan };
      forecasts.set(database, key, cached);
    }
    return { ...row, ...cached };
  });
}

export interface Plan {
  id: string;
  name: string;
  unit: string | null;
  adopted_on: string | null;
  summary: PlanSummary;
}

/** Plans (or the one of `q.plan`) with their targets rolled up by status ("14 of 17 targets achieved"). */
export async function listPlans(database: Database, q: PlanQuery): Promise<Plan[]> {
  const { rows } = await database.query<{
    id: string;
    name: string;
    unit: string | null;
    adopted_on: string | null;
  }>(
    `select id, name, unit, adopted_on::text from plans
      where ($1::text is null or unit = $1) and ($2::text is null or id = $2) order by id`,
    [q.unit ?? null, q.plan ?? null],
  );
  const summaries = new Map(rollupPlans(await assessTargets(database, q)).map((s) => [s.plan, s]));
  return rows.map((p) => ({
    ...p,
    summary: summaries.get(p.id) ?? {
      plan: p.id,
      total: 0,
      achieved: 0,
      on_track: 0,
      off_track: 0,
      regressing: 0,
      insufficient_data: 0,
      share_achieved: 0,
    },
  }));
}
