import { aggregate } from '../aggregate/aggregate.js';
import { evaluateFormula } from '../formula/evaluate.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import { imputeGroupMean } from '../impute/imputeGroupMean.js';
import { imputeLatest } from '../impute/imputeLatest.js';
import { imputeMean } from '../impute/imputeMean.js';
import { imputeMedian } from '../impute/imputeMedian.js';
import type { ImputeMethod } from '../impute/spec.js';
import { normalise } from '../normalise/normalise.js';
import { treatOutliers } from '../outliers/treatOutliers.js';
import { type Panel, panelColumn } from '../panel/panel.js';
import { rankColumns } from '../rank/rankColumns.js';
import { extent } from '../stats/extent.js';
import type { UnitGroups } from './groups.js';
import { defaultRunSettings, nodeSettings, type RunSettings } from './settings.js';

export interface ComputeInput {
  tree: FrameworkTree;
  panel: Panel;
  /** Run settings; each omitted one takes its default (`defaultRunSettings`). */
  settings?: Partial<RunSettings>;
  /** Periods to compute (default: every period of the panel). */
  periods?: readonly string[];
  /** Unit groups, needed by `group-mean` imputation. */
  groups?: UnitGroups;
  /**
   * Whether to rank every node (default true). A caller that ranks the scores itself, e.g. with
   * `rankColumns` on several threads, skips it; `ranks` is then all NaN.
   */
  rank?: boolean;
}

/** One thing the run did to the data, recorded so the run can be explained and reproduced. */
export type Treatment =
  | {
      step: 'impute';
      period: string;
      indicator: string;
      unit: string;
      method: ImputeMethod;
      to: number;
    }
  | {
      step: 'outliers';
      period: string;
      indicator: string;
      outcome: 'winsorised' | 'log';
      skewness: number;
      kurtosis: number;
      pass: boolean;
      points: { unit: string; from: number; to: number; how: string }[];
    };

export interface RunRecord {
  framework: {
    id?: string | undefined;
    version?: string | number | undefined;
    nodes: number;
    indicators: number;
  };
  settings: RunSettings;
  /** Settings that framework nodes set for themselves, by node code. */
  nodeSettings: Record<string, Partial<RunSettings>>;
  periods: string[];
  units: number;
}

export interface ComputeResult {
  units: readonly string[];
  /** Node codes in the framework's pre-order (the index first). */
  codes: readonly string[];
  periods: string[];
  /** Score of every node for every unit: scores[(period * codes.length + node) * units.length + unit]. */
  scores: Float64Array;
  /** Rank of every node's score among units (1 = highest), same layout; NaN where the score is missing. */
  ranks: Float64Array;
  treatments: Treatment[];
  warnings: string[];
  record: RunRecord;
}

/**
 * Computes a composite index for every period: each indicator's raw values (from its formula),
 * imputed, treated for outliers and normalised; then each aggregate from its children, bottom-up;
 * then every node's ranks. Pure and deterministic: the same input gives the same output.
 */
export function compute(input: ComputeInput): ComputeResult {
  const { tree, panel } = input;
  const run: RunSettings = { ...defaultRunSettings, ...input.settings };
  const units = panel.units;
  const nu = units.length;
  const nn = tree.codes.length;
  const periods = input.periods ? [...input.periods] : [...panel.periods];
  const seriesIndex = new Map(panel.series.map((code, i) => [code, i]));
  const scores = new Float64Array(periods.length * nn * nu).fill(Number.NaN);
  const ranks = new Float64Array(scores.length).fill(Number.NaN);
  const treatments: Treatment[] = [];
  const warnings: string[] = [];
  const settingsOf = tree.nodes.map((node) => nodeSettings(node, run));

  const rawValues = (node: number, period: number): Float64Array => {
    const formula = tree.formulas[node];
    if (!formula) throw new Error(`node ${tree.codes[node]} is not an indicator`);
    const column = (code: string): Float64Array => {
      const s = seriesIndex.get(code);
      return s === undefined
        ? new Float64Array(nu).fill(Number.NaN)
        : panelColumn(panel, period, s);
    };
    return evaluateFormula(formula, column, nu);
  };

  periods.forEach((periodCode, p) => {
    const panelPeriod = panel.periods.indexOf(periodCode);
    if (panelPeriod < 0) throw new RangeError(`period "${periodCode}" has no data`);
    const out = (node: number) => scores.subarray((p * nn + node) * nu, (p * nn + node + 1) * nu);

    for (const node of tree.indicators) {
      const code = tree.codes[node] as string;
      const settings = settingsOf[node] as RunSettings;
      let values = rawValues(node, panelPeriod);

      if (settings.impute !== 'none') {
        const filled = impute(
          settings.impute,
          values,
          () => {
            const earlier: Float64Array[] = [];
            for (let q = panelPeriod - 1; q >= 0; q--) earlier.push(rawValues(node, q));
            return earlier;
          },
          input.groups,
        );
        for (let u = 0; u < nu; u++) {
          const to = filled[u] as number;
          if (Number.isNaN(values[u]) && !Number.isNaN(to)) {
            treatments.push({
              step: 'impute',
              period: periodCode,
              indicator: code,
              unit: units[u] as string,
              method: settings.impute,
              to,
            });
          }
        }
        values = filled;
      }

      if (settings.outliers.method !== 'none') {
        const treated = treatOutliers(values, settings.outliers);
        if (treated.outcome !== 'passed') {
          treatments.push({
            step: 'outliers',
            period: periodCode,
            indicator: code,
            outcome: treated.outcome,
            skewness: treated.skewness,
            kurtosis: treated.kurtosis,
            pass: treated.pass,
            points: treated.points.map((pt) => ({
              unit: units[pt.index] as string,
              from: pt.from,
              to: pt.to,
              how: pt.how,
            })),
          });
        }
        values = treated.values;
      }

      const [min, max] = extent(values);
      if (min === max)
        warnings.push(
          `indicator "${code}" has the same value (${min}) for every unit in ${periodCode}`,
        );
      else if (Number.isNaN(min))
        warnings.push(`indicator "${code}" has no value in ${periodCode}`);
      out(node).set(normalise(values, settings.normalise, tree.nodes[node]?.direction ?? 1));
    }

    for (const node of tree.aggregatesBottomUp) {
      const kids = tree.children[node] as Int32Array;
      const spec = (settingsOf[node] as RunSettings).aggregate;
      const weights = Float64Array.from(kids, (k) => tree.nodes[k]?.weight ?? 1);
      const childScores = Array.from(kids, (k) => out(k));
      const target = out(node);
      const scratch = new Float64Array(kids.length);
      let invalid = 0;
      for (let u = 0; u < nu; u++) {
        let allPresent = true;
        for (let c = 0; c < kids.length; c++) {
          const v = (childScores[c] as Float64Array)[u] as number;
          scratch[c] = v;
          if (Number.isNaN(v)) allPresent = false;
        }
        const value = aggregate(scratch, weights, spec);
        if (Number.isNaN(value) && allPresent && spec.method !== 'arithmetic') invalid++;
        target[u] = value;
      }
      if (invalid > 0) {
        warnings.push(
          `aggregate "${tree.codes[node]}" in ${periodCode}: the ${spec.method} mean is undefined for ${invalid} unit(s) with a negative child score; normalise to non-negative scores`,
        );
      }
    }
  });
  if (input.rank !== false) ranks.set(rankColumns(scores, nu));

  return {
    units,
    codes: tree.codes,
    periods,
    scores,
    ranks,
    treatments,
    warnings,
    record: runRecord(tree, run, periods, nu),
  };
}

function impute(
  method: ImputeMethod,
  values: Float64Array,
  earlier: () => Float64Array[],
  groups: UnitGroups | undefined,
): Float64Array {
  switch (method) {
    case 'none':
      return values;
    case 'mean':
      return imputeMean(values);
    case 'median':
      return imputeMedian(values);
    case 'group-mean':
      if (!groups)
        throw new RangeError('group-mean imputation needs unit groups (e.g. --group-by region)');
      return imputeGroupMean(values, groups.of);
    case 'latest':
      return imputeLatest(values, earlier());
  }
}

function runRecord(
  tree: FrameworkTree,
  run: RunSettings,
  periods: string[],
  units: number,
): RunRecord {
  const overrides: Record<string, Partial<RunSettings>> = {};
  for (const node of tree.nodes) {
    const own: Partial<RunSettings> = {};
    if (node.impute) own.impute = node.impute;
    if (node.outliers) own.outliers = node.outliers;
    if (node.normalise) own.normalise = node.normalise;
    if (node.aggregate) own.aggregate = node.aggregate;
    if (Object.keys(own).length > 0) overrides[node.code] = own;
  }
  return {
    framework: {
      id: tree.framework.id,
      version: tree.framework.version,
      nodes: tree.codes.length,
      indicators: tree.indicators.length,
    },
    settings: run,
    nodeSettings: overrides,
    periods,
    units,
  };
}
