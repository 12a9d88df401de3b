import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { remindOfficers } from '../services/notifications/reminders.js';
import type { User } from '../services/users.js';
import { transition } from '../services/workflow.js';

/**
 * The demo's current reporting rounds: the provincial index for 2026 (due 15 November 2026) and
 * the commune model for 2024. Dates are fixed, so every load tells the same story.
 */
export const demoCalendars = [
  {
    dataset_kind: 'framework',
    dataset: 'dti-province',
    period: '2026',
    opens_on: '2026-10-01',
    due_on: '2026-11-15',
    late_until: '2026-12-31',
  },
  {
    dataset_kind: 'criteria',
    dataset: 'commune-dx-model',
    period: '2024',
    opens_on: '2024-10-01',
    due_on: '2025-01-15',
    late_until: '2025-03-31',
  },
] as const;

/**
 * How the 2026 round went: provinces submitted (by the national analyst, on the days given) and
 * the ministry's reviewer approved them a few days later; six on time, three after the due date.
 * All approved, so none waits in an approval queue (Tuyen Quang's own 2026 submission, made when
 * the demo loads, does: see demoSubmissions).
 */
export const demoRound = [
  {
    unit: 'VN25-10',
    submitted: '2026-11-03T09:10:00+07:00',
    approved: '2026-11-05T14:00:00+07:00',
  },
  {
    unit: 'VN25-19',
    submitted: '2026-11-06T10:30:00+07:00',
    approved: '2026-11-10T09:00:00+07:00',
  },
  {
    unit: 'VN25-25',
    submitted: '2026-11-10T15:45:00+07:00',
    approved: '2026-11-12T11:20:00+07:00',
  },
  {
    unit: 'VN25-27',
    submitted: '2026-11-12T08:05:00+07:00',
    approved: '2026-11-17T16:00:00+07:00',
  },
  {
    unit: 'VN25-31',
    submitted: '2026-11-14T17:30:00+07:00',
    approved: '2026-11-18T10:00:00+07:00',
  },
  {
    unit: 'VN25-48',
    submitted: '2026-11-15T11:00:00+07:00',
    approved: '2026-11-19T09:30:00+07:00',
  },
  {
    unit: 'VN25-51',
    submitted: '2026-11-20T09:00:00+07:00',
    approved: '2026-11-24T15:00:00+07:00',
  },
  {
    unit: 'VN25-56',
    submitted: '2026-11-25T14:10:00+07:00',
    approved: '2026-11-27T10:40:00+07:00',
  },
  {
    unit: 'VN25-64',
    submitted: '2026-11-28T16:20:00+07:00',
    approved: '2026-12-01T09:15:00+07:00',
  },
] as const;

const analystEmail = 'analyst@demo.dxmon.org';
const approverEmail = 'approver@demo.dxmon.org';

/** The account as the system replaying what it did (transitions at the recorded times). */
function replaying(user: User): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    unit: user.unit,
    via: 'system',
  };
}

/**
 * Sets the demo's calendars and replays its 2026 round through the workflow's own transitions
 * (their checks, locks and audit rows), each at its recorded time. Skipped for a demo folder
 * without the data set, units or accounts.
 */
export async function loadDemoRound(database: Database, users: User[]): Promise<number> {
  const analyst = users.find((u) => u.email === analystEmail);
  const approver = users.find((u) => u.email === approverEmail);
  for (const c of demoCalendars) {
    await database.query(
      `insert into reporting_calendars
         (dataset_kind, dataset, period, opens_on, due_on, late_until, created_by)
       select $1, $2, $3, $4, $5, $6, $7
        where exists (select 1 from frameworks where id = $2)
           or exists (select 1 from criteria_models where id = $2)`,
      [c.dataset_kind, c.dataset, c.period, c.opens_on, c.due_on, c.late_until, analystEmail],
    );
  }
  if (!analyst || !approver) return 0;
  let replayed = 0;
  for (const r of demoRound) {
    const { rows } = await database.query(
      `select 1 from units where code = $1 and exists (select 1 from frameworks where id = $2)`,
      [r.unit, 'dti-province'],
    );
    if (rows.length === 0) continue;
    const key = { unit: r.unit, dataset: 'dti-province', period: '2026' };
    await transition(database, replaying(analyst), { ...key, action: 'submit', at: r.submitted });
    await transition(database, replaying(approver), { ...key, action: 'approve', at: r.approved });
    replayed++;
  }
  return replayed;
}

/**
 * Reminds the officers of the demo's rounds as the reminder job did on each round's due date
 * (the job's own code, at the demo's dates): Ho Chi Minh City's officer for the provincial index
 * 2026, Ninh Binh's for its communes' model 2024. The job, when the server runs, makes none of
 * them again.
 */
export async function remindDemoRounds(database: Database): Promise<number> {
  let created = 0;
  for (const c of demoCalendars) created += (await remindOfficers(database, 3, c.due_on)).created;
  return created;
}
