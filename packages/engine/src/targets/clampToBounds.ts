import type { ValueBounds } from './naturalBounds.js';

/** A value held within bounds, and which bound held it (null: none; NaN stays NaN, unheld). */
export interface BoundedValue {
  value: number;
  bounded: 'lower' | 'upper' | null;
}

/** min(max(value, lower), upper), saying which bound applied. */
export function clampToBounds(value: number, bounds: ValueBounds): BoundedValue {
  if (value < bounds.lower) return { value: bounds.lower, bounded: 'lower' };
  if (value > bounds.upper) return { value: bounds.upper, bounded: 'upper' };
  return { value, bounded: null };
}
