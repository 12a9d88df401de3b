import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import type { ServerConfig } from './config.js';
import { type Database, openDatabase } from './db/database.js';
import { type Jobs, startJobs } from './services/jobs.js';

export interface Server {
  app: FastifyInstance;
  database: Database;
  jobs: Jobs;
  /** Stops accepting requests, lets jobs finish, closes the database. */
  close(): Promise<void>;
}

/** Opens the database (applying migrations), starts the job queue and assembles the app. */
export async function createServer(config: ServerConfig): Promise<Server> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const jobs = await startJobs(database, { workers: config.workers });
  const app = await buildApp({ config, database, jobs });
  return {
    app,
    database,
    jobs,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}
