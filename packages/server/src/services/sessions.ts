import type { Actor } from '../auth/actor.js';
import { decoyHash, verifyPassword } from '../auth/passwords.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Database } from '../db/database.js';
import { TooManyRequests, Unauthorized } from '../http/problems.js';
import { actorOf, type User, type UserRow, userOf } from './users.js';

/** Sessions last a working day. */
export const sessionHours = 12;
/** A token's last use is recorded to this many seconds. */
export const tokenUseSeconds = 60;
/** Consecutive failures that lock an account, and for how long. */
export const maxFailedLogins = 5;
export const lockMinutes = 15;

export interface Login {
  /** The session secret: the cookie's value, also usable as a Bearer token. */
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: User;
}

/**
 * Signs a user in. Unknown email and wrong password fail alike (and take as long); after
 * `maxFailedLogins` consecutive failures the account is locked for `lockMinutes`.
 */
export async function login(
  database: Database,
  email: string,
  password: string,
  client: { address?: string | undefined; userAgent?: string | undefined },
): Promise<Login> {
  const { rows } = await database.query<UserRow>('select * from users where email = $1', [
    email.trim().toLowerCase(),
  ]);
  const row = rows[0];
  const refused = new Unauthorized('wrong email or password');
  if (row?.active !== 1 || !row.password_hash) {
    await verifyPassword(await decoyHash(), password);
    throw refused;
  }
  const lockedUntil = row.locked_until ? new Date(row.locked_until) : null;
  if (lockedUntil && lockedUntil > new Date()) {
    throw new TooManyRequests(
      `too many failed sign-ins: the account is locked until ${lockedUntil.toISOString()}`,
      Math.ceil((lockedUntil.getTime() - Date.now()) / 1000),
    );
  }
  if (!(await verifyPassword(row.password_hash, password))) {
    await database.query(
      `update users set failed_logins = failed_logins + 1,
              locked_until = case when failed_logins + 1 >= $2
                                  then now() + make_interval(mins => $3) end
        where id = $1`,
      [row.id, maxFailedLogins, lockMinutes],
    );
    throw refused;
  }
  const token = newSecret('dxs');
  const csrfToken = newSecret('csrf');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  await database.transaction(async (sql) => {
    await sql.query('update users set failed_logins = 0, locked_until = null where id = $1', [
      row.id,
    ]);
    await sql.query(
      `insert into sessions (id, user_id, csrf_token, address, user_agent, expires_at)
       values ($1, $2, $3, $4, $5, $6)`,
      [
        hashSecret(token),
        row.id,
        csrfToken,
        client.address ?? null,
        client.userAgent?.slice(0, 300) ?? null,
        expiresAt,
      ],
    );
    // Expired sessions go when anyone signs in: no timer needed.
    await sql.query('delete from sessions where expires_at < now()');
  });
  return { token, csrfToken, expiresAt: expiresAt.toISOString(), user: userOf(row) };
}

export async function logout(database: Database, token: string): Promise<void> {
  await database.query('delete from sessions where id = $1', [hashSecret(token)]);
}

/** What an actor is made of: every request reads it, so only that. */
type ActorRow = Pick<UserRow, 'id' | 'email' | 'name' | 'role' | 'unit'>;
const actorColumns = 'u.id, u.email, u.name, u.role, u.unit';

/** The actor behind a session or API token secret, or undefined if it is unknown, expired or revoked. */
export async function actorForSecret(
  database: Database,
  secret: string,
  address: string | undefined,
): Promise<(Actor & { csrfToken?: string }) | undefined> {
  const id = hashSecret(secret);
  if (secret.startsWith('dxs_')) {
    const { rows } = await database.query<ActorRow & { csrf_token: string }>(
      `select ${actorColumns}, s.csrf_token from sessions s join users u on u.id = s.user_id
        where s.id = $1 and s.expires_at > now() and u.active = 1`,
      [id],
    );
    const r = rows[0];
    return r && { ...actorOf(r, 'session', { sessionId: id, address }), csrfToken: r.csrf_token };
  }
  if (secret.startsWith('dxt_')) {
    const { rows } = await database.query<ActorRow & { token_id: number; seen: boolean }>(
      `select ${actorColumns}, t.id as token_id,
              t.last_used_at > now() - make_interval(secs => $2) as seen
         from api_tokens t join users u on u.id = t.user_id
        where t.token_hash = $1 and t.revoked_at is null and u.active = 1`,
      [id, tokenUseSeconds],
    );
    const r = rows[0];
    if (!r) return undefined;
    // A write (a commit) on every request would cost a script's requests more than their work.
    if (!r.seen)
      await database.query('update api_tokens set last_used_at = now() where id = $1', [
        r.token_id,
      ]);
    return actorOf(r, 'token', { tokenId: r.token_id, address });
  }
  return undefined;
}
