import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../auth/permissions.js';
import { subtreeOf } from '../auth/unitScope.js';
import { exportTable } from '../exports/exportTable.js';
import { isoDate, page, paging, problemSchema } from '../http/schemas.js';
import { listAudit } from '../services/audit.js';

const auditSchema = z.object({
  id: z.number(),
  at: z.string(),
  user_id: z.number().nullable(),
  actor: z.string().nullable(),
  via: z.string(),
  token_id: z.number().nullable(),
  address: z.string().nullable(),
  entity: z.string(),
  entity_key: z.string(),
  unit: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const query = z.object({
  entity: z.string().optional(),
  key: z.string().optional(),
  unit: z.string().optional(),
  user: z.coerce.number().int().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...paging,
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  /** Admins and analysts see every row; everyone else the rows of their own subtree. */
  const scope = async (actor: ReturnType<typeof requireActor>) =>
    actor.role === 'admin' || actor.role === 'analyst' || actor.unit === null
      ? undefined
      : [...(await subtreeOf(app.database, actor.unit))];

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail: who changed what, when, from where, before and after',
        description:
          'Read-only: no route changes or removes audit rows, and the database refuses it. `key` is the entity key, e.g. `VN-08|online_services_share|2024` for a data value.',
        querystring: query,
        response: { 200: page(auditSchema), 400: problemSchema, 401: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const result = await listAudit(app.database, { ...request.query, units: await scope(actor) });
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );

  app.get(
    '/exports/audit.:format',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit trail as CSV, XLSX or JSON (same filters)',
        params: z.object({ format: z.enum(['csv', 'xlsx', 'json']) }),
        querystring: query,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { items } = await listAudit(app.database, {
        ...request.query,
        limit: 1_000_000,
        offset: 0,
        units: await scope(actor),
      });
      const rows = items.map((r) => ({
        ...r,
        before: r.before === null ? '' : JSON.stringify(r.before),
        after: r.after === null ? '' : JSON.stringify(r.after),
      }));
      const columns = Object.keys(auditSchema.shape);
      const file = await exportTable(columns, rows, request.params.format, 'audit');
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="audit.${request.params.format}"`)
        .send(file.body);
    },
  );
};
