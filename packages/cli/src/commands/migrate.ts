import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { dataDirInUseError } from '../local/dataDirInUse.js';

interface MigrateFlags {
  appRole?: string;
  dataDir?: string;
}

/** `dxmon migrate`: the schema's owner applies migrations and grants the application role. */
export function migrateCommand(): Command {
  return new Command('migrate')
    .description(
      "Apply the database's migrations as the owner and grant the server's role what it needs (PostgreSQL).",
    )
    .option(
      '--app-role <name>',
      'PostgreSQL role the server runs as: granted its privileges (default DATABASE_APP_ROLE)',
    )
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
On PostgreSQL it connects with DATABASE_MIGRATION_URL (else DATABASE_URL) as the role that owns the
schema, applies drizzle-kit's migrations and pg-boss's schema and queues, then, with --app-role,
gives that role exactly what the server needs: SELECT, INSERT, UPDATE and DELETE on the tables but
only SELECT and INSERT on the audit trail (audit_log) and on data_value_history, the sequences, the
job queue's tables, and SELECT on drizzle's migrations table. The role owns nothing, so it cannot
switch off the audit trail's append-only trigger. Running it again changes nothing.

A server whose DATABASE_URL role cannot migrate starts only when nothing is pending; a server given
DATABASE_MIGRATION_URL runs this step itself at start. On PGlite (no DATABASE_URL) there are no
roles: it applies the migrations to the data directory and nothing more.

Examples:
  $ DATABASE_MIGRATION_URL=postgres://dxmon_owner@db.example.org/dxmon dxmon migrate --app-role dxmon_app
  $ DATABASE_URL=postgres://dxmon_owner@127.0.0.1:5432/dxmon dxmon migrate --app-role dxmon_app
  $ dxmon migrate --data-dir /srv/dxmon

See docs/deployment.md for the roles' set-up.`,
    )
    .action((flags: MigrateFlags) => migrate(flags));
}

async function migrate(flags: MigrateFlags): Promise<void> {
  const server = await import('@dxmon/server');
  let config: ReturnType<typeof server.loadConfig>;
  try {
    config = server.loadConfig({ dataDir: flags.dataDir, appRole: flags.appRole });
  } catch (error) {
    throw new CliError(`invalid settings: ${(error as Error).message}`);
  }
  const ownerUrl = config.migrationUrl ?? config.databaseUrl;
  if (!ownerUrl) {
    if (flags.appRole) process.stderr.write('dxmon: --app-role ignored: PGlite has no roles\n');
    let database: Awaited<ReturnType<typeof server.openDatabase>>;
    try {
      database = await server.openDatabase({ dataDir: config.dataDir, holder: 'dxmon migrate' });
    } catch (error) {
      if (!(error instanceof server.DataDirInUse)) throw error;
      throw dataDirInUseError(error, [
        'the server it runs applied the migrations when it started: nothing is left to do,',
      ]);
    }
    await database.close();
    process.stdout.write(`PGlite in ${config.dataDir}: the schema is current\n`);
    return;
  }
  const where = config.migrationUrl ? 'DATABASE_MIGRATION_URL' : 'DATABASE_URL';
  let report: Awaited<ReturnType<typeof server.migrateAsOwner>>;
  try {
    report = await server.migrateAsOwner({ databaseUrl: ownerUrl, appRole: config.appRole });
  } catch (error) {
    throw new CliError(`${where}: ${(error as Error).message}`);
  }
  process.stdout.write(
    report.applied.length > 0
      ? `applied ${report.applied.length} migration${report.applied.length === 1 ? '' : 's'} as ${report.owner}: ${report.applied.join(', ')}\n`
      : `the schema is current (owner ${report.owner})\n`,
  );
  if (report.grantedTo) {
    process.stdout.write(
      `granted ${report.grantedTo} the application's privileges (audit_log: select and insert only)\n`,
    );
  } else if (config.appRole) {
    throw new CliError(
      `--app-role ${config.appRole} is the owner (the role of ${where}): the server needs a role of its own, which cannot disable the audit trail's trigger`,
    );
  } else {
    process.stderr.write(
      'dxmon: no --app-role (or DATABASE_APP_ROLE): no privileges granted; the server then runs as the owner\n',
    );
  }
}
