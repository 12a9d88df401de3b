import type { Sql } from '../db/database.js';
import { Forbidden, Unauthorized } from '../http/problems.js';
import type { Actor, Role } from './actor.js';
import { ancestorsOf, isWithin } from './unitScope.js';

/** The signed-in actor, or 401. */
export function requireActor(actor: Actor | undefined): Actor {
  if (!actor) throw new Unauthorized('sign in or send an API token to do this');
  return actor;
}

/** The actor has one of `allowed`, or 403 (401 when anonymous). */
export function requireRole(
  actor: Actor | undefined,
  allowed: readonly Role[],
  what: string,
): Actor {
  const a = requireActor(actor);
  if (!allowed.includes(a.role)) {
    throw new Forbidden(`${what} needs the role ${allowed.join(' or ')}; you are ${a.role}`);
  }
  return a;
}

/** Admins and analysts act on every unit; the others within their unit's subtree. */
export async function inScope(sql: Sql, actor: Actor, unit: string): Promise<boolean> {
  if (actor.role === 'admin' || actor.role === 'analyst' || actor.unit === null) return true;
  return (await ancestorsOf(sql, unit)).includes(actor.unit);
}

/** May enter or import data for `unit`: admin, analyst, or an officer of a unit above or equal. */
export async function canWriteData(sql: Sql, actor: Actor, unit: string): Promise<boolean> {
  const scope = dataWriteScope(actor);
  return scope === 'all' || (scope !== 'none' && (await isWithin(sql, unit, scope.within)));
}

/**
 * Where `actor` may enter or import data (the rule of `canWriteData`, for checking many units in
 * one query): every unit, none, or the units at or below one.
 */
export function dataWriteScope(actor: Actor): 'all' | 'none' | { within: string } {
  if (actor.role === 'admin' || actor.role === 'analyst') return 'all';
  if (actor.role !== 'officer') return 'none';
  return actor.unit === null ? 'all' : { within: actor.unit };
}

/** May read the non-public data (drafts, workflow, audit) of `unit`. */
export async function canReadPrivate(sql: Sql, actor: Actor, unit: string): Promise<boolean> {
  return inScope(sql, actor, unit);
}

/**
 * May approve or reopen `unit`'s submissions: an admin, or an approver of a unit strictly above
 * it (the level above reviews; nobody approves their own unit's data).
 */
export async function canApprove(sql: Sql, actor: Actor, unit: string): Promise<boolean> {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'approver' || actor.unit === null) return false;
  const above = (await ancestorsOf(sql, unit)).slice(1);
  return above.includes(actor.unit);
}
