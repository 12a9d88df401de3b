import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Database } from '../db/database.js';
import { MigrationsPending, runMigrate } from '../db/migrations.js';
import { computeAssessment, type RunKey } from './assessments.js';
import { type DispatchResult, dispatchMail } from './notifications/dispatch.js';
import { defaultNotificationSettings, type NotificationSettings } from './notifications/mailer.js';
import { type ReminderRun, remindOfficers } from './notifications/reminders.js';
import { batchJobOptions, runReportBatch } from './reports/batch.js';
import { makeReportDocument, type ReportJobData } from './reports/documents.js';

/** The background work queue: pg-boss on the same database (PGlite or PostgreSQL). */
export interface Jobs {
  /** Queues an assessment run already recorded as `queued`. */
  assess(runId: number, key: RunKey): Promise<void>;
  /** Queues the recomputation of stored results made stale by a data change. */
  refreshResults(): Promise<void>;
  /** Queues a batch of unit reports already recorded as `queued` (services/reports/batch.ts). */
  reportBatch(batchId: number): Promise<void>;
  /** Queues the making of a report document (services/reports/documents.ts); the job's id. */
  report(data: ReportJobData): Promise<string>;
  /** A report job's state (created, active, completed, failed...) and its output or error. */
  reportJob(id: string): Promise<{ state: string; output: unknown } | null>;
  /** Queues the sending of notifications' pending e-mails (after a submission). */
  notify(): Promise<void>;
  /**
   * The reminder job's work, now, in this process: reminds officers of rounds due (`today` by
   * default the UTC day), then sends pending e-mails. The schedule runs the same.
   */
  remind(today?: string): Promise<ReminderRun & DispatchResult>;
  /** Whether this process runs report workers. */
  reportWorkers: boolean;
  stop(): Promise<void>;
}

const assessQueue = 'assessment';
const refreshQueue = 'refresh-results';
const reportBatchQueue = 'report-batch';
const reportQueue = 'report';
const remindersQueue = 'reminders';
const mailQueue = 'notification-mail';
/** How often the reminders run (cron, UTC), besides once at start. */
export const remindersCron = '*/15 * * * *';
/** Report documents made at once by one process (PDFs print in parallel in one browser). */
const reportWorkerCount = 2;
/** The queues, created with the schema: adding one to pg-boss is DDL, the owner's to run. */
const queues: [string, Record<string, unknown>][] = [
  [assessQueue, {}],
  [refreshQueue, { policy: 'singleton' }],
  [reportBatchQueue, {}],
  [reportQueue, {}],
  [remindersQueue, {}],
  [mailQueue, {}],
];

/** The PostgreSQL schema holding the queue's tables. */
export const jobsSchema = 'pgboss';

function queueOn(database: Pick<Database, 'query' | 'exec'>, install: boolean): PgBoss {
  return new PgBoss({
    db: {
      // pg-boss sends its schema as several statements without parameters.
      executeSql: (text: string, values?: unknown[]) =>
        values && values.length > 0 ? database.query(text, values) : database.exec(text),
    },
    schema: jobsSchema,
    // An application role without ownership only checks that the schema is current.
    migrate: install,
    // Maintenance and monitoring need no more than the defaults on a small queue.
    superviseIntervalSeconds: 60,
  } as ConstructorParameters<typeof PgBoss>[0]);
}

/**
 * Installs or migrates pg-boss's schema and creates the queues, as the schema's owner
 * (`dxmon migrate`); nothing is done when they are current.
 */
export async function installJobs(database: Pick<Database, 'query' | 'exec'>): Promise<void> {
  const boss = queueOn(database, true);
  boss.on('error', (error) => console.error(`jobs: ${error.message}`));
  await boss.start();
  try {
    for (const [name, options] of queues) await boss.createQueue(name, options as never);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/**
 * Starts the queue and, with `workers`, this process's workers. Any number of processes may
 * share one PostgreSQL queue; on PGlite, the one process does everything.
 */
export async function startJobs(
  database: Database,
  options: { workers: boolean; notifications?: NotificationSettings },
): Promise<Jobs> {
  const notifications = options.notifications ?? defaultNotificationSettings;
  // An application role (see db/applicationRole.ts) runs no DDL: the owner installed the schema.
  const install = database.runsMigrations !== false;
  const boss = queueOn(database, install);
  boss.on('error', (error) => console.error(`jobs: ${error.message}`));
  if (install) {
    await boss.start();
    for (const [name, options] of queues) await boss.createQueue(name, options as never);
  } else {
    await startInstalled(boss);
  }

  let stopping = false;
  const reportWorkers: string[] = [];
  // The handlers under way in this process: stopping waits for them, so that none queries a
  // database that its owner closes next (a refresh or a batch queues its rest before it ends).
  const underWay = new Set<Promise<unknown>>();
  const tracked =
    <A extends unknown[]>(handler: (...args: A) => Promise<unknown>) =>
    (...args: A) => {
      const running = handler(...args);
      underWay.add(running);
      void running.then(
        () => underWay.delete(running),
        () => underWay.delete(running),
      );
      return running;
    };
  const jobs: Jobs = {
    assess: async (runId, key) => {
      await boss.send(assessQueue, { runId, key }, { retryLimit: 0 });
    },
    refreshResults: async () => {
      await boss.send(refreshQueue, {}, { singletonKey: 'refresh' });
    },
    reportBatch: async (batchId) => {
      await boss.send(reportBatchQueue, { batchId }, batchJobOptions);
    },
    report: async (data) => {
      const id = await boss.send(reportQueue, data, { retryLimit: 0, expireInSeconds: 600 });
      if (!id) throw new Error('the report job was not queued');
      // This process's workers start at once instead of at their next poll.
      for (const worker of reportWorkers) boss.notifyWorker(worker);
      return id;
    },
    reportJob: async (id) => {
      const job = await boss.getJobById(reportQueue, id);
      return job ? { state: job.state, output: job.output } : null;
    },
    notify: async () => {
      await boss.send(mailQueue, {}, { retryLimit: 2, retryDelay: 30 });
    },
    remind: async (today) => {
      const run = await remindOfficers(database, notifications.reminderDaysBefore, today);
      return { ...run, ...(await dispatchMail(database, notifications)) };
    },
    get reportWorkers() {
      return reportWorkers.length > 0;
    },
    stop: async () => {
      // A refresh stops between two results, a batch between two reports; a job still running
      // after 3 s is marked failed, so that SIGTERM ends the process within 5 s.
      stopping = true;
      await Promise.race([Promise.allSettled([...underWay]), sleep(3000)]);
      await boss.stop({ graceful: true, wait: true, timeout: 1500 });
      notifications.mailer?.close();
      // A handler past the bound (one long assessment) ends before the database closes.
      await Promise.allSettled([...underWay]);
    },
  };
  if (options.workers) {
    await boss.work<{ runId: number; key: RunKey }>(
      assessQueue,
      { pollingIntervalSeconds: 0.5 },
      tracked(async ([job]) => {
        if (!job) return;
        const { runId, key } = job.data;
        await database.query(
          `update assessment_runs set status = 'running', progress = 0.1 where id = $1`,
          [runId],
        );
        try {
          await computeAssessment(database, key, runId);
        } catch (error) {
          await database.query(
            `update assessment_runs set status = 'failed', error = $2, finished_at = now() where id = $1`,
            [runId, error instanceof Error ? error.message : String(error)],
          );
          throw error;
        }
      }),
    );
    await boss.work(
      refreshQueue,
      { pollingIntervalSeconds: 1 },
      tracked(async () => {
        const finished = await refreshStaleResults(database, () => stopping);
        // Stopped midway: the rest is queued again, for another process or the next start.
        if (!finished) await boss.send(refreshQueue, {}, { singletonKey: 'refresh' });
      }),
    );
    await boss.work<{ batchId: number }>(
      reportBatchQueue,
      { pollingIntervalSeconds: 0.5 },
      tracked(async ([job]) => {
        if (!job) return;
        const finished = await runReportBatch(database, jobs, job.data.batchId, () => stopping);
        // Stopped between two reports: queued again, for another process or the next start.
        if (!finished) await jobs.reportBatch(job.data.batchId);
      }),
    );
    await boss.work(
      remindersQueue,
      { pollingIntervalSeconds: 2 },
      tracked(() => jobs.remind()),
    );
    await boss.work(
      mailQueue,
      { pollingIntervalSeconds: 1 },
      tracked(() => dispatchMail(database, notifications)),
    );
    // Every 15 minutes and once now; each run makes only the reminders not made before.
    await boss.schedule(remindersQueue, remindersCron, {}, { tz: 'UTC' });
    await boss.send(remindersQueue, {});
    for (let i = 0; i < reportWorkerCount; i++) {
      reportWorkers.push(
        await boss.work<ReportJobData>(
          reportQueue,
          { pollingIntervalSeconds: 0.5 },
          tracked(([job]) => (job ? makeReportDocument(database, job.data) : Promise.resolve())),
        ),
      );
    }
  }
  return jobs;
}

/** Starts pg-boss on the schema and queues the owner installed, or says what to run. */
async function startInstalled(boss: PgBoss): Promise<void> {
  try {
    await boss.start();
  } catch (error) {
    throw new MigrationsPending(
      `the job queue's schema is not ready (${(error as Error).message}): ${runMigrate}`,
    );
  }
  for (const [name] of queues) {
    if (!(await boss.getQueue(name))) {
      await boss.stop({ graceful: false, wait: true });
      throw new MigrationsPending(`the job queue ${name} does not exist: ${runMigrate}`);
    }
  }
}

/**
 * Recomputes the most recently used result keys whose data revision is out of date; false when
 * `stopping` said to stop before the last.
 */
async function refreshStaleResults(database: Database, stopping: () => boolean): Promise<boolean> {
  const { rows } = await database.query<{
    framework_id: string;
    framework_version: number;
    period: string;
    level: string;
    at: string;
    settings: unknown;
  }>(
    `select distinct on (framework_id, framework_version, period, level, at, settings)
            framework_id, framework_version, period, level, at::text, settings
       from assessment_runs
      where status = 'done'
        and data_revision < coalesce((select value from meta where key = 'data_revision'), 0)
      order by framework_id, framework_version, period, level, at, settings, id desc
      limit 50`,
  );
  for (const r of rows) {
    if (stopping()) return false;
    await computeAssessment(database, {
      frameworkId: r.framework_id,
      frameworkVersion: r.framework_version,
      period: r.period,
      level: r.level,
      at: r.at,
      settings: r.settings as RunKey['settings'],
    });
  }
  return true;
}
