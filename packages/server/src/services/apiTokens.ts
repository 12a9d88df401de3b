import type { Actor } from '../auth/actor.js';
import { hashSecret, newSecret } from '../auth/secrets.js';
import type { Database } from '../db/database.js';
import { Forbidden, NotFound } from '../http/problems.js';
import { recordAudit } from './audit.js';

export interface ApiToken {
  id: number;
  user_id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Creates a personal API token; its secret is returned this once and stored only as a hash. */
export async function createApiToken(
  database: Database,
  userId: number,
  name: string,
  actor: Actor,
): Promise<ApiToken & { token: string }> {
  const token = newSecret('dxt');
  return database.transaction(async (sql) => {
    const { rows } = await sql.query<TokenRow>(
      `insert into api_tokens (user_id, name, token_hash) values ($1, $2, $3) returning *`,
      [userId, name, hashSecret(token)],
    );
    const created = tokenOf(rows[0] as TokenRow);
    await recordAudit(sql, actor, [
      { entity: 'api_token', key: String(created.id), action: 'create', after: created },
    ]);
    return { ...created, token };
  });
}

export async function listApiTokens(database: Database, userId: number): Promise<ApiToken[]> {
  const { rows } = await database.query<TokenRow>(
    'select * from api_tokens where user_id = $1 order by id',
    [userId],
  );
  return rows.map(tokenOf);
}

/** Revokes a token: its owner or an admin may. */
export async function revokeApiToken(
  database: Database,
  id: number,
  actor: Actor,
): Promise<ApiToken> {
  return database.transaction(async (sql) => {
    const { rows } = await sql.query<TokenRow>('select * from api_tokens where id = $1', [id]);
    const row = rows[0];
    if (!row) throw new NotFound(`there is no API token ${id}`);
    if (row.user_id !== actor.userId && actor.role !== 'admin')
      throw new Forbidden('only its owner or an admin may revoke a token');
    const before = tokenOf(row);
    const updated = await sql.query<TokenRow>(
      'update api_tokens set revoked_at = coalesce(revoked_at, now()) where id = $1 returning *',
      [id],
    );
    const after = tokenOf(updated.rows[0] as TokenRow);
    await recordAudit(sql, actor, [
      { entity: 'api_token', key: String(id), action: 'revoke', before, after },
    ]);
    return after;
  });
}

interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  created_at: Date | string;
  last_used_at: Date | string | null;
  revoked_at: Date | string | null;
}

function tokenOf(r: TokenRow): ApiToken {
  const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: r.id,
    user_id: r.user_id,
    name: r.name,
    created_at: new Date(r.created_at).toISOString(),
    last_used_at: iso(r.last_used_at),
    revoked_at: iso(r.revoked_at),
  };
}
