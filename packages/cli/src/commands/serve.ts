import cluster from 'node:cluster';
import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { dataDirInUseError } from '../local/dataDirInUse.js';

interface ServeFlags {
  dataDir?: string;
  port?: string;
  host?: string;
  demo?: boolean;
  logLevel?: string;
  workers?: string;
  trustProxy?: string;
}

type ServerModule = typeof import('@dxmon/server');
type Config = ReturnType<ServerModule['loadConfig']>;

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
    .option('--workers <n>', 'PostgreSQL only: serve from N processes sharing the port (default 1)')
    .addHelpText(
      'after',
      `
The database is PostgreSQL when DATABASE_URL is set (e.g. postgres://user@host:5432/dxmon), else
PGlite in --data-dir. Migrations are applied at start. API documentation: /api/docs.

One process owns an embedded database: a second dxmon serve on the same folder stops with a message
naming the first; dxmon import, export, user and token go through the running server. On PostgreSQL
any number of processes (--workers, or servers on several machines) serve one database as one:
jobs run once, sessions work on every process. SIGTERM finishes requests under way, then stops.

Examples:
  $ dxmon serve --demo
  $ dxmon serve --data-dir /srv/dxmon --port 8080 --host 0.0.0.0
  $ DATABASE_URL=postgres://postgres@127.0.0.1:5432/dxmon dxmon serve --workers 4`,
    )
    .action((flags: ServeFlags) => serve(flags));
}

async function serve(flags: ServeFlags): Promise<void> {
  const server = await import('@dxmon/server');
  let config: Config;
  try {
    config = server.loadConfig({
      dataDir: flags.dataDir,
      port: flags.port,
      host: flags.host,
      logLevel: flags.logLevel ?? 'warn',
      trustProxy: flags.trustProxy,
    });
  } catch (error) {
    throw new CliError(`invalid settings: ${(error as Error).message}`);
  }
  const workers = workerCount(flags.workers);
  if (workers > 1 && !config.databaseUrl) {
    throw new CliError(
      `--workers ${workers}: one process owns an embedded database; several need PostgreSQL (set DATABASE_URL)`,
    );
  }
  // Said once per server (not per worker): reminders and notices stay under the bell.
  if (cluster.isPrimary && !config.smtpUrl)
    process.stderr.write('dxmon: e-mail off: SMTP_URL not set; notifications in-app only\n');
  if (workers > 1 && cluster.isPrimary) return supervise(server, config, workers, flags.demo);
  await serveHere(server, config, { demo: Boolean(flags.demo) && cluster.isPrimary });
}

function workerCount(value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) {
    throw new CliError(`--workers: a whole number from 1 to 256 (got "${value}")`);
  }
  return n;
}

/** One process: opens the database, serves, stops on SIGTERM or SIGINT. */
async function serveHere(server: ServerModule, config: Config, options: { demo: boolean }) {
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  if (cluster.isPrimary) process.stderr.write(`dxmon: opening ${where}\n`);
  let running: Awaited<ReturnType<ServerModule['createServer']>>;
  try {
    running = await server.createServer(config, { holder: 'dxmon serve' });
  } catch (error) {
    if (!(error instanceof server.DataDirInUse)) throw error;
    const url = error.holder?.url;
    throw dataDirInUseError(error, [
      url ? `it already serves this database: open ${url},` : 'wait for it to finish,',
      'or serve another folder with --data-dir,',
    ]);
  }
  if (options.demo) await loadDemoIfEmpty(server, running.database);
  let address: string;
  try {
    address = await running.listen();
  } catch (error) {
    await running.close();
    if (!(error instanceof server.PortInUse)) throw error;
    throw new CliError(
      `${error.message}: choose another with --port (or PORT), e.g. --port ${config.port + 1}; --port 0 picks a free one`,
    );
  }
  if (cluster.isWorker) process.send?.({ serving: address });
  else
    process.stderr.write(`dxmon: serving ${address} (API documentation at ${address}/api/docs)\n`);
  // Ctrl-C reaches a cluster's workers and its primary, which then sends SIGTERM: stop once.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (cluster.isPrimary) process.stderr.write('dxmon: stopping\n');
    // Process managers wait a few seconds before SIGKILL: leave on our own before then.
    setTimeout(() => {
      process.stderr.write('dxmon: stopping took more than 4.5 s: exiting now\n');
      process.exit(1);
    }, 4500).unref();
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function loadDemoIfEmpty(
  server: ServerModule,
  database: Awaited<ReturnType<ServerModule['openDatabase']>>,
) {
  const { rows } = await database.query<{ n: string }>('select count(*) as n from units');
  if (Number(rows[0]?.n) !== 0) return;
  process.stderr.write('dxmon: loading the demo data');
  const summary = await server.loadDemo(database, undefined, (step) =>
    process.stderr.write(` ${step}`),
  );
  process.stderr.write(
    `\ndxmon: demo loaded: ${summary.units} units, ${summary.values} values, framework ${summary.framework}, ${summary.targets} targets\n` +
      `dxmon: demo accounts: ${server.demoAccounts.map((a) => a.email).join(', ')} (password ${server.demoPassword})\n`,
  );
}

/**
 * Several processes on one port (node's cluster: the primary accepts, the workers serve), all on
 * one PostgreSQL database. The primary loads the demo first, so that workers never race to; a
 * worker that dies is replaced; SIGTERM stops every worker, each finishing its requests.
 */
async function supervise(server: ServerModule, config: Config, workers: number, demo?: boolean) {
  process.stderr.write(`dxmon: opening PostgreSQL (DATABASE_URL) for ${workers} workers\n`);
  if (demo) {
    const database = await server.openDatabase(config);
    try {
      await loadDemoIfEmpty(server, database);
    } finally {
      await database.close();
    }
  }
  let stopping = false;
  const serving = new Set<number>();
  const fork = () => {
    const worker = cluster.fork();
    worker.on('message', (message: { serving?: string }) => {
      if (!message.serving) return;
      serving.add(worker.id);
      if (serving.size === workers) {
        process.stderr.write(
          `dxmon: serving ${message.serving} from ${workers} workers (API documentation at ${message.serving}/api/docs)\n`,
        );
      }
    });
    worker.on('exit', (code, signal) => {
      const wasServing = serving.delete(worker.id);
      if (stopping) return;
      if (!wasServing) {
        // It never started (the port, the database): more of the same would fail the same way.
        process.stderr.write(
          `dxmon: a worker could not start (exit ${code ?? signal}); stopping\n`,
        );
        stopAll(1);
        return;
      }
      process.stderr.write(
        `dxmon: worker ${worker.process.pid} ended (${code ?? signal}); starting another\n`,
      );
      fork();
    });
  };
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('dxmon: stopping\n');
    const all = Object.values(cluster.workers ?? {});
    let left = all.length;
    if (left === 0) process.exit(code);
    for (const worker of all) {
      worker?.once('exit', () => {
        left -= 1;
        if (left === 0) process.exit(code);
      });
      worker?.process.kill('SIGTERM');
    }
    // A worker stuck past its own deadline is not waited for.
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
  for (let i = 0; i < workers; i += 1) fork();
}
