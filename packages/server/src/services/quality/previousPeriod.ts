/**
 * The period before `period`, of the same kind: 2025 for 2026, 2026Q2 for 2026Q3, 2025-12 for
 * 2026-01, 2026-02-28 for 2026-03-01; undefined for a code that is not a period.
 */
export function previousPeriod(period: string): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /^(\d{4})$/.exec(period);
  if (m) return String(Number(m[1]) - 1);
  m = /^(\d{4})Q([1-4])$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const quarter = Number(m[2]);
    return quarter === 1 ? `${year - 1}Q4` : `${year}Q${quarter - 1}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) {
    const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1));
    return day.toISOString().slice(0, 10);
  }
  return undefined;
}
