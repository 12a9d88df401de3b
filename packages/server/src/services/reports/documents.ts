import { createHash } from 'node:crypto';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { ApiProblem } from '../../http/problems.js';
import { contentRevision } from '../dataRevision.js';
import type { Jobs } from '../jobs.js';
import type { Language } from '../translations.js';
import { checkReportRequest } from './checkRequest.js';
import type { Report, ReportFormat } from './model.js';
import { printPdf } from './pdf.js';
import { buildPlanReport } from './planReport.js';
import { renderReportHtml } from './render/index.js';
import { reportXlsx } from './reportXlsx.js';
import { buildUnitReport } from './unitReport.js';

/** A draft: the asking user's working values, DRAFT on every page. */
export interface ReportDraft {
  user: Actor;
}

export type ReportRequest = (
  | {
      kind: 'unit';
      unit: string;
      framework: string;
      version?: number | undefined;
      period: string;
    }
  | { kind: 'plan'; plan: string }
) & {
  lang: Language;
  format: ReportFormat;
  /** Null or absent: the public report (approved values only). */
  draft?: ReportDraft | null | undefined;
};

export interface ReportDocument {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
  /** True when the bytes were made before, for the same request and content revision. */
  cached: boolean;
  /** The document's cache key: the same request and content revision give the same key. */
  key: string;
}

/** What a report job is given: the request, and the key and revision it is cached under. */
export interface ReportJobData {
  request: ReportRequest;
  key: string;
  revision: number;
}

/** A report that cannot be made now: its job timed out, or printing is not possible here. */
export class ReportUnavailable extends ApiProblem {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(503, 'Service unavailable', detail);
  }
}

export const contentTypes: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** How long a request waits for its document before answering 503. */
const defaultTimeoutMs = 120_000;

/**
 * A report document: from the cache when the same request (and, for a draft, the same user) was
 * made at the current content revision, else made by a job of the 'report' queue, which stores it
 * in the cache, while the request waits (polling) up to `timeoutMs`. On PGlite this process is the
 * worker; on PostgreSQL any process running workers may be. A request naming what does not exist
 * is refused before anything is queued (checkRequest.ts); a failed job's problem is the answer's.
 */
export async function getReportDocument(
  database: Database,
  jobs: Jobs,
  request: ReportRequest,
  options: { timeoutMs?: number } = {},
): Promise<ReportDocument> {
  const revision = await contentRevision(database);
  const key = reportKey(request, revision);
  const hit = await cachedDocument(database, key);
  if (hit) return { ...hit, cached: true, key };

  await checkReportRequest(database, request);
  const data: ReportJobData = { request, key, revision };
  if (!jobs.reportWorkers && database.kind === 'pglite') {
    // This process holds the database alone and runs no workers: nobody else could make it.
    await makeReportDocument(database, data).catch((error) => {
      throw asProblem(error);
    });
  } else {
    await waitForJob(database, jobs, await jobs.report(data), key, options.timeoutMs);
  }
  const made = await cachedDocument(database, key);
  if (!made) throw new ReportUnavailable('the report was replaced by a newer one: ask again', 1);
  return { ...made, cached: false, key };
}

/**
 * The job's work: builds the report's model, renders it in its format and stores the bytes under
 * the request's key; older revisions' documents are removed.
 */
export async function makeReportDocument(database: Database, data: ReportJobData): Promise<void> {
  const { request } = data;
  const report = await buildReport(database, request);
  const bytes = await renderReport(report, request.format);
  await database.query(
    `insert into report_cache (key, revision, content_type, filename, bytes)
     values ($1, $2, $3, $4, $5) on conflict (key) do nothing`,
    [data.key, data.revision, contentTypes[request.format], reportFilename(request), bytes],
  );
  await database.query('delete from report_cache where revision < $1', [data.revision]);
}

/** The report's model, in its language, from the current data. */
export function buildReport(database: Database, request: ReportRequest): Promise<Report> {
  const draft = request.draft ? { user: request.draft.user } : null;
  return request.kind === 'unit'
    ? buildUnitReport(database, {
        unit: request.unit,
        framework: request.framework,
        version: request.version,
        period: request.period,
        lang: request.lang,
        draft,
      })
    : buildPlanReport(database, { plan: request.plan, lang: request.lang, draft });
}

/** The report's model as a document of `format`. */
export async function renderReport(report: Report, format: ReportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'json':
      return new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
    case 'xlsx':
      return reportXlsx(report);
    case 'html':
      return new TextEncoder().encode(renderReportHtml(report));
    case 'pdf':
      return printPdf(report);
  }
}

/**
 * The document's file name: the unit's code, framework, period and language (`VN-08_dti-province
 * _2022_vi.pdf`) or the plan's id and language (`48-NQ-TU_vi.pdf`), `_draft` for a draft.
 */
export function reportFilename(request: ReportRequest): string {
  const parts =
    request.kind === 'unit'
      ? [request.unit, request.framework, request.period, request.lang]
      : [request.plan, request.lang];
  if (request.draft) parts.push('draft');
  const safe = parts.map((p) => p.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[.-]+|-+$/g, ''));
  return `${safe.join('_')}.${request.format}`;
}

/**
 * A hash of what the document depends on: the request, the content revision, and for a draft
 * its user (whose working values it shows).
 */
export function reportKey(request: ReportRequest, revision: number): string {
  const subject =
    request.kind === 'unit'
      ? ['unit', request.unit, request.framework, request.version ?? null, request.period]
      : ['plan', request.plan];
  const user = request.draft ? (request.draft.user.userId ?? `~${request.draft.user.name}`) : null;
  return createHash('sha256')
    .update(JSON.stringify([...subject, request.lang, request.format, user, revision]))
    .digest('hex');
}

async function cachedDocument(
  database: Database,
  key: string,
): Promise<Omit<ReportDocument, 'cached' | 'key'> | undefined> {
  const { rows } = await database.query<{
    bytes: Uint8Array;
    content_type: string;
    filename: string;
  }>('select bytes, content_type, filename from report_cache where key = $1', [key]);
  const row = rows[0];
  return row && { bytes: row.bytes, contentType: row.content_type, filename: row.filename };
}

/**
 * Waits until the job's document is stored (its worker stores it before the job completes), the
 * job fails (its problem is thrown), or `timeoutMs` passes (503). Polls quickly at first.
 */
async function waitForJob(
  database: Database,
  jobs: Jobs,
  jobId: string,
  key: string,
  timeoutMs = defaultTimeoutMs,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let pause = 25; Date.now() < deadline; pause = Math.min(pause * 2, 500)) {
    if (await cachedDocument(database, key)) return;
    const job = await jobs.reportJob(jobId);
    if (job?.state === 'failed') throw asProblem(job.output);
    if (job?.state === 'completed') return;
    if (job && job.state !== 'created' && job.state !== 'active' && job.state !== 'retry')
      throw new ReportUnavailable(`the report's job was ${job.state}: ask again`, 1);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  throw new ReportUnavailable(
    `the report is still being made after ${Math.round(timeoutMs / 1000)} s: ask again in a minute${jobs.reportWorkers ? '' : ' (this server runs no workers; is one running?)'}`,
    60,
  );
}

/**
 * A failed job's error as the problem to answer with: the API problem it was (a job's error
 * comes back serialised: name, message and its own fields), Chromium missing as 503, else 500.
 */
export function asProblem(error: unknown): Error {
  if (error instanceof ApiProblem) return error;
  const e = (error ?? {}) as {
    name?: string;
    message?: string;
    status?: unknown;
    title?: unknown;
    fields?: unknown;
  };
  const message = e.message ?? String(error);
  if (e.name === 'ChromiumMissing') return new ReportUnavailable(message);
  if (typeof e.status === 'number' && e.status >= 400 && typeof e.title === 'string')
    return new ApiProblem(
      e.status,
      e.title,
      message,
      Array.isArray(e.fields) ? (e.fields as ApiProblem['fields']) : [],
    );
  return error instanceof Error ? error : new Error(`the report's job failed: ${message}`);
}
