import type { Actor } from '../../auth/actor.js';
import { ancestorsOf } from '../../auth/unitScope.js';
import type { Sql } from '../../db/database.js';
import { addNotification } from './store.js';

/**
 * Tells the approvers of a submission (approvers of a unit strictly above it, who may approve it)
 * that it waits for them. Called in the submission's transaction; one notice per approver and
 * submission (keyed by the workflow's version after it), so it is never made twice.
 */
export async function noticeSubmission(
  sql: Sql,
  actor: Actor,
  s: { unit: string; dataset: string; period: string; version: number; at: string },
): Promise<number> {
  const above = (await ancestorsOf(sql, s.unit)).slice(1);
  if (above.length === 0) return 0;
  const { rows: approvers } = await sql.query<{ id: number }>(
    `select id from users where role = 'approver' and active = 1 and unit = any($1::text[])
      order by id`,
    [above],
  );
  if (approvers.length === 0) return 0;
  const { rows: units } = await sql.query<{ en: string; vi: string | null; ar: string | null }>(
    'select name_en as en, name_vi as vi, name_ar as ar from units where code = $1',
    [s.unit],
  );
  const { rows: datasets } = await sql.query<{ name: string }>(
    `select name from (
       select name, created_at from frameworks where id = $1
       union all
       select name, created_at from criteria_models where id = $1) d
      order by created_at desc limit 1`,
    [s.dataset],
  );
  let created = 0;
  for (const approver of approvers) {
    const id = await addNotification(sql, {
      userId: approver.id,
      kind: 'submitted',
      dataset: s.dataset,
      period: s.period,
      unit: s.unit,
      createdAt: s.at,
      dedupeKey: `submitted:${s.dataset}:${s.period}:${s.unit}:v${s.version}:${approver.id}`,
      content: {
        kind: 'submitted',
        dataset: s.dataset,
        dataset_name: datasets[0]?.name ?? s.dataset,
        period: s.period,
        units: units.slice(0, 1),
        units_total: 1,
        submitted_by: actor.name,
        submitted_at: s.at,
        link: '/approvals',
      },
    });
    if (id !== null) created++;
  }
  return created;
}
