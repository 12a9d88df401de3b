import { didYouMean, frameworkTree } from '@dxmon/engine';
import type { Database } from '../../db/database.js';
import { ApiProblem, NotFound, ValidationFailed } from '../../http/problems.js';
import { periodRange } from '../../imports/periodRange.js';
import { frameworkElements } from '../datasets.js';
import { getFramework } from '../frameworks.js';
import { frameworkPeriods } from '../profile.js';
import { languages } from '../translations.js';
import type { ReportFormat } from './model.js';

export const reportFormats: readonly ReportFormat[] = ['pdf', 'xlsx', 'html', 'json'];

/** What a report request names, checked before any work is queued. */
export type CheckedRequest =
  | { kind: 'unit'; unit: string; framework: string; version?: number | undefined; period: string }
  | { kind: 'plan'; plan: string };

/**
 * Refuses a request naming what does not exist, with the field and value and the close matches:
 * a 400 for a language or format dxmon does not make, or a period that is no period; a 404 for an
 * unknown unit, framework (or version), plan, or a period without any of the framework's data.
 * Field names are the request's words (`unit`, `framework`, `period`, `plan`, `lang`, `format`),
 * which the API's path and query and the CLI's options share.
 */
export async function checkReportRequest(
  database: Database,
  request: CheckedRequest & { lang: string; format: string },
): Promise<void> {
  checkChoice('lang', request.lang, languages, 'language');
  checkChoice('format', request.format, reportFormats, 'format');
  if (request.kind === 'plan') {
    await checkExists(database, 'plan', request.plan, 'select id as code from plans');
    return;
  }
  await checkExists(database, 'unit', request.unit, 'select code from units');
  await checkExists(
    database,
    'framework',
    request.framework,
    'select distinct id as code from frameworks',
  );
  await checkPeriod(database, request);
}

function checkChoice(field: string, value: string, choices: readonly string[], what: string) {
  if (choices.includes(value)) return;
  const expected = `${choices.slice(0, -1).join(', ')} or ${choices.at(-1)}`;
  throw new ValidationFailed(`unknown ${what} "${value}": expected ${expected}`, [
    { field, message: `expected ${expected}`, value },
  ]);
}

/** 404 naming `field` unless `value` is one of the codes `candidates` selects. */
async function checkExists(database: Database, field: string, value: string, candidates: string) {
  const { rows } = await database.query(`select 1 from (${candidates}) c where code = $1`, [value]);
  if (rows.length > 0) return;
  const all = await database.query<{ code: string }>(candidates);
  throw notFound(
    field,
    value,
    `${field} "${value}" does not exist`,
    all.rows.map((r) => r.code),
  );
}

async function checkPeriod(
  database: Database,
  request: { framework: string; version?: number | undefined; period: string },
) {
  if (!periodRange(request.period))
    throw new ValidationFailed(`"${request.period}" is not a period`, [
      {
        field: 'period',
        message: 'expected a period: 2024, 2024Q3, 2024-07 or 2024-07-15',
        value: request.period,
      },
    ]);
  let framework: Awaited<ReturnType<typeof getFramework>>;
  try {
    framework = await getFramework(database.db, request.framework, request.version);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    throw new ApiProblem(404, 'Not found', error.message, [
      { field: 'version', message: error.message, value: request.version },
    ]);
  }
  const elements = frameworkElements(frameworkTree(framework.definition));
  const { rows } = await database.query(
    `select 1 from data_values
      where period = $1 and element = any($2::text[]) and approved_value is not null limit 1`,
    [request.period, elements],
  );
  if (rows.length > 0) return;
  const periods = await frameworkPeriods(
    database,
    frameworkTree(framework.definition),
    request.period,
  );
  throw notFound(
    'period',
    request.period,
    `${framework.id} has no data in ${request.period}${periods.length > 0 ? ` (it has ${periods[0]} to ${periods.at(-1)})` : ''}`,
    periods,
  );
}

function notFound(field: string, value: string, detail: string, candidates: string[]) {
  const hint = didYouMean(value, candidates);
  return new ApiProblem(404, 'Not found', `${detail}${hint}`, [
    // The detail says it all, with the close matches; the field's own message stays short.
    { field, message: 'not found', value },
  ]);
}
