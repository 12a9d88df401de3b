import {
  compute,
  defaultRunSettings,
  formulaElements,
  frameworkTree,
  type Panel,
  type RunSettings,
  unitGroups,
} from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { ValidationFailed } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { dataRevision } from './dataRevision.js';
import { getFramework, type StoredFramework } from './frameworks.js';

/** What an assessment run computes: a framework over the units of a level on a date, for a period. */
export interface RunKey {
  frameworkId: string;
  frameworkVersion?: number | undefined;
  period: string;
  level: string;
  /** The date whose units are assessed (default: the last day of the period). */
  at?: string | undefined;
  settings?: Partial<RunSettings> | undefined;
}

export interface RunSummary {
  id: number;
  framework: { id: string; version: number; name: string };
  period: string;
  level: string;
  at: string;
  status: string;
  progress: number;
  data_revision: number;
  units: number;
}

/** What the engine needs for a run: the framework's tree, the units, their data and groups. */
export interface AssessmentInput {
  framework: StoredFramework;
  tree: ReturnType<typeof frameworkTree>;
  units: { code: string; region: string | null }[];
  panel: Panel;
  /** The run's period and the one before it (for rank changes), as the panel has them. */
  periods: string[];
  groups: ReturnType<typeof unitGroups>;
  at: string;
  revision: number;
}

/**
 * Reads what a run of `key` computes on: the framework (as stored, or with `definition`
 * replacing its definition, e.g. a weights preview), the units of the level on the date, and the
 * approved values of the series its indicators read, in the period and the periods before it.
 */
export async function assessmentInput(
  database: Database,
  key: RunKey,
  definition?: StoredFramework['definition'],
): Promise<AssessmentInput> {
  const stored = await getFramework(database.db, key.frameworkId, key.frameworkVersion);
  const framework = definition ? { ...stored, definition } : stored;
  const range = periodRange(key.period);
  if (!range)
    throw new ValidationFailed(`"${key.period}" is not a period`, [
      { field: 'period', message: 'not a period', value: key.period },
    ]);
  const at = key.at ?? range.end;
  const revision = await dataRevision(database);
  const tree = frameworkTree(framework.definition);
  const units = (
    await database.query<{ code: string; region: string | null }>(
      `select code, attributes->>'region' as region from units
        where level = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2)
        order by code`,
      [key.level, at],
    )
  ).rows;
  const series = new Set<string>();
  for (const i of tree.indicators) {
    for (const code of formulaElements(tree.formulas[i] as never)) series.add(code);
  }
  // Only imputation from the latest earlier value reads further back than the period before.
  const history =
    (key.settings?.impute ?? defaultRunSettings.impute) === 'latest' ||
    tree.nodes.some((n) => n.impute === 'latest');
  const panel = await loadPanel(
    database,
    units.map((u) => u.code),
    [...series],
    key.period,
    history,
  );
  return {
    framework,
    tree,
    units,
    panel,
    periods: panel.periods.slice(-2),
    groups: unitGroups(units.map((u) => u.region)),
    at,
    revision,
  };
}

/**
 * Runs the engine for one key and stores every node's score and rank for every unit, with each
 * unit's rank in the period before (same units, same settings) for rank changes. The server never
 * computes a score itself: this is the engine's `compute` on data read from the database.
 */
export async function computeAssessment(
  database: Database,
  key: RunKey,
  runId?: number,
): Promise<RunSummary> {
  const { framework, tree, units, panel, periods, groups, at, revision } = await assessmentInput(
    database,
    key,
  );
  const result = compute({ tree, panel, settings: key.settings ?? {}, periods, groups });
  const n = units.length;
  const p = periods.length - 1; // the run's own period
  const rows = {
    unit: [] as string[],
    node: [] as string[],
    score: [] as (number | null)[],
    rank: [] as (number | null)[],
    previous: [] as (number | null)[],
  };
  tree.codes.forEach((code, c) => {
    for (let u = 0; u < n; u++) {
      const at = (p * tree.codes.length + c) * n + u;
      const before = p > 0 ? ((p - 1) * tree.codes.length + c) * n + u : -1;
      rows.unit.push(units[u]?.code as string);
      rows.node.push(code);
      rows.score.push(finite(result.scores[at]));
      rows.rank.push(finite(result.ranks[at]));
      rows.previous.push(before >= 0 ? finite(result.ranks[before]) : null);
    }
  });
  const settings = result.record.settings;
  const id = await database.transaction(async (sql) => {
    let id = runId;
    if (id === undefined) {
      const inserted = await sql.query<{ id: number }>(
        `insert into assessment_runs (framework_id, framework_version, period, level, at, settings, status, progress, data_revision, record, finished_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, 'done', 1, $7, $8::jsonb, now()) returning id`,
        [
          framework.id,
          framework.version,
          key.period,
          key.level,
          at,
          JSON.stringify(settings),
          revision,
          JSON.stringify(recordOf(result, periods)),
        ],
      );
      id = inserted.rows[0]?.id as number;
    } else {
      await sql.query(
        `update assessment_runs set status = 'done', progress = 1, data_revision = $2, settings = $3::jsonb, record = $4::jsonb, finished_at = now() where id = $1`,
        [id, revision, JSON.stringify(settings), JSON.stringify(recordOf(result, periods))],
      );
      await sql.query('delete from run_results where run_id = $1', [id]);
    }
    await sql.query(
      `insert into run_results (run_id, unit, node, score, rank, previous_rank)
       select $1, * from unnest($2::text[], $3::text[], $4::float8[], $5::int[], $6::int[])`,
      [id, rows.unit, rows.node, rows.score, rows.rank, rows.previous],
    );
    return id;
  });
  return summary(id, framework, key.period, key.level, at, 'done', 1, revision, n);
}

function finite(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}

function recordOf(result: ReturnType<typeof compute>, periods: string[]) {
  return { ...result.record, periods, treatments: result.treatments, warnings: result.warnings };
}

export function summary(
  id: number,
  framework: Pick<StoredFramework, 'id' | 'version' | 'name'>,
  period: string,
  level: string,
  at: string,
  status: string,
  progress: number,
  revision: number,
  units: number,
): RunSummary {
  return {
    id,
    framework: { id: framework.id, version: framework.version, name: framework.name },
    period,
    level,
    at,
    status,
    progress,
    data_revision: revision,
    units,
  };
}

/**
 * The data the run reads: the series of the framework for the units, in the run's period and
 * the periods of the same kind before it (latest-value imputation needs them all); without
 * `history`, the period and the latest earlier one with data only (rank changes need it): at
 * 3,321 communes x 40 indicators x 5 periods that is 265,000 rows read instead of 664,000.
 */
export async function loadPanel(
  database: Database,
  units: string[],
  series: string[],
  period: string,
  history = true,
): Promise<Panel> {
  const { rows } = await database.query<{
    unit: string;
    element: string;
    period: string;
    value: number | null;
  }>(
    history
      ? `select unit, element, period, approved_value as value from data_values
          where unit = any($1::text[]) and element = any($2::text[])
            and period <= $3 and length(period) = length($3) and approved_value is not null`
      : `with wanted as (
           select unit, element, period, approved_value as value from data_values
            where unit = any($1::text[]) and element = any($2::text[])
              and period <= $3 and length(period) = length($3) and approved_value is not null)
         select * from wanted
          where period = $3 or period = (select max(period) from wanted where period < $3)`,
    [units, series, period],
  );
  const periods = [...new Set(rows.map((r) => r.period).concat(period))].sort();
  const u = new Map(units.map((code, i) => [code, i]));
  const s = new Map(series.map((code, i) => [code, i]));
  const p = new Map(periods.map((code, i) => [code, i]));
  const values = new Float64Array(periods.length * series.length * units.length).fill(Number.NaN);
  for (const r of rows) {
    const at =
      ((p.get(r.period) as number) * series.length + (s.get(r.element) as number)) * units.length +
      (u.get(r.unit) as number);
    values[at] = r.value as number;
  }
  return { units, series, periods, values };
}
