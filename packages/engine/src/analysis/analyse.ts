import type { ComputeResult } from '../compute/compute.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import { cronbachAlpha } from './cronbachAlpha.js';
import { pearson } from './pearson.js';
import { spearman } from './spearman.js';

export interface NodeCorrelation {
  code: string;
  parent: string | null;
  pearsonWithParent: number;
  spearmanWithParent: number;
  pearsonWithIndex: number;
  spearmanWithIndex: number;
}

export interface AggregateConsistency {
  code: string;
  children: number;
  /** Cronbach's alpha of the children's scores. */
  cronbachAlpha: number;
}

export interface Analysis {
  period: string;
  correlations: NodeCorrelation[];
  consistency: AggregateConsistency[];
}

/**
 * Statistical coherence of a computed index in one period, as COINr's analysis reports it:
 * each node's Pearson and Spearman correlation with its parent and with the index, and
 * Cronbach's alpha of each aggregate's children.
 */
export function analyse(tree: FrameworkTree, result: ComputeResult, period: string): Analysis {
  const p = result.periods.indexOf(period);
  if (p < 0) throw new RangeError(`period "${period}" was not computed`);
  const nu = result.units.length;
  const nn = result.codes.length;
  const scores = (node: number) =>
    result.scores.subarray((p * nn + node) * nu, (p * nn + node + 1) * nu);
  const index = scores(0);

  const correlations: NodeCorrelation[] = [];
  for (let node = 1; node < nn; node++) {
    const parent = tree.parent[node] as number;
    const own = scores(node);
    const up = scores(parent);
    correlations.push({
      code: tree.codes[node] as string,
      parent: tree.codes[parent] ?? null,
      pearsonWithParent: pearson(own, up),
      spearmanWithParent: spearman(own, up),
      pearsonWithIndex: pearson(own, index),
      spearmanWithIndex: spearman(own, index),
    });
  }
  const consistency = Array.from(tree.aggregatesBottomUp)
    .reverse()
    .map((node) => {
      const kids = tree.children[node] as Int32Array;
      return {
        code: tree.codes[node] as string,
        children: kids.length,
        cronbachAlpha: cronbachAlpha(Array.from(kids, (k) => scores(k))),
      };
    });
  return { period, correlations, consistency };
}
