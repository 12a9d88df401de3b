import { Command } from 'commander';
import { CliError } from '../cliError.js';

interface ServeFlags {
  dataDir?: string;
  port?: string;
  host?: string;
  demo?: boolean;
  logLevel?: string;
}

/** `dxmon serve`: the HTTP API (and the web app once built) on PGlite or PostgreSQL. */
export function serveCommand(): Command {
  return new Command('serve')
    .description(
      'Serve the HTTP API on the embedded database (a folder) or on PostgreSQL (DATABASE_URL).',
    )
    .option('--data-dir <dir>', 'folder of the embedded database (default ./dxmon-data)')
    .option('--port <port>', 'port to listen on (default 8080; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--demo', 'load the demo data first if the database is empty')
    .option('--log-level <level>', 'fatal | error | warn | info | debug | silent (default info)')
    .addHelpText(
      'after',
      `
The database is PostgreSQL when DATABASE_URL is set (e.g. postgres://user@host:5432/dxmon), else
PGlite in --data-dir. Migrations are applied at start. API documentation: /api/docs.

Examples:
  $ dxmon serve --demo
  $ dxmon serve --data-dir /srv/dxmon --port 8080 --host 0.0.0.0
  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/dxmon dxmon serve`,
    )
    .action((flags: ServeFlags) => serve(flags));
}

async function serve(flags: ServeFlags): Promise<void> {
  const { createServer, demoAccounts, demoPassword, loadConfig, loadDemo } = await import(
    '@dxmon/server'
  );
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      dataDir: flags.dataDir,
      port: flags.port,
      host: flags.host,
      logLevel: flags.logLevel ?? 'warn',
    });
  } catch (error) {
    throw new CliError(`invalid settings: ${(error as Error).message}`);
  }
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  process.stderr.write(`dxmon: opening ${where}\n`);
  const server = await createServer(config);
  if (flags.demo) {
    const { rows } = await server.database.query<{ n: string }>('select count(*) as n from units');
    if (Number(rows[0]?.n) === 0) {
      process.stderr.write('dxmon: loading the demo data');
      const summary = await loadDemo(server.database, undefined, (step) =>
        process.stderr.write(` ${step}`),
      );
      process.stderr.write(
        `\ndxmon: demo loaded: ${summary.units} units, ${summary.values} values, framework ${summary.framework}, ${summary.targets} targets\n` +
          `dxmon: demo accounts: ${demoAccounts.map((a) => a.email).join(', ')} (password ${demoPassword})\n`,
      );
    }
  }
  const address = await server.app.listen({ port: config.port, host: config.host });
  process.stderr.write(`dxmon: serving ${address} (API documentation at ${address}/api/docs)\n`);
  const stop = async () => {
    process.stderr.write('dxmon: stopping\n');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
