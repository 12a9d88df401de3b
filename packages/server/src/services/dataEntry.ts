import type { Actor } from '../auth/actor.js';
import { canWriteData, requireActor } from '../auth/permissions.js';
import type { Database } from '../db/database.js';
import { Conflict, Forbidden, type ProblemField, UnprocessableContent } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { recordAudit } from './audit.js';
import { bumpDataRevision } from './dataRevision.js';
import { lockDataWrites } from './dataWriteLock.js';
import { workflowLocks } from './workflow.js';

export interface EnteredValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  source?: string | null | undefined;
  evidence?: string | null | undefined;
  /** The version the client saw (0 for a new cell); a different current version is a 409. */
  version?: number | undefined;
}

export interface StoredValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  source: string | null;
  evidence: string | null;
  status: string;
  version: number;
}

interface CellRow {
  unit: string;
  element: string;
  period: string;
  value: number | null;
  source: string | null;
  evidence: string | null;
  status: string;
  version: number;
}

/**
 * Writes values entered in a form, all or none: every value is checked (unit, indicator, period,
 * the unit's existence in the period, the actor's right to the unit, the cell not locked by a
 * submitted or approved data set, the version the client saw) before anything is written. Each
 * change is audited with the value before and after; a changed value keeps its old version in
 * the history. An officer's values are drafts until approved; an admin's or analyst's are
 * approved at once, like their imports.
 */
export async function enterValues(
  database: Database,
  actorOrNone: Actor | undefined,
  values: EnteredValue[],
): Promise<StoredValue[]> {
  const actor = requireActor(actorOrNone);
  const problems: ProblemField[] = [];
  const unitsFound = new Map(
    (
      await database.query<{ code: string; valid_from: string; valid_to: string | null }>(
        'select code, valid_from::text, valid_to::text from units where code = any($1::text[])',
        [[...new Set(values.map((v) => v.unit))]],
      )
    ).rows.map((r) => [r.code, r]),
  );
  const elements = new Set(
    (
      await database.query<{ code: string }>(
        'select code from data_elements where code = any($1::text[])',
        [[...new Set(values.map((v) => v.indicator))]],
      )
    ).rows.map((r) => r.code),
  );
  const seen = new Map<string, number>();
  const forbidden: ProblemField[] = [];
  for (const [i, v] of values.entries()) {
    const at = `body.values[${i}]`;
    const unit = unitsFound.get(v.unit);
    if (!unit) problems.push({ field: `${at}.unit`, message: 'no such unit', value: v.unit });
    if (!elements.has(v.indicator))
      problems.push({
        field: `${at}.indicator`,
        message: 'not a known indicator or data element',
        value: v.indicator,
      });
    const range = periodRange(v.period);
    if (!range) {
      problems.push({ field: `${at}.period`, message: 'not a period', value: v.period });
    } else if (
      unit &&
      (range.end < unit.valid_from || (unit.valid_to && range.start > unit.valid_to))
    ) {
      problems.push({
        field: `${at}.period`,
        message: `${v.unit} did not exist in ${v.period}`,
        value: v.period,
      });
    }
    if (v.evidence && !/^https?:\/\/\S+$/.test(v.evidence))
      problems.push({
        field: `${at}.evidence`,
        message: 'a link: http:// or https://',
        value: v.evidence,
      });
    const key = `${v.unit}|${v.indicator}|${v.period}`;
    const first = seen.get(key);
    if (first !== undefined)
      problems.push({ field: at, message: `the same cell as body.values[${first}]`, value: key });
    else seen.set(key, i);
    if (unit && !(await canWriteData(database, actor, v.unit)))
      forbidden.push({
        field: `${at}.unit`,
        message: 'outside the units you may enter data for',
        value: v.unit,
      });
  }
  if (problems.length > 0)
    throw new UnprocessableContent(
      `${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
      problems,
    );
  if (forbidden.length > 0)
    throw new Forbidden(
      `you may not enter data for ${[...new Set(forbidden.map((f) => f.value))].join(', ')}`,
      forbidden,
    );

  const status = actor.role === 'admin' || actor.role === 'analyst' ? 'approved' : 'draft';
  return database.transaction(async (sql) => {
    await lockDataWrites(sql);
    const cells = values.map((v) => ({ unit: v.unit, element: v.indicator, period: v.period }));
    const lockOf = await workflowLocks(sql);
    const lockProblems: ProblemField[] = [];
    for (const [i, v] of values.entries()) {
      const l = lockOf(v.unit, v.indicator, v.period);
      if (l)
        lockProblems.push({
          field: `body.values[${i}]`,
          message: `locked: ${l.dataset} for ${v.unit} ${v.period} is ${l.state}; it must be reopened first`,
          value: `${v.unit}|${v.indicator}|${v.period}`,
        });
    }
    if (lockProblems.length > 0)
      throw new Conflict(
        `${lockProblems.length} value${lockProblems.length === 1 ? ' is' : 's are'} locked; nothing was written`,
        lockProblems,
      );

    const { rows } = await sql.query<CellRow>(
      `select d.unit, d.element, d.period, d.value, d.source, d.evidence, d.status, d.version
         from data_values d
         join unnest($1::text[], $2::text[], $3::text[]) as c(unit, element, period)
           on d.unit = c.unit and d.element = c.element and d.period = c.period
          for update of d`,
      [cells.map((c) => c.unit), cells.map((c) => c.element), cells.map((c) => c.period)],
    );
    const current = new Map(rows.map((r) => [`${r.unit}|${r.element}|${r.period}`, r]));
    const stale: ProblemField[] = [];
    for (const [i, v] of values.entries()) {
      const have = current.get(`${v.unit}|${v.indicator}|${v.period}`)?.version ?? 0;
      if (v.version !== undefined && v.version !== have)
        stale.push({
          field: `body.values[${i}].version`,
          message: `changed since you saw it: the current version is ${have}`,
          value: v.version,
        });
    }
    if (stale.length > 0)
      throw new Conflict(
        `${stale.length} value${stale.length === 1 ? ' was' : 's were'} changed by someone else; reload them; nothing was written`,
        stale,
      );

    const stored: StoredValue[] = [];
    const audit = [];
    for (const v of values) {
      const before = current.get(`${v.unit}|${v.indicator}|${v.period}`);
      const next = {
        value: v.value,
        source: v.source?.trim() || null,
        evidence: v.evidence?.trim() || null,
      };
      if (
        before &&
        before.value === next.value &&
        before.source === next.source &&
        before.evidence === next.evidence
      ) {
        stored.push(storedOf(before));
        continue; // unchanged: no new version, no audit row
      }
      if (before) {
        await sql.query(
          `insert into data_value_history (unit, element, period, value, source, version, replaced_by)
           values ($1, $2, $3, $4, $5, $6, $7)`,
          [
            before.unit,
            before.element,
            before.period,
            before.value,
            before.source,
            before.version,
            actor.email ?? actor.name,
          ],
        );
      }
      const { rows: written } = await sql.query<CellRow>(
        `insert into data_values (unit, element, period, value, source, evidence, status, author, version,
                                  approved_value, approved_version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 1,
                 case when $7 = 'approved' then $4::float8 end, case when $7 = 'approved' then 1 end)
         on conflict (unit, element, period) do update
            set value = excluded.value, source = excluded.source, evidence = excluded.evidence,
                status = excluded.status, author = excluded.author, import_id = null,
                version = data_values.version + 1, updated_at = now(),
                approved_value = case when excluded.status = 'approved' then excluded.value
                                      else data_values.approved_value end,
                approved_version = case when excluded.status = 'approved' then data_values.version + 1
                                        else data_values.approved_version end
         returning unit, element, period, value, source, evidence, status, version`,
        [
          v.unit,
          v.indicator,
          v.period,
          next.value,
          next.source,
          next.evidence,
          status,
          actor.email ?? actor.name,
        ],
      );
      const after = written[0] as CellRow;
      stored.push(storedOf(after));
      audit.push({
        entity: 'data_value' as const,
        key: `${v.unit}|${v.indicator}|${v.period}`,
        unit: v.unit,
        action: before ? 'update' : 'create',
        before: before ? storedOf(before) : null,
        after: storedOf(after),
      });
    }
    await recordAudit(sql, actor, audit);
    if (audit.length > 0) await bumpDataRevision(sql);
    return stored;
  });
}

function storedOf(r: CellRow): StoredValue {
  return {
    unit: r.unit,
    indicator: r.element,
    period: r.period,
    value: r.value,
    source: r.source,
    evidence: r.evidence,
    status: r.status,
    version: r.version,
  };
}
