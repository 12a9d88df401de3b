import { compareValues } from '../quality/compare.js';
import type { Criterion } from './schema.js';

export type CriterionOutcome = 'met' | 'failed' | 'missing';

/**
 * Whether a value meets a criterion. A missing value (NaN) is `missing`, never compared: a
 * commune that did not report is not a commune that reported zero. Equality allows for the
 * rounding of decimal fractions (0.1 + 0.2 == 0.3).
 */
export function checkCriterion(
  criterion: Pick<Criterion, 'op' | 'value'>,
  value: number,
): CriterionOutcome {
  if (Number.isNaN(value)) return 'missing';
  return compareValues(criterion.op, value, criterion.value) ? 'met' : 'failed';
}
