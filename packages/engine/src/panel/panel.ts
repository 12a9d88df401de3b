/**
 * Indicator data for a set of units, series and periods, held densely in one typed array.
 * A series is whatever the data's `indicator` column names: an indicator or a data element that
 * indicator formulas read. Missing values are NaN.
 */
export interface Panel {
  units: readonly string[];
  series: readonly string[];
  /** In chronological order. */
  periods: readonly string[];
  /** values[(period * series.length + series) * units.length + unit] */
  values: Float64Array;
}

/** The values of one series in one period over all units: a view, not a copy. */
export function panelColumn(panel: Panel, period: number, series: number): Float64Array {
  const n = panel.units.length;
  const start = (period * panel.series.length + series) * n;
  return panel.values.subarray(start, start + n);
}

/**
 * Chronological order of period codes (`2024`, `2024Q3`, `2024-07`, `2024-07-15`): codes of one
 * kind sort as text, and a year sorts before its quarters and months.
 */
export function comparePeriods(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
