import { Argument, Command, Option } from 'commander';
import { CliError } from '../cliError.js';
import { problemError, withLocalApi } from '../local/localApi.js';
import { writeOutput } from '../output/outputTarget.js';

const tables = ['results', 'data', 'targets'] as const;
const formats = ['csv', 'xlsx', 'json'] as const;

interface ExportFlags {
  dataDir?: string;
  framework?: string;
  period?: string;
  level?: string;
  at?: string;
  unit?: string;
  indicator?: string;
  plan?: string;
  asOf?: string;
  format?: string;
  out?: string;
}

/** `dxmon export`: results, data or targets from the database as CSV, XLSX or JSON. */
export function exportCommand(): Command {
  return new Command('export')
    .description('Export results, data values or targets from the database as CSV, XLSX or JSON.')
    .addArgument(new Argument('<table>', 'results | data | targets').choices(tables))
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .option('--framework <id>', 'results: the framework')
    .option('--period <period>', 'results: the period (required); data: only this period')
    .option('--level <level>', 'results: the level of the units ranked (default province)')
    .option('--at <date>', 'results: show them on the units of this date (YYYY-MM-DD)')
    .option('--unit <code>', 'data, targets: only this unit')
    .option('--indicator <code>', 'data: only this indicator')
    .option('--plan <id>', 'targets: only this plan')
    .option('--as-of <period>', 'targets: assess with the data up to this period')
    .addOption(
      new Option('--format <format>', 'csv | xlsx | json (default: from --out, else csv)').choices(
        formats,
      ),
    )
    .option('--out <file>', 'output file, or - for standard output (default -)')
    .addHelpText(
      'after',
      `
The database is the one dxmon serve uses: DATABASE_URL when set, else the embedded one in --data-dir.
CSV is UTF-8 with a byte order mark (spreadsheets then read Vietnamese and Arabic names correctly).

Examples:
  $ dxmon export results --framework dti-province --period 2024 --out results-2024.xlsx
  $ dxmon export results --framework dti-province --period 2024 --at 2025-12-31 --format json
  $ dxmon export data --unit VN-08 --out tuyen-quang.csv
  $ dxmon export targets --plan 48-NQ/TU --as-of 2024`,
    )
    .action((table: (typeof tables)[number], flags: ExportFlags) => runExport(table, flags));
}

async function runExport(table: (typeof tables)[number], flags: ExportFlags): Promise<void> {
  const format = (flags.format ??
    (/\.(xlsx|json)$/i.exec(flags.out ?? '')?.[1]?.toLowerCase() || 'csv')) as
    | 'csv'
    | 'xlsx'
    | 'json';
  if (table === 'results' && (!flags.framework || !flags.period)) {
    throw new CliError('export results needs --framework and --period');
  }
  if (format === 'xlsx' && (flags.out === undefined || flags.out === '-')) {
    throw new CliError('XLSX is a binary format: give --out FILE.xlsx');
  }
  const query =
    table === 'results'
      ? { framework: flags.framework, period: flags.period, level: flags.level, at: flags.at }
      : table === 'data'
        ? { unit: flags.unit, indicator: flags.indicator, period: flags.period }
        : { unit: flags.unit, plan: flags.plan, as_of: flags.asOf };
  const search = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const response = await withLocalApi(flags.dataDir, 'dxmon export', (api) =>
    api.request({ method: 'GET', url: `/api/exports/${table}.${format}?${search}` }),
  );
  // The server's own refusals (an unknown framework, a bad period) are messages, not crashes.
  if (response.status >= 400) throw problemError(response);
  writeOutput(flags.out, new Uint8Array(response.body));
  if (flags.out && flags.out !== '-') {
    process.stderr.write(
      `${flags.out}: ${String(response.headers['x-row-count'])} rows (${table}, ${format})\n`,
    );
  }
}
