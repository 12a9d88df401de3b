import { evaluateRule } from '@dxmon/engine';
import type { Sql } from '../../db/database.js';
import { type CheckedRule, checkedRules } from './rules.js';

/** Values about to be written (a form's or an import's), column by column. */
export interface WrittenCells {
  unit: readonly string[];
  element: readonly string[];
  period: readonly string[];
  /** null removes the value. */
  value: readonly (number | null)[];
}

/** A rule broken by values about to be written, with the cells (indices) that take part. */
export interface CellViolation {
  rule: CheckedRule;
  unit: string;
  period: string;
  left: number;
  right: number;
  /** The rule's elements and their values after the write (null: none). */
  values: Record<string, number | null>;
  /** The written cells of the unit and period that the rule reads. */
  cells: number[];
}

/**
 * The rules broken by writing `cells`: each rule that reads a written element is checked for each
 * unit and period written, on the values stored overlaid with those written (one query for the
 * stored ones), all units at once with the engine's evaluator. A rule with a side missing is
 * skipped, not broken.
 */
export async function cellRuleViolations(sql: Sql, cells: WrittenCells): Promise<CellViolation[]> {
  const written = new Set(cells.element);
  const rules = (await checkedRules(sql)).filter((r) => r.elements.some((e) => written.has(e)));
  if (rules.length === 0) return [];
  const needed = [...new Set(rules.flatMap((r) => r.elements))];
  const neededSet = new Set(needed);

  // The units and periods written, each a group; the written cells by element and group.
  const groupOf = new Map<string, number>();
  const groups: { unit: string; period: string }[] = [];
  const cellAt = new Map<string, Int32Array>();
  const columns = new Map<string, Float64Array>();
  const group = (unit: string, period: string) => {
    const key = `${unit}\u0000${period}`;
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(key, g);
      groups.push({ unit, period });
    }
    return g;
  };
  const relevant: number[] = [];
  for (let i = 0; i < cells.element.length; i++) {
    if (!neededSet.has(cells.element[i] as string)) continue;
    group(cells.unit[i] as string, cells.period[i] as string);
    relevant.push(i);
  }
  const size = groups.length;
  for (const code of needed) {
    columns.set(code, new Float64Array(size).fill(Number.NaN));
    cellAt.set(code, new Int32Array(size).fill(-1));
  }

  const { rows } = await sql.query<{
    unit: string;
    period: string;
    element: string;
    value: number;
  }>(
    `select d.unit, d.period, d.element, d.value
       from data_values d
       join unnest($1::text[], $2::text[]) as g(unit, period)
         on d.unit = g.unit and d.period = g.period
      where d.element = any($3::text[]) and d.value is not null`,
    [groups.map((g) => g.unit), groups.map((g) => g.period), needed],
  );
  for (const r of rows) {
    const g = groupOf.get(`${r.unit}\u0000${r.period}`);
    if (g !== undefined) (columns.get(r.element) as Float64Array)[g] = r.value;
  }
  for (const i of relevant) {
    const code = cells.element[i] as string;
    const g = groupOf.get(`${cells.unit[i]}\u0000${cells.period[i]}`) as number;
    (columns.get(code) as Float64Array)[g] = cells.value[i] ?? Number.NaN;
    (cellAt.get(code) as Int32Array)[g] = i;
  }

  const violations: CellViolation[] = [];
  const column = (code: string) => columns.get(code) as Float64Array;
  for (const rule of rules) {
    const { left, right, outcomes } = evaluateRule(rule, column, size);
    for (let g = 0; g < size; g++) {
      if (outcomes[g] !== 'violated') continue;
      const involved = rule.elements
        .map((code) => (cellAt.get(code) as Int32Array)[g] as number)
        .filter((i) => i >= 0);
      if (involved.length === 0) continue;
      const { unit, period } = groups[g] as { unit: string; period: string };
      const values: Record<string, number | null> = {};
      for (const code of rule.elements) {
        const v = column(code)[g] as number;
        values[code] = Number.isNaN(v) ? null : v;
      }
      violations.push({
        rule,
        unit,
        period,
        left: left[g] as number,
        right: right[g] as number,
        values,
        cells: involved.sort((a, b) => a - b),
      });
    }
  }
  return violations;
}

/** A violation in words: the rule's English message or its expression, with both sides. */
export function describeViolation(v: Pick<CellViolation, 'rule' | 'left' | 'right'>): string {
  const what = v.rule.message.en ?? `breaks ${v.rule.expression}`;
  return `${v.rule.severity === 'blocking' ? 'blocking' : 'warning'} rule ${v.rule.id}: ${what} (${v.left} ${v.rule.op} ${v.right} does not hold)`;
}
