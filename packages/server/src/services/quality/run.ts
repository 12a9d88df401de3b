import { evaluateRule, historyJumps, median, peerOutliers } from '@dxmon/engine';
import type { Actor } from '../../auth/actor.js';
import { requireRole } from '../../auth/permissions.js';
import { subtreeOf } from '../../auth/unitScope.js';
import type { Sql } from '../../db/database.js';
import { NotFound, ValidationFailed } from '../../http/problems.js';
import { periodRange } from '../../imports/periodRange.js';
import { datasetElements } from '../datasets.js';
import { perDatabaseCache } from '../perDatabaseCache.js';
import { countElements } from './countElements.js';
import { countIssues, type QualityCounts, type QualityIssue } from './issues.js';
import { previousPeriod } from './previousPeriod.js';
import { checkedRules } from './rules.js';

export interface QualityRun {
  dataset: string;
  period: string;
  /** Rules checked, values read and units with values. */
  rules: number;
  values: number;
  units: number;
  summary: QualityCounts;
  /** Every rule broken and every outlier, by unit. */
  items: QualityIssue[];
}

/**
 * A data-quality run over a data set (its elements and those its rules read) and a period, for
 * every unit with values: each rule for each unit (a missing side skips it), each element's
 * outliers among the units of the same level (counts on the log scale), and each value's jump
 * from the unit's value of the period before. A few queries read everything (the rules, the values, the units'
 * levels, the counts, the previous values); the engine checks all units at once on typed arrays.
 */
export async function qualityRun(sql: Sql, dataset: string, period: string): Promise<QualityRun> {
  // The same values, units and rules give the same run: the approval queue and the dashboard ask
  // again on every load.
  const { rows } = await sql.query<{ stamp: string }>(
    `select concat_ws('|',
       (select string_agg(key || '=' || value, ',' order by key) from meta
         where key in ('data_revision', 'content_revision')),
       (select md5(coalesce(string_agg(id || '@' || updated_at::text, ',' order by id), ''))
          from quality_rules)) as stamp`,
  );
  const key = `${dataset}\u0000${period}\u0000${rows[0]?.stamp ?? ''}`;
  const cached = runs.get(sql, key);
  if (cached) return cached;
  const run = await computeRun(sql, dataset, period);
  runs.set(sql, key, run);
  return run;
}

const runs = perDatabaseCache<QualityRun>(32);

async function computeRun(sql: Sql, dataset: string, period: string): Promise<QualityRun> {
  const rules = await checkedRules(sql, dataset);
  const elements = [
    ...new Set([...(await datasetElements(sql, dataset)), ...rules.flatMap((r) => r.elements)]),
  ];
  const current = await sql.query<{ unit: string; element: string; value: number }>(
    `select unit, element, value from data_values
      where period = $1 and element = any($2::text[]) and value is not null`,
    [period, elements],
  );
  const levels = await sql.query<{ code: string; level: string }>('select code, level from units');
  const counts = await countElements(sql, elements);
  // The jump test reads the period before (2025 for 2026): one equality, no sort of the history.
  const previous = await sql.query<{ unit: string; element: string; value: number }>(
    `select unit, element, value from data_values
      where period = $1 and element = any($2::text[]) and value is not null`,
    [previousPeriod(period) ?? '', elements],
  );
  const unitIndex = new Map<string, number>();
  const unitCodes: string[] = [];
  for (const r of current.rows) {
    if (!unitIndex.has(r.unit)) {
      unitIndex.set(r.unit, unitCodes.length);
      unitCodes.push(r.unit);
    }
  }
  const size = unitCodes.length;
  const columns = new Map<string, Float64Array>();
  const before = new Map<string, Float64Array>();
  for (const code of elements) {
    columns.set(code, new Float64Array(size).fill(Number.NaN));
    before.set(code, new Float64Array(size).fill(Number.NaN));
  }
  for (const r of current.rows)
    (columns.get(r.element) as Float64Array)[unitIndex.get(r.unit) as number] = r.value;
  for (const r of previous.rows) {
    const u = unitIndex.get(r.unit);
    const b = before.get(r.element);
    if (u !== undefined && b) b[u] = r.value;
  }
  const column = (code: string) => columns.get(code) as Float64Array;

  const items: QualityIssue[] = [];
  for (const rule of rules) {
    const { left, right, outcomes } = evaluateRule(rule, column, size);
    for (let u = 0; u < size; u++) {
      if (outcomes[u] !== 'violated') continue;
      const values: Record<string, number | null> = {};
      for (const code of rule.elements) {
        const v = column(code)[u] as number;
        values[code] = Number.isNaN(v) ? null : v;
      }
      items.push({
        kind: 'rule',
        severity: rule.severity,
        unit: unitCodes[u] as string,
        period,
        rule: rule.id,
        expression: rule.expression,
        message: rule.message,
        left: left[u] as number,
        right: right[u] as number,
        values,
      });
    }
  }

  // Peers: the units of one level, as ranks compare provinces with provinces.
  const levelOf = new Map(levels.rows.map((r) => [r.code, r.level]));
  const byLevel = new Map<string, number[]>();
  for (const [u, code] of unitCodes.entries()) {
    const level = levelOf.get(code) ?? '';
    const list = byLevel.get(level);
    if (list) list.push(u);
    else byLevel.set(level, [u]);
  }
  for (const element of elements) {
    const values = column(element);
    for (const members of byLevel.values()) {
      const group = Float64Array.from(members, (u) => values[u] as number);
      const { scores, flagged } = peerOutliers(group, { logScale: counts.has(element) });
      if (flagged.length === 0) continue;
      const centre = median(group);
      const peers = group.filter((v) => !Number.isNaN(v)).length;
      for (const k of flagged) {
        const u = members[k] as number;
        items.push({
          kind: 'outlier',
          test: 'peers',
          severity: 'warning',
          unit: unitCodes[u] as string,
          period,
          element,
          value: group[k] as number,
          score: scores[k] as number,
          median: centre,
          peers,
        });
      }
    }
    const b = before.get(element) as Float64Array;
    const jumps = historyJumps(b, values);
    for (const u of jumps.flagged) {
      items.push({
        kind: 'outlier',
        test: 'history',
        severity: 'warning',
        unit: unitCodes[u] as string,
        period,
        element,
        value: values[u] as number,
        previous_period: previousPeriod(period) as string,
        previous_value: b[u] as number,
        ratio: jumps.ratios[u] as number,
      });
    }
  }
  // By unit, rules first, in the order found (rule by rule, element by element).
  const order = items.map((item, i) => ({ item, i }));
  order.sort(
    (a, b) =>
      (unitIndex.get(a.item.unit) as number) - (unitIndex.get(b.item.unit) as number) || a.i - b.i,
  );
  const sorted = order.map((o) => o.item);
  return {
    dataset,
    period,
    rules: rules.length,
    values: current.rows.length,
    units: size,
    summary: countIssues(sorted),
    items: sorted,
  };
}

/**
 * The run as `actor` may see it: admins and analysts every unit; approvers and officers the units
 * at or below their own (peers are still every unit of the level); with `unit`, that unit's issues
 * only. Viewers see none (403). A data
 * set that is not a framework or criteria model, or a period that is not one, is a 400 naming it.
 */
export async function qualityRunFor(
  sql: Sql,
  actorOrNone: Actor | undefined,
  dataset: string,
  period: string,
  unit?: string,
): Promise<QualityRun> {
  const actor = requireRole(
    actorOrNone,
    ['admin', 'analyst', 'approver', 'officer'],
    'a data-quality run',
  );
  if (!periodRange(period))
    throw new ValidationFailed('query.period: not a period', [
      { field: 'query.period', message: 'not a period: 2024, 2024Q3, 2024-07', value: period },
    ]);
  let run: QualityRun;
  try {
    run = await qualityRun(sql, dataset, period);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    throw new ValidationFailed(`query.dataset: ${error.message}`, [
      { field: 'query.dataset', message: error.message, value: dataset },
    ]);
  }
  const everyUnit = actor.role === 'admin' || actor.role === 'analyst';
  if (everyUnit && unit === undefined) return run;
  const within = everyUnit
    ? undefined
    : actor.unit
      ? await subtreeOf(sql, actor.unit)
      : new Set<string>();
  const items = run.items.filter(
    (i) => (within === undefined || within.has(i.unit)) && (unit === undefined || i.unit === unit),
  );
  return { ...run, summary: countIssues(items), items };
}
