import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Sql } from '../db/database.js';
import { ApiProblem } from '../http/problems.js';
import { periodCode, problemSchema } from '../http/schemas.js';
import { dashboardFor, dashboardVersion } from '../services/dashboard/dashboard.js';
import { dashboardSchema } from './dashboardSchema.js';

/** The leaders' dashboard: one screen per unit and for the country, kept live by ETag polling. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        summary: "A unit's (or the country's) dashboard: tiles, alerts and, for the country, a map",
        description:
          "Tiles: `score` (the unit's index score, rank of N and change since the previous period, through boundary lineage; for the country the mean score of its provinces, its change, the best and the worst), `targets` (the targets of the plans of the unit, of the units it was formed from and of units below it, counted by status as GET /api/plans counts them), `criteria` (each criteria model's roll-up over the units below it in its latest period with data, as GET /api/criteria), `reporting` (the current round: the latest calendar with units expected under the unit, as GET /api/reporting summarises it; signed-in users who may read the unit) and `quality` (blocking and warning rule violations and outliers of that round's data set and period under the unit, as GET /api/quality/run; admins, analysts, approvers and officers, on their own units). Tiles a viewer may not see are left out. `alerts`: targets off track or regressing, reports overdue or late, submissions waiting for approval, blocking rule violations; each with `kind` (the message key), `severity`, `unit` (names in en, vi, ar), `params`, `link` and `since` (when it arose). `map` (the country): each province's score and rank. The ETag changes with the content revision, workflow states, calendars, rules and the viewer's role and unit; send it back in If-None-Match for a 304 (a client polling every half second, as the web app does, sees a change made through any server process on its next poll).",
        querystring: z.object({
          unit: z.string().min(1).max(100).optional(),
          framework: z.string().min(1).max(200).optional(),
          period: periodCode.optional(),
        }),
        response: {
          200: dashboardSchema,
          304: z.any().describe('Not modified: the ETag sent is the current one'),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const unit = request.query.unit ?? (await country(app.database));
      const q = { ...request.query, unit };
      const version = await dashboardVersion(app.database, q, request.actor);
      reply
        .header('etag', version.etag)
        .header('cache-control', request.actor ? 'private, no-cache' : 'no-cache')
        // What a reader sees depends on who they are.
        .header('vary', 'authorization, cookie');
      if (request.headers['if-none-match'] === version.etag) return reply.code(304).send();
      await requireUnit(app.database, unit);
      return dashboardFor(app.database, q, request.actor, version);
    },
  );
};

/** The country: the unit without a parent (the demo's VN). */
async function country(sql: Sql): Promise<string> {
  const { rows } = await sql.query<{ code: string }>(
    "select code from units where parent is null order by (level = 'country') desc, code limit 1",
  );
  return rows[0]?.code ?? 'VN';
}

async function requireUnit(sql: Sql, unit: string): Promise<void> {
  const { rows } = await sql.query('select 1 from units where code = $1', [unit]);
  if (rows.length > 0) return;
  const message = `there is no unit "${unit}"`;
  throw new ApiProblem(404, 'Not found', message, [{ field: 'query.unit', message, value: unit }]);
}
