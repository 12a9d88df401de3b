import { bootstrapSobol } from './bootstrapSobol.js';
import { randomStreams } from './randomStreams.js';
import type { SamplingPlan } from './samplingPlan.js';
import { sobolIndices } from './sobolIndices.js';

/** One input's first- and total-order indices with their bootstrap confidence intervals. */
export interface SensitivityRow {
  input: string;
  first_order: number;
  total_order: number;
  first_order_low: number;
  first_order_high: number;
  total_order_low: number;
  total_order_high: number;
}

export interface SensitivityOptions {
  seed: number;
  /** Bootstrap resamples (default 1000). */
  resamples?: number | undefined;
  /** Confidence level of the intervals (default 0.95). */
  level?: number | undefined;
}

/**
 * Sensitivity indices of each input on the output `f` of every run of a Saltelli `plan` (run
 * order of sampleDraws: per row A, B, AB^(1) .. AB^(d)), with `sobolIndices` and
 * `bootstrapSobol`. The bootstrap draws from stream 0 of the seed, which no run uses.
 */
export function sensitivityIndices(
  plan: Extract<SamplingPlan, { kind: 'saltelli' }>,
  f: Float64Array,
  names: readonly string[],
  options: SensitivityOptions,
): SensitivityRow[] {
  const { base: n, inputs: d } = plan;
  const perRow = d + 2;
  const column = (k: number) =>
    Float64Array.from({ length: n }, (_, j) => f[j * perRow + k] as number);
  const fA = column(0);
  const fB = column(1);
  const fAB = Array.from({ length: d }, (_, i) => column(2 + i));
  const point = sobolIndices(fA, fB, fAB);
  const ci = bootstrapSobol(
    fA,
    fB,
    fAB,
    randomStreams(options.seed).next(),
    options.resamples ?? 1000,
    options.level ?? 0.95,
  );
  return names.map((input, i) => ({
    input,
    first_order: point.firstOrder[i] as number,
    total_order: point.totalOrder[i] as number,
    first_order_low: ci.firstOrderLow[i] as number,
    first_order_high: ci.firstOrderHigh[i] as number,
    total_order_low: ci.totalOrderLow[i] as number,
    total_order_high: ci.totalOrderHigh[i] as number,
  }));
}
