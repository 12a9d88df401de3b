import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { dataDirInUseError } from '../local/dataDirInUse.js';
import { problemError, withLocalApi } from '../local/localApi.js';
import { writeOutput } from '../output/outputTarget.js';

/** `dxmon backup`: the embedded database as one file, taken while the server runs. */
export function backupCommand(): Command {
  return new Command('backup')
    .description('Back up the embedded database to one file, while dxmon serve runs or not.')
    .requiredOption(
      '--out <file>',
      'the backup file to write (a gzipped tarball, e.g. dxmon-2026-12-04.tar.gz)',
    )
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
The backup is consistent as of one moment; a running server takes it (through the folder's socket)
and goes on serving. dxmon restore turns it into a new data folder. On PostgreSQL use pg_dump and
pg_restore instead (docs/deployment.md).

Examples:
  $ dxmon backup --out /backups/dxmon-$(date +%F).tar.gz
  $ dxmon restore /backups/dxmon-2026-12-04.tar.gz --data-dir ./dxmon-restored`,
    )
    .action(async (flags: { out: string; dataDir?: string }) => {
      if (process.env.DATABASE_URL) {
        throw new CliError('the database is PostgreSQL (DATABASE_URL): back it up with pg_dump');
      }
      const response = await withLocalApi(flags.dataDir, 'dxmon backup', (api) =>
        api.request({ method: 'GET', url: '/api/backup' }),
      );
      if (response.status >= 400) throw problemError(response);
      writeOutput(flags.out, new Uint8Array(response.body));
      process.stderr.write(
        `${flags.out}: backup of ${flags.dataDir ?? './dxmon-data'} (${megabytes(response.body.length)})\n`,
      );
    });
}

/** `dxmon restore`: a backup into a new data folder. */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('Restore a dxmon backup into a new data folder (the embedded database).')
    .argument('<file>', 'a file written by dxmon backup')
    .requiredOption('--data-dir <dir>', 'the new folder: it must not hold a database yet')
    .addHelpText(
      'after',
      `
Migrations newer than the backup are applied. Serve the restored folder with dxmon serve --data-dir.

Example:
  $ dxmon restore /backups/dxmon-2026-12-04.tar.gz --data-dir ./dxmon-restored`,
    )
    .action(async (file: string, flags: { dataDir: string }) => {
      if (process.env.DATABASE_URL) {
        throw new CliError('the database is PostgreSQL (DATABASE_URL): restore it with pg_restore');
      }
      if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
        throw new CliError(`${file}: cannot read: no such file`);
      }
      const folder = join(flags.dataDir, 'pglite');
      if (existsSync(folder) && readdirSync(folder).length > 0) {
        throw new CliError(`${flags.dataDir} already holds a database: restore into a new folder`);
      }
      const server = await import('@dxmon/server');
      let database: Awaited<ReturnType<typeof server.openDatabase>>;
      try {
        database = await server.openDatabase({
          dataDir: flags.dataDir,
          loadDataDir: new Blob([readFileSync(file)]),
          holder: 'dxmon restore',
        });
      } catch (error) {
        if (error instanceof server.DataDirInUse) throw dataDirInUseError(error, []);
        // Nothing half-restored is left behind.
        rmSync(folder, { recursive: true, force: true });
        throw new CliError(
          `${file}: not a dxmon backup, or damaged (${(error as Error).message.split('\n')[0]})`,
        );
      }
      try {
        const { rows } = await database.query<{ units: string; values: string }>(
          'select (select count(*) from units) as units, (select count(*) from data_values) as values',
        );
        process.stdout.write(
          `restored ${file} into ${flags.dataDir}: ${rows[0]?.units} units, ${rows[0]?.values} values\n`,
        );
      } finally {
        await database.close();
      }
    });
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
