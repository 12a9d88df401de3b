import type { AggregateSpec } from '../aggregate/spec.js';
import type { FrameworkNode } from '../framework/schema.js';
import type { ImputeMethod } from '../impute/spec.js';
import type { NormaliseSpec } from '../normalise/spec.js';
import type { OutlierSpec } from '../outliers/spec.js';

/**
 * The settings of a run, applied to every node that does not set its own: a node's `impute`,
 * `outliers`, `normalise` or `aggregate` in the framework wins over these.
 */
export interface RunSettings {
  impute: ImputeMethod;
  outliers: OutlierSpec;
  normalise: NormaliseSpec;
  aggregate: AggregateSpec;
}

/** The defaults of the JRC/OECD Handbook as COINr applies them. */
export const defaultRunSettings: RunSettings = {
  impute: 'none',
  outliers: { method: 'none' },
  normalise: { method: 'minmax', range: [0, 100] },
  aggregate: { method: 'arithmetic', data_threshold: 0 },
};

/** The settings that apply to one node: its own where it has them, else the run's. */
export function nodeSettings(node: FrameworkNode, run: RunSettings): RunSettings {
  return {
    impute: node.impute ?? run.impute,
    outliers: node.outliers ?? run.outliers,
    normalise: node.normalise ?? run.normalise,
    aggregate: node.aggregate ?? run.aggregate,
  };
}
