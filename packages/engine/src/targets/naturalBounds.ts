/** The values an indicator can take: lower <= value <= upper (either may be infinite). */
export interface ValueBounds {
  lower: number;
  upper: number;
}

const unbounded: ValueBounds = { lower: -Infinity, upper: Infinity };

/**
 * An indicator's natural bounds, read from its unit of measure (trimmed, any case):
 * - `%` (or `percent`, `per cent`): a share of a whole, 0 to 100;
 * - `yes/no`: 0 or 1;
 * - a rate of change (a unit holding `%` or the word `change`, such as `% a year` or
 *   `% change`): any value, growth can be negative and exceed 100%;
 * - any other unit (`persons`, `enterprises`, `documents`, `days`, `billion VND`): a count or an
 *   amount, 0 or more;
 * - no unit (null, empty): any value.
 * A projection is held to these bounds: a share trending past 100% is projected at 100.
 */
export function naturalBounds(unitOfMeasure: string | null | undefined): ValueBounds {
  const unit = (unitOfMeasure ?? '').trim().toLowerCase();
  if (unit === '') return unbounded;
  if (unit === '%' || unit === 'percent' || unit === 'per cent') return { lower: 0, upper: 100 };
  if (unit === 'yes/no') return { lower: 0, upper: 1 };
  if (unit.includes('%') || /\bchange\b/.test(unit)) return unbounded;
  return { lower: 0, upper: Infinity };
}
