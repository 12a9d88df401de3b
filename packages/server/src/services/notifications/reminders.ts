import type { Database, Sql } from '../../db/database.js';
import { reportingStatus } from '../reporting/completeness.js';
import type { NotificationContent } from './messages.js';
import { addNotification } from './store.js';

/** Units named in a reminder; the rest are counted. */
const namedUnits = 5;

export interface ReminderRun {
  /** The calendars in their reminding window today. */
  rounds: number;
  /** Reminders made by this run (those made before, by any process, are not made again). */
  created: number;
}

interface Round {
  dataset: string;
  period: string;
  due_on: string;
}

/**
 * Reminds officers of the units that have not submitted a data set whose due date is near:
 * `daysBefore` days before it and on it (a run after the due date, up to the last day of late
 * entry, makes the "due" reminder). One reminder per officer, round and stage, naming the units
 * of the officer's subtree still to submit; its key (data set, period, due date, stage, user)
 * is unique in the database, so that a later run, a restart or another process never makes it
 * again. A round whose due date moves reminds again for the new date.
 */
export async function remindOfficers(
  database: Database,
  daysBefore: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<ReminderRun> {
  const { rows: rounds } = await database.query<Round>(
    `select dataset, period, due_on::text as due_on from reporting_calendars
      where $1::date between due_on - $2::int and late_until
      order by dataset, period`,
    [today, daysBefore],
  );
  if (rounds.length === 0) return { rounds: 0, created: 0 };
  const { rows: officers } = await database.query<{ id: number; unit: string | null }>(
    `select id, unit from users where role = 'officer' and active = 1 order by id`,
  );
  let created = 0;
  for (const round of rounds) created += await remindRound(database, round, officers, today);
  return { rounds: rounds.length, created };
}

async function remindRound(
  sql: Sql,
  round: Round,
  officers: { id: number; unit: string | null }[],
  today: string,
): Promise<number> {
  const { rows: roots } = await sql.query<{ code: string }>(
    'select code from units where parent is null order by code',
  );
  const pending: { unit: string; names: NotificationContent['units'][number] }[] = [];
  let datasetName = round.dataset;
  for (const root of roots) {
    const status = await reportingStatus(
      sql,
      { dataset: round.dataset, period: round.period, parent: root.code },
      today,
    );
    datasetName = status.dataset.name;
    for (const item of status.items)
      if (item.state !== 'submitted' && item.state !== 'approved')
        pending.push({ unit: item.unit, names: item.names });
  }
  if (pending.length === 0) return 0;
  const above = await ancestorsOfEach(
    sql,
    pending.map((p) => p.unit),
  );
  const stage = today >= round.due_on ? 'due' : 'before';
  let created = 0;
  for (const officer of officers) {
    const mine = pending.filter(
      (p) => officer.unit === null || above.get(p.unit)?.has(officer.unit),
    );
    if (mine.length === 0) continue;
    const one = mine.length === 1 ? mine[0]?.unit : undefined;
    const query = new URLSearchParams({ dataset: round.dataset, period: round.period });
    if (one) query.set('unit', one);
    const id = await addNotification(sql, {
      userId: officer.id,
      kind: 'reminder',
      dataset: round.dataset,
      period: round.period,
      unit: one ?? null,
      dedupeKey: `reminder:${round.dataset}:${round.period}:${round.due_on}:${stage}:${officer.id}`,
      content: {
        kind: 'reminder',
        dataset: round.dataset,
        dataset_name: datasetName,
        period: round.period,
        stage,
        due_on: round.due_on,
        units: mine.slice(0, namedUnits).map((p) => p.names),
        units_total: mine.length,
        link: `${one ? '/entry' : '/reporting'}?${query}`,
      },
    });
    if (id !== null) created++;
  }
  return created;
}

/** Each unit's ancestors and itself, in one query. */
async function ancestorsOfEach(sql: Sql, units: string[]): Promise<Map<string, Set<string>>> {
  const { rows } = await sql.query<{ start: string; code: string }>(
    `with recursive up(start, code, parent, depth) as (
       select code, code, parent, 0 from units where code = any($1::text[])
       union all
       select up.start, u.code, u.parent, up.depth + 1 from units u join up on u.code = up.parent
        where up.depth < 20)
     select start, code from up`,
    [units],
  );
  const above = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = above.get(r.start) ?? new Set<string>();
    set.add(r.code);
    above.set(r.start, set);
  }
  return above;
}
