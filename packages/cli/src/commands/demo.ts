import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { dataDirInUseError } from '../local/dataDirInUse.js';

/** `dxmon demo`: loads the demo data set into a new database. */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      "Load the demo into an empty database: Viet Nam's 63 provinces (2020-2024) and 34 (2025-), a provincial DX index, plans with targets, a commune model.",
    )
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .addHelpText(
      'after',
      `
The data set is in data/demo (see its README: which values are published figures and which are
synthetic). With DATABASE_URL set it loads into that PostgreSQL database instead.

Examples:
  $ dxmon demo --data-dir ./dxmon-data && dxmon serve --data-dir ./dxmon-data`,
    )
    .action(async (flags: { dataDir?: string }) => {
      const { DataDirInUse, demoAccounts, demoPassword, loadConfig, loadDemo, openDatabase } =
        await import('@dxmon/server');
      const config = loadConfig({ dataDir: flags.dataDir });
      let database: Awaited<ReturnType<typeof openDatabase>>;
      try {
        database = await openDatabase({ ...config, holder: 'dxmon demo' });
      } catch (error) {
        if (!(error instanceof DataDirInUse)) throw error;
        throw dataDirInUseError(error, [
          'the demo loads only into an empty database: give a new folder with --data-dir,',
          'or start a server with the demo on a new folder: dxmon serve --demo --data-dir NEW,',
        ]);
      }
      try {
        process.stderr.write('dxmon: loading the demo data');
        const summary = await loadDemo(database, undefined, (step) =>
          process.stderr.write(` ${step}`),
        );
        process.stderr.write('\n');
        process.stdout.write(
          `demo loaded into ${config.databaseUrl ? 'PostgreSQL' : config.dataDir}: ${summary.units} units, ${summary.lineage} lineage events, framework ${summary.framework}, ${summary.values} values, ${summary.plans} plans with ${summary.targets} targets, ${summary.communeValues} commune values\n` +
            `accounts (password ${demoPassword}): ${demoAccounts.map((a) => `${a.email} (${a.role}${a.unit ? ` of ${a.unit}` : ''})`).join(', ')}\n`,
        );
      } catch (error) {
        throw new CliError((error as Error).message);
      } finally {
        await database.close();
      }
    });
}
