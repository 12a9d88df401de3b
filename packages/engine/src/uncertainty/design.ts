import type { AggregateSpec } from '../aggregate/spec.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import type { ImputeMethod } from '../impute/spec.js';
import type { NormaliseSpec } from '../normalise/spec.js';

/**
 * What is uncertain in an index. Each discrete list holds alternatives, the first being the
 * nominal choice; a list of one fixes that setting without making it uncertain.
 */
export interface UncertaintyDesign {
  /**
   * Weights perturbed uniformly within ±`spread` of their nominal values (relative: 0.25 draws
   * each weight from [0.75 w, 1.25 w]) at the given tree levels (1 = the index's children; default
   * every level). One uncertain input per level.
   */
  weights?: { spread: number; levels?: readonly number[] | undefined } | undefined;
  normalise?: readonly NormaliseSpec[] | undefined;
  aggregate?: readonly AggregateSpec[] | undefined;
  impute?: readonly ImputeMethod[] | undefined;
  /** One more input whose levels are "drop nothing" (nominal) and "drop indicator i", each as likely. */
  leaveOneOut?: boolean | undefined;
}

/**
 * One uncertain input. A run draws `size` uniforms in [0, 1) for it: one per weight for a level's
 * weights, one for a discrete choice among `levels` alternatives.
 */
export type UncertainInput =
  | { name: string; kind: 'weights'; level: number; nodes: Int32Array; size: number }
  | {
      name: string;
      kind: 'normalise' | 'aggregate' | 'impute' | 'leave-one-out';
      levels: number;
      size: 1;
    };

/**
 * The uncertain inputs of `design` on `tree`, in a fixed order (weights by level, normalise,
 * aggregate, impute, leave-one-out): the order in which each run draws them. Throws RangeError
 * naming the bad part of the design.
 */
export function uncertainInputs(tree: FrameworkTree, design: UncertaintyDesign): UncertainInput[] {
  const inputs: UncertainInput[] = [];
  const deepest = Math.max(...tree.depth);
  if (design.weights) {
    const { spread } = design.weights;
    if (!(Number.isFinite(spread) && spread >= 0 && spread < 1)) {
      throw new RangeError(
        `weights: the spread must be at least 0 and below 1 (e.g. 0.25 for ±25%); got ${spread}`,
      );
    }
    const levels = design.weights.levels ?? Array.from({ length: deepest }, (_, i) => i + 1);
    if (levels.length === 0) throw new RangeError('weights: no level given');
    for (const level of [...new Set(levels)].sort((a, b) => a - b)) {
      if (!(Number.isInteger(level) && level >= 1 && level <= deepest)) {
        throw new RangeError(
          `weight level ${level}: the framework's levels are 1 to ${deepest} (1 = the index's children)`,
        );
      }
      const nodes = Int32Array.from(tree.depth.keys()).filter((n) => tree.depth[n] === level);
      inputs.push({
        name: `weights-level-${level}`,
        kind: 'weights',
        level,
        nodes,
        size: nodes.length,
      });
    }
  }
  const discrete = (kind: 'normalise' | 'aggregate' | 'impute', list?: readonly unknown[]) => {
    if (list && list.length >= 2) inputs.push({ name: kind, kind, levels: list.length, size: 1 });
  };
  discrete('normalise', design.normalise);
  discrete('aggregate', design.aggregate);
  discrete('impute', design.impute);
  if (design.leaveOneOut) {
    if (tree.indicators.length < 2) {
      throw new RangeError('leave-one-out needs at least two indicators');
    }
    inputs.push({
      name: 'leave-one-out',
      kind: 'leave-one-out',
      levels: tree.indicators.length + 1,
      size: 1,
    });
  }
  return inputs;
}
