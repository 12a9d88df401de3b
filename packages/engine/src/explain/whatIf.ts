import { compute } from '../compute/compute.js';
import type { UnitGroups } from '../compute/groups.js';
import { nodeSettings, type RunSettings } from '../compute/settings.js';
import { type FrameworkTree, frameworkTree } from '../framework/frameworkTree.js';
import type { Panel } from '../panel/panel.js';
import { indicatorRawValues } from './indicatorRawValues.js';
import { reaggregateAncestors } from './reaggregateAncestors.js';

/** What closing part of the gap to the best performer on one indicator would do to a unit. */
export interface WhatIfItem {
  indicator: string;
  direction: 1 | -1;
  /** The unit's raw value (the indicator's own units), the best performer's, and the new one. */
  value: number;
  best: number;
  best_unit: string;
  target: number;
  /** The unit's normalised score on the indicator, before and after. */
  indicator_score: number;
  new_indicator_score: number;
  /** The unit's index score and rank, before and after. */
  score: number;
  new_score: number;
  score_gain: number;
  rank: number;
  new_rank: number;
  /** Places gained: rank - new_rank. */
  rank_gain: number;
}

export interface WhatIf {
  share: number;
  /** Every indicator the unit has a value for, most places gained first, then most score gained. */
  items: WhatIfItem[];
  /** Indicators on which the unit has no raw value of its own: nothing to improve until reported. */
  skipped: string[];
}

export interface WhatIfInput {
  tree: FrameworkTree;
  panel: Panel;
  settings: RunSettings;
  groups?: UnitGroups | undefined;
  period: string;
  /** The unit's position in `panel.units`. */
  unit: number;
  /** The period's scores as `compute` gives them, node-major: scores[n * units + u]. */
  scores: Float64Array;
  /** Share of the gap to the best performer closed, 0 to 1. */
  share: number;
}

/**
 * For each indicator, moves the unit's raw value a `share` of the way to the best raw value among
 * the units (the highest, or the lowest for direction -1) and recomputes the whole pipeline:
 * imputation, outlier treatment and normalisation of that indicator over all units (so bounds and
 * means that depend on the unit's value move), then every aggregate above it, then the index ranks.
 * Only what depends on the changed indicator is recomputed: its own pipeline, by `compute` on that
 * indicator alone, and its ancestors by `reaggregateAncestors`; the result equals a full `compute`
 * of the changed data.
 */
export function whatIf(input: WhatIfInput): WhatIf {
  const { tree, panel, settings, period, unit: u, scores, share } = input;
  const nu = panel.units.length;
  const p = panel.periods.indexOf(period);
  if (p < 0) throw new RangeError(`period "${period}" has no data`);
  const specs = tree.nodes.map((n) => nodeSettings(n, settings).aggregate);
  const score = scores[u] as number;
  const rank = rankOf(scores, nu, score);
  const items: WhatIfItem[] = [];
  const skipped: string[] = [];

  for (const i of tree.indicators) {
    const node = tree.nodes[i];
    const code = tree.codes[i] as string;
    const raw = indicatorRawValues(tree, panel, i);
    const now = raw[p] as Float64Array;
    const value = now[u] as number;
    if (!node || Number.isNaN(value)) {
      skipped.push(code);
      continue;
    }
    const best = bestValue(now, node.direction);
    const bestRaw = now[best] as number;
    const target = value + share * (bestRaw - value);
    now[u] = target;

    // The indicator alone, reading its raw values as a series of its own code (every period, for
    // latest-value imputation): compute's own indicator step, with the node's own settings.
    const alone = frameworkTree({
      nodes: [
        {
          ...node,
          parent: undefined,
          formula: undefined,
          numerator: undefined,
          denominator: undefined,
        },
      ],
    });
    const values = new Float64Array(raw.length * nu);
    for (const [q, column] of raw.entries()) values.set(column, q * nu);
    const own = compute({
      tree: alone,
      panel: { units: panel.units, series: [code], periods: panel.periods, values },
      settings,
      periods: [period],
      rank: false,
      ...(input.groups ? { groups: input.groups } : {}),
    });
    const next = scores.slice();
    next.set(own.scores, i * nu);
    reaggregateAncestors(tree, next, nu, i, specs);
    const newScore = next[u] as number;
    const newRank = rankOf(next, nu, newScore);
    items.push({
      indicator: code,
      direction: node.direction,
      value,
      best: bestRaw,
      best_unit: panel.units[best] as string,
      target,
      indicator_score: scores[i * nu + u] as number,
      new_indicator_score: next[i * nu + u] as number,
      score,
      new_score: newScore,
      score_gain: newScore - score,
      rank,
      new_rank: newRank,
      rank_gain: rank - newRank,
    });
  }
  // Stable sort: equal gains keep the framework's order. NaN gains sort last.
  const key = (x: number) => (Number.isNaN(x) ? Number.NEGATIVE_INFINITY : x);
  items.sort(
    (a, b) => key(b.rank_gain) - key(a.rank_gain) || key(b.score_gain) - key(a.score_gain) || 0,
  );
  return { share, items, skipped };
}

/** Competition rank of `score` among the first `units` scores (the index): 1 + those above it. */
function rankOf(scores: ArrayLike<number>, units: number, score: number): number {
  if (Number.isNaN(score)) return Number.NaN;
  let above = 0;
  for (let v = 0; v < units; v++) if ((scores[v] as number) > score) above++;
  return above + 1;
}

/** Position of the best present value: the highest, or the lowest for direction -1; first of ties. */
function bestValue(values: Float64Array, direction: 1 | -1): number {
  let best = -1;
  for (let v = 0; v < values.length; v++) {
    const x = values[v] as number;
    if (Number.isNaN(x)) continue;
    if (best < 0 || direction * x > direction * (values[best] as number)) best = v;
  }
  return best;
}
