import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { subtreeOf } from '../auth/unitScope.js';
import { page, paging, periodCode, problemSchema } from '../http/schemas.js';
import { listDataValues } from '../services/dataValues.js';

const dataValueSchema = z.object({
  unit: z.string(),
  indicator: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  source: z.string().nullable(),
  evidence: z.string().nullable(),
  status: z.string(),
  version: z.number(),
  updated_at: z.string(),
});

export const dataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/data',
    {
      config: { responseCache: true },
      schema: {
        tags: ['data'],
        summary: 'Data values with their provenance',
        description:
          'Anonymous readers see approved values; signed-in users also the drafts and submissions of their own units (admins and analysts: all).',
        querystring: z.object({
          unit: z.string().optional(),
          indicator: z.string().optional(),
          period: periodCode.optional(),
          ...paging,
        }),
        response: { 200: page(dataValueSchema), 400: problemSchema },
      },
    },
    async (request) => {
      const actor = request.actor;
      const privateUnits = !actor
        ? []
        : actor.role === 'admin' || actor.role === 'analyst' || actor.unit === null
          ? ('all' as const)
          : [...(await subtreeOf(app.database, actor.unit))];
      const result = await listDataValues(app.database, request.query, privateUnits);
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );
};
