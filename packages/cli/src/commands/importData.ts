import { createReadStream, statSync } from 'node:fs';
import { Transform } from 'node:stream';
import type { ImportReport } from '@dxmon/server';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { type ApiResponse, jsonOf, problemError, withLocalApi } from '../local/localApi.js';

interface ImportFlags {
  dataDir?: string;
  dryRun?: boolean;
}

/** `dxmon import`: data values from CSV or XLSX into the database, all or nothing. */
export function importCommand(): Command {
  return new Command('import')
    .description(
      'Import data values from a CSV or XLSX file (long or wide format), all or nothing.',
    )
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .option('--dry-run', 'check every row and count what would change, but write nothing')
    .addHelpText(
      'after',
      `
Long format: unit,indicator,period,value[,source,evidence]. Wide format: unit,period and one column
per indicator. Every row is checked before anything is written; with any problem nothing is written
and each bad row is listed with its row number, field and value (exit code 1). Data-quality
warnings (warning rules broken, values far from the other units' or from the unit's previous
period) are printed on standard error with their rows; they do not stop the import.

Examples:
  $ dxmon import values-2024.csv --dry-run
  $ dxmon import survey.xlsx --data-dir /srv/dxmon`,
    )
    .action((file: string, flags: ImportFlags) => runImport(file, flags));
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function runImport(file: string, flags: ImportFlags): Promise<void> {
  const size = statSync(file, { throwIfNoEntry: false });
  if (!size?.isFile()) throw new CliError(`${file}: cannot read: no such file`);
  const xlsx = /\.xlsx$/i.test(file);
  const report = await withLocalApi(flags.dataDir, 'dxmon import', async (api) => {
    // A progress bar on a terminal only, over the bytes of the file sent.
    const bar = process.stderr.isTTY
      ? new SingleBar({
          format: 'importing [{bar}] {percentage}%',
          stream: process.stderr,
          hideCursor: true,
        })
      : undefined;
    bar?.start(size.size, 0);
    let sent = 0;
    const stream = createReadStream(file).pipe(
      new Transform({
        transform(chunk: Buffer, _encoding, done) {
          sent += chunk.length;
          bar?.update(sent);
          done(null, chunk);
        },
      }),
    );
    try {
      const query = new URLSearchParams({
        dry_run: String(Boolean(flags.dryRun)),
        filename: file.slice(-300),
      });
      const response = await api.request({
        method: 'POST',
        url: `/api/imports?${query}`,
        body: stream,
        contentType: xlsx ? xlsxType : 'text/csv',
      });
      if (response.status < 400) return jsonOf<ImportReport>(response);
      // A refused import answers 422 (or 403) with the report of every bad row.
      const refused = refusedReport(response);
      if (!refused) throw problemError(response);
      return refused;
    } finally {
      bar?.stop();
    }
  });
  if (report.status === 'refused') {
    throw new CliError(
      `${file}: ${report.problems_total} problem${report.problems_total === 1 ? '' : 's'}; nothing was written`,
      report.problems.map(
        (p) =>
          `${file}:${p.row}: ${p.field === 'row' ? '' : `field "${p.field}": `}${p.message}${p.value && p.field !== 'row' ? ` (got "${p.value}")` : ''}`,
      ),
    );
  }
  for (const w of report.warnings ?? []) process.stderr.write(`${warningLine(file, w)}\n`);
  const more = (report.warnings_total ?? 0) - (report.warnings?.length ?? 0);
  if (more > 0) process.stderr.write(`${file}: ${more} more warnings not listed\n`);
  if (report.outliers_checked === false)
    process.stderr.write(
      `${file}: too many values to check for outliers here; run the data set's data-quality check (GET /api/quality/run)\n`,
    );
  const verb = report.status === 'applied' ? 'imported' : 'checked (dry run, nothing written)';
  process.stdout.write(
    `${file}: ${verb}: ${report.rows} rows, ${report.values} values (${report.layout} format): ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged\n`,
  );
}

type ImportWarning = NonNullable<ImportReport['warnings']>[number];

/** A data-quality warning as a line naming the file's rows, for standard error. */
export function warningLine(file: string, w: ImportWarning): string {
  const at = `${file}:${w.rows.join(',')}: warning: ${w.unit} ${w.period}`;
  if (w.kind === 'rule')
    return `${at}: rule "${w.rule}" (${w.expression}) broken: ${w.left} against ${w.right}${w.message.en ? `: ${w.message.en}` : ''}`;
  if (w.test === 'peers')
    return `${at}: ${w.element} ${w.value} is unusual among ${w.peers} units (their median ${w.median}, robust z-score ${w.score.toFixed(2)})`;
  return `${at}: ${w.element} ${w.value} jumps from ${w.previous_value} in ${w.previous_period} (x ${w.ratio.toFixed(2)})`;
}

function refusedReport(response: ApiResponse): ImportReport | undefined {
  try {
    return (JSON.parse(response.body.toString('utf8')) as { report?: ImportReport }).report;
  } catch {
    return undefined;
  }
}
