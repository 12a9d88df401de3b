/**
 * Compound annual growth rate from `from` to `to` over `years` (Open SDG's `growth_calculation`):
 * CAGR = (to / from)^(1 / years) - 1. Defined only for positive values and a positive span;
 * otherwise NaN (a series that touches zero has no compound rate; see `assessTarget`).
 */
export function compoundGrowth(from: number, to: number, years: number): number {
  if (!(from > 0 && to > 0 && years > 0)) return Number.NaN;
  return (to / from) ** (1 / years) - 1;
}
