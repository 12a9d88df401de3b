import type { ValueBounds } from '../targets/naturalBounds.js';
import { type BacktestScore, backtest } from './backtest.js';
import { type Mixture, mixtureProbability, mixtureQuantile } from './mixture.js';
import { type TrendModel, type TrendModelName, trendModels } from './trendModels.js';

/** A prediction interval: the range holding the value with probability `level`. */
export interface PredictionInterval {
  level: number;
  lower: number;
  upper: number;
}

/** One value of a series: its time as a (fractional) year and the value. */
export interface SeriesPoint {
  t: number;
  value: number;
}

export interface SeriesForecastOptions {
  /** The threshold to reach, and in which direction (1: at least, -1: at most). */
  threshold?: { value: number; direction: 1 | -1 } | undefined;
  /** The value's natural bounds: intervals and projections are held within them. */
  bounds?: ValueBounds | undefined;
  /** Interval levels (default 0.8 and 0.95); none for the probability alone (faster in bulk). */
  levels?: readonly number[] | undefined;
}

/** A model left out, and why (a log model on a series with values at or below zero). */
export interface SkippedModel {
  model: TrendModelName;
  reason: string;
}

/** A model's share of the forecast, from its backtest error. */
export interface ModelWeight {
  model: TrendModelName;
  weight: number;
}

/**
 * A series' forecast at one time, or why there is none (`reason`). Every number is finite or
 * null: never NaN.
 */
export interface SeriesForecast {
  time: number;
  /** The model with the largest weight (the backtest's best), or null without a forecast. */
  model: TrendModelName | null;
  /** `backtest`: weights from the backtest errors; `equal`: too short to backtest. */
  weighted_by: 'backtest' | 'equal' | null;
  weights: ModelWeight[];
  backtest: BacktestScore[];
  skipped: SkippedModel[];
  /** The median forecast, held to the bounds. */
  projection: number | null;
  intervals: PredictionInterval[];
  /** Probability of reaching the threshold at `time`, when one is given. */
  probability: number | null;
  /** Why there is no forecast (too few observations, a time before the data), else null. */
  reason: string | null;
}

/** Models in order of preference: the first is the default name when weights tie (compound, as Open SDG). */
const preference: readonly TrendModelName[] = ['compound', 'linear', 'log-linear', 'damped'];

/** What a forecast needs: a series of at least three points, and a time after its last. */
export type ForecastInput =
  | { ok: true; t: number[]; y: number[]; models: TrendModel[]; skipped: SkippedModel[] }
  | { ok: false; reason: string };

/**
 * Forecasts a short series at `time` by combining trend models (Bates and Granger 1969): each
 * model that suits the series (log models only on positive values) is fitted, scored by a
 * rolling-origin backtest on the series' own history, and weighted by the inverse of its mean
 * absolute error (equal weights when the series is too short to backtest). The forecast is the
 * weighted mixture of the models' predictive distributions: its median is the projection, its
 * quantiles the prediction intervals, and the weighted probabilities the chance of reaching the
 * threshold. Picking the single best model instead gave intervals that held the truth far less
 * often than they claimed on short series (docs/methodology.md, calibration). Needs at least three
 * observations (two for the trend, one more for its spread); fewer, or a time not after the last
 * observation, give a reason instead of numbers.
 */
export function forecastSeries(
  points: readonly SeriesPoint[],
  time: number,
  options: SeriesForecastOptions = {},
): SeriesForecast {
  const result: SeriesForecast = {
    time,
    model: null,
    weighted_by: null,
    weights: [],
    backtest: [],
    skipped: [],
    projection: null,
    intervals: [],
    probability: null,
    reason: null,
  };
  const combined = combineModels(points, time);
  if (!combined.ok) return { ...result, reason: combined.reason };
  const { mixture } = combined;
  result.skipped = combined.skipped;
  result.backtest = combined.backtest;
  result.weights = combined.weights;
  result.weighted_by = combined.backtest.length > 0 ? 'backtest' : 'equal';
  result.model = combined.weights.reduce((a, b) => (b.weight > a.weight ? b : a)).model;
  const hold = (v: number) => clamp(v, options.bounds);
  const levels = options.levels ?? [0.8, 0.95];
  result.projection = hold(mixtureQuantile(mixture, 0.5));
  result.intervals = levels.map((level) => ({
    level,
    lower: hold(mixtureQuantile(mixture, (1 - level) / 2)),
    upper: hold(mixtureQuantile(mixture, (1 + level) / 2)),
  }));
  if (options.threshold)
    result.probability = mixtureProbability(
      mixture,
      options.threshold.value,
      options.threshold.direction,
    );
  return result;
}

/** The models combined for a series at a time, with their backtest and weights. */
export type CombinedModels =
  | {
      ok: true;
      mixture: Mixture;
      weights: ModelWeight[];
      backtest: BacktestScore[];
      skipped: SkippedModel[];
    }
  | { ok: false; reason: string };

/** The weighted mixture of the models' predictive distributions at `time` (see `forecastSeries`). */
export function combineModels(points: readonly SeriesPoint[], time: number): CombinedModels {
  const input = forecastInput(points, time);
  if (!input.ok) return input;
  const { t, y, models } = input;
  const scores = backtest(t, y, models);
  const weights = weightsOf(models, scores);
  const mixture: Mixture = weights.map(({ model, weight }) => ({
    predictive: trendModels[model].fit(t, y)(time),
    weight,
  }));
  return { ok: true, mixture, weights, backtest: scores, skipped: input.skipped };
}

/** The series sorted and checked, and the models that suit it; or why it cannot be forecast. */
export function forecastInput(points: readonly SeriesPoint[], time: number): ForecastInput {
  const series = points
    .filter((p) => Number.isFinite(p.t) && Number.isFinite(p.value))
    .sort((a, b) => a.t - b.t);
  for (let i = 1; i < series.length; i++)
    if ((series[i] as SeriesPoint).t === (series[i - 1] as SeriesPoint).t)
      return {
        ok: false,
        reason: `two values for the same time (${(series[i] as SeriesPoint).t})`,
      };
  const n = series.length;
  const needed = trendModels.compound.minPoints;
  if (n < needed)
    return {
      ok: false,
      reason:
        n === 0
          ? 'no observations'
          : `${n} observation${n === 1 ? '' : 's'}: a forecast with an interval needs at least ${needed}`,
    };
  const last = (series[n - 1] as SeriesPoint).t;
  if (!Number.isFinite(time) || time <= last)
    return { ok: false, reason: `${time} is not after the latest observation (${last})` };
  const y = series.map((p) => p.value);
  const positive = y.every((v) => v > 0);
  const models: TrendModel[] = [];
  const skipped: SkippedModel[] = [];
  for (const name of preference) {
    const model = trendModels[name];
    if (model.positive && !positive)
      skipped.push({
        model: name,
        reason: 'needs every value above zero (it works on logarithms)',
      });
    else models.push(model);
  }
  return { ok: true, t: series.map((p) => p.t), y, models, skipped };
}

/**
 * Weights proportional to 1 / MAE (a model that forecast its history exactly takes all the weight,
 * shared with any other that did); equal weights without a backtest.
 */
function weightsOf(models: readonly TrendModel[], scores: readonly BacktestScore[]): ModelWeight[] {
  if (scores.length === 0) return models.map((m) => ({ model: m.name, weight: 1 / models.length }));
  const best = Math.min(...scores.map((s) => s.mae));
  const raw = scores.map((s) => (best === 0 ? (s.mae === 0 ? 1 : 0) : best / s.mae));
  const total = raw.reduce((a, b) => a + b, 0);
  return scores.map((s, i) => ({ model: s.model, weight: (raw[i] as number) / total }));
}

function clamp(value: number, bounds: ValueBounds | undefined): number {
  return bounds ? Math.min(bounds.upper, Math.max(bounds.lower, value)) : value;
}
