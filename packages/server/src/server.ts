import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { localRequestHandler } from './local/localAccess.js';
import { type Jobs, startJobs } from './services/jobs.js';
import { createMailer } from './services/notifications/mailer.js';
import { closeBrowser } from './services/reports/browser.js';

export interface Server {
  app: FastifyInstance;
  database: Database;
  jobs: Jobs;
  /** Listens on the configured host and port; the address, e.g. `http://127.0.0.1:8080`. */
  listen(): Promise<string>;
  /** Stops accepting requests, lets jobs finish, closes the database. */
  close(): Promise<void>;
}

/** A port that another program listens on. */
export class PortInUse extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`port ${port} on ${host} is in use by another program`);
    this.name = 'PortInUse';
  }
}

export interface ServerOptions {
  /** Who opens the database (`dxmon serve`, `dxmon import`...): named to any other process. */
  holder?: string;
}

/**
 * Opens the database (applying migrations), starts the job queue and assembles the app. On PGlite
 * the process then owns the data directory, and serves this machine's other `dxmon` commands
 * through the directory's socket.
 */
export async function createServer(
  config: ServerConfig,
  options: ServerOptions = {},
): Promise<Server> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    migrationUrl: config.migrationUrl,
    dataDir: config.dataDir,
    holder: options.holder,
  });
  let jobs: Jobs | undefined;
  let app: FastifyInstance;
  try {
    jobs = await startJobs(database, {
      workers: config.workers,
      notifications: {
        mailer: createMailer(config.smtpUrl, config.mailFrom),
        publicUrl: config.publicUrl ?? `http://${config.host}:${config.port}`,
        reminderDaysBefore: config.reminderDaysBefore,
      },
    });
    app = await buildApp({ config, database, jobs });
  } catch (error) {
    await jobs?.stop();
    await database.close();
    throw error;
  }
  database.claim?.serve(localRequestHandler(app));
  // Answers sent while stopping close their connection: a client's keep-alive connection, idle
  // once its request is answered, would otherwise hold the stop for the keep-alive timeout.
  let stopping = false;
  app.addHook('onSend', async (_request, reply) => {
    if (stopping) reply.header('connection', 'close');
  });
  const started = jobs;
  return {
    app,
    database,
    jobs: started,
    listen: async () => {
      let address: string;
      try {
        address = await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw new PortInUse(config.host, config.port);
        }
        throw error;
      }
      database.claim?.announce(address);
      return address;
    },
    close: async () => {
      stopping = true;
      // This machine's dxmon commands (through the data folder's socket) finish too.
      await Promise.all([app.close(), database.claim?.drain()]);
      await started.stop();
      // The reports' Chromium, if a PDF was printed.
      await closeBrowser();
      await database.close();
    },
  };
}
