import { compute } from '../compute/compute.js';
import type { UnitGroups } from '../compute/groups.js';
import { defaultRunSettings, nodeSettings, type RunSettings } from '../compute/settings.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import type { Panel } from '../panel/panel.js';
import { contributions } from './contributions.js';
import { indicatorRawValues } from './indicatorRawValues.js';
import { type PeriodChange, type PeriodFigures, periodChange } from './periodChange.js';
import { type ScoreGaps, scoreGaps } from './scoreGaps.js';
import { type WhatIfItem, whatIf } from './whatIf.js';

export interface ExplainInput {
  tree: FrameworkTree;
  panel: Panel;
  settings?: Partial<RunSettings> | undefined;
  groups?: UnitGroups | undefined;
  unit: string;
  period: string;
  /** Share of the gap to the best performer closed in the what-if, 0 to 1 (default 0.5). */
  share?: number | undefined;
  /** How many what-if items to keep (default 5). */
  top?: number | undefined;
  /**
   * The period to compare with and the unit's figures in it, when they do not come from the panel:
   * e.g. a unit formed by a merge, whose figures before the merge are its predecessors'
   * (`successorFigures`). `null`: no period to compare with. Default: the panel's period before
   * `period`, computed with it on the same units.
   */
  previous?: { period: string; figures: PeriodFigures } | null | undefined;
}

/** One node of the framework as it stands for the unit. */
export interface ExplainedNode {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
  kind: 'index' | 'aggregate' | 'indicator';
  /** The framework's weight among siblings. */
  weight: number;
  direction: 1 | -1;
  /** The indicator's raw value (NaN for aggregates). */
  value: number;
  score: number;
  rank: number;
  /** The weight renormalised over the siblings with a score, its effective weight in the index, and effective_weight x score. */
  share: number;
  effective_weight: number;
  contribution: number;
}

export interface Explanation {
  unit: string;
  period: string;
  /** Units with an index score in the period. */
  units: number;
  score: number;
  rank: number;
  /**
   * `arithmetic`: every aggregate is an arithmetic mean, each contribution is a separable term
   * (effective weight x score). `proportional`: some aggregate is not, and its score is shared
   * among its children in proportion to their weighted scores. Both sum exactly to the score.
   */
  method: 'arithmetic' | 'proportional';
  nodes: ExplainedNode[];
  gaps: ScoreGaps;
  what_if: { share: number; evaluated: number; skipped: string[]; items: WhatIfItem[] };
  /** Against the period before in the panel (or `previous`); null in its first period. */
  change: PeriodChange | null;
  warnings: string[];
}

export const defaultWhatIfShare = 0.5;
export const defaultWhatIfTop = 5;

/**
 * Explains one unit's index score in one period: each node's contribution, the gaps to the unit
 * just above and to the leader, the indicators on which closing `share` of the gap to the best
 * performer lifts the rank most (`whatIf`), and the change since the period before attributed to
 * nodes. One `compute` of the two periods, plus the what-if's partial recomputations.
 * Throws RangeError for a unit or period not in the panel, or a share outside [0, 1].
 */
export function explainUnit(input: ExplainInput): Explanation {
  const { tree, panel } = input;
  const share = input.share ?? defaultWhatIfShare;
  const top = input.top ?? defaultWhatIfTop;
  const u = panel.units.indexOf(input.unit);
  const p = panel.periods.indexOf(input.period);
  if (u < 0) throw new RangeError(`unit "${input.unit}" is not in the data`);
  if (p < 0) throw new RangeError(`period "${input.period}" has no data`);
  if (!(share >= 0 && share <= 1)) throw new RangeError(`share ${share} is not between 0 and 1`);
  if (!(Number.isInteger(top) && top >= 0)) throw new RangeError(`top ${top} is not a count`);

  const settings: RunSettings = { ...defaultRunSettings, ...input.settings };
  const previous =
    input.previous !== undefined || p === 0 ? undefined : (panel.periods[p - 1] as string);
  const groups = input.groups ? { groups: input.groups } : {};
  const result = compute({
    tree,
    panel,
    settings,
    periods: previous === undefined ? [input.period] : [previous, input.period],
    ...groups,
  });
  const nu = panel.units.length;
  const nn = tree.codes.length;
  const methods = tree.nodes.map((n, i) =>
    (tree.children[i] as Int32Array).length > 0
      ? nodeSettings(n, settings).aggregate.method
      : undefined,
  );
  const raws = new Map(Array.from(tree.indicators, (i) => [i, indicatorRawValues(tree, panel, i)]));
  const figures = (q: number) => {
    const scores = result.scores.subarray(q * nn * nu, (q + 1) * nn * nu);
    const ranks = result.ranks.subarray(q * nn * nu, (q + 1) * nn * nu);
    const own = Float64Array.from({ length: nn }, (_, n) => scores[n * nu + u] as number);
    const panelPeriod = panel.periods.indexOf(result.periods[q] as string);
    return {
      scores,
      ranks,
      score: own[0] as number,
      rank: ranks[u] as number,
      own,
      ownRanks: Float64Array.from({ length: nn }, (_, n) => ranks[n * nu + u] as number),
      parts: contributions(tree, own, methods),
      values: tree.codes.map((_, n) => raws.get(n)?.[panelPeriod]?.[u] ?? Number.NaN),
    };
  };
  const now = figures(result.periods.length - 1);
  const before = previous === undefined ? undefined : figures(0);

  const simulated = whatIf({
    tree,
    panel,
    settings,
    groups: input.groups,
    period: input.period,
    unit: u,
    scores: now.scores.slice(),
    share,
  });
  const period = (f: typeof now) => ({
    score: f.score,
    rank: f.rank,
    contributions: f.parts.map((c) => c.contribution),
    values: f.values,
  });
  let ranked = 0;
  for (let v = 0; v < nu; v++) if (!Number.isNaN(now.scores[v])) ranked++;

  return {
    unit: input.unit,
    period: input.period,
    units: ranked,
    score: now.score,
    rank: now.rank,
    method: methods.every((m) => m === undefined || m === 'arithmetic')
      ? 'arithmetic'
      : 'proportional',
    nodes: tree.nodes.map((node, n) => {
      const part = now.parts[n] as (typeof now.parts)[number];
      const parent = tree.parent[n] as number;
      return {
        code: node.code,
        name: node.name ?? node.code,
        parent: parent < 0 ? null : (tree.codes[parent] as string),
        depth: tree.depth[n] as number,
        kind: n === 0 ? 'index' : methods[n] === undefined ? 'indicator' : 'aggregate',
        weight: node.weight,
        direction: node.direction,
        value: now.values[n] as number,
        score: now.own[n] as number,
        rank: now.ownRanks[n] as number,
        ...part,
      };
    }),
    gaps: scoreGaps(tree, panel.units, now.scores, now.ranks, u),
    what_if: {
      share,
      evaluated: simulated.items.length,
      skipped: simulated.skipped,
      items: simulated.items.slice(0, top),
    },
    change: input.previous
      ? periodChange(tree.codes, input.previous.period, period(now), input.previous.figures)
      : before && previous !== undefined
        ? periodChange(tree.codes, previous, period(now), period(before))
        : null,
    warnings: result.warnings,
  };
}
