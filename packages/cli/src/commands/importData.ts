import { createReadStream, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliError } from '../cliError.js';

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
and each bad row is listed with its row number, field and value (exit code 1).

Examples:
  $ dxmon import values-2024.csv --dry-run
  $ dxmon import survey.xlsx --data-dir /srv/dxmon`,
    )
    .action((file: string, flags: ImportFlags) => runImport(file, flags));
}

async function runImport(file: string, flags: ImportFlags): Promise<void> {
  const size = statSync(file, { throwIfNoEntry: false });
  if (!size?.isFile()) throw new CliError(`${file}: cannot read: no such file`);
  const { cliActor, csvRows, importData, loadConfig, openDatabase, xlsxRows } = await import(
    '@dxmon/server'
  );
  const config = loadConfig({ dataDir: flags.dataDir });
  const database = await openDatabase(config);
  // A progress bar on a terminal only; rows are estimated from the file's size.
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: 'importing [{bar}] {value} rows',
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined;
  bar?.start(0, 0);
  try {
    const stream = createReadStream(file);
    const xlsx = /\.xlsx$/i.test(file);
    const report = await importData(database, xlsx ? xlsxRows(stream) : csvRows(stream), {
      format: xlsx ? 'xlsx' : 'csv',
      filename: file,
      dryRun: Boolean(flags.dryRun),
      author: process.env.USER,
      actor: cliActor(),
      onProgress: (rows) => {
        bar?.setTotal(rows);
        bar?.update(rows);
      },
    });
    bar?.stop();
    if (report.status === 'refused') {
      throw new CliError(
        `${file}: ${report.problems_total} problem${report.problems_total === 1 ? '' : 's'}; nothing was written`,
        report.problems.map(
          (p) =>
            `${file}:${p.row}: ${p.field === 'row' ? '' : `field "${p.field}": `}${p.message}${p.value && p.field !== 'row' ? ` (got "${p.value}")` : ''}`,
        ),
      );
    }
    const verb = report.status === 'applied' ? 'imported' : 'checked (dry run, nothing written)';
    process.stdout.write(
      `${file}: ${verb}: ${report.rows} rows, ${report.values} values (${report.layout} format): ${report.inserted} new, ${report.updated} changed, ${report.unchanged} unchanged\n`,
    );
  } finally {
    bar?.stop();
    await database.close();
  }
}
