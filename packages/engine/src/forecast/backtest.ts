import { predictiveMedian } from './predictive.js';
import { type TrendModel, trendModels } from './trendModels.js';

/** How well a model forecast a series' own later values from its earlier ones. */
export interface BacktestScore {
  model: TrendModel['name'];
  /** Mean absolute error of the point forecasts, in the series' own unit. */
  mae: number;
  /** Forecasts made: every later point from every origin. */
  forecasts: number;
}

/** The first origin: a model needs this many points before it forecasts the rest. */
export const backtestOrigin = 3;

/**
 * Rolling-origin evaluation (Tashman 2000): for each origin k from `backtestOrigin` to n - 1, the
 * model is fitted to the first k points and forecasts every later point; the score is the mean
 * absolute error of those forecasts. Every model is scored on the same forecasts, so the scores
 * compare. Needs at least `backtestOrigin + 1` points; fewer give no scores.
 */
export function backtest(
  t: readonly number[],
  y: readonly number[],
  models: readonly TrendModel[] = Object.values(trendModels),
): BacktestScore[] {
  const n = y.length;
  if (n <= backtestOrigin) return [];
  return models.map((model) => {
    let total = 0;
    let forecasts = 0;
    for (let k = backtestOrigin; k < n; k++) {
      const fitted = model.fit(t.slice(0, k), y.slice(0, k));
      for (let j = k; j < n; j++) {
        total += Math.abs((y[j] as number) - predictiveMedian(fitted(t[j] as number)));
        forecasts++;
      }
    }
    return { model: model.name, mae: total / forecasts, forecasts };
  });
}
