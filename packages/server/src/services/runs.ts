import type { Database } from '../db/database.js';
import { NotFound, UnprocessableContent, ValidationFailed } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { type RunKey, type RunSummary, summary } from './assessments.js';
import { getFramework } from './frameworks.js';
import type { Jobs } from './jobs.js';
import { levelsOn } from './units.js';

/** Records a run as queued and hands it to the job queue; its progress is read with `getRun`. */
export async function queueRun(database: Database, jobs: Jobs, key: RunKey): Promise<RunSummary> {
  const framework = await getFramework(database.db, key.frameworkId, key.frameworkVersion);
  const range = periodRange(key.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'body.period', message: 'not a period', value: key.period },
    ]);
  const at = key.at ?? range.end;
  // A level no unit has on the date would queue a run that ranks nobody.
  const levels = await levelsOn(database.db, at);
  if (!levels.includes(key.level)) {
    const message =
      levels.length > 0
        ? `no unit of this level existed on ${at}; the levels then were ${levels.join(', ')}`
        : `no unit at all existed on ${at}`;
    throw new UnprocessableContent(`body.level "${key.level}": ${message}`, [
      { field: 'body.level', message, value: key.level },
    ]);
  }
  const { rows } = await database.query<{ id: number }>(
    `insert into assessment_runs (framework_id, framework_version, period, level, at, settings, status)
     values ($1, $2, $3, $4, $5, $6::jsonb, 'queued') returning id`,
    [
      framework.id,
      framework.version,
      key.period,
      key.level,
      at,
      JSON.stringify(key.settings ?? {}),
    ],
  );
  const id = rows[0]?.id as number;
  await jobs.assess(id, { ...key, frameworkVersion: framework.version, at });
  return summary(id, framework, key.period, key.level, at, 'queued', 0, 0, 0);
}

export async function getRun(
  database: Database,
  id: number,
): Promise<RunSummary & { error: string | null }> {
  const { rows } = await database.query<{
    id: number;
    framework_id: string;
    framework_version: number;
    name: string;
    period: string;
    level: string;
    at: string;
    status: string;
    progress: number;
    data_revision: number;
    error: string | null;
    units: string;
  }>(
    `select a.id, a.framework_id, a.framework_version, f.name, a.period, a.level, a.at::text, a.status,
            a.progress, a.data_revision, a.error,
            (select count(distinct unit) from run_results r where r.run_id = a.id) as units
       from assessment_runs a join frameworks f on f.id = a.framework_id and f.version = a.framework_version
      where a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new NotFound(`run ${id} does not exist`);
  return {
    ...summary(
      r.id,
      { id: r.framework_id, version: r.framework_version, name: r.name },
      r.period,
      r.level,
      r.at,
      r.status,
      r.progress,
      r.data_revision,
      Number(r.units),
    ),
    error: r.error,
  };
}
