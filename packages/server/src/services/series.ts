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
  const units = await database.query('select 1 from units where code = $1', [unit]);
  if (units.rows.length === 0) throw new NotFound(`unit "${unit}" does not exist`);
  const lineage = await lineageCombiner(database, unit, [element]);
  const rule = lineage.rules.get(element);
  if (!rule) throw new NotFound(`data element "${element}" does not exist`);
  const items = lineage.periods(element).flatMap((period): SeriesPoint[] => {
    const point = lineage.value(element, period);
    if (Number.isNaN(point.value)) return [];
    return [
      point.derived
        ? { period, value: point.value, derived: true, from: point.from }
        : { period, value: point.value, derived: false },
    ];
  });
  return {
    unit,
    element,
    aggregation: rule.aggregation,
    weight_element: rule.weightElement,
    items,
  };
}

/**
 * A unit's values of several data elements in one period, each as its series has it
 * (`unitSeries`): its own value, else its predecessors' combined by the element's aggregation
 * rule; NaN when neither exists. With the units whose values were combined, for a derived value.
 */
export async function lineageValues(
  database: Database,
  unit: string,
  elements: readonly string[],
  period: string,
): Promise<Map<string, { value: number; derived: boolean; from: string[] }>> {
  const lineage = await lineageCombiner(database, unit, elements, period);
  return new Map(elements.map((element) => [element, lineage.value(element, period)]));
}

interface ElementRule {
  aggregation: ElementAggregation;
  /** The element weighting a weighted mean (null for the other rules). */
  weightElement: string | null;
}

/**
 * Reads a unit's lineage (every unit it came from through merges and renames, followed through
 * several events) and the approved values of `elements` (and of their weight elements) of the
 * unit and those units, in `period` or in every period, and combines them on demand.
 */
async function lineageCombiner(
  database: Database,
  unit: string,
  elements: readonly string[],
  period?: string,
) {
  const { rows: info } = await database.query<{
    code: string;
    aggregation: string;
    weight_element: string | null;
  }>('select code, aggregation, weight_element from data_elements where code = any($1::text[])', [
    [...elements],
  ]);
  const rules = new Map<string, ElementRule>();
  for (const r of info) {
    const aggregation = (elementAggregations as readonly string[]).includes(r.aggregation)
      ? (r.aggregation as ElementAggregation)
      : 'mean';
    rules.set(r.code, {
      aggregation,
      weightElement: aggregation === 'weighted_mean' ? r.weight_element : null,
    });
  }
  const read = [
    ...new Set([
      ...elements,
      ...[...rules.values()].flatMap((r) => (r.weightElement ? [r.weightElement] : [])),
    ]),
  ];

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
      where unit = any($1::text[]) and element = any($2::text[]) and approved_value is not null
        and ($3::text is null or period = $3)`,
    [codes, read, period ?? null],
  );
  const values = new Map<string, number>();
  const periods = new Map<string, Set<string>>();
  for (const r of rows) {
    values.set(`${r.unit}|${r.element}|${r.period}`, r.value as number);
    const set = periods.get(r.element) ?? new Set<string>();
    set.add(r.period);
    periods.set(r.element, set);
  }
  const predecessors = new Map<string, string[]>();
  for (const l of lineage) {
    predecessors.set(l.successor, [...(predecessors.get(l.successor) ?? []), l.predecessor]);
  }
  const get = (u: string, e: string, p: string) => values.get(`${u}|${e}|${p}`) ?? Number.NaN;

  /** A unit's value in a period: its own, else its predecessors' combined (recursively). */
  const combinedValue = (
    rule: ElementRule,
    element: string,
    u: string,
    p: string,
    depth: number,
  ): { value: number; from: string[] } => {
    const own = get(u, element, p);
    if (!Number.isNaN(own) || depth > 10) return { value: own, from: [u] };
    const parts = predecessors.get(u) ?? [];
    if (parts.length === 0) return { value: Number.NaN, from: [] };
    const combined = parts.map((part) => combinedValue(rule, element, part, p, depth + 1));
    const weights = rule.weightElement
      ? parts.map((part) => weightOf(rule.weightElement as string, part, p, depth + 1))
      : undefined;
    return {
      value: combineElement(
        rule.aggregation,
        combined.map((v) => v.value),
        weights,
      ),
      from: combined.flatMap((v) => v.from),
    };
  };
  const weightOf = (weightElement: string, u: string, p: string, depth: number): number => {
    const own = get(u, weightElement, p);
    if (!Number.isNaN(own) || depth > 10) return own;
    // A predecessor's weight is the sum of its own predecessors' (weights are totals).
    const parts = predecessors.get(u) ?? [];
    return parts.length === 0
      ? Number.NaN
      : combineElement(
          'sum',
          parts.map((part) => weightOf(weightElement, part, p, depth + 1)),
        );
  };

  return {
    rules,
    /** The periods in which the unit or a unit it came from has a value of the element. */
    periods: (element: string) => [...(periods.get(element) ?? [])].sort(),
    /** The unit's own value, else its predecessors' combined; NaN when neither exists. */
    value: (element: string, p: string): { value: number; derived: boolean; from: string[] } => {
      const own = get(unit, element, p);
      if (!Number.isNaN(own)) return { value: own, derived: false, from: [unit] };
      const rule = rules.get(element) ?? { aggregation: 'mean', weightElement: null };
      const combined = combinedValue(rule, element, unit, p, 0);
      return { value: combined.value, derived: true, from: combined.from };
    },
  };
}
