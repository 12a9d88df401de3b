import { combineElement, type ElementAggregation, elementAggregations } from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { NotFound } from '../http/problems.js';

export interface SeriesPoint {
  period: string;
  value: number | null;
  /** False for the unit's own value; true for one combined from its predecessors'. */
  derived: boolean;
  /** The units whose values were combined (for a derived point). */
  from?: string[];
}

export interface Series {
  unit: string;
  element: string;
  aggregation: ElementAggregation;
  weight_element: string | null;
  items: SeriesPoint[];
}

/**
 * A unit's series of one data element, continued back through its lineage: a period without a
 * value of its own takes its predecessors' values (followed through several merges) combined by
 * the engine with the element's aggregation rule, e.g. the merged Tuyen Quang's population in 2024
 * as the sum of Ha Giang's and Tuyen Quang's, its e-ID share as their population-weighted mean.
 */
export async function unitSeries(
  database: Database,
  unit: string,
  element: string,
): Promise<Series> {
  const [units, elements] = await Promise.all([
    database.query('select 1 from units where code = $1', [unit]),
    database.query<{ aggregation: string; weight_element: string | null }>(
      'select aggregation, weight_element from data_elements where code = $1',
      [element],
    ),
  ]);
  if (units.rows.length === 0) throw new NotFound(`unit "${unit}" does not exist`);
  const info = elements.rows[0];
  if (!info) throw new NotFound(`data element "${element}" does not exist`);
  const aggregation = (elementAggregations as readonly string[]).includes(info.aggregation)
    ? (info.aggregation as ElementAggregation)
    : 'mean';
  const weightElement = aggregation === 'weighted_mean' ? info.weight_element : null;

  // The unit and every unit it came from, with the unit each one merged into.
  const { rows: lineage } = await database.query<{ predecessor: string; successor: string }>(
    `with recursive tree(code) as (
       select $1::text
       union
       select e.predecessor from lineage_events e join tree t on e.successor = t.code
        where e.event in ('merge', 'rename'))
     select e.predecessor, e.successor from lineage_events e
      where e.successor in (select code from tree) and e.event in ('merge', 'rename')`,
    [unit],
  );
  const codes = [unit, ...new Set(lineage.map((l) => l.predecessor))];
  const { rows } = await database.query<{
    unit: string;
    element: string;
    period: string;
    value: number | null;
  }>(
    `select unit, element, period, approved_value as value from data_values
      where unit = any($1::text[]) and element = any($2::text[]) and approved_value is not null`,
    [codes, weightElement ? [element, weightElement] : [element]],
  );
  const value = new Map<string, number>();
  const periods = new Set<string>();
  for (const r of rows) {
    value.set(`${r.unit}|${r.element}|${r.period}`, r.value as number);
    if (r.element === element) periods.add(r.period);
  }
  const predecessors = new Map<string, string[]>();
  for (const l of lineage) {
    predecessors.set(l.successor, [...(predecessors.get(l.successor) ?? []), l.predecessor]);
  }
  const get = (u: string, e: string, p: string) => value.get(`${u}|${e}|${p}`) ?? Number.NaN;

  /** The unit's value in a period: its own, else its predecessors' combined (recursively). */
  const combinedValue = (
    u: string,
    p: string,
    depth: number,
  ): { value: number; from: string[] } => {
    const own = get(u, element, p);
    if (!Number.isNaN(own) || depth > 10) return { value: own, from: [u] };
    const parts = predecessors.get(u) ?? [];
    if (parts.length === 0) return { value: Number.NaN, from: [] };
    const values = parts.map((part) => combinedValue(part, p, depth + 1));
    const weights = weightElement ? parts.map((part) => weightOf(part, p, depth + 1)) : undefined;
    return {
      value: combineElement(
        aggregation,
        values.map((v) => v.value),
        weights,
      ),
      from: values.flatMap((v) => v.from),
    };
  };
  const weightOf = (u: string, p: string, depth: number): number => {
    const own = get(u, weightElement as string, p);
    if (!Number.isNaN(own) || depth > 10) return own;
    // A predecessor's weight is the sum of its own predecessors' (weights are totals).
    const parts = predecessors.get(u) ?? [];
    return parts.length === 0
      ? Number.NaN
      : combineElement(
          'sum',
          parts.map((part) => weightOf(part, p, depth + 1)),
        );
  };

  const items = [...periods].sort().flatMap((period): SeriesPoint[] => {
    const own = get(unit, element, period);
    if (!Number.isNaN(own)) return [{ period, value: own, derived: false }];
    const combined = combinedValue(unit, period, 0);
    if (Number.isNaN(combined.value)) return [];
    return [{ period, value: combined.value, derived: true, from: combined.from }];
  });
  return { unit, element, aggregation, weight_element: weightElement, items };
}
