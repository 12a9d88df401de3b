import { aggregate } from '../aggregate/aggregate.js';
import type { AggregateSpec } from '../aggregate/spec.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';

/**
 * After the scores of `node` changed, recomputes in place the scores of its ancestors for every
 * unit, nearest first, exactly as `compute` aggregates them (same function, same order of
 * operands), so the result equals a full recomputation bit for bit: no other node depends on
 * `node`. `scores` holds one period, node-major: scores[n * units + u].
 */
export function reaggregateAncestors(
  tree: FrameworkTree,
  scores: Float64Array,
  units: number,
  node: number,
  specs: readonly AggregateSpec[],
): void {
  const scratch = new Float64Array(Math.max(1, ...tree.children.map((c) => c.length)));
  for (let a = tree.parent[node] as number; a >= 0; a = tree.parent[a] as number) {
    const kids = tree.children[a] as Int32Array;
    const weights = Float64Array.from(kids, (k) => tree.nodes[k]?.weight ?? 1);
    const spec = specs[a] as AggregateSpec;
    const values = scratch.subarray(0, kids.length);
    for (let u = 0; u < units; u++) {
      for (let c = 0; c < kids.length; c++)
        values[c] = scores[(kids[c] as number) * units + u] as number;
      scores[a * units + u] = aggregate(values, weights, spec);
    }
  }
}
