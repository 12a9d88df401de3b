import type { Actor } from '../auth/actor.js';
import { canApprove, canWriteData, requireActor } from '../auth/permissions.js';
import type { Database, Sql } from '../db/database.js';
import {
  Conflict,
  Forbidden,
  NotFound,
  UnprocessableContent,
  ValidationFailed,
} from '../http/problems.js';
import type { ImportProblem } from '../imports/importReport.js';
import { periodRange } from '../imports/periodRange.js';
import { recordAudit } from './audit.js';
import { bumpDataRevision } from './dataRevision.js';
import { datasetElements } from './datasets.js';
import { lockDataWrites } from './dataWriteLock.js';
import { noticeSubmission } from './notifications/notices.js';
import { settleSubmissionNotices } from './notifications/store.js';

export const workflowStates = ['draft', 'submitted', 'approved', 'reopened'] as const;
export type WorkflowState = (typeof workflowStates)[number];
export type WorkflowAction = 'submit' | 'approve' | 'reopen';

export interface WorkflowStatus {
  unit: string;
  dataset: string;
  period: string;
  state: WorkflowState;
  reason: string | null;
  /** 0 before the first transition; send it back to guard against a concurrent one. */
  version: number;
  updated_by: number | null;
  updated_at: string | null;
}

/** Which states each action leaves from, and where it goes. */
const transitions: Record<WorkflowAction, { from: readonly WorkflowState[]; to: WorkflowState }> = {
  submit: { from: ['draft', 'reopened'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  // Reopening a submitted data set returns it to its officers; an approved one unlocks it.
  reopen: { from: ['submitted', 'approved'], to: 'reopened' },
};

/** The states in which values may not be edited. */
export const lockedStates: readonly WorkflowState[] = ['submitted', 'approved'];

export async function workflowStatus(
  sql: Sql,
  unit: string,
  dataset: string,
  period: string,
): Promise<WorkflowStatus> {
  const { rows } = await sql.query<{
    state: WorkflowState;
    reason: string | null;
    version: number;
    updated_by: number | null;
    updated_at: Date | string;
  }>(
    `select state, reason, version, updated_by, updated_at from workflow_states
      where unit = $1 and dataset = $2 and period = $3`,
    [unit, dataset, period],
  );
  const r = rows[0];
  return {
    unit,
    dataset,
    period,
    state: r?.state ?? 'draft',
    reason: r?.reason ?? null,
    version: r?.version ?? 0,
    updated_by: r?.updated_by ?? null,
    updated_at: r ? new Date(r.updated_at).toISOString() : null,
  };
}

export interface TransitionRequest {
  unit: string;
  dataset: string;
  period: string;
  action: WorkflowAction;
  reason?: string | undefined;
  /** The version the client saw; a different current version is a 409. */
  version?: number | undefined;
  /**
   * When the transition happened, if not now: only the system replaying a history gives it (the
   * demo's reporting round, whose provinces submitted on different days).
   */
  at?: string | undefined;
}

/**
 * Moves a (unit, data set, period) through draft -> submitted -> approved -> reopened ->
 * submitted... Officers of the unit's subtree submit; approvers of a unit above approve and
 * reopen (with a reason); a unit is approved only once every unit below it that existed in the
 * period is. A data set is submitted only for a period in which the unit existed and with values
 * entered. The values covered change status with it (draft -> submitted -> approved), and only
 * approved values enter the published results.
 */
export async function transition(
  database: Database,
  actorOrNone: Actor | undefined,
  t: TransitionRequest,
): Promise<WorkflowStatus> {
  const actor = requireActor(actorOrNone);
  if (t.at !== undefined && actor.via !== 'system')
    throw new Forbidden('only the system replays a transition at another time');
  const range = periodRange(t.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'period', message: 'not a period', value: t.period },
    ]);
  const units = await database.query('select 1 from units where code = $1', [t.unit]);
  if (units.rows.length === 0) throw new NotFound(`there is no unit "${t.unit}"`);
  const elements = await datasetElements(database, t.dataset);
  const allowed =
    t.action === 'submit'
      ? await canWriteData(database, actor, t.unit)
      : await canApprove(database, actor, t.unit);
  if (!allowed) {
    throw new Forbidden(
      t.action === 'submit'
        ? `only an officer of ${t.unit} or a unit above it may submit its data`
        : `only an approver of a unit above ${t.unit} may ${t.action} its data`,
    );
  }
  const reason = t.reason?.trim() || null;
  if (t.action === 'reopen' && !reason) {
    throw new UnprocessableContent('reopening needs a reason', [
      { field: 'reason', message: 'say why the data set is reopened' },
    ]);
  }

  return database.transaction(async (sql) => {
    await lockDataWrites(sql);
    if (t.action === 'submit') await requireUnitInPeriod(sql, t, range);
    const before = await workflowStatus(sql, t.unit, t.dataset, t.period);
    if (t.version !== undefined && t.version !== before.version) {
      throw new Conflict(
        `the state changed since you saw it (version ${before.version}, state ${before.state}); reload and try again`,
        [
          {
            field: 'version',
            message: `the current version is ${before.version}`,
            value: t.version,
          },
        ],
      );
    }
    const { from, to } = transitions[t.action];
    if (!from.includes(before.state)) {
      throw new Conflict(`cannot ${t.action} a data set that is ${before.state}`, [
        {
          field: 'action',
          message: `${t.action} needs a state of ${from.join(' or ')}`,
          value: t.action,
        },
      ]);
    }
    if (t.action === 'submit') await requireValues(sql, t, elements);
    if (t.action === 'approve') await requireChildrenApproved(sql, t, range, elements);

    await sql.query(
      `insert into workflow_states (unit, dataset, period, state, reason, version, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, 1, $6, coalesce($7::timestamptz, now()))
       on conflict (unit, dataset, period) do update
          set state = excluded.state, reason = excluded.reason,
              version = workflow_states.version + 1, updated_by = excluded.updated_by,
              updated_at = excluded.updated_at`,
      [t.unit, t.dataset, t.period, to, reason, actor.userId, t.at ?? null],
    );
    const statusChange: Record<WorkflowAction, [string, string] | null> = {
      submit: ['draft', 'submitted'],
      approve: ['submitted', 'approved'],
      reopen: before.state === 'submitted' ? ['submitted', 'draft'] : null,
    };
    const change = statusChange[t.action];
    let changed = 0;
    if (change) {
      const { rows } = await sql.query<{ n: number }>(
        `with changed as (
           update data_values set status = $5,
                  approved_value = case when $5 = 'approved' then value else approved_value end,
                  approved_version = case when $5 = 'approved' then version else approved_version end
            where unit = $1 and period = $2 and element = any($3::text[]) and status = $4
            returning 1)
         select count(*)::int as n from changed`,
        [t.unit, t.period, elements, change[0], change[1]],
      );
      changed = rows[0]?.n ?? 0;
    }
    // Only approved values enter the published results: a change of status is a change of data.
    if (changed > 0) await bumpDataRevision(sql);
    const after = await workflowStatus(sql, t.unit, t.dataset, t.period);
    await recordAudit(sql, actor, [
      {
        entity: 'workflow',
        key: `${t.unit}|${t.dataset}|${t.period}`,
        unit: t.unit,
        action: t.action,
        before,
        after: { ...after, values_changed: changed },
        at: t.at,
      },
    ]);
    // The approvers learn that a submission waits for them; an approval or a reopening settles it.
    if (t.action === 'submit')
      await noticeSubmission(sql, actor, {
        ...t,
        version: after.version,
        at: after.updated_at ?? new Date().toISOString(),
      });
    else await settleSubmissionNotices(sql, t);
    return after;
  });
}

/**
 * A data set is submitted only for a period in which its unit existed (its validity overlaps the
 * period): VN-37, which ended on 2025-06-30, takes no 2026 submission. A 422 naming `period`.
 */
async function requireUnitInPeriod(
  sql: Sql,
  t: TransitionRequest,
  range: { start: string; end: string },
): Promise<void> {
  const { rows } = await sql.query<{ valid_from: string; valid_to: string | null }>(
    'select valid_from::text as valid_from, valid_to::text as valid_to from units where code = $1',
    [t.unit],
  );
  const unit = rows[0];
  if (!unit) throw new NotFound(`there is no unit "${t.unit}"`);
  if (unit.valid_from <= range.end && (unit.valid_to === null || unit.valid_to >= range.start))
    return;
  const existed =
    unit.valid_to === null
      ? `it exists from ${unit.valid_from}`
      : `it existed from ${unit.valid_from} to ${unit.valid_to}`;
  throw new UnprocessableContent(`${t.unit} did not exist in ${t.period}: ${existed}`, [
    {
      field: 'period',
      message: `${t.unit} did not exist in ${t.period}; ${existed}`,
      value: t.period,
    },
  ]);
}

/**
 * A data set is submitted only with values: some value of its elements in the period, entered
 * for the unit or a unit below it (a province signs off its communes' checklists). Otherwise a
 * 422 "no values entered for <dataset> <unit> <period>".
 */
async function requireValues(sql: Sql, t: TransitionRequest, elements: string[]): Promise<void> {
  const { rows } = await sql.query(
    `with recursive subtree(code) as (
       select $1::text
       union
       select u.code from units u join subtree s on u.parent = s.code)
     select 1 from data_values
      where unit in (select code from subtree) and period = $2 and element = any($3::text[])
        and value is not null
      limit 1`,
    [t.unit, t.period, elements],
  );
  if (rows.length > 0) return;
  const message = `no values entered for ${t.dataset} ${t.unit} ${t.period}`;
  throw new UnprocessableContent(message, [{ field: 'dataset', message, value: t.dataset }]);
}

/**
 * A unit is approved only after every unit below it that takes part in the data set for the
 * period: that existed then and has values of the data set's elements, or a workflow state.
 * (The communes of a province do not hold back a provincial index they report nothing to.)
 */
async function requireChildrenApproved(
  sql: Sql,
  t: TransitionRequest,
  range: { start: string; end: string },
  elements: string[],
): Promise<void> {
  const { rows } = await sql.query<{ code: string; state: string | null }>(
    `select u.code, w.state from units u
       left join workflow_states w on w.unit = u.code and w.dataset = $2 and w.period = $3
      where u.parent = $1 and u.valid_from <= $5::date
        and (u.valid_to is null or u.valid_to >= $4::date)
        and coalesce(w.state, 'draft') <> 'approved'
        and (w.unit is not null or exists (
              select 1 from data_values d
               where d.unit = u.code and d.period = $3 and d.element = any($6::text[])))
      order by u.code`,
    [t.unit, t.dataset, t.period, range.start, range.end, elements],
  );
  if (rows.length > 0) {
    throw new Conflict(
      `${rows.length} unit${rows.length === 1 ? '' : 's'} below ${t.unit} ${rows.length === 1 ? 'is' : 'are'} not approved yet`,
      rows.slice(0, 50).map((r) => ({
        field: 'unit',
        message: `${r.code} is ${r.state ?? 'draft'}`,
        value: r.code,
      })),
    );
  }
}

/** A submitted or approved data set of a unit and period, as `workflow_states` holds it. */
export interface LockedState {
  unit: string;
  dataset: string;
  period: string;
  state: string;
}

/** Tells whether a cell is locked, and by what data set in what state. */
export type LockOf = (
  unit: string,
  element: string,
  period: string,
) => { dataset: string; state: string } | undefined;

/**
 * A function telling whether a cell is locked (its unit and period have a submitted or approved
 * data set that covers its element), and by what. Reads the states once: call it inside the
 * writer's transaction, after `lockDataWrites`.
 */
export async function workflowLocks(sql: Sql): Promise<LockOf> {
  const { rows } = await sql.query<LockedState>(
    'select unit, dataset, period, state from workflow_states where state = any($1::text[])',
    [lockedStates],
  );
  return workflowLocksOf(sql, rows);
}

/** The same from the locked states already read (a form reads those of its units and periods). */
export async function workflowLocksOf(sql: Sql, rows: LockedState[]): Promise<LockOf> {
  if (rows.length === 0) return () => undefined;
  const elementsOf = new Map<string, Set<string>>();
  const byCell = new Map<string, { dataset: string; state: string }[]>();
  for (const r of rows) {
    if (!elementsOf.has(r.dataset))
      elementsOf.set(r.dataset, new Set(await datasetElements(sql, r.dataset)));
    const key = `${r.unit}|${r.period}`;
    byCell.set(key, [...(byCell.get(key) ?? []), { dataset: r.dataset, state: r.state }]);
  }
  return (unit, element, period) =>
    byCell.get(`${unit}|${period}`)?.find((l) => elementsOf.get(l.dataset)?.has(element));
}

/** The import's cells that are locked, as import problems naming their rows. */
export async function lockedCellsOf(
  sql: Sql,
  cells: { row: number[]; unit: string[]; element: string[]; period: string[] },
): Promise<ImportProblem[]> {
  const lockOf = await workflowLocks(sql);
  const problems: ImportProblem[] = [];
  for (let i = 0; i < cells.unit.length; i++) {
    const l = lockOf(
      cells.unit[i] as string,
      cells.element[i] as string,
      cells.period[i] as string,
    );
    if (l)
      problems.push({
        row: cells.row[i] as number,
        field: 'value',
        value: `${cells.unit[i]} ${cells.element[i]} ${cells.period[i]}`,
        message: `locked: ${l.dataset} for ${cells.unit[i]} ${cells.period[i]} is ${l.state}; it must be reopened first`,
      });
  }
  return problems;
}
