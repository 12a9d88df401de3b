import { periodYear } from '../period/periodYear.js';
import { clampToBounds } from './clampToBounds.js';
import { compoundGrowth } from './compoundGrowth.js';
import { linearTrend } from './linearTrend.js';
import { naturalBounds } from './naturalBounds.js';
import {
  defaultProgressThresholds,
  type ProgressThresholds,
  progressStatus,
  type TargetGrade,
  type TargetStatus,
} from './progressStatus.js';
import type { Target } from './schema.js';

/** One value of a target's series: its indicator in its unit in one period. */
export interface Observation {
  period: string;
  value: number;
}

export type GrowthMethod = 'cagr' | 'linear';
export const growthMethods: readonly GrowthMethod[] = ['cagr', 'linear'];

export interface AssessOptions {
  /** Only observations up to this period count (default: all). */
  asOf?: string | undefined;
  /** Growth measure: compound annual growth rate (default) or linear trend. */
  method?: GrowthMethod | undefined;
  thresholds?: ProgressThresholds | undefined;
}

/** Where a target stands, as of a period. Numbers that cannot be computed are NaN. */
export interface TargetAssessment {
  id: string;
  plan: string;
  unit: string;
  indicator: string;
  direction: 1 | -1;
  baseline_period: string | null;
  baseline_value: number;
  latest_period: string | null;
  latest_value: number;
  target_period: string;
  target_value: number;
  /**
   * The value the series reaches at the target period if it keeps its observed growth, held to
   * the indicator's natural bounds (`naturalBounds` of the target's unit of measure).
   */
  projected_value: number;
  /** The bound that held the projection (`upper`: a share trending past 100%), or null. */
  projection_bounded: 'lower' | 'upper' | null;
  /** The projection before the bounds: where the observed growth alone would lead. */
  projected_value_unbounded: number;
  /** Annual growth needed from the baseline to reach the target on time. */
  required_growth: number;
  /** Annual growth observed from the baseline to the latest value. */
  observed_growth: number;
  /** d * observed / |required|: 1 means exactly on course, below 0 moving away. */
  progress: number;
  status: TargetStatus;
  grade: TargetGrade | null;
  /** The growth measure used: `cagr` falls back to `linear` for a series that touches zero. */
  method: GrowthMethod;
}

/**
 * Assesses a target with the progress method of Open SDG (Statistics Canada): the growth observed
 * from the baseline to the latest value against the growth required from the baseline to the
 * target, as the ratio R = d * observed / |required| (d = the target's direction), graded by
 * `progressStatus`. Growth is the compound annual growth rate
 * CAGR = (y_t / y_0)^(1 / (t - t_0)) - 1, or with `method: 'linear'` the least-squares slope of
 * the values from the baseline on (required: (y_T - y_0) / (T - t_0)). Compound growth needs
 * positive values: when the baseline, latest or target value is zero or negative, the linear
 * measure is used and `method` says so.
 *
 * The projection is held to the indicator's natural bounds, from the target's unit of measure
 * (`naturalBounds`: a share within 0-100, a count or amount at least 0), and
 * `projection_bounded` says when a bound applied.
 *
 * The baseline is the target's own (period and value, or a period whose value the data holds), or
 * else the earliest observation. Observations after `asOf` or after the target period are not
 * used: a target is judged on the data up to its deadline. A target whose latest value meets it is
 * `achieved`; with fewer than two observations from the baseline on it is `insufficient-data`.
 */
export function assessTarget(
  target: Target,
  observations: readonly Observation[],
  options: AssessOptions = {},
): TargetAssessment {
  const d = target.direction;
  const T = periodYear(target.target_period);
  const until = Math.min(T, options.asOf === undefined ? Infinity : periodYear(options.asOf));
  const series = observations
    .map((o) => ({ ...o, t: periodYear(o.period) }))
    .filter((o) => Number.isFinite(o.value) && o.t <= until)
    .sort((a, b) => a.t - b.t);

  const baseline = baselineOf(target, series);
  const points = baseline ? [baseline, ...series.filter((o) => o.t > baseline.t)] : [];
  const latest = series.at(-1);
  let method = options.method ?? 'cagr';
  const result: TargetAssessment = {
    id: target.id,
    plan: target.plan,
    unit: target.unit,
    indicator: target.indicator,
    direction: d,
    baseline_period: baseline?.period ?? null,
    baseline_value: baseline?.value ?? Number.NaN,
    latest_period: latest?.period ?? null,
    latest_value: latest?.value ?? Number.NaN,
    target_period: target.target_period,
    target_value: target.target_value,
    projected_value: Number.NaN,
    projection_bounded: null,
    projected_value_unbounded: Number.NaN,
    required_growth: Number.NaN,
    observed_growth: Number.NaN,
    progress: Number.NaN,
    status: 'insufficient-data',
    grade: null,
    method,
  };
  if (!latest) return result;
  const achieved = d * (latest.value - target.target_value) >= 0;
  if (baseline && points.length >= 2) {
    const last = points.at(-1) as (typeof points)[number];
    if (method === 'cagr' && !(baseline.value > 0 && last.value > 0 && target.target_value > 0)) {
      method = 'linear';
    }
    if (method === 'cagr') {
      result.observed_growth = compoundGrowth(baseline.value, last.value, last.t - baseline.t);
      result.required_growth = compoundGrowth(baseline.value, target.target_value, T - baseline.t);
      result.projected_value_unbounded = last.value * (1 + result.observed_growth) ** (T - last.t);
    } else {
      const trend = linearTrend(
        points.map((p) => p.t),
        points.map((p) => p.value),
      );
      result.observed_growth = trend.slope;
      result.required_growth = (target.target_value - baseline.value) / (T - baseline.t);
      result.projected_value_unbounded = trend.intercept + trend.slope * T;
    }
    const projection = clampToBounds(
      result.projected_value_unbounded,
      naturalBounds(target.unit_of_measure),
    );
    result.projected_value = projection.value;
    result.projection_bounded = projection.bounded;
    result.method = method;
    result.progress = progressRatio(d, result.observed_growth, result.required_growth);
  }
  if (achieved) return { ...result, status: 'achieved' };
  return {
    ...result,
    ...progressStatus(result.progress, options.thresholds ?? defaultProgressThresholds),
  };
}

/**
 * R = d * observed / |required|. The absolute value keeps the sign meaningful when the baseline
 * already met the target (required growth points away from the desired direction). When no
 * growth is required (baseline = target, but the latest value has slipped), any movement in the
 * desired direction is infinitely fast progress and any movement away is regression.
 */
function progressRatio(d: 1 | -1, observed: number, required: number): number {
  const toward = d * observed;
  if (required === 0) return toward > 0 ? Infinity : toward < 0 ? -Infinity : 0;
  return toward / Math.abs(required);
}

function baselineOf(
  target: Target,
  series: readonly (Observation & { t: number })[],
): (Observation & { t: number }) | undefined {
  if (target.baseline_period === undefined) return series[0];
  const t = periodYear(target.baseline_period);
  if (target.baseline_value !== undefined) {
    return { period: target.baseline_period, value: target.baseline_value, t };
  }
  return series.find((o) => o.period === target.baseline_period);
}
