import type { Actor } from '../auth/actor.js';
import type { Db, Sql } from '../db/database.js';
import { auditLog } from '../db/schema.js';

export type AuditEntity =
  | 'data_value'
  | 'workflow'
  | 'user'
  | 'api_token'
  | 'framework'
  | 'criteria_model'
  | 'import'
  | 'unit'
  | 'lineage'
  | 'plan'
  | 'target'
  | 'translation'
  | 'reporting_calendar'
  | 'quality_rule';

export interface AuditEntry {
  entity: AuditEntity;
  key: string;
  unit?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
  /** When the change happened, if not now: a history replayed (the demo's reporting round). */
  at?: string | undefined;
}

/** Records changes in the same transaction as the changes themselves: both or neither. */
export async function recordAudit(sql: Sql, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { text, params } = auditInsert(actor, entries, 1);
  await sql.query(text, params);
}

/**
 * The insert of `recordAudit` as SQL and its parameters, numbered from `$first`: for a writer
 * that records its audit rows in the statement that makes its change (one round trip).
 */
export function auditInsert(
  actor: Actor,
  entries: AuditEntry[],
  first: number,
): { text: string; params: unknown[] } {
  const column = <T>(f: (e: AuditEntry) => T) => entries.map(f);
  const $ = (i: number) => `$${first + i}`;
  return {
    text: `insert into audit_log (user_id, actor, via, token_id, address, entity, entity_key, unit, action, before, after, at)
     select ${$(0)}, ${$(1)}, ${$(2)}, ${$(3)}, ${$(4)}, e, k, u, a, b::jsonb, f::jsonb, coalesce(w, now())
       from unnest(${$(5)}::text[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::text[], ${$(9)}::text[], ${$(10)}::text[], ${$(11)}::timestamptz[]) as t(e, k, u, a, b, f, w)`,
    params: [
      actor.userId,
      actor.email ?? actor.name,
      actor.via,
      actor.tokenId ?? null,
      actor.address ?? null,
      column((e) => e.entity),
      column((e) => e.key),
      column((e) => e.unit ?? null),
      column((e) => e.action),
      column((e) => (e.before === undefined ? null : JSON.stringify(e.before))),
      column((e) => (e.after === undefined ? null : JSON.stringify(e.after))),
      column((e) => e.at ?? null),
    ],
  };
}

/** The same inside a Drizzle transaction (definitions are saved through Drizzle). */
export async function recordAuditIn(
  tx: Pick<Db, 'insert'>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    userId: actor.userId,
    actor: actor.email ?? actor.name,
    via: actor.via,
    tokenId: actor.tokenId ?? null,
    address: actor.address ?? null,
    entity: entry.entity,
    entityKey: entry.key,
    unit: entry.unit ?? null,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  actor: string | null;
  via: string;
  token_id: number | null;
  address: string | null;
  entity: string;
  entity_key: string;
  unit: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  entity?: string | undefined;
  key?: string | undefined;
  unit?: string | undefined;
  user?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Only rows of these units (an actor's subtree); undefined: every row. */
  units?: string[] | undefined;
  limit: number;
  offset: number;
}

/** Audit rows, oldest first, filtered; `to` is inclusive of its whole day. */
export async function listAudit(
  sql: Sql,
  q: AuditQuery,
): Promise<{ items: AuditRow[]; total: number }> {
  const where = `($1::text is null or entity = $1)
       and ($2::text is null or entity_key = $2)
       and ($3::text is null or unit = $3)
       and ($4::int is null or user_id = $4)
       and ($5::date is null or at >= $5::date)
       and ($6::date is null or at < $6::date + 1)
       and ($7::text[] is null or unit = any($7::text[]))`;
  const params = [
    q.entity ?? null,
    q.key ?? null,
    q.unit ?? null,
    q.user ?? null,
    q.from ?? null,
    q.to ?? null,
    q.units ?? null,
  ];
  const [rows, total] = await Promise.all([
    sql.query<Omit<AuditRow, 'at'> & { at: Date | string }>(
      `select id::int as id, at, user_id, actor, via, token_id, address, entity, entity_key, unit,
              action, before, after
         from audit_log where ${where} order by id limit $8 offset $9`,
      [...params, q.limit, q.offset],
    ),
    sql.query<{ n: number }>(`select count(*)::int as n from audit_log where ${where}`, params),
  ]);
  return {
    items: rows.rows.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
    })),
    total: total.rows[0]?.n ?? 0,
  };
}
