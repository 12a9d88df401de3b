import { setTimeout as sleep } from 'node:timers/promises';
import { didYouMean } from '@dxmon/engine';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliError } from '../cliError.js';
import {
  type ApiResponse,
  jsonOf,
  type LocalApi,
  problemError,
  withLocalApi,
} from '../local/localApi.js';
import { writeOutput } from '../output/outputTarget.js';

const languages = ['en', 'vi', 'ar'] as const;
const documentFormats = ['pdf', 'xlsx', 'html', 'json'] as const;
const batchFormats = ['pdf', 'xlsx'] as const;

interface CommonFlags {
  lang?: string;
  format?: string;
  out: string;
  dataDir?: string;
}

interface UnitFlags extends CommonFlags {
  unit: string;
  framework: string;
  period: string;
  draft?: boolean;
}

interface PlanFlags extends CommonFlags {
  plan: string;
  draft?: boolean;
}

interface BatchFlags extends CommonFlags {
  level: string;
  framework: string;
  period: string;
}

/** A batch as GET /api/reports/batch/:id answers it. */
interface Batch {
  id: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  level: string;
  framework: string;
  period: string;
  lang: string;
  format: string;
  done: number;
  total: number;
  error: string | null;
  size: number | null;
}

/** `dxmon report unit|plan|batch`: report documents from the database, as the API makes them. */
export function reportCommand(): Command {
  const report = new Command('report')
    .description(
      "Make report documents (PDF, XLSX, HTML or JSON) in English, Vietnamese or Arabic: a unit's, a plan's, or every unit of a level at once (a ZIP).",
    )
    .addHelpText(
      'after',
      `
The reports are the API's (GET /api/reports/...): the database is the one dxmon serve uses, DATABASE_URL
when set, else the embedded one in --data-dir; while dxmon serve runs on that folder, the command asks it.
Public reports use approved values only; --draft adds your unapproved ones (every page says DRAFT).
A bad unit, framework, period, plan or language exits 1 naming it, with a close match; no file is written.

Examples:
  $ dxmon report unit --unit VN-08 --framework dti-province --period 2022 --lang vi --out tuyen-quang-2022.pdf
  $ dxmon report plan --plan NB-DX-2025 --format xlsx --out nb-dx-2025.xlsx
  $ dxmon report batch --level province --framework dti-province --period 2025 --out provinces-2025.zip
  $ dxmon report unit --help`,
    );

  report
    .command('unit')
    .description(
      "A unit's report for a framework and period: score, rank and change, pillars, history through boundary changes, peers, what lifts it most, its plans' targets, its children, the data annex.",
    )
    .requiredOption('--unit <code>', 'the unit, e.g. VN-08 (Tuyen Quang before 2025)')
    .requiredOption('--framework <id>', 'the framework, e.g. dti-province')
    .requiredOption('--period <period>', 'the period, e.g. 2022')
    .option('--lang <lang>', 'en | vi | ar (default en)')
    .option('--format <format>', 'pdf | xlsx | html | json (default: from --out, else pdf)')
    .requiredOption('--out <file>', 'output file (- for standard output: html and json only)')
    .option('--draft', 'include your unapproved values (a draft; every page says DRAFT)')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
Examples:
  $ dxmon report unit --unit VN-08 --framework dti-province --period 2022 --out tuyen-quang-2022.pdf
  $ dxmon report unit --unit VN-08 --framework dti-province --period 2022 --lang vi --format xlsx --out VN-08.xlsx
  $ dxmon report unit --unit VN25-08 --framework dti-province --period 2025 --lang ar --out tuyen-quang-ar.html
  $ dxmon report unit --unit VN-37 --framework dti-province --period 2025 --draft --out ninh-binh-draft.pdf`,
    )
    .action((flags: UnitFlags) => runUnitReport(flags));

  report
    .command('plan')
    .description(
      "A plan's review report: its targets counted by status and grade, each with baseline, latest value, target, projection, required and observed growth, and a small chart.",
    )
    .requiredOption('--plan <id>', 'the plan, e.g. NB-DX-2025 (ids with / are fine)')
    .option('--lang <lang>', 'en | vi | ar (default en)')
    .option('--format <format>', 'pdf | xlsx | html | json (default: from --out, else pdf)')
    .requiredOption('--out <file>', 'output file (- for standard output: html and json only)')
    .option('--draft', 'include your unapproved values (a draft; every page says DRAFT)')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
Examples:
  $ dxmon report plan --plan NB-DX-2025 --out nb-dx-2025.pdf
  $ dxmon report plan --plan 48-NQ/TU --lang vi --format xlsx --out 48-NQ-TU.xlsx`,
    )
    .action((flags: PlanFlags) => runPlanReport(flags));

  report
    .command('batch')
    .description(
      "The reports of every unit of a level existing in a period (the 34 provinces of 2025, the 63 of 2022), made in the background and downloaded as one ZIP. Admins' and analysts' work.",
    )
    .option('--level <level>', 'the level of the units: province, commune...', 'province')
    .requiredOption('--framework <id>', 'the framework, e.g. dti-province')
    .requiredOption('--period <period>', 'the period, e.g. 2025')
    .option('--lang <lang>', 'en | vi | ar (default en)')
    .option('--format <format>', 'pdf | xlsx: the format of each report (default pdf)')
    .requiredOption('--out <file>', 'the ZIP file to write, e.g. provinces-2025.zip')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
A progress bar shows the reports made on a terminal (a line per report otherwise). The batch runs
on the server holding the database, or in this process when none does; each report is cached, so
a later single download of the same report is immediate.

Examples:
  $ dxmon report batch --level province --framework dti-province --period 2025 --out provinces-2025.zip
  $ dxmon report batch --framework dti-province --period 2022 --lang vi --format xlsx --out tinh-2022.zip`,
    )
    .action((flags: BatchFlags) => runBatch(flags));

  return report;
}

/** `value` is one of `allowed`, or a CLI error naming the flag, the close match and the choices. */
function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new CliError(
    `--${flag} "${value}": not one of ${allowed.join(', ')}${didYouMean(value, allowed)}`,
  );
}

/** The format asked for, else the one --out's extension names, else `fallback`. */
function formatOf<T extends string>(flags: CommonFlags, allowed: readonly T[], fallback: T): T {
  if (flags.format !== undefined) return oneOf('format', flags.format.toLowerCase(), allowed);
  const extension = /\.([a-z]+)$/i.exec(flags.out)?.[1]?.toLowerCase();
  const named = extension === 'htm' ? 'html' : extension;
  return (allowed as readonly (string | undefined)[]).includes(named) ? (named as T) : fallback;
}

function languageOf(flags: CommonFlags): string {
  return oneOf('lang', (flags.lang ?? 'en').toLowerCase(), languages);
}

/** Binary documents go to a file: standard output takes text only. */
function checkOut(out: string, format: string): void {
  if (out.trim() === '') throw new CliError('--out: give a file name');
  if (out === '-' && format !== 'html' && format !== 'json') {
    throw new CliError(`${format.toUpperCase()} is a binary format: give --out FILE.${format}`);
  }
}

async function runUnitReport(flags: UnitFlags): Promise<void> {
  const lang = languageOf(flags);
  const format = formatOf(flags, documentFormats, 'pdf');
  checkOut(flags.out, format);
  const query = new URLSearchParams({
    framework: flags.framework,
    period: flags.period,
    lang,
    ...(flags.draft ? { draft: 'true' } : {}),
  });
  const url = `/api/reports/unit/${encodeURIComponent(flags.unit)}.${format}?${query}`;
  const response = await requestDocument(flags.dataDir, url);
  save(flags.out, response, `${flags.unit}, ${flags.framework} ${flags.period}, ${lang}`, format);
}

async function runPlanReport(flags: PlanFlags): Promise<void> {
  const lang = languageOf(flags);
  const format = formatOf(flags, documentFormats, 'pdf');
  checkOut(flags.out, format);
  const query = new URLSearchParams({ lang, ...(flags.draft ? { draft: 'true' } : {}) });
  const url = `/api/reports/plan/${encodeURIComponent(flags.plan)}.${format}?${query}`;
  const response = await requestDocument(flags.dataDir, url);
  save(flags.out, response, `plan ${flags.plan}, ${lang}`, format);
}

/**
 * Asks the API for a document. A report is made by a job: by this process's workers when it
 * opened the database itself (on PostgreSQL no server need be running then), else by the server.
 */
function requestDocument(dataDir: string | undefined, url: string): Promise<ApiResponse> {
  return withLocalApi(dataDir, 'dxmon report', (api) => api.request({ method: 'GET', url }), {
    workers: true,
  });
}

/** Writes a document answered by the API whole (or nothing), and says what was written. */
function save(out: string, response: ApiResponse, what: string, format: string): void {
  // The server's refusals (an unknown unit, a period without data) are messages, not crashes.
  if (response.status >= 400) throw problemError(response);
  writeOutput(out, new Uint8Array(response.body));
  if (out !== '-') {
    process.stderr.write(`${out}: ${what} (${format}, ${size(response.body.length)})\n`);
  }
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function runBatch(flags: BatchFlags): Promise<void> {
  const lang = languageOf(flags);
  const format = formatOf(flags, batchFormats, 'pdf');
  if (flags.out.trim() === '' || flags.out === '-') {
    throw new CliError('a ZIP archive is binary: give --out FILE.zip');
  }
  // Workers in this process when it opened the database itself: the batch may run here.
  const { batch, zip } = await withLocalApi(
    flags.dataDir,
    'dxmon report batch',
    async (api) => {
      const started = jsonOf<Batch>(
        await api.request({
          method: 'POST',
          url: '/api/reports/batch',
          body: {
            level: flags.level,
            framework: flags.framework,
            period: flags.period,
            lang,
            format,
          },
        }),
      );
      const finished = await follow(api, started);
      if (finished.status === 'failed') {
        throw new CliError(
          `report batch ${finished.id} failed after ${finished.done} of ${finished.total} reports: ${finished.error ?? 'no reason given'}; nothing was written`,
        );
      }
      const download = await api.request({
        method: 'GET',
        url: `/api/reports/batch/${finished.id}.zip`,
      });
      if (download.status >= 400) throw problemError(download);
      return { batch: finished, zip: download.body };
    },
    { workers: true },
  );
  writeOutput(flags.out, new Uint8Array(zip));
  process.stderr.write(
    `${flags.out}: ${batch.total} reports (${batch.framework} ${batch.period}, ${batch.level}, ${batch.lang}, ${batch.format}; ${size(zip.length)})\n`,
  );
}

/**
 * Polls the batch until it is done or failed, showing its progress: a bar on a terminal, else a
 * line each time more reports are made.
 */
async function follow(api: LocalApi, started: Batch): Promise<Batch> {
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: `report batch ${started.id} [{bar}] {value}/{total} reports`,
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined;
  bar?.start(started.total, started.done);
  let batch = started;
  let shown = -1;
  try {
    for (;;) {
      if (bar) bar.update(batch.done);
      else if (batch.done !== shown) {
        process.stderr.write(
          `report batch ${batch.id}: ${batch.done} of ${batch.total} reports (${batch.status})\n`,
        );
        shown = batch.done;
      }
      if (batch.status === 'done' || batch.status === 'failed') return batch;
      await sleep(250);
      batch = jsonOf<Batch>(
        await api.request({ method: 'GET', url: `/api/reports/batch/${started.id}` }),
      );
    }
  } finally {
    bar?.stop();
  }
}
