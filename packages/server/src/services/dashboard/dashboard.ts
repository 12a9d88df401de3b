import { createHash } from 'node:crypto';
import type { Actor } from '../../auth/actor.js';
import { canReadPrivate } from '../../auth/permissions.js';
import { subtreeOf } from '../../auth/unitScope.js';
import type { Database } from '../../db/database.js';
import { perDatabaseCache } from '../perDatabaseCache.js';
import { type ComputedDashboard, computeDashboard, type DashboardQuery } from './build.js';
import type { Dashboard } from './model.js';
import { dashboardStamp } from './stamp.js';

/**
 * One computation per unit, framework, period, revision and day (overdue reports change at
 * midnight), shared by every viewer: concurrent requests after a change wait for the same one.
 */
const cache = perDatabaseCache<Promise<ComputedDashboard>>(64);

/** The roles that see data-quality runs (as GET /api/quality/run). */
const qualityRoles = new Set(['admin', 'analyst', 'approver', 'officer']);

export interface DashboardVersion {
  /** The strong validator of what this viewer would get now. */
  etag: string;
  stamp: string;
  today: string;
}

/**
 * The ETag of the dashboard a viewer would get now: the revision stamp, the query and whom it is
 * for (anonymous, or the role and unit that decide which tiles they see). One small read.
 */
export async function dashboardVersion(
  database: Database,
  q: DashboardQuery,
  actor: Actor | undefined,
  today = new Date().toISOString().slice(0, 10),
): Promise<DashboardVersion> {
  const stamp = await dashboardStamp(database);
  const viewer = actor ? `${actor.role}:${actor.unit ?? '*'}` : 'public';
  const hash = createHash('sha256')
    .update([stamp, today, q.unit, q.framework ?? '', q.period ?? '', viewer].join('\u0000'))
    .digest('base64url')
    .slice(0, 22);
  return { etag: `"d${hash}"`, stamp, today };
}

/**
 * The dashboard as `actor` may see it: the published index, targets and criteria for everyone;
 * the reporting round for signed-in users who may read the unit's private data (as GET
 * /api/reporting); data-quality counts and violations for the roles that run quality checks, on
 * the units within their own (as GET /api/quality/run). What a viewer may not see is left out.
 */
export async function dashboardFor(
  database: Database,
  q: DashboardQuery,
  actor: Actor | undefined,
  version: DashboardVersion,
): Promise<Dashboard> {
  const key = [version.stamp, version.today, q.unit, q.framework ?? '', q.period ?? ''].join('|');
  let computed = cache.get(database, key);
  if (!computed) {
    const computing = computeDashboard(database, q, version.today);
    cache.set(database, key, computing);
    // A failure is not kept: the next request tries again.
    computing.catch(() => {
      if (cache.get(database, key) === computing) cache.set(database, key, undefined as never);
    });
    computed = computing;
  }
  const { issues, ...full } = await computed;
  const reporting = actor !== undefined && (await canReadPrivate(database, actor, q.unit));
  const quality = reporting && qualityRoles.has((actor as Actor).role);
  const everywhere = actor?.role === 'admin' || actor?.role === 'analyst' || actor?.unit === null;
  const within =
    quality && !everywhere && actor?.unit ? await subtreeOf(database, actor.unit) : undefined;
  const mine = (unit: string) => within === undefined || within.has(unit);
  const tiles: Dashboard['tiles'] = {
    score: full.tiles.score,
    targets: full.tiles.targets,
    criteria: full.tiles.criteria,
  };
  if (reporting) tiles.reporting = full.tiles.reporting ?? null;
  if (quality && full.tiles.quality) {
    const seen = issues.filter((i) => mine(i.unit));
    tiles.quality = {
      dataset: full.tiles.quality.dataset,
      period: full.tiles.quality.period,
      blocking: seen.filter((i) => i.kind === 'rule' && i.severity === 'blocking').length,
      warnings: seen.filter((i) => i.kind === 'rule' && i.severity === 'warning').length,
      outliers: seen.filter((i) => i.kind === 'outlier').length,
    };
  } else if (quality) tiles.quality = null;
  const alerts = full.alerts.filter(
    (a) =>
      a.visibility === 'public' ||
      (a.visibility === 'reporting' && reporting) ||
      (a.visibility === 'quality' && quality && mine(a.unit.code)),
  );
  return { ...full, tiles, alerts };
}
