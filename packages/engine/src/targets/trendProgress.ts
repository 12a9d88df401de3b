import { periodYear } from '../period/periodYear.js';
import type { Observation } from './assessTarget.js';
import type { TargetGrade, TargetStatus } from './progressStatus.js';

/** Open SDG's growth thresholds for an indicator without a target (1.5%, 0.5% and 0 a year). */
export const trendThresholds = { high: 0.015, med: 0.005, low: 0 } as const;

/** The exponent of Open SDG's scaling factor near a natural limit. */
const limitExponent = 4.44;

export interface TrendProgress {
  status: Exclude<TargetStatus, 'achieved'>;
  grade: TargetGrade | null;
  base_period: string | null;
  latest_period: string | null;
  /** sign * direction * CAGR from the base to the latest value: above 0 is the desired way. */
  progress: number | null;
  /** C, between 0 and 1: how much the positive thresholds shrink near the limit (1: far from it). */
  coefficient: number;
  thresholds: { high: number; med: number; low: number };
}

/**
 * The progress of an indicator without a target, as Open SDG computes it (sdg-build's
 * ProgressMeasure, "methodology 1"): the compound annual growth rate from the base value (the
 * observation of `basePeriod`, else the first one after it, else the earliest) to the latest,
 * times the direction and the base's sign, against 1.5% (on track), 0.5% (off track, acceleration
 * needed) and 0 (off track, limited progress; below it regressing). A base of 0 counts as 0.001,
 * as in Open SDG; a base and latest value of opposite signs, or fewer than two years, give
 * insufficient data.
 *
 * Near a natural limit in the desired direction (`limit`: 100 for a share to raise, 0 for one to
 * lower) the positive thresholds are multiplied by Open SDG's scaling factor
 * C = 1 - (|y0| / |L|)^4.44 when |y0| <= |L|, 1 - ((2|L| - |y0|) / |L|)^4.44 when |L| < |y0| < 2|L|,
 * and 1 from 2|L| on, so that a share already at 98% can still be on track.
 */
export function trendProgress(
  observations: readonly Observation[],
  direction: 1 | -1,
  options: { limit?: number | undefined; basePeriod?: string | undefined } = {},
): TrendProgress {
  const series = observations
    .map((o) => ({ ...o, t: periodYear(o.period) }))
    .filter((o) => Number.isFinite(o.value) && Number.isFinite(o.t))
    .sort((a, b) => a.t - b.t);
  const fromBase =
    options.basePeriod === undefined
      ? series
      : series.filter((o) => o.t >= periodYear(options.basePeriod as string));
  const base = fromBase[0];
  const latest = series.at(-1);
  const result: TrendProgress = {
    status: 'insufficient-data',
    grade: null,
    base_period: base?.period ?? null,
    latest_period: latest?.period ?? null,
    progress: null,
    coefficient: 1,
    thresholds: { ...trendThresholds },
  };
  if (!base || !latest || latest.t - base.t < 1) return result;
  const y0 = base.value === 0 ? 0.001 : base.value;
  if ((y0 > 0 && latest.value < 0) || (y0 < 0 && latest.value > 0)) return result;
  const sign = y0 < 0 ? -1 : 1;
  // Open SDG's growth_calculation, which also takes two negative values (their ratio is positive).
  const cagr = (latest.value / y0) ** (1 / (latest.t - base.t)) - 1;
  const progress = sign * direction * cagr;
  if (!Number.isFinite(progress)) return result;
  const coefficient =
    options.limit === undefined ? 1 : scalingFactor(Math.abs(y0), Math.abs(options.limit));
  const thresholds = {
    high: trendThresholds.high * coefficient,
    med: trendThresholds.med * coefficient,
    low: trendThresholds.low,
  };
  const graded =
    progress >= thresholds.high
      ? { status: 'on-track' as const, grade: null }
      : progress >= thresholds.med
        ? { status: 'off-track' as const, grade: 'acceleration-needed' as const }
        : progress >= thresholds.low
          ? { status: 'off-track' as const, grade: 'limited' as const }
          : { status: 'regressing' as const, grade: null };
  return { ...result, ...graded, progress, coefficient, thresholds };
}

/** Open SDG's C for a base |y0| and a limit |L| (both non-negative). */
export function scalingFactor(base: number, limit: number): number {
  if (base >= 2 * limit) return 1;
  if (base <= limit) return 1 - (base / limit) ** limitExponent;
  return 1 - ((2 * limit - base) / limit) ** limitExponent;
}
