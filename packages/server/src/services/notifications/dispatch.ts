import type { Database } from '../../db/database.js';
import type { NotificationSettings } from './mailer.js';
import { languageOf, mailOf, type NotificationContent } from './messages.js';

/** A mail that failed is tried again at later runs, this many times in all, then given up. */
export const mailAttempts = 3;
/** Mails claimed at once by one process. */
const batch = 50;

export interface DispatchResult {
  sent: number;
  failed: number;
  skipped: number;
}

interface Claimed {
  id: string | number;
  details: NotificationContent;
  email: string;
  language: string;
  email_attempts: number;
}

/**
 * Sends the pending e-mails of notifications. A mail is claimed first (pending -> sending in one
 * UPDATE over rows locked with SKIP LOCKED), so that of two processes only one sends it; it is
 * then marked sent, or pending again after a failure until `mailAttempts` is reached (failed).
 * One that was claimed by a process that died before marking it stays `sending` and is never
 * sent again: a reminder missed rather than sent twice. Without a mailer (no SMTP_URL) or for a
 * user who turned e-mail off, pending mails are skipped.
 */
export async function dispatchMail(
  database: Database,
  settings: NotificationSettings,
): Promise<DispatchResult> {
  const result: DispatchResult = { sent: 0, failed: 0, skipped: 0 };
  const { rows: skipped } = await database.query(
    `update notifications n set email_state = 'skipped'
       from users u
      where u.id = n.user_id and n.email_state = 'pending'
        and ($1::boolean or not u.email_notifications or u.active = 0)
     returning n.id`,
    [settings.mailer === null],
  );
  result.skipped = skipped.length;
  const mailer = settings.mailer;
  if (!mailer) return result;
  // Failed in this run: tried again at the next run, not in a loop now.
  const failedNow: number[] = [];
  for (;;) {
    const { rows } = await database.query<Claimed>(
      `with claimed as (
         update notifications set email_state = 'sending', email_attempts = email_attempts + 1
          where id in (select id from notifications
                        where email_state = 'pending' and not (id = any($2::bigint[]))
                        order by id limit $1 for update skip locked)
         returning id, user_id, details, email_attempts)
       select c.id, c.details, c.email_attempts, u.email, u.language
         from claimed c join users u on u.id = c.user_id
        order by c.id`,
      [batch, failedNow],
    );
    for (const r of rows) {
      const id = Number(r.id);
      try {
        await mailer.send(mailOf(r.details, r.email, languageOf(r.language), settings.publicUrl));
        await database.query(
          `update notifications set email_state = 'sent', email_sent_at = now(), email_error = null
            where id = $1`,
          [id],
        );
        result.sent++;
      } catch (error) {
        failedNow.push(id);
        await database.query(
          `update notifications
              set email_state = case when email_attempts >= $2 then 'failed' else 'pending' end,
                  email_error = $3
            where id = $1`,
          [id, mailAttempts, error instanceof Error ? error.message : String(error)],
        );
        result.failed++;
      }
    }
    if (rows.length < batch) return result;
  }
}
