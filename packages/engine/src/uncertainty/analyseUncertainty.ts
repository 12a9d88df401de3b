import { nominalDraws } from './nominalDraws.js';
import {
  prepareUncertainty,
  type UncertaintyInput,
  type UncertaintyModel,
} from './prepareUncertainty.js';
import { rankShift } from './rankShift.js';
import { planRuns, type SamplingPlan, sampleDraws } from './samplingPlan.js';
import { type SensitivityRow, sensitivityIndices } from './sensitivityIndices.js';
import { simulateRuns } from './simulateRuns.js';
import { type RankInterval, summariseRanks } from './summariseRanks.js';

export interface UncertaintyOptions {
  /** Monte Carlo runs; with `sensitivity`, Saltelli's base sample N (N (d + 2) runs in all). */
  runs: number;
  seed: number;
  /** The ±k band of `within_k_share` (default 3 places). */
  k?: number | undefined;
  /** Saltelli design and sensitivity indices of the mean absolute rank shift (default false). */
  sensitivity?: boolean | undefined;
  /** Bootstrap resamples for the indices' intervals (default 1000). */
  resamples?: number | undefined;
  /** Confidence level of those intervals (default 0.95). */
  level?: number | undefined;
}

export interface UncertaintyResult {
  period: string;
  /** Runs made: `runs`, or N (d + 2) with sensitivity. */
  runs: number;
  inputs: string[];
  k: number;
  intervals: RankInterval[];
  sensitivity?: SensitivityRow[];
  warnings: string[];
}

/** The sampling plan of an analysis; throws RangeError on a bad run count. */
export function uncertaintyPlan(
  model: UncertaintyModel,
  options: UncertaintyOptions,
): SamplingPlan {
  if (!(Number.isInteger(options.runs) && options.runs >= 1)) {
    throw new RangeError(`runs must be a whole number of at least 1; got ${options.runs}`);
  }
  if (!options.sensitivity) return { kind: 'monte-carlo', runs: options.runs };
  if (model.inputs.length === 0) {
    throw new RangeError('a sensitivity analysis needs at least one uncertain input');
  }
  if (options.runs < 2) throw new RangeError('a sensitivity analysis needs runs of at least 2');
  return { kind: 'saltelli', base: options.runs, inputs: model.inputs.length };
}

/**
 * The results of every run of `plan` (ranks laid out as simulateRuns returns them, runs in plan
 * order however they were computed) summarised: rank intervals per unit and ranked node, and with
 * a Saltelli plan the sensitivity indices of the mean absolute rank shift. The interval statistics
 * use every run, including the AB^(i) runs of a Saltelli plan, each a draw from the inputs'
 * distribution.
 */
export function summariseUncertainty(
  model: UncertaintyModel,
  plan: SamplingPlan,
  ranks: Uint32Array,
  options: UncertaintyOptions,
): UncertaintyResult {
  const runs = planRuns(plan);
  const k = options.k ?? 3;
  const nominal = simulateRuns(model, nominalDraws(model), 1);
  const result: UncertaintyResult = {
    period: model.period,
    runs,
    inputs: model.inputs.map((i) => i.name),
    k,
    intervals: summariseRanks(model, ranks, runs, nominal, k),
    warnings: model.warnings,
  };
  if (plan.kind === 'saltelli') {
    const f = rankShift(ranks, nominal, runs, model.units.length, model.ranked.length);
    result.sensitivity = sensitivityIndices(plan, f, result.inputs, options);
  }
  return result;
}

/**
 * Uncertainty (and optionally sensitivity) analysis of an index's ranks, on one thread: builds
 * the model, makes every run and summarises. Deterministic: the same input and seed give the same
 * result, equal to what any split of the runs between threads gives (see sampleDraws).
 */
export function analyseUncertainty(
  input: UncertaintyInput,
  options: UncertaintyOptions,
): UncertaintyResult {
  const model = prepareUncertainty(input);
  const plan = uncertaintyPlan(model, options);
  const runs = planRuns(plan);
  const ranks = simulateRuns(model, sampleDraws(plan, model.inputs, options.seed, 0, runs), runs);
  return summariseUncertainty(model, plan, ranks, options);
}
