import { forecastSeries } from './forecastSeries.js';
import type { SyntheticCase } from './syntheticSeries.js';

/** How well forecasts' intervals and probabilities matched what happened. */
export interface Calibration {
  cases: number;
  /** Share of truths inside the 80% and the 95% intervals (a calibrated forecast: 0.80, 0.95). */
  coverage80: number;
  coverage95: number;
  /** Mean squared difference between the probability of reaching the threshold and the outcome (0 or 1). */
  brier: number;
  /** The Brier score of always saying 50%, for comparison (0.25). */
  brier_reference: number;
}

/**
 * Forecasts each case at its time and scores the forecasts against the truth: interval coverage
 * and the Brier score (Brier 1950) of the probability of reaching the threshold. Cases without a
 * forecast are not counted.
 */
export function calibrate(cases: readonly SyntheticCase[]): Calibration {
  let n = 0;
  let in80 = 0;
  let in95 = 0;
  let brier = 0;
  for (const c of cases) {
    const f = forecastSeries(c.observed, c.time, {
      threshold: { value: c.threshold, direction: 1 },
    });
    if (f.reason !== null || f.probability === null) continue;
    const [i80, i95] = f.intervals;
    n++;
    if (i80 && c.truth >= i80.lower && c.truth <= i80.upper) in80++;
    if (i95 && c.truth >= i95.lower && c.truth <= i95.upper) in95++;
    brier += (f.probability - (c.truth >= c.threshold ? 1 : 0)) ** 2;
  }
  return {
    cases: n,
    coverage80: in80 / n,
    coverage95: in95 / n,
    brier: brier / n,
    brier_reference: 0.25,
  };
}
