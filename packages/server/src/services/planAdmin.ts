import { targetSchema } from '@dxmon/engine';
import type { Actor } from '../auth/actor.js';
import type { Database, Sql } from '../db/database.js';
import {
  Conflict,
  NotFound,
  type ProblemField,
  UnprocessableContent,
  ValidationFailed,
} from '../http/problems.js';
import { recordAudit } from './audit.js';
import { bumpContentRevision } from './dataRevision.js';
import { type AssessedTarget, assessTargets, listPlans, type Plan } from './targets.js';

/** A plan as stored (and as the audit trail records it). */
export interface StoredPlan {
  id: string;
  name: string;
  unit: string | null;
  adopted_on: string | null;
}

export interface NewPlan {
  id: string;
  name: string;
  unit?: string | null | undefined;
  adopted_on?: string | null | undefined;
}

export type PlanChange = Partial<Omit<NewPlan, 'id'>>;

/** A target as stored (and as the audit trail records it): the engine's `Target` fields. */
export interface StoredTarget {
  id: string;
  plan: string;
  unit: string;
  indicator: string;
  name: string | null;
  direction: 1 | -1;
  baseline_period: string | null;
  baseline_value: number | null;
  target_period: string;
  target_value: number;
}

export interface NewTarget {
  id: string;
  plan: string;
  unit: string;
  indicator: string;
  name?: string | null | undefined;
  direction?: number | undefined;
  baseline_period?: string | null | undefined;
  baseline_value?: number | null | undefined;
  target_period: string;
  target_value: number;
}

export type TargetChange = Partial<Omit<NewTarget, 'id'>>;

const planColumns = 'id, name, unit, adopted_on::text';
const targetColumns =
  'id, plan, unit, indicator, name, direction, baseline_period, baseline_value, target_period, target_value';

function refuse(problems: ProblemField[]): never {
  throw new UnprocessableContent(
    `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
    problems,
  );
}

function nothingToChange(fields: readonly string[]): never {
  throw new ValidationFailed(`nothing to change: give at least one of ${fields.join(', ')}`, [
    { field: 'body', message: `give at least one of ${fields.join(', ')}` },
  ]);
}

async function exists(sql: Sql, table: 'units' | 'plans', column: string, value: string) {
  const { rows } = await sql.query(`select 1 from ${table} where ${column} = $1`, [value]);
  return rows.length > 0;
}

/** The plan's problems: an empty name, a unit that does not exist. */
async function planProblems(sql: Sql, plan: StoredPlan): Promise<ProblemField[]> {
  const problems: ProblemField[] = [];
  if (plan.id === '') problems.push({ field: 'body.id', message: 'the id is empty', value: '' });
  if (plan.name === '') problems.push({ field: 'body.name', message: 'the name is empty' });
  if (plan.unit !== null && !(await exists(sql, 'units', 'code', plan.unit)))
    problems.push({ field: 'body.unit', message: 'no such unit', value: plan.unit });
  return problems;
}

/** A plan with its targets rolled up, as `GET /api/plans` lists it. */
export async function getPlan(database: Database, id: string): Promise<Plan> {
  const [plan] = await listPlans(database, { plan: id });
  if (!plan) throw new NotFound(`there is no plan "${id}"`);
  return plan;
}

/** Creates a plan (409 if the id is taken); audited, and public reads show it at once. */
export async function createPlan(database: Database, input: NewPlan, actor: Actor): Promise<Plan> {
  const plan: StoredPlan = {
    id: input.id.trim(),
    name: input.name.trim(),
    unit: input.unit?.trim() || null,
    adopted_on: input.adopted_on ?? null,
  };
  const problems = await planProblems(database, plan);
  if (problems.length > 0) refuse(problems);
  await database.transaction(async (sql) => {
    const { rows } = await sql.query<StoredPlan>(
      `insert into plans (id, name, unit, adopted_on) values ($1, $2, $3, $4)
       on conflict (id) do nothing returning ${planColumns}`,
      [plan.id, plan.name, plan.unit, plan.adopted_on],
    );
    if (rows.length === 0)
      throw new Conflict(`there is already a plan "${plan.id}"`, [
        { field: 'body.id', message: 'already used', value: plan.id },
      ]);
    await recordAudit(sql, actor, [
      { entity: 'plan', key: plan.id, unit: plan.unit, action: 'create', after: rows[0] },
    ]);
    await bumpContentRevision(sql);
  });
  return getPlan(database, plan.id);
}

/** Changes a plan's name, unit or adoption date (null clears the unit or the date). */
export async function updatePlan(
  database: Database,
  id: string,
  change: PlanChange,
  actor: Actor,
): Promise<Plan> {
  if (Object.values(change).every((v) => v === undefined))
    nothingToChange(['name', 'unit', 'adopted_on']);
  await database.transaction(async (sql) => {
    const { rows } = await sql.query<StoredPlan>(
      `select ${planColumns} from plans where id = $1 for update`,
      [id],
    );
    const before = rows[0];
    if (!before) throw new NotFound(`there is no plan "${id}"`);
    const plan: StoredPlan = {
      id,
      name: change.name === undefined ? before.name : change.name.trim(),
      unit: change.unit === undefined ? before.unit : change.unit?.trim() || null,
      adopted_on: change.adopted_on === undefined ? before.adopted_on : change.adopted_on,
    };
    const problems = await planProblems(sql, plan);
    if (problems.length > 0) refuse(problems);
    const updated = await sql.query<StoredPlan>(
      `update plans set name = $2, unit = $3, adopted_on = $4 where id = $1 returning ${planColumns}`,
      [id, plan.name, plan.unit, plan.adopted_on],
    );
    await recordAudit(sql, actor, [
      {
        entity: 'plan',
        key: id,
        unit: plan.unit,
        action: 'update',
        before,
        after: updated.rows[0],
      },
    ]);
    await bumpContentRevision(sql);
  });
  return getPlan(database, id);
}

/**
 * The target's problems, each naming its field and value: the engine's checks of a target (the
 * same as for a targets file: periods, numbers, direction, a baseline value needs its period, the
 * target period after the baseline), then the plan, unit and indicator it refers to. Targets are
 * assessed on the stored series of their indicator, so the indicator is a data element: a
 * framework indicator computed from other elements has no series of its own.
 */
async function checkTarget(
  sql: Sql,
  record: StoredTarget,
): Promise<{ target?: StoredTarget; problems: ProblemField[] }> {
  const problems: ProblemField[] = [];
  const parsed = targetSchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const value = (record as unknown as Record<string, unknown>)[key];
      problems.push({
        field: key ? `body.${key}` : 'body',
        message: issue.message,
        ...(value === undefined || value === null ? {} : { value }),
      });
    }
  }
  const target: StoredTarget = parsed.success
    ? {
        id: parsed.data.id,
        plan: parsed.data.plan,
        unit: parsed.data.unit,
        indicator: parsed.data.indicator,
        name: parsed.data.name?.trim() || null,
        direction: parsed.data.direction,
        baseline_period: parsed.data.baseline_period ?? null,
        baseline_value: parsed.data.baseline_value ?? null,
        target_period: parsed.data.target_period,
        target_value: parsed.data.target_value,
      }
    : record;
  const plan = target.plan.trim();
  if (plan && !(await exists(sql, 'plans', 'id', plan)))
    problems.push({ field: 'body.plan', message: 'no such plan', value: plan });
  const unit = target.unit.trim();
  if (unit && !(await exists(sql, 'units', 'code', unit)))
    problems.push({ field: 'body.unit', message: 'no such unit', value: unit });
  const indicator = target.indicator.trim();
  if (indicator) {
    const element = await sql.query('select 1 from data_elements where code = $1', [indicator]);
    if (element.rows.length === 0) {
      const computed = await sql.query<{ id: string }>(
        `select f.id from frameworks f, jsonb_array_elements(f.definition->'nodes') n
          where n->>'code' = $1 limit 1`,
        [indicator],
      );
      const framework = computed.rows[0]?.id;
      problems.push({
        field: 'body.indicator',
        message: framework
          ? `an indicator of framework "${framework}" without a stored series: targets follow a data element`
          : 'no such data element',
        value: indicator,
      });
    }
  }
  return parsed.success && problems.length === 0 ? { target, problems } : { problems };
}

/** A target assessed on the stored data, as `GET /api/targets` lists it. */
export async function getTarget(database: Database, id: string): Promise<AssessedTarget> {
  const [target] = await assessTargets(database, { id, forecast: true });
  if (!target) throw new NotFound(`there is no target "${id}"`);
  return target;
}

/** Creates a target of a plan (409 if the id is taken); audited, and public reads show it at once. */
export async function createTarget(
  database: Database,
  input: NewTarget,
  actor: Actor,
): Promise<AssessedTarget> {
  const { target, problems } = await checkTarget(database, {
    id: input.id,
    plan: input.plan,
    unit: input.unit,
    indicator: input.indicator,
    name: input.name ?? null,
    direction: (input.direction ?? 1) as 1 | -1,
    baseline_period: input.baseline_period ?? null,
    baseline_value: input.baseline_value ?? null,
    target_period: input.target_period,
    target_value: input.target_value,
  });
  if (!target) refuse(problems);
  await database.transaction(async (sql) => {
    const { rows } = await sql.query<StoredTarget>(
      `insert into targets (${targetColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (id) do nothing returning ${targetColumns}`,
      targetParams(target),
    );
    if (rows.length === 0)
      throw new Conflict(`there is already a target "${target.id}"`, [
        { field: 'body.id', message: 'already used', value: target.id },
      ]);
    await recordAudit(sql, actor, [
      { entity: 'target', key: target.id, unit: target.unit, action: 'create', after: rows[0] },
    ]);
    await bumpContentRevision(sql);
  });
  return getTarget(database, target.id);
}

/**
 * Changes a target: the fields given replace the stored ones (null clears the name or the
 * baseline) and the result is checked as a whole, like a new target.
 */
export async function updateTarget(
  database: Database,
  id: string,
  change: TargetChange,
  actor: Actor,
): Promise<AssessedTarget> {
  const fields = [
    'plan',
    'unit',
    'indicator',
    'name',
    'direction',
    'baseline_period',
    'baseline_value',
    'target_period',
    'target_value',
  ] as const;
  if (fields.every((f) => change[f] === undefined)) nothingToChange(fields);
  await database.transaction(async (sql) => {
    const { rows } = await sql.query<StoredTarget>(
      `select ${targetColumns} from targets where id = $1 for update`,
      [id],
    );
    const before = rows[0];
    if (!before) throw new NotFound(`there is no target "${id}"`);
    const merged: StoredTarget = { ...before };
    for (const f of fields) {
      if (change[f] !== undefined) Object.assign(merged, { [f]: change[f] });
    }
    const { target, problems } = await checkTarget(sql, merged);
    if (!target) refuse(problems);
    const updated = await sql.query<StoredTarget>(
      `update targets set plan = $2, unit = $3, indicator = $4, name = $5, direction = $6,
              baseline_period = $7, baseline_value = $8, target_period = $9, target_value = $10
        where id = $1 returning ${targetColumns}`,
      targetParams(target),
    );
    await recordAudit(sql, actor, [
      {
        entity: 'target',
        key: id,
        unit: target.unit,
        action: 'update',
        before,
        after: updated.rows[0],
      },
    ]);
    await bumpContentRevision(sql);
  });
  return getTarget(database, id);
}

/** Deletes a target; the audit trail keeps it. Returns the target as it was stored. */
export async function deleteTarget(
  database: Database,
  id: string,
  actor: Actor,
): Promise<StoredTarget> {
  return database.transaction(async (sql) => {
    const { rows } = await sql.query<StoredTarget>(
      `delete from targets where id = $1 returning ${targetColumns}`,
      [id],
    );
    const before = rows[0];
    if (!before) throw new NotFound(`there is no target "${id}"`);
    await recordAudit(sql, actor, [
      { entity: 'target', key: id, unit: before.unit, action: 'delete', before },
    ]);
    await bumpContentRevision(sql);
    return before;
  });
}

const targetParams = (t: StoredTarget) => [
  t.id,
  t.plan,
  t.unit,
  t.indicator,
  t.name,
  t.direction,
  t.baseline_period,
  t.baseline_value,
  t.target_period,
  t.target_value,
];
