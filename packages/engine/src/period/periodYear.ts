const periodPattern = /^(\d{4})(?:Q([1-4])|-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The start of a period as a fractional year, the time axis of growth rates and trends:
 * `2024` -> 2024, `2024Q3` -> 2024.5, `2024-07` -> 2024.5, `2024-07-15` -> 2024 + 195/366.
 * Months count as twelfths of a year and days as fractions of their year's length, so periods of
 * different kinds share one axis. NaN for a code that is not a period (or a date that does not
 * exist, such as 2025-02-29).
 */
export function periodYear(period: string): number {
  const m = periodPattern.exec(period);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  if (m[2] !== undefined) return year + (Number(m[2]) - 1) / 4;
  if (m[3] === undefined) return year;
  const month = Number(m[3]) - 1;
  if (m[4] === undefined) return year + month / 12;
  const day = Number(m[4]);
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCMonth() !== month) return Number.NaN;
  const start = Date.UTC(year, 0, 1);
  return year + (date.getTime() - start) / (Date.UTC(year + 1, 0, 1) - start);
}
