import { type Actor, type Role, roles } from '../auth/actor.js';
import { hashPassword, minPasswordLength } from '../auth/passwords.js';
import type { Database } from '../db/database.js';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../http/problems.js';
import { recordAudit } from './audit.js';

export const languages = ['en', 'vi', 'ar'] as const;

export interface User {
  id: number;
  email: string;
  name: string;
  language: string;
  role: Role;
  unit: string | null;
  active: boolean;
  created_at: string;
}

export interface NewUser {
  email: string;
  name: string;
  role: string;
  unit?: string | null | undefined;
  language?: string | undefined;
  password?: string | undefined;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Roles that act for a unit's subtree and so need a unit. */
const unitRoles: readonly string[] = ['officer', 'approver', 'viewer'];

/** Creates an account after checking every field; the audit trail records who created it. */
export async function createUser(database: Database, input: NewUser, actor: Actor): Promise<User> {
  const email = input.email.trim().toLowerCase();
  const problems: { field: string; message: string; value?: unknown }[] = [];
  if (!emailPattern.test(email))
    problems.push({ field: 'email', message: 'not an email address', value: input.email });
  if (input.name.trim() === '') problems.push({ field: 'name', message: 'the name is empty' });
  if (!(roles as readonly string[]).includes(input.role))
    problems.push({ field: 'role', message: `one of ${roles.join(', ')}`, value: input.role });
  const language = input.language ?? 'en';
  if (!(languages as readonly string[]).includes(language))
    problems.push({
      field: 'language',
      message: `one of ${languages.join(', ')}`,
      value: language,
    });
  const unit = input.unit?.trim() || null;
  if (unitRoles.includes(input.role) && !unit)
    problems.push({ field: 'unit', message: `a ${input.role} acts for a unit: give its code` });
  if (unit) {
    const { rows } = await database.query('select 1 from units where code = $1', [unit]);
    if (rows.length === 0) problems.push({ field: 'unit', message: 'no such unit', value: unit });
  }
  if (input.password !== undefined && input.password.length < minPasswordLength)
    problems.push({ field: 'password', message: `at least ${minPasswordLength} characters` });
  if (problems.length > 0)
    throw new ValidationFailed(
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    );

  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return database.transaction(async (sql) => {
    const existing = await sql.query('select 1 from users where email = $1', [email]);
    if (existing.rows.length > 0)
      throw new Conflict(`there is already an account for ${email}`, [
        { field: 'email', message: 'already used', value: email },
      ]);
    const { rows } = await sql.query<UserRow>(
      `insert into users (email, name, language, password_hash, role, unit)
       values ($1, $2, $3, $4, $5, $6) returning *`,
      [email, input.name.trim(), language, passwordHash, input.role, unit],
    );
    const user = userOf(rows[0] as UserRow);
    await recordAudit(sql, actor, [
      { entity: 'user', key: email, unit, action: 'create', after: user },
    ]);
    return user;
  });
}

export interface UserChange {
  name?: string | undefined;
  role?: string | undefined;
  unit?: string | null | undefined;
  language?: string | undefined;
  active?: boolean | undefined;
  password?: string | undefined;
}

/**
 * Changes an account: admins change anything; users their own name, language and password. A
 * deactivated account's sessions end and its tokens stop working (both are checked per request).
 */
export async function updateUser(
  database: Database,
  id: number,
  change: UserChange,
  actor: Actor,
): Promise<User> {
  const self = actor.userId === id;
  const adminOnly = (['role', 'unit', 'active'] as const).filter((k) => change[k] !== undefined);
  if (actor.role !== 'admin' && (!self || adminOnly.length > 0)) {
    throw new Forbidden(
      self
        ? `only an admin may change ${adminOnly.join(', ')}`
        : 'only an admin may change the accounts of others',
    );
  }
  const problems: { field: string; message: string; value?: unknown }[] = [];
  if (change.name !== undefined && change.name.trim() === '')
    problems.push({ field: 'name', message: 'the name is empty' });
  if (change.role !== undefined && !(roles as readonly string[]).includes(change.role))
    problems.push({ field: 'role', message: `one of ${roles.join(', ')}`, value: change.role });
  if (change.language !== undefined && !(languages as readonly string[]).includes(change.language))
    problems.push({
      field: 'language',
      message: `one of ${languages.join(', ')}`,
      value: change.language,
    });
  if (change.unit) {
    const { rows } = await database.query('select 1 from units where code = $1', [change.unit]);
    if (rows.length === 0)
      problems.push({ field: 'unit', message: 'no such unit', value: change.unit });
  }
  if (change.password !== undefined && change.password.length < minPasswordLength)
    problems.push({ field: 'password', message: `at least ${minPasswordLength} characters` });
  if (problems.length > 0)
    throw new ValidationFailed(
      `the change has ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
      problems,
    );
  const passwordHash =
    change.password === undefined ? undefined : await hashPassword(change.password);
  return database.transaction(async (sql) => {
    const { rows } = await sql.query<UserRow>('select * from users where id = $1 for update', [id]);
    const row = rows[0];
    if (!row) throw new NotFound(`there is no account ${id}`);
    const before = userOf(row);
    const role = change.role ?? row.role;
    const unit = change.unit === undefined ? row.unit : change.unit || null;
    if (unitRoles.includes(role) && !unit)
      throw new ValidationFailed(`a ${role} acts for a unit`, [
        { field: 'unit', message: `a ${role} acts for a unit: give its code` },
      ]);
    const updated = await sql.query<UserRow>(
      `update users set name = $2, role = $3, unit = $4, language = $5, active = $6,
              password_hash = coalesce($7, password_hash),
              failed_logins = case when $7::text is null then failed_logins else 0 end,
              locked_until = case when $7::text is null then locked_until end
        where id = $1 returning *`,
      [
        id,
        change.name?.trim() ?? row.name,
        role,
        unit,
        change.language ?? row.language,
        change.active === undefined ? row.active : change.active ? 1 : 0,
        passwordHash ?? null,
      ],
    );
    const after = userOf(updated.rows[0] as UserRow);
    if (change.active === false) await sql.query('delete from sessions where user_id = $1', [id]);
    await recordAudit(sql, actor, [
      {
        entity: 'user',
        key: after.email,
        unit: after.unit,
        action: change.password !== undefined ? 'update (password changed)' : 'update',
        before,
        after,
      },
    ]);
    return after;
  });
}

export async function listUsers(database: Database): Promise<User[]> {
  const { rows } = await database.query<UserRow>('select * from users order by email');
  return rows.map(userOf);
}

export async function findUser(database: Database, email: string): Promise<User | undefined> {
  const { rows } = await database.query<UserRow>('select * from users where email = $1', [
    email.trim().toLowerCase(),
  ]);
  return rows[0] && userOf(rows[0]);
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  language: string;
  password_hash: string | null;
  role: Role;
  unit: string | null;
  active: number;
  failed_logins: number;
  locked_until: Date | string | null;
  created_at: Date | string;
}

/** The public shape: never the password hash or the lockout counters. */
export function userOf(r: UserRow): User {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    language: r.language,
    role: r.role,
    unit: r.unit,
    active: r.active === 1,
    created_at: new Date(r.created_at).toISOString(),
  };
}

/** The actor a user acts as. */
export function actorOf(
  u: Pick<User, 'id' | 'email' | 'name' | 'role' | 'unit'>,
  via: Actor['via'],
  extra: Partial<Actor> = {},
): Actor {
  return { userId: u.id, email: u.email, name: u.name, role: u.role, unit: u.unit, via, ...extra };
}
