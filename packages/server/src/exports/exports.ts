import type { Database } from '../db/database.js';
import { NotFound } from '../http/problems.js';
import { criteriaResults } from '../services/criteria.js';
import { type DataValue, listDataValues } from '../services/dataValues.js';
import { getResults, type Results } from '../services/results.js';
import { assessTargets } from '../services/targets.js';
import { type ExportedFile, type ExportFormat, exportRows } from './exportTable.js';

/** A file to send or write, with its suggested name. */
export interface NamedExport extends ExportedFile {
  name: string;
  rows: number;
}

export interface ResultsExportQuery {
  framework: string;
  period: string;
  level?: string | undefined;
  at?: string | undefined;
  /** One unit's rows only (its ranks still among all the units of the level). */
  unit?: string | undefined;
}

/** Results as a file: unit,code,period,score,rank for every node of every unit (or of one). */
export async function exportResults(
  database: Database,
  q: ResultsExportQuery,
  format: ExportFormat,
): Promise<NamedExport> {
  const results = await getResults(database, {
    frameworkId: q.framework,
    period: q.period,
    level: q.level ?? 'province',
    at: q.at,
  });
  const items = q.unit ? results.items.filter((item) => item.unit === q.unit) : results.items;
  if (q.unit && items.length === 0) {
    throw new NotFound(`unit "${q.unit}" has no results for ${q.framework} in ${q.period}`);
  }
  const file = await exportRows(resultColumns, resultRows(results, items), format, 'results');
  const name = `results-${q.framework}-${q.period}${q.unit ? `-${q.unit}` : ''}.${format}`;
  return { ...file, rows: items.length * results.nodes.length, name };
}

export const resultColumns = ['unit', 'code', 'period', 'score', 'rank'] as const;

/** The rows of a results file, made one at a time as they are written: unit by unit, node by node. */
export function* resultRows(
  results: Results,
  items: Results['items'] = results.items,
): Generator<Record<(typeof resultColumns)[number], unknown>> {
  for (const item of items) {
    for (const node of results.nodes) {
      yield {
        unit: item.unit,
        code: node.code,
        period: results.period,
        score: item.nodes[node.code]?.score ?? null,
        rank: item.nodes[node.code]?.rank ?? null,
      };
    }
  }
}

export interface DataExportQuery {
  unit?: string | undefined;
  indicator?: string | undefined;
  period?: string | undefined;
}

const dataColumns = [
  'unit',
  'indicator',
  'period',
  'value',
  'source',
  'evidence',
  'status',
  'version',
  'updated_at',
];

/** Data values with their provenance as a file, read `dataPage` values per query. */
export async function exportData(
  database: Database,
  q: DataExportQuery,
  format: ExportFormat,
  dataPage = 10_000,
): Promise<NamedExport> {
  // Open data: the approved values, as the public sees them, read a page at a time as the file
  // is written (keyset on unit, element, period: each page one index range, whatever its place).
  const first = await listDataValues(database, { ...q, limit: dataPage, offset: 0 });
  async function* pages() {
    let page = first.items;
    while (page.length > 0) {
      yield* page as unknown as Record<string, unknown>[];
      if (page.length < dataPage) return;
      const last = page[page.length - 1] as DataValue;
      const next = { ...q, limit: dataPage, offset: 0, after: last, countTotal: false };
      page = (await listDataValues(database, next)).items;
    }
  }
  const file = await exportRows(dataColumns, pages(), format);
  return { ...file, rows: first.total, name: `data.${format}` };
}

export interface TargetsExportQuery {
  unit?: string | undefined;
  plan?: string | undefined;
  as_of?: string | undefined;
}

const targetColumns = [
  'id',
  'plan',
  'unit',
  'indicator',
  'name',
  'direction',
  'baseline_period',
  'baseline_value',
  'latest_period',
  'latest_value',
  'target_period',
  'target_value',
  'projected_value',
  'required_growth',
  'observed_growth',
  'progress',
  'status',
  'grade',
  'method',
  'projection_bounded',
  'projected_value_unbounded',
  'probability',
  'forecast_projection',
  'p80_lower',
  'p80_upper',
  'p95_lower',
  'p95_upper',
  'forecast_model',
  'forecast_reason',
];

/**
 * Targets with progress and status as a file, and beside them each target's forecast: the
 * probability of meeting it, the projection and its 80% and 95% intervals (empty with a reason
 * when there is none).
 */
export async function exportTargets(
  database: Database,
  q: TargetsExportQuery,
  format: ExportFormat,
): Promise<NamedExport> {
  const items = await assessTargets(database, {
    unit: q.unit,
    plan: q.plan,
    asOf: q.as_of,
    forecast: true,
  });
  const rows = items.map((t) => {
    const f = t.forecast;
    const [i80, i95] = f?.intervals ?? [];
    return {
      ...t,
      probability: f?.probability ?? null,
      forecast_projection: f?.projection ?? null,
      p80_lower: i80?.lower ?? null,
      p80_upper: i80?.upper ?? null,
      p95_lower: i95?.lower ?? null,
      p95_upper: i95?.upper ?? null,
      forecast_model: f?.model ?? null,
      forecast_reason: f?.reason ?? null,
    };
  });
  const file = await exportRows(
    targetColumns,
    rows as unknown as Record<string, unknown>[],
    format,
    'targets',
  );
  return { ...file, rows: items.length, name: `targets.${format}` };
}

export interface CriteriaExportQuery {
  model: string;
  period: string;
  parent?: string | undefined;
  level?: string | undefined;
}

/** Which units meet a criteria model: one row per unit with the criteria it fails or misses. */
export async function exportCriteria(
  database: Database,
  q: CriteriaExportQuery,
  format: ExportFormat,
): Promise<NamedExport> {
  const results = await criteriaResults(database, q);
  const rows = results.items.map((i) => ({
    unit: i.unit,
    name: i.names.en,
    parent: i.parent,
    period: results.period,
    met: i.met,
    mandatory_met: i.mandatory_met,
    optional_met: i.optional_met,
    failed: i.failed.join(' '),
    missing: i.missing.join(' '),
  }));
  const columns = Object.keys(rows[0] ?? { unit: 0 });
  const file = await exportRows(columns, rows, format, 'criteria');
  return {
    ...file,
    rows: rows.length,
    name: `criteria-${results.model.id}-${results.period}.${format}`,
  };
}
