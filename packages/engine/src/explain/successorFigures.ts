import { defaultRunSettings, nodeSettings, type RunSettings } from '../compute/settings.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import { contributions } from './contributions.js';
import type { PeriodFigures } from './periodChange.js';

export interface SuccessorFiguresInput {
  tree: FrameworkTree;
  settings?: Partial<RunSettings> | undefined;
  /**
   * Each predecessor's score on every node (tree order, NaN for missing), as its own results of
   * the period have them. One entry: the unit's own figures.
   */
  predecessors: readonly ArrayLike<number>[];
  /** The unit's rank in the period among the units it is compared with (`successorScores`' ranks). */
  rank: number;
  /** The unit's raw indicator values in the period, tree order (NaN for aggregates). */
  values: ArrayLike<number>;
}

/**
 * A unit's figures in a period before it existed, from its predecessors' (a province formed by a
 * merge in the year before the merge), by the lineage rule of `successorScores`: its score is the
 * unweighted mean of the predecessors' index scores (those present). Each node's contribution is
 * the mean of the predecessors' contributions (`contributions`, under the run's aggregation
 * methods) over the same predecessors, a missing contribution counting as 0 (NaN when none of them
 * has one), so that, as the mean is linear, the indicators' contributions still add up exactly to
 * the score and `periodChange` against them still sums to the change in score:
 *
 *   score = (1/m) sum_p score_p,   c_n = (1/m) sum_p c_{p,n},   m = predecessors with a score.
 *
 * With one predecessor these are its own figures. Pure: scores, rank and raw values come in.
 */
export function successorFigures(input: SuccessorFiguresInput): PeriodFigures {
  const { tree } = input;
  const settings: RunSettings = { ...defaultRunSettings, ...input.settings };
  const nn = tree.codes.length;
  const methods = tree.nodes.map((n, i) =>
    (tree.children[i] as Int32Array).length > 0
      ? nodeSettings(n, settings).aggregate.method
      : undefined,
  );
  const sum = new Float64Array(nn);
  const present = new Uint8Array(nn);
  let m = 0;
  let total = 0;
  for (const scores of input.predecessors) {
    const score = scores[0] as number;
    if (nn === 0 || Number.isNaN(score)) continue;
    m++;
    total += score;
    contributions(tree, scores, methods).forEach((c, n) => {
      if (Number.isNaN(c.contribution)) return;
      sum[n] = (sum[n] as number) + c.contribution;
      present[n] = 1;
    });
  }
  return {
    score: m > 0 ? total / m : Number.NaN,
    rank: input.rank,
    contributions: Array.from({ length: nn }, (_, n) =>
      m > 0 && present[n] ? (sum[n] as number) / m : Number.NaN,
    ),
    values: Array.from({ length: nn }, (_, n) => (input.values[n] as number) ?? Number.NaN),
  };
}
