import pg from 'pg';
import { jobsSchema } from '../services/jobs.js';
import type { Sql } from './database.js';

/**
 * Tables whose rows are only ever added: the application role may read and insert, never change
 * or remove. The audit trail's trigger (migration 0003) refuses updates and deletes for everyone;
 * the privileges mean the application cannot switch that trigger off either, since only a table's
 * owner may disable or drop its triggers.
 */
export const appendOnlyTables = ['audit_log', 'data_value_history'] as const;

/**
 * Gives `role` exactly what the server needs at run time, as the schema's owner: USAGE on the
 * schemas; SELECT, INSERT, UPDATE and DELETE on the application's tables but only SELECT and
 * INSERT on the append-only ones; the sequences; the job queue's tables; SELECT on drizzle's
 * migrations table (the server checks that nothing is pending). No ownership, no TRUNCATE, no
 * REFERENCES or TRIGGER, no CREATE. What this role granted before is revoked first, so running
 * it again leaves exactly this set. Run it inside one transaction.
 */
export async function grantApplicationRole(sql: Sql, role: string): Promise<void> {
  await refuseUnsafeRole(sql, role);
  const r = pg.escapeIdentifier(role);
  const q = pg.escapeIdentifier(jobsSchema);
  const appendOnly = appendOnlyTables.join(', ');
  const statements = [
    `revoke all on all tables in schema public from ${r}`,
    `revoke all on all sequences in schema public from ${r}`,
    `grant usage on schema public to ${r}`,
    `grant select, insert, update, delete on all tables in schema public to ${r}`,
    `revoke update, delete on ${appendOnly} from ${r}`,
    `grant usage, select on all sequences in schema public to ${r}`,

    `revoke all on all tables in schema drizzle from ${r}`,
    `grant usage on schema drizzle to ${r}`,
    `grant select on drizzle.__drizzle_migrations to ${r}`,

    // pg-boss at run time: it sends, fetches, completes, archives and purges jobs (DML only);
    // creating a queue adds a partition, which is DDL and so the owner's (dxmon migrate).
    `revoke all on all tables in schema ${q} from ${r}`,
    `grant usage on schema ${q} to ${r}`,
    `grant select, insert, update, delete on all tables in schema ${q} to ${r}`,
    `grant usage, select on all sequences in schema ${q} to ${r}`,
  ];
  for (const statement of statements) await sql.query(statement);

  // CONNECT and TEMPORARY (imports stage rows in a temporary table) belong to PUBLIC by default;
  // granted by name too where the owner owns the database, so revoking them from PUBLIC is safe.
  const { rows } = await sql.query<{ name: string; owns: boolean }>(
    `select datname as name, pg_has_role(current_user, datdba, 'USAGE') as owns
       from pg_database where datname = current_database()`,
  );
  const database = rows[0];
  if (database?.owns) {
    await sql.query(
      `grant connect, temporary on database ${pg.escapeIdentifier(database.name)} to ${r}`,
    );
  }
}

/**
 * The application role must be a role of its own: a superuser, the owner, or a member of the
 * owner could disable the audit trail's trigger, which is what the split is for.
 */
async function refuseUnsafeRole(sql: Sql, role: string): Promise<void> {
  const { rows } = await sql.query<{ superuser: boolean; owner: boolean; me: string }>(
    `select rolsuper as superuser, pg_has_role(rolname, current_user, 'MEMBER') as owner,
            current_user as me
       from pg_roles where rolname = $1`,
    [role],
  );
  const found = rows[0];
  if (!found) {
    throw new Error(
      `the application role ${role} does not exist: create it first (create role ${pg.escapeIdentifier(role)} login)`,
    );
  }
  if (found.superuser) {
    throw new Error(
      `the application role ${role} is a superuser: it could disable the audit trail's trigger; use a role without SUPERUSER`,
    );
  }
  if (found.owner) {
    throw new Error(
      `the application role ${role} is the owner ${found.me} or a member of it: it could disable the audit trail's trigger; use a role of its own`,
    );
  }
}
