import { historyJumps, median, peerOutliers } from '@dxmon/engine';
import type { Sql } from '../../db/database.js';
import type { WrittenCells } from './cellRules.js';
import { countElements } from './countElements.js';
import type { OutlierIssue } from './issues.js';
import { previousPeriod } from './previousPeriod.js';

/**
 * The values about to be written that are outliers: against the same period's peers (the units
 * of the same level with a value of the element, the written values in place of the stored ones)
 * by the modified z-score (counts on the log scale), and against the unit's own history (its value
 * of the period before) by the jump test. Two queries; warnings only: nothing is refused or changed.
 */
export async function cellOutliers(
  sql: Sql,
  cells: WrittenCells,
): Promise<(OutlierIssue & { cell: number })[]> {
  const present: number[] = [];
  for (let i = 0; i < cells.value.length; i++) if (cells.value[i] !== null) present.push(i);
  if (present.length === 0) return [];
  const found: (OutlierIssue & { cell: number })[] = [];

  // Peers: every value of the written elements and periods at the written units' levels.
  const { rows: peerRows } = await sql.query<{
    element: string;
    period: string;
    level: string;
    unit: string;
    value: number;
  }>(
    `with w(element, period) as (select distinct * from unnest($1::text[], $2::text[])),
          levels as (select distinct level from units where code = any($3::text[]))
     select w.element, w.period, u.level, u.code as unit, d.value
       from w cross join levels l
       join units u on u.level = l.level
       join data_values d on d.unit = u.code and d.element = w.element and d.period = w.period
      where d.value is not null`,
    [cells.element, cells.period, [...new Set(cells.unit)]],
  );
  const { rows: levelRows } = await sql.query<{ code: string; level: string }>(
    'select code, level from units where code = any($1::text[])',
    [[...new Set(cells.unit)]],
  );
  const levelOf = new Map(levelRows.map((r) => [r.code, r.level]));
  const counts = await countElements(sql, [...new Set(cells.element)]);
  const peers = new Map<string, Map<string, number>>();
  const groupKey = (element: string, period: string, level: string) =>
    `${element}\u0000${period}\u0000${level}`;
  const groupOf = (key: string) => {
    let group = peers.get(key);
    if (!group) {
      group = new Map();
      peers.set(key, group);
    }
    return group;
  };
  for (const r of peerRows) groupOf(groupKey(r.element, r.period, r.level)).set(r.unit, r.value);
  const keys = new Map<number, string>();
  for (let i = 0; i < cells.value.length; i++) {
    const level = levelOf.get(cells.unit[i] as string);
    if (level === undefined) continue;
    const key = groupKey(cells.element[i] as string, cells.period[i] as string, level);
    keys.set(i, key);
    const group = groupOf(key);
    const v = cells.value[i];
    if (v === null || v === undefined) group.delete(cells.unit[i] as string);
    else group.set(cells.unit[i] as string, v);
  }
  const scored = new Map<
    string,
    { units: string[]; scores: Float64Array; flagged: Set<number>; median: number }
  >();
  for (const i of present) {
    const key = keys.get(i);
    if (key === undefined) continue;
    let s = scored.get(key);
    if (!s) {
      const group = peers.get(key) as Map<string, number>;
      const units = [...group.keys()];
      const values = Float64Array.from(group.values());
      const element = cells.element[i] as string;
      const { scores, flagged } = peerOutliers(values, { logScale: counts.has(element) });
      s = { units, scores, flagged: new Set(flagged), median: median(values) };
      scored.set(key, s);
    }
    const at = s.units.indexOf(cells.unit[i] as string);
    const score = s.scores[at] as number;
    if (s.flagged.has(at))
      found.push({
        kind: 'outlier',
        test: 'peers',
        severity: 'warning',
        unit: cells.unit[i] as string,
        element: cells.element[i] as string,
        period: cells.period[i] as string,
        value: cells.value[i] as number,
        score,
        median: s.median,
        peers: s.units.length,
        cell: i,
      });
  }

  // History: the unit's value of the element in the period before.
  const { rows: previous } = await sql.query<{ i: number; period: string; value: number }>(
    `select w.i, d.period, d.value
       from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as w(unit, element, period, i)
       join data_values d on d.unit = w.unit and d.element = w.element and d.period = w.period
      where d.value is not null`,
    [
      present.map((i) => cells.unit[i]),
      present.map((i) => cells.element[i]),
      present.map((i) => previousPeriod(cells.period[i] as string) ?? ''),
      present,
    ],
  );
  const jumps = historyJumps(
    previous.map((r) => r.value),
    previous.map((r) => cells.value[r.i] as number),
  );
  for (const k of jumps.flagged) {
    const r = previous[k] as { i: number; period: string; value: number };
    found.push({
      kind: 'outlier',
      test: 'history',
      severity: 'warning',
      unit: cells.unit[r.i] as string,
      element: cells.element[r.i] as string,
      period: cells.period[r.i] as string,
      value: cells.value[r.i] as number,
      previous_period: r.period,
      previous_value: r.value,
      ratio: jumps.ratios[k] as number,
      cell: r.i,
    });
  }
  return found.sort((a, b) => a.cell - b.cell);
}
