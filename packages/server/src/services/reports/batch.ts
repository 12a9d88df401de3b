import { didYouMean, frameworkTree } from '@dxmon/engine';
import { Zip, ZipPassThrough } from 'fflate';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { Conflict, NotFound, UnprocessableContent } from '../../http/problems.js';
import { periodRange } from '../../imports/periodRange.js';
import { frameworkElements } from '../datasets.js';
import type { Jobs } from '../jobs.js';
import type { Language } from '../translations.js';
import { levelsOn } from '../units.js';
import { getReportDocument, type ReportDocument } from './documents.js';

/**
 * Batches of unit reports: every unit of a level that exists at the end of a period (the 34
 * provinces of 2025, the 63 of 2022), each report made through `getReportDocument` (so each one
 * lands in the report cache as a single download would), zipped into one archive kept in the
 * database, where every server process sharing it can serve it. A batch runs as a pg-boss job, so
 * on PostgreSQL it runs once whichever process picks it up; its progress is counted unit by unit.
 */

/** The formats a batch makes: the printable and the spreadsheet ones. */
export const batchFormats = ['pdf', 'xlsx'] as const;
export type BatchFormat = (typeof batchFormats)[number];

export type BatchStatus = 'queued' | 'running' | 'done' | 'failed';

export interface BatchRequest {
  level: string;
  framework: string;
  version?: number | undefined;
  period: string;
  lang: Language;
  format: BatchFormat;
}

export interface ReportBatch {
  id: number;
  status: BatchStatus;
  level: string;
  framework: string;
  version: number;
  period: string;
  lang: Language;
  format: BatchFormat;
  /** Reports made so far, of `total`. */
  done: number;
  total: number;
  error: string | null;
  /** Who asked for it: the account's e-mail, or the command line's user. */
  created_by: string;
  created_at: string;
  finished_at: string | null;
  /** The archive's size in bytes once done. */
  size: number | null;
}

/** How long one batch may run before pg-boss gives it up (a batch of 63 PDFs takes minutes). */
const batchExpiry = 3600;

/** The job's options: one retry, for a batch whose process died while running it. */
export const batchJobOptions = { retryLimit: 1, retryDelay: 5, expireInSeconds: batchExpiry };

const columns = `id, status, level, framework_id, framework_version, period, lang, format, done, total,
  error, created_by, created_at, finished_at, size`;

interface BatchRow {
  id: number;
  status: BatchStatus;
  level: string;
  framework_id: string;
  framework_version: number;
  period: string;
  lang: Language;
  format: BatchFormat;
  done: number;
  total: number;
  error: string | null;
  created_by: string;
  created_at: Date | string;
  finished_at: Date | string | null;
  size: number | null;
}

const iso = (at: Date | string) => new Date(at).toISOString();

function toBatch(r: BatchRow): ReportBatch {
  return {
    id: r.id,
    status: r.status,
    level: r.level,
    framework: r.framework_id,
    version: r.framework_version,
    period: r.period,
    lang: r.lang,
    format: r.format,
    done: r.done,
    total: r.total,
    error: r.error,
    created_by: r.created_by,
    created_at: iso(r.created_at),
    finished_at: r.finished_at === null ? null : iso(r.finished_at),
    size: r.size === null ? null : Number(r.size),
  };
}

/**
 * Checks the request (framework and version, period with data, level with units at the end of
 * the period), records the batch with its units and queues it. The same batch still queued or
 * running is answered instead of starting another.
 */
export async function startReportBatch(
  database: Database,
  jobs: Jobs,
  actor: Actor,
  request: BatchRequest,
): Promise<ReportBatch> {
  const { framework, version } = await knownFramework(database, request);
  const range = await knownPeriod(database, request.period, framework, version);
  const units = await unitsOfLevel(database, request.level, range.end);

  const same = await database.query<BatchRow>(
    `select ${columns} from report_batches
      where status in ('queued', 'running') and level = $1 and framework_id = $2
        and framework_version = $3 and period = $4 and lang = $5 and format = $6
      order by id desc limit 1`,
    [request.level, framework, version, request.period, request.lang, request.format],
  );
  if (same.rows[0]) return toBatch(same.rows[0]);

  const { rows } = await database.query<BatchRow>(
    `insert into report_batches
       (status, level, framework_id, framework_version, period, lang, format, units, total, created_by)
     values ('queued', $1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9)
     returning ${columns}`,
    [
      request.level,
      framework,
      version,
      request.period,
      request.lang,
      request.format,
      JSON.stringify(units),
      units.length,
      actor.email ?? actor.name,
    ],
  );
  const batch = rows[0] as BatchRow;
  await jobs.reportBatch(batch.id);
  return toBatch(batch);
}

async function knownFramework(
  database: Database,
  request: BatchRequest,
): Promise<{ framework: string; version: number }> {
  const { rows } = await database.query<{ id: string; version: number }>(
    'select id, version from frameworks order by id, version',
  );
  const ids = [...new Set(rows.map((r) => r.id))];
  if (!ids.includes(request.framework)) {
    const message = `no such framework${didYouMean(request.framework, ids)} (there are ${ids.join(', ') || 'none'})`;
    throw new UnprocessableContent(`body.framework "${request.framework}": ${message}`, [
      { field: 'body.framework', message, value: request.framework },
    ]);
  }
  const versions = rows.filter((r) => r.id === request.framework).map((r) => r.version);
  const version = request.version ?? Math.max(...versions);
  if (!versions.includes(version)) {
    const message = `framework ${request.framework} has no version ${version}; its versions are ${versions.join(', ')}`;
    throw new UnprocessableContent(`body.version ${version}: ${message}`, [
      { field: 'body.version', message, value: version },
    ]);
  }
  return { framework: request.framework, version };
}

/** The period's first and last days, when the framework has approved values in it. */
async function knownPeriod(
  database: Database,
  period: string,
  framework: string,
  version: number,
): Promise<{ start: string; end: string }> {
  const range = periodRange(period);
  const { rows: defined } = await database.query<{ definition: unknown }>(
    'select definition from frameworks where id = $1 and version = $2',
    [framework, version],
  );
  const elements = frameworkElements(frameworkTree(defined[0]?.definition as never));
  const { rows } = await database.query<{ period: string }>(
    `select distinct period from data_values
      where element = any($1::text[]) and approved_value is not null order by period`,
    [elements],
  );
  const periods = rows.map((r) => r.period);
  if (!range || !periods.includes(period)) {
    const message = `${framework} has no approved data in ${period}${didYouMean(period, periods)} (its periods are ${periods.join(', ') || 'none yet'})`;
    throw new UnprocessableContent(`body.period "${period}": ${message}`, [
      { field: 'body.period', message, value: period },
    ]);
  }
  return range;
}

/** The codes of the units of `level` that existed on `at`, or a 422 naming the level. */
async function unitsOfLevel(database: Database, level: string, at: string): Promise<string[]> {
  const { rows } = await database.query<{ code: string }>(
    `select code from units
      where level = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2)
      order by code`,
    [level, at],
  );
  if (rows.length > 0) return rows.map((r) => r.code);
  const levels = await levelsOn(database.db, at);
  const message = `no unit of this level existed on ${at}${didYouMean(level, levels)} (the levels then were ${levels.join(', ') || 'none'})`;
  throw new UnprocessableContent(`body.level "${level}": ${message}`, [
    { field: 'body.level', message, value: level },
  ]);
}

export async function getReportBatch(database: Database, id: number): Promise<ReportBatch> {
  const { rows } = await database.query<BatchRow>(
    `select ${columns} from report_batches where id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new NotFound(`report batch ${id} does not exist`);
  return toBatch(row);
}

/** The most recent batches, newest first. */
export async function listReportBatches(database: Database, limit: number): Promise<ReportBatch[]> {
  const { rows } = await database.query<BatchRow>(
    `select ${columns} from report_batches order by id desc limit $1`,
    [limit],
  );
  return rows.map(toBatch);
}

/** The archive of a finished batch and its file name; 409 while it is not done. */
export async function reportBatchZip(
  database: Database,
  id: number,
): Promise<{ bytes: Uint8Array; filename: string }> {
  const batch = await getReportBatch(database, id);
  if (batch.status === 'failed') {
    throw new Conflict(
      `report batch ${id} failed (${batch.error ?? 'no reason recorded'}): it has no archive`,
    );
  }
  if (batch.status !== 'done') {
    throw new Conflict(
      `report batch ${id} is ${batch.status}: ${batch.done} of ${batch.total} reports made; its archive is not ready yet`,
    );
  }
  const { rows } = await database.query<{ zip: Uint8Array }>(
    'select zip from report_batches where id = $1',
    [id],
  );
  return { bytes: new Uint8Array(rows[0]?.zip ?? new Uint8Array()), filename: zipName(batch) };
}

function zipName(b: Pick<ReportBatch, 'framework' | 'period' | 'level' | 'lang' | 'format'>) {
  return `dxmon-reports-${b.framework}-${b.period}-${b.level}-${b.lang}-${b.format}.zip`.replace(
    /[^\w.-]+/g,
    '_',
  );
}

/** Reports asked for at once: the report queue's workers make them side by side. */
const parallel = 2;

/**
 * The job: makes the batch's reports through `getReportDocument` (cached, as a single download),
 * `parallel` at a time, counting them in order, and stores their archive. False when `stopping`
 * said to stop between two reports: the batch is queued again from the start (the reports
 * already made come from the cache then). A batch already finished is left alone; a report that
 * fails fails the batch, naming its unit.
 */
export async function runReportBatch(
  database: Database,
  jobs: Jobs,
  id: number,
  stopping: () => boolean,
): Promise<boolean> {
  const { rows } = await database.query<BatchRow & { units: string[] }>(
    `update report_batches set status = 'running', done = 0, error = null
      where id = $1 and status in ('queued', 'running')
      returning ${columns}, units`,
    [id],
  );
  const batch = rows[0];
  if (!batch) return true;
  // The latest version is asked for as a download without a version asks for it: the same
  // document, from the same cache entry.
  const { rows: latest } = await database.query<{ version: number }>(
    'select max(version) as version from frameworks where id = $1',
    [batch.framework_id],
  );
  const version =
    latest[0]?.version === batch.framework_version ? undefined : batch.framework_version;
  const make = (unit: string): Promise<ReportDocument> =>
    getReportDocument(database, jobs, {
      kind: 'unit',
      unit,
      framework: batch.framework_id,
      version,
      period: batch.period,
      lang: batch.lang,
      format: batch.format,
    });
  const asked = new Map<number, Promise<ReportDocument>>();
  const ask = (i: number) => {
    const made = make(batch.units[i] as string);
    // Awaited in order below; a failure before then is not an unhandled rejection.
    made.catch(() => {});
    asked.set(i, made);
  };
  let unit = '';
  try {
    const chunks: Uint8Array[] = [];
    let failed: Error | undefined;
    const zip = new Zip((error, chunk) => {
      if (error) failed = error;
      else chunks.push(chunk);
    });
    const names = new Set<string>();
    let next = 0;
    for (const [i, code] of batch.units.entries()) {
      if (stopping()) {
        await database.query(
          `update report_batches set status = 'queued', done = 0 where id = $1 and status = 'running'`,
          [id],
        );
        return false;
      }
      for (; next < batch.units.length && next < i + parallel; next++) ask(next);
      unit = code;
      const document = await (asked.get(i) as Promise<ReportDocument>);
      asked.delete(i);
      // PDF and XLSX files are compressed already: stored as they are.
      const entry = new ZipPassThrough(uniqueName(names, document.filename, code));
      zip.add(entry);
      entry.push(document.bytes, true);
      if (failed) throw failed;
      const counted = await database.query(
        `update report_batches set done = $2 where id = $1 and status = 'running' returning id`,
        [id, i + 1],
      );
      // Set aside meanwhile (marked failed by hand): nothing more to do.
      if (counted.rows.length === 0) return true;
    }
    unit = '';
    zip.end();
    if (failed) throw failed;
    const bytes = Buffer.concat(chunks);
    await database.query(
      `update report_batches
          set status = 'done', zip = $2, size = $3, done = total, finished_at = now()
        where id = $1 and status = 'running'`,
      [id, bytes, bytes.length],
    );
    return true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await database.query(
      `update report_batches set status = 'failed', error = $2, finished_at = now()
        where id = $1 and status = 'running'`,
      [id, unit ? `${unit}: ${message}` : message],
    );
    return true;
  }
}

/** The document's file name, made unique in the archive (a second one gets the unit's code). */
function uniqueName(names: Set<string>, filename: string, code: string): string {
  let name = filename.replace(/[/\\]/g, '_');
  if (names.has(name)) {
    const dot = name.lastIndexOf('.');
    name = `${name.slice(0, dot)}-${code}${name.slice(dot)}`;
  }
  names.add(name);
  return name;
}
