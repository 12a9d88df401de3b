import type { AggregateMethod } from '../aggregate/spec.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';

/** One node's part in one unit's index score. */
export interface Contribution {
  /** The node's weight among its siblings with a score, renormalised to sum to 1 (0 if missing). */
  share: number;
  /** The node's effective weight in the index: the product of shares down its path (see below). */
  effective_weight: number;
  /** effective_weight x the node's score; NaN when the node has no score. */
  contribution: number;
}

/**
 * Breaks one unit's index score down over the nodes of the framework: contribution = effective
 * weight x score, where the effective weight W of the root is 1 and a child k of aggregate n gets
 *
 *   W_k = W_n x share_k x r_n,   share_k = w_k / (sum of w_j over the children with a score),
 *   r_n = 1 for an arithmetic mean, else r_n = score_n / (sum_j share_j x score_j).
 *
 * Under arithmetic means (r = 1) W is the product of renormalised weights along the path and the
 * indicators' contributions sum exactly to the index score (the OECD/JRC Handbook's effective
 * weights). Under any other mean the children of n share n's contribution in proportion to their
 * weighted scores (r_n rescales them, <= 1 for geometric and harmonic means), so the sum is still
 * exact but a contribution is a proportional share rather than a separable term. `scores` holds
 * the unit's score on every node (tree order); `methods` each aggregate's method.
 */
export function contributions(
  tree: FrameworkTree,
  scores: ArrayLike<number>,
  methods: readonly (AggregateMethod | undefined)[],
): Contribution[] {
  const nn = tree.codes.length;
  const share = new Float64Array(nn);
  const weight = new Float64Array(nn);
  if (nn > 0 && !Number.isNaN(scores[0])) {
    share[0] = 1;
    weight[0] = 1;
  }
  // Pre-order: a parent's weight is known before its children's.
  for (let n = 0; n < nn; n++) {
    const kids = tree.children[n] as Int32Array;
    if (kids.length === 0) continue;
    let wsum = 0;
    for (const k of kids) if (!Number.isNaN(scores[k])) wsum += tree.nodes[k]?.weight ?? 1;
    if (!(wsum > 0)) continue;
    let mean = 0;
    for (const k of kids) {
      const s = scores[k] as number;
      if (Number.isNaN(s)) continue;
      share[k] = (tree.nodes[k]?.weight ?? 1) / wsum;
      mean += (share[k] as number) * s;
    }
    const own = scores[n] as number;
    const r = methods[n] === 'arithmetic' || mean === 0 || Number.isNaN(own) ? 1 : own / mean;
    for (const k of kids) weight[k] = (weight[n] as number) * (share[k] as number) * r;
  }
  return Array.from({ length: nn }, (_, n) => {
    const s = scores[n] as number;
    return {
      share: share[n] as number,
      effective_weight: weight[n] as number,
      contribution: Number.isNaN(s) ? Number.NaN : (weight[n] as number) * s,
    };
  });
}
