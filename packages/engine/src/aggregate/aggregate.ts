import { arithmeticMean } from './arithmeticMean.js';
import { generalisedMean } from './generalisedMean.js';
import { geometricMean } from './geometricMean.js';
import { harmonicMean } from './harmonicMean.js';
import type { AggregateSpec } from './spec.js';

/**
 * One unit's aggregate of its children's scores with `spec`. When the share of children with a
 * score is below `data_threshold`, the aggregate is missing (COINr's `dat_thresh`).
 */
export function aggregate(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  spec: AggregateSpec,
): number {
  if (spec.data_threshold > 0) {
    let present = 0;
    for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present++;
    if (present / values.length < spec.data_threshold) return Number.NaN;
  }
  switch (spec.method) {
    case 'arithmetic':
      return arithmeticMean(values, weights);
    case 'geometric':
      return geometricMean(values, weights);
    case 'harmonic':
      return harmonicMean(values, weights);
    case 'generalised':
      return generalisedMean(values, weights, spec.p);
  }
}
