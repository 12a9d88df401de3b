/** A unit's days of existence, as the units API gives them (`valid_to` null: it still exists). */
export interface Validity {
  valid_from: string;
  valid_to: string | null;
}

/**
 * The first and last day of a period code: a year (`2024`), a quarter (`2024Q3`) or a month
 * (`2024-07`); undefined for anything else.
 */
export function periodBounds(code: string): { start: string; end: string } | undefined {
  const year = /^(\d{4})$/.exec(code);
  if (year) return { start: `${year[1]}-01-01`, end: `${year[1]}-12-31` };
  const quarter = /^(\d{4})Q([1-4])$/.exec(code);
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  const [y, first, last] = quarter
    ? [Number(quarter[1]), Number(quarter[2]) * 3 - 2, Number(quarter[2]) * 3]
    : month
      ? [Number(month[1]), Number(month[2]), Number(month[2])]
      : [Number.NaN, 0, 0];
  if (Number.isNaN(y)) return undefined;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${y}-${pad(first)}-01`, end: `${y}-${pad(last)}-${pad(lastDay)}` };
}

/**
 * The periods in which a unit existed for at least a day (its validity overlaps the period, the
 * server's rule for entering and submitting values): VN-37, which ended on 2025-06-30, has 2025
 * but not 2026. Without a unit, every period.
 */
export function periodsOfUnit(periods: readonly string[], unit: Validity | undefined): string[] {
  if (!unit) return [...periods];
  return periods.filter((p) => {
    const range = periodBounds(p);
    if (!range) return true;
    return unit.valid_from <= range.end && (unit.valid_to === null || unit.valid_to >= range.start);
  });
}

/**
 * The period the page opens on: the latest with data (`latest`) when the unit existed then, else
 * the latest of the unit's periods before it, else the unit's first; '' when there is none.
 */
export function defaultPeriod(periods: readonly string[], latest: string | undefined): string {
  if (latest === undefined) return periods.at(-1) ?? '';
  return periods.filter((p) => p <= latest).at(-1) ?? periods[0] ?? '';
}

/**
 * The day a unit list is read on for a period: its last day, or the unit's last day when the
 * unit ended within it (the communes of VN-37 in 2025 are those of 2025-06-30).
 */
export function dayIn(period: string, unit: Validity | undefined): string {
  const end = periodBounds(period)?.end ?? `${period.slice(0, 4)}-12-31`;
  return unit?.valid_to && unit.valid_to < end ? unit.valid_to : end;
}
