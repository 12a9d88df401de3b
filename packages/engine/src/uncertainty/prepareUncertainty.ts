import type { AggregateSpec } from '../aggregate/spec.js';
import { compute } from '../compute/compute.js';
import type { UnitGroups } from '../compute/groups.js';
import { defaultRunSettings, type RunSettings } from '../compute/settings.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import type { Panel } from '../panel/panel.js';
import { type UncertainInput, type UncertaintyDesign, uncertainInputs } from './design.js';

export interface UncertaintyInput {
  tree: FrameworkTree;
  panel: Panel;
  /** The period analysed (default: the panel's latest). */
  period?: string | undefined;
  groups?: UnitGroups | undefined;
  /** Settings of every run where the design does not vary them (defaults: `defaultRunSettings`). */
  settings?: Partial<RunSettings> | undefined;
  design: UncertaintyDesign;
  /** Rank every aggregate, not only the index (default false). */
  allLevels?: boolean | undefined;
}

/**
 * Everything about an uncertainty analysis that does not change between runs, computed once: the
 * indicator scores of every (imputation, normalisation) alternative, each aggregate's method
 * under every aggregation alternative, and the nominal weights. A run then only re-aggregates.
 */
export interface UncertaintyModel {
  tree: FrameworkTree;
  units: readonly string[];
  period: string;
  inputs: readonly UncertainInput[];
  /** Uniform draws per run: the sum of the inputs' sizes. */
  width: number;
  /** Relative spread of the perturbed weights (0 when weights are not uncertain). */
  spread: number;
  /** Each node's weight in the framework. */
  nominalWeights: Float64Array;
  /**
   * Scores of every node, indicators filled, for alternative (impute i, normalise n) at
   * i * normaliseCount + n; laid out as compute's: [node * units + unit].
   */
  indicatorScores: readonly Float64Array[];
  normaliseCount: number;
  /** Each aggregate's method under aggregation alternative a: aggregateSpecs[a][node]. */
  aggregateSpecs: readonly (readonly AggregateSpec[])[];
  /** Nodes whose ranks are recorded: the index, or every aggregate in pre-order. */
  ranked: Int32Array;
  /** Warnings of the underlying computations, each once. */
  warnings: string[];
}

/** Builds the model of `input`'s analysis. Throws RangeError on a bad design or period. */
export function prepareUncertainty(input: UncertaintyInput): UncertaintyModel {
  const { tree, panel, design } = input;
  const period = input.period ?? panel.periods.at(-1);
  if (period === undefined || !panel.periods.includes(period)) {
    throw new RangeError(`period "${period ?? ''}" has no data`);
  }
  const inputs = uncertainInputs(tree, design);
  const base: RunSettings = { ...defaultRunSettings, ...input.settings };
  const imputes = design.impute?.length ? design.impute : [base.impute];
  const normalises = design.normalise?.length ? design.normalise : [base.normalise];
  const aggregates = design.aggregate?.length ? design.aggregate : [base.aggregate];
  const warnings = new Set<string>();
  const indicatorScores: Float64Array[] = [];
  for (const impute of imputes) {
    for (const normalise of normalises) {
      const result = compute({
        tree,
        panel,
        settings: { ...base, impute, normalise },
        periods: [period],
        rank: false,
        ...(input.groups ? { groups: input.groups } : {}),
      });
      for (const w of result.warnings) warnings.add(w);
      // Aggregates are recomputed by every run; only the indicator rows are kept.
      const scores = result.scores.slice();
      const nu = panel.units.length;
      for (const node of tree.aggregatesBottomUp)
        scores.fill(Number.NaN, node * nu, (node + 1) * nu);
      indicatorScores.push(scores);
    }
  }
  // A node's own method in the framework wins, as in compute.
  const aggregateSpecs = aggregates.map((spec) => tree.nodes.map((n) => n.aggregate ?? spec));
  const ranked = input.allLevels
    ? Int32Array.from(tree.codes.keys()).filter((n) => (tree.children[n]?.length ?? 0) > 0)
    : Int32Array.of(0);
  return {
    tree,
    units: panel.units,
    period,
    inputs,
    spread: design.weights?.spread ?? 0,
    width: inputs.reduce((w, x) => w + x.size, 0),
    nominalWeights: Float64Array.from(tree.nodes, (n) => n.weight ?? 1),
    indicatorScores,
    normaliseCount: normalises.length,
    aggregateSpecs,
    ranked,
    warnings: [...warnings],
  };
}
