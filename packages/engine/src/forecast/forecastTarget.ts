import { periodYear } from '../period/periodYear.js';
import {
  type AssessOptions,
  assessTarget,
  type Observation,
  type TargetAssessment,
} from '../targets/assessTarget.js';
import { naturalBounds } from '../targets/naturalBounds.js';
import type { Target } from '../targets/schema.js';
import { forecastSeries, type SeriesForecast } from './forecastSeries.js';

/** One year of a target's fan chart: the projection and its intervals at that time. */
export interface FanPoint {
  time: number;
  projection: number;
  intervals: SeriesForecast['intervals'];
}

/**
 * A target's forecast beside its Open SDG assessment: the probability of meeting the target at its
 * period (in its direction), the projection there with 80% and 95% prediction intervals, the
 * models' backtest and weights, and a fan of yearly projections from the latest observation to the
 * target period for charts. `forecast.reason` says why there is no forecast.
 */
export interface TargetForecast {
  assessment: TargetAssessment;
  forecast: SeriesForecast;
  fan: FanPoint[];
}

/**
 * Forecasts whether a target will be met (forecastSeries on the target's observations up to
 * `asOf`), and assesses it as Open SDG does (assessTarget) so that both are shown side by side.
 * A target whose period is not after the latest observation is judged on the data alone: the
 * forecast gives a reason instead.
 */
export function forecastTarget(
  target: Target,
  observations: readonly Observation[],
  options: AssessOptions = {},
): TargetForecast {
  const assessment = assessTarget(target, observations, options);
  const until = options.asOf === undefined ? Infinity : periodYear(options.asOf);
  const points = observations
    .map((o) => ({ t: periodYear(o.period), value: o.value }))
    .filter((p) => p.t <= until);
  const T = periodYear(target.target_period);
  const bounds = naturalBounds(target.unit_of_measure);
  let forecast = forecastSeries(points, T, {
    threshold: { value: target.target_value, direction: target.direction },
    bounds,
  });
  const latest = points.reduce((a, p) => Math.max(a, p.t), -Infinity);
  if (forecast.reason !== null && points.length > 0 && T <= latest)
    forecast = {
      ...forecast,
      reason: `the target period ${target.target_period} is not after the latest observation (${assessment.latest_period}): the data decide`,
    };
  const fan: FanPoint[] = [];
  if (forecast.reason === null) {
    // Yearly steps from the year after the latest observation, and the target period itself.
    for (let year = Math.floor(latest) + 1; year < T; year++) {
      const at = forecastSeries(points, year, { bounds });
      if (at.projection !== null)
        fan.push({ time: year, projection: at.projection, intervals: at.intervals });
    }
    fan.push({ time: T, projection: forecast.projection as number, intervals: forecast.intervals });
  }
  return { assessment, forecast, fan };
}
