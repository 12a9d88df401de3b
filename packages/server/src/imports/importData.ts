import { didYouMean } from '@dxmon/engine';
import type { Actor } from '../auth/actor.js';
import type { Database, Sql } from '../db/database.js';
import { unsafeTextReason } from '../http/unsafeText.js';
import { recordAudit } from '../services/audit.js';
import { bumpDataRevision } from '../services/dataRevision.js';
import { lockDataWrites } from '../services/dataWriteLock.js';
import { checkImport } from '../services/quality/importChecks.js';
import { lockedCellsOf } from '../services/workflow.js';
import { importLayout } from './importLayout.js';
import { type ImportProblem, type ImportReport, maxProblems } from './importReport.js';
import { periodRange } from './periodRange.js';
import { TableReadError, type TableRow } from './tableRows.js';

export interface ImportOptions {
  format: 'csv' | 'xlsx';
  filename?: string | undefined;
  /** Check everything and count what would change, but write no data. */
  dryRun: boolean;
  author?: string | undefined;
  /** Called every 10,000 rows read (progress bars). */
  onProgress?: ((rowsRead: number) => void) | undefined;
  /** Called when every row has been read and checked and the values are being written. */
  onWriting?: (() => void) | undefined;
  /**
   * Only these units may be written (an officer's subtree); undefined: every unit. A function is
   * called twice: before the rows are read, and again inside the write transaction after the
   * data-write lock, so that the rows are held to the scope as it is when they are written.
   */
  allowedUnits?: ReadonlySet<string> | ((sql: Sql) => Promise<ReadonlySet<string>>) | undefined;
  /** The status of the values written: approved (national loads) or draft (an officer's). */
  status?: 'approved' | 'draft' | undefined;
  /** Who imports: the applied import is recorded in the audit trail in its transaction. */
  actor?: Actor | undefined;
}

/** Cells staged per INSERT: large batches, few round trips. */
const batchSize = 20_000;
/** Evidence is a link to a document, nothing else (no `javascript:` or file paths). */
export const evidenceLink = /^https?:\/\/\S+$/;
const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Imports data values from table rows (CSV or XLSX, long or wide format). Every row is checked
 * before anything is written: unknown units or indicators, a unit that did not exist in the
 * period, bad periods or numbers, rows repeated in the file. With any problem nothing is written
 * and the report lists each bad row. Otherwise the values are written in one transaction: changed
 * cells keep their earlier value in `data_value_history`, and concurrent imports are serialised.
 *
 * The file is read and checked before the transaction (a slow upload holds no lock), against
 * units, data elements and the importer's units as they were then. Inside the transaction, once
 * the data-write lock is held (the lock every writer of units' validity takes too), whatever the
 * rows were checked against is read again and the rows it no longer admits are refused: a unit
 * closed by an admin or a merge while the file was read takes no values past its new last day.
 */
export async function importData(
  database: Database,
  rows: AsyncIterable<TableRow>,
  options: ImportOptions,
): Promise<ImportReport> {
  const units = new Map<string, { index: number; from: string; to: string | null }>();
  for (const u of (
    await database.query<{ code: string; valid_from: string; valid_to: string | null }>(
      `select code, valid_from::text, valid_to::text from units`,
    )
  ).rows) {
    units.set(u.code, { index: units.size, from: u.valid_from, to: u.valid_to });
  }
  const elementIndex = new Map(
    (await database.query<{ code: string }>('select code from data_elements')).rows.map((r, i) => [
      r.code,
      i,
    ]),
  );
  const elements = new Set(elementIndex.keys());
  // Why a code is not an element, with the known codes it looks like: once per unknown code.
  const unknownElements = new Map<string, string>();
  const unknownElement = (code: string): string => {
    let message = unknownElements.get(code);
    if (message === undefined) {
      message = `"${code}" is not a known indicator or data element${didYouMean(code, [...elements])}`;
      unknownElements.set(code, message);
    }
    return message;
  };
  const allowedUnits =
    typeof options.allowedUnits === 'function'
      ? await options.allowedUnits(database)
      : options.allowedUnits;
  // The units and elements the checked cells use, by index: read again under the lock.
  const usedUnits = new Uint8Array(units.size);
  const usedElements = new Uint8Array(elementIndex.size);

  const problems: ImportProblem[] = [];
  let problemsTotal = 0;
  let outsideUnits = 0;
  const problem = (p: ImportProblem) => {
    problemsTotal++;
    if (problems.length < maxProblems) problems.push(p);
  };
  const cells = {
    row: [] as number[],
    unit: [] as string[],
    element: [] as string[],
    period: [] as string[],
    value: [] as (number | null)[],
    source: [] as (string | null)[],
    evidence: [] as (string | null)[],
  };
  // Cells already in the file (for duplicates), keyed by a number made of the unit's, element's
  // and period's indices: a million string keys would cost a second more.
  const seen = new Map<number | string, number>();
  const periodOk = new Map<string, { index: number; start: string; end: string } | undefined>();
  let layout: ReturnType<typeof importLayout>['layout'];
  let dataRows = 0;
  let values = 0;
  let header = true;

  // A NUL or broken Unicode in a cell: reported (shown escaped), never sent to the database.
  let headerNames: string[] = [];
  const unsafeCell = (row: number, fields: string[], names: string[]): boolean => {
    const column = fields.findIndex((f) => unsafeTextReason(f) !== undefined);
    if (column < 0) return false;
    const cell = fields[column] ?? '';
    problem({
      row,
      field: names[column]?.trim() || `column ${column + 1}`,
      value: JSON.stringify(cell).slice(1, -1),
      message: unsafeTextReason(cell) ?? '',
    });
    return true;
  };

  for await (const { row, cells: fields } of untilUnreadable(rows, problem)) {
    if (header) {
      header = false;
      if (unsafeCell(row, fields, [])) break;
      headerNames = fields;
      const read = importLayout(fields, elements);
      read.problems.forEach(problem);
      layout = read.layout;
      if (!layout) break;
      continue;
    }
    if (!layout) break;
    if (fields.every((f) => f.trim() === '')) continue;
    dataRows++;
    if (unsafeCell(row, fields, headerNames)) continue;
    if (dataRows % 10_000 === 0) options.onProgress?.(dataRows);
    if (fields.length !== layout.width) {
      problem({
        row,
        field: 'row',
        value: fields.join(','),
        message: `has ${fields.length} fields; the header has ${layout.width}`,
      });
      continue;
    }
    const unit = (fields[layout.unit] ?? '').trim();
    const period = (fields[layout.period] ?? '').trim();
    const source = layout.source >= 0 ? (fields[layout.source] ?? '').trim() || null : null;
    const evidence = layout.evidence >= 0 ? (fields[layout.evidence] ?? '').trim() || null : null;
    let rowOk = true;
    if (evidence !== null && !evidenceLink.test(evidence)) {
      problem({ row, field: 'evidence', value: evidence, message: 'a link: http:// or https://' });
      rowOk = false;
    }
    const span = units.get(unit);
    if (!span) {
      problem({
        row,
        field: 'unit',
        value: unit,
        message: unit ? `unit "${unit}" does not exist` : 'the unit is empty',
      });
      rowOk = false;
    } else if (allowedUnits && !allowedUnits.has(unit)) {
      outsideUnits++;
      problem({
        row,
        field: 'unit',
        value: unit,
        message: `unit "${unit}" is outside the units you may import data for`,
      });
      rowOk = false;
    }
    if (!periodOk.has(period)) {
      const range = periodRange(period);
      periodOk.set(period, range && { index: periodOk.size, ...range });
    }
    const range = periodOk.get(period);
    if (!range) {
      problem({
        row,
        field: 'period',
        value: period,
        message: 'not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15',
      });
      rowOk = false;
    } else if (span && (range.end < span.from || (span.to !== null && range.start > span.to))) {
      problem({
        row,
        field: 'period',
        value: period,
        message: `unit "${unit}" did not exist in ${period} (it existed from ${span.from}${span.to ? ` to ${span.to}` : ''})`,
      });
      rowOk = false;
    }
    const add = (element: string, raw: string, field: string) => {
      const text = raw.trim();
      let value: number | null = null;
      if (text !== '') {
        if (!numberPattern.test(text) || !Number.isFinite(Number(text))) {
          problem({
            row,
            field,
            value: raw,
            message: /^\d+,\d+$/.test(text)
              ? 'not a number: use "." as the decimal mark'
              : 'not a number',
          });
          return;
        }
        value = Number(text);
      }
      if (!rowOk || !span || !range) return;
      const e = elementIndex.get(element) ?? 0;
      const n = (range.index * units.size + span.index) * elementIndex.size + e;
      const key = Number.isSafeInteger(n) ? n : `${unit}\u0000${element}\u0000${period}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problem({
          row,
          field,
          value: raw,
          message: `unit "${unit}", indicator "${element}", period "${period}" already has a value at row ${first}`,
        });
        return;
      }
      seen.set(key, row);
      usedUnits[span.index] = 1;
      usedElements[e] = 1;
      values++;
      cells.row.push(row);
      cells.unit.push(unit);
      cells.element.push(element);
      cells.period.push(period);
      cells.value.push(value);
      cells.source.push(source);
      cells.evidence.push(evidence);
    };
    if (layout.kind === 'long') {
      const element = (fields[layout.indicator] ?? '').trim();
      if (!elements.has(element)) {
        problem({
          row,
          field: 'indicator',
          value: element,
          message: element ? unknownElement(element) : 'the indicator is empty',
        });
        continue;
      }
      add(element, fields[layout.value] ?? '', 'value');
    } else {
      for (const { column, code } of layout.indicators) add(code, fields[column] ?? '', code);
    }
  }
  if (!header && layout && dataRows === 0 && problemsTotal === 0) {
    problem({
      row: 2,
      field: 'row',
      value: '',
      message: 'the file has a header but no rows of data',
    });
  }
  if (header && problemsTotal === 0)
    problem({ row: 1, field: 'header', value: '', message: 'the file is empty' });

  const report: ImportReport = {
    id: null,
    status: 'refused',
    dry_run: options.dryRun,
    layout: layout?.kind ?? null,
    rows: dataRows,
    values,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    problems,
    problems_total: problemsTotal,
    ...(outsideUnits > 0 ? { outside_units: outsideUnits } : {}),
  };
  if (problemsTotal > 0) {
    report.id = await recordImport(database, options, report);
    return report;
  }
  options.onWriting?.();
  try {
    await database.transaction(async (sql) => {
      await lockDataWrites(sql);
      // What the rows were checked against, read again now that no writer can change it: the
      // units, their validity, the elements, the importer's units. Then the cells of a submitted
      // or approved data set, locked until it is reopened. On `sql`: PGlite has one connection.
      const stale = await staleCells(sql, cells, {
        units,
        usedUnits,
        elementIndex,
        usedElements,
        periods: periodOk,
        allowedUnits: typeof options.allowedUnits === 'function' ? options.allowedUnits : undefined,
        elementField: layout?.kind === 'wide' ? undefined : 'indicator',
      });
      const locked = await lockedCellsOf(sql, cells);
      // Data-quality rules on the values as they will be: blocking ones refuse the rows.
      const quality = await checkImport(sql, cells, layout?.kind === 'wide' ? undefined : 'value');
      if (quality.warnings.length > 0) {
        report.warnings = quality.warnings.slice(0, maxProblems);
        report.warnings_total = quality.warnings.length;
      }
      if (!quality.outliersChecked && quality.problems.length === 0)
        report.outliers_checked = false;
      const refusals = [...stale.problems, ...locked, ...quality.problems];
      if (refusals.length > 0) {
        outsideUnits += stale.outsideUnits;
        // In row order, as the file's own problems are.
        for (const p of refusals.sort((a, b) => a.row - b.row)) problem(p);
        throw new Refused();
      }
      await stage(sql, cells);
      const counts = await countChanges(sql);
      Object.assign(report, counts);
      if (options.dryRun) throw new DryRunDone();
      report.status = 'applied';
      report.id = await recordImport(sql, options, report);
      await merge(sql, report.id, options.author ?? null, counts, options.status ?? 'approved');
      if (counts.inserted + counts.updated > 0) await bumpDataRevision(sql);
      if (options.actor) {
        await recordAudit(sql, options.actor, [
          {
            entity: 'import',
            key: String(report.id),
            action: 'import',
            after: {
              filename: options.filename ?? null,
              rows: report.rows,
              inserted: counts.inserted,
              updated: counts.updated,
              unchanged: counts.unchanged,
              status: options.status ?? 'approved',
            },
          },
        ]);
      }
    });
  } catch (error) {
    if (error instanceof Refused) {
      report.problems_total = problemsTotal;
      if (outsideUnits > 0) report.outside_units = outsideUnits;
      report.id = await recordImport(database, options, report);
      return report;
    }
    if (!(error instanceof DryRunDone)) throw error;
    report.status = 'checked';
    report.id = await recordImport(database, options, report);
  }
  return report;
}

class DryRunDone extends Error {}
class Refused extends Error {}

/**
 * The cells that what they were checked against no longer admits, as problems naming their rows
 * (one per row and field, like the checks made while reading): a unit gone, one whose validity
 * no longer covers the period (closed, by an admin or a merge, after the file was read), a unit
 * no longer among the importer's, an element gone. Call it after `lockDataWrites`. It reads the
 * units and elements the cells use; the cells are gone through only if one of them changed.
 */
async function staleCells(
  sql: Sql,
  cells: { row: number[]; unit: string[]; element: string[]; period: string[] },
  checked: {
    units: ReadonlyMap<string, { index: number; from: string; to: string | null }>;
    usedUnits: Uint8Array;
    elementIndex: ReadonlyMap<string, number>;
    usedElements: Uint8Array;
    periods: ReadonlyMap<string, { start: string; end: string } | undefined>;
    allowedUnits: ((sql: Sql) => Promise<ReadonlySet<string>>) | undefined;
    /** The field of an element's problem: `indicator` (long format); the column (wide). */
    elementField: string | undefined;
  },
): Promise<{ problems: ImportProblem[]; outsideUnits: number }> {
  const usedUnits = [...checked.units].filter(([, u]) => checked.usedUnits[u.index] === 1);
  const usedElements = [...checked.elementIndex]
    .filter(([, i]) => checked.usedElements[i] === 1)
    .map(([code]) => code);
  if (usedUnits.length === 0) return { problems: [], outsideUnits: 0 };
  // Most of the units (a national load): the whole table is quicker than a list of codes.
  const whole = usedUnits.length * 4 > checked.units.size;
  const { rows: unitRows } = await sql.query<{
    code: string;
    valid_from: string;
    valid_to: string | null;
  }>(
    whole
      ? 'select code, valid_from::text, valid_to::text from units'
      : 'select code, valid_from::text, valid_to::text from units where code = any($1::text[])',
    whole ? [] : [usedUnits.map(([code]) => code)],
  );
  const { rows: elementRows } = await sql.query<{ code: string }>(
    'select code from data_elements where code = any($1::text[])',
    [usedElements],
  );
  const scope = checked.allowedUnits ? await checked.allowedUnits(sql) : undefined;

  // What changed, by unit: gone, outside the importer's units, or a new span of validity.
  type Change = 'gone' | 'outside' | { from: string; to: string | null };
  const fresh = new Map(unitRows.map((r) => [r.code, r]));
  const changed = new Map<string, Change>();
  for (const [code, was] of usedUnits) {
    const now = fresh.get(code);
    if (!now) changed.set(code, 'gone');
    else if (scope && !scope.has(code)) changed.set(code, 'outside');
    else if (now.valid_from !== was.from || now.valid_to !== was.to)
      changed.set(code, { from: now.valid_from, to: now.valid_to });
  }
  const present = new Set(elementRows.map((r) => r.code));
  const goneElements = new Set(usedElements.filter((code) => !present.has(code)));
  if (changed.size === 0 && goneElements.size === 0) return { problems: [], outsideUnits: 0 };

  const problems: ImportProblem[] = [];
  let outsideUnits = 0;
  let lastRow = -1;
  const reported = new Set<string>();
  const report = (p: ImportProblem): boolean => {
    if (p.row !== lastRow) {
      lastRow = p.row;
      reported.clear();
    }
    if (reported.has(p.field)) return false;
    reported.add(p.field);
    problems.push(p);
    return true;
  };
  for (let i = 0; i < cells.unit.length; i++) {
    const row = cells.row[i] as number;
    const unit = cells.unit[i] as string;
    const element = cells.element[i] as string;
    const change = changed.get(unit);
    if (change === 'gone') {
      report({ row, field: 'unit', value: unit, message: `unit "${unit}" does not exist` });
    } else if (change === 'outside') {
      const added = report({
        row,
        field: 'unit',
        value: unit,
        message: `unit "${unit}" is outside the units you may import data for`,
      });
      if (added) outsideUnits++;
    } else if (change) {
      const period = cells.period[i] as string;
      const range = checked.periods.get(period);
      if (range && (range.end < change.from || (change.to !== null && range.start > change.to)))
        report({
          row,
          field: 'period',
          value: period,
          message: `unit "${unit}" did not exist in ${period} (it existed from ${change.from}${change.to ? ` to ${change.to}` : ''})`,
        });
    }
    if (goneElements.has(element)) {
      const field = checked.elementField ?? element;
      report({
        row,
        field,
        value: element,
        message: `"${element}" is not a known indicator or data element`,
      });
    }
  }
  return { problems, outsideUnits };
}

/** The rows until the file cannot be read further (malformed CSV, not a workbook): a problem. */
async function* untilUnreadable(
  rows: AsyncIterable<TableRow>,
  problem: (p: ImportProblem) => void,
): AsyncGenerator<TableRow> {
  try {
    yield* rows;
  } catch (error) {
    if (!(error instanceof TableReadError)) throw error;
    problem({ row: error.row, field: 'file', value: '', message: error.message });
  }
}

async function stage(
  sql: Sql,
  cells: {
    unit: string[];
    element: string[];
    period: string[];
    value: (number | null)[];
    source: (string | null)[];
    evidence: (string | null)[];
  },
): Promise<void> {
  await sql.query(`create temporary table import_staging (
    unit text not null, element text not null, period text not null,
    value double precision, source text, evidence text
  ) on commit drop`);
  for (let i = 0; i < cells.unit.length; i += batchSize) {
    const j = i + batchSize;
    await sql.query(
      `insert into import_staging
       select * from unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[])`,
      [
        cells.unit.slice(i, j),
        cells.element.slice(i, j),
        cells.period.slice(i, j),
        cells.value.slice(i, j),
        cells.source.slice(i, j),
        cells.evidence.slice(i, j),
      ],
    );
  }
}

async function countChanges(
  sql: Sql,
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  const { rows } = await sql.query<{ inserted: string; updated: string; unchanged: string }>(
    `select count(*) filter (where d.unit is null) as inserted,
            count(*) filter (where d.unit is not null and d.value is distinct from s.value) as updated,
            count(*) filter (where d.unit is not null and d.value is not distinct from s.value) as unchanged
       from import_staging s
       left join data_values d on d.unit = s.unit and d.element = s.element and d.period = s.period`,
  );
  const r = rows[0];
  return {
    inserted: Number(r?.inserted ?? 0),
    updated: Number(r?.updated ?? 0),
    unchanged: Number(r?.unchanged ?? 0),
  };
}

/**
 * Changed cells keep their old value in the history and take the new one; new cells are inserted.
 * Two plain statements rather than one `insert ... on conflict`: its speculative insertion costs
 * twice as much per row, and the import lock keeps other writers out between the two.
 */
async function merge(
  sql: Sql,
  importId: number | null,
  author: string | null,
  counts: { inserted: number; updated: number },
  status: string,
): Promise<void> {
  if (counts.updated > 0) {
    await sql.query(
      `insert into data_value_history (unit, element, period, value, source, version, replaced_by, import_id)
       select d.unit, d.element, d.period, d.value, d.source, d.version, $1, $2
         from data_values d
         join import_staging s on d.unit = s.unit and d.element = s.element and d.period = s.period
        where d.value is distinct from s.value`,
      [author, importId],
    );
    await sql.query(
      `update data_values d
          set value = s.value, source = s.source, evidence = s.evidence, author = $1,
              import_id = $2, status = $3, version = d.version + 1, updated_at = now(),
              approved_value = case when $3 = 'approved' then s.value else d.approved_value end,
              approved_version = case when $3 = 'approved' then d.version + 1 else d.approved_version end
         from import_staging s
        where d.unit = s.unit and d.element = s.element and d.period = s.period
          and d.value is distinct from s.value`,
      [author, importId, status],
    );
  }
  if (counts.inserted > 0) {
    await sql.query(
      `insert into data_values (unit, element, period, value, source, evidence, author, import_id, status,
                                approved_value, approved_version)
       select s.unit, s.element, s.period, s.value, s.source, s.evidence, $1, $2, $3,
              case when $3 = 'approved' then s.value end, case when $3 = 'approved' then 1 end
         from import_staging s
        where not exists (select 1 from data_values d
                           where d.unit = s.unit and d.element = s.element and d.period = s.period)`,
      [author, importId, status],
    );
  }
}

async function recordImport(
  sql: Sql,
  options: ImportOptions,
  report: ImportReport,
): Promise<number> {
  const { rows } = await sql.query<{ id: number }>(
    `insert into imports (filename, format, dry_run, status, rows, problems, author)
     values ($1, $2, $3, $4, $5, $6::jsonb, $7) returning id`,
    [
      options.filename ?? null,
      options.format,
      options.dryRun ? 1 : 0,
      report.status,
      report.rows,
      JSON.stringify(report.problems),
      options.author ?? null,
    ],
  );
  return rows[0]?.id ?? 0;
}
