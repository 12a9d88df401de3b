import type { Sql } from '../../db/database.js';
import type { NotificationContent } from './messages.js';

export interface NewNotification {
  userId: number;
  kind: NotificationContent['kind'];
  dataset: string;
  period: string;
  unit: string | null;
  /** Unique: the same reminder or notice is never made twice, whoever tries. */
  dedupeKey: string;
  content: NotificationContent;
  /** When it happened, if not now (a submission replayed at its recorded time). */
  createdAt?: string | undefined;
}

/**
 * Adds a notification unless one with its key exists (INSERT ... ON CONFLICT DO NOTHING, so two
 * processes or a restart never make it twice); its id when this call made it, else null. Its
 * e-mail is pending when the user wants e-mail, else skipped.
 */
export async function addNotification(sql: Sql, n: NewNotification): Promise<number | null> {
  const { rows } = await sql.query<{ id: number }>(
    `insert into notifications
       (user_id, kind, dataset, period, unit, dedupe_key, details, email_state, created_at)
     select id, $2, $3, $4, $5, $6, $7::jsonb,
            case when email_notifications then 'pending' else 'skipped' end,
            coalesce($8::timestamptz, now())
       from users where id = $1
     on conflict (dedupe_key) do nothing
     returning id`,
    [
      n.userId,
      n.kind,
      n.dataset,
      n.period,
      n.unit,
      n.dedupeKey,
      JSON.stringify(n.content),
      n.createdAt ?? null,
    ],
  );
  return rows[0] ? Number(rows[0].id) : null;
}

export interface NotificationItem extends NotificationContent {
  id: number;
  unit: string | null;
  created_at: string;
  read_at: string | null;
  email: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
}

export interface NotificationPage {
  items: NotificationItem[];
  unread: number;
  total: number;
}

interface Row {
  id: string | number;
  kind: NotificationContent['kind'];
  dataset: string;
  period: string;
  unit: string | null;
  details: NotificationContent;
  created_at: Date | string;
  read_at: Date | string | null;
  email_state: NotificationItem['email'];
}

/** A user's notifications, newest first, a page at a time, with how many are unread. */
export async function listNotifications(
  sql: Sql,
  userId: number,
  page: { limit: number; offset: number; unread?: boolean | undefined },
): Promise<NotificationPage> {
  const { rows } = await sql.query<Row>(
    `select id, kind, dataset, period, unit, details, created_at, read_at, email_state
       from notifications
      where user_id = $1 and (not $4::boolean or read_at is null)
      order by created_at desc, id desc
      limit $2 offset $3`,
    [userId, page.limit, page.offset, page.unread ?? false],
  );
  const { rows: counts } = await sql.query<{ total: number; unread: number }>(
    `select count(*)::int as total, (count(*) filter (where read_at is null))::int as unread
       from notifications where user_id = $1`,
    [userId],
  );
  return {
    items: rows.map((r) => ({
      ...r.details,
      id: Number(r.id),
      kind: r.kind,
      dataset: r.dataset,
      period: r.period,
      unit: r.unit,
      created_at: new Date(r.created_at).toISOString(),
      read_at: r.read_at === null ? null : new Date(r.read_at).toISOString(),
      email: r.email_state,
    })),
    unread: counts[0]?.unread ?? 0,
    total: counts[0]?.total ?? 0,
  };
}

/** Marks the user's notifications read (those of `ids`, or all); how many were unread. */
export async function markRead(sql: Sql, userId: number, ids: number[] | 'all'): Promise<number> {
  const { rows } = await sql.query<{ n: number }>(
    `with changed as (
       update notifications set read_at = now()
        where user_id = $1 and read_at is null and ($2::boolean or id = any($3::bigint[]))
       returning 1)
     select count(*)::int as n from changed`,
    [userId, ids === 'all', ids === 'all' ? [] : ids],
  );
  return rows[0]?.n ?? 0;
}

/**
 * Settles the notices of a submission once it is approved or reopened: they are read, and an
 * e-mail not sent yet is no longer sent (it would ask for an approval already given).
 */
export async function settleSubmissionNotices(
  sql: Sql,
  key: { unit: string; dataset: string; period: string },
): Promise<void> {
  await sql.query(
    `update notifications
        set read_at = coalesce(read_at, now()),
            email_state = case when email_state = 'pending' then 'skipped' else email_state end
      where kind = 'submitted' and unit = $1 and dataset = $2 and period = $3
        and (read_at is null or email_state = 'pending')`,
    [key.unit, key.dataset, key.period],
  );
}

export interface Preferences {
  email_notifications: boolean;
  email: string;
  language: string;
}

export async function preferencesOf(sql: Sql, userId: number): Promise<Preferences> {
  const { rows } = await sql.query<Preferences>(
    'select email_notifications, email, language from users where id = $1',
    [userId],
  );
  const found = rows[0];
  if (!found) throw new Error(`no user ${userId}`);
  return found;
}

/** Sets the user's own choices: e-mail or not, the language of messages. */
export async function setPreferences(
  sql: Sql,
  userId: number,
  change: { email_notifications?: boolean | undefined; language?: string | undefined },
): Promise<Preferences> {
  await sql.query(
    `update users set email_notifications = coalesce($2, email_notifications),
                      language = coalesce($3, language)
      where id = $1`,
    [userId, change.email_notifications ?? null, change.language ?? null],
  );
  return preferencesOf(sql, userId);
}
