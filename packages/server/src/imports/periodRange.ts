const pattern = /^([1-9]\d{3})(?:Q([1-4])|-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

/**
 * The first and last day (YYYY-MM-DD) of a period `2024`, `2024Q3`, `2024-07` or `2024-07-15`;
 * undefined for a code that is not a period or a day that does not exist.
 */
export function periodRange(period: string): { start: string; end: string } | undefined {
  const m = pattern.exec(period);
  if (!m) return undefined;
  const year = Number(m[1]);
  let first: number;
  let months: number;
  if (m[2]) {
    first = (Number(m[2]) - 1) * 3;
    months = 3;
  } else if (m[3]) {
    first = Number(m[3]) - 1;
    months = 1;
  } else {
    first = 0;
    months = 12;
  }
  if (m[4]) {
    const day = new Date(Date.UTC(year, first, Number(m[4])));
    if (day.getUTCMonth() !== first) return undefined;
    const iso = day.toISOString().slice(0, 10);
    return { start: iso, end: iso };
  }
  const start = new Date(Date.UTC(year, first, 1)).toISOString().slice(0, 10);
  // Day 0 of the month after the period is its last day.
  const end = new Date(Date.UTC(year, first + months, 0)).toISOString().slice(0, 10);
  return { start, end };
}
