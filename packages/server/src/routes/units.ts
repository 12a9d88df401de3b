import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, page, paging, problemSchema } from '../http/schemas.js';
import { getUnit, listUnits } from '../services/units.js';

const unitSchema = z.object({
  code: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  names: z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() }),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
});

const lineageLink = z.object({ code: z.string(), event: z.string(), date: z.string() });

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      schema: {
        tags: ['units'],
        summary: 'Administrative units, optionally those that existed on a date',
        querystring: z.object({
          level: z.string().optional(),
          parent: z.string().optional(),
          at: isoDate.optional(),
          ...paging,
        }),
        response: { 200: page(unitSchema), 400: problemSchema },
      },
    },
    async (request) => {
      const result = await listUnits(app.database.db, request.query);
      return { ...result, limit: request.query.limit, offset: request.query.offset };
    },
  );

  app.get(
    '/units/:code',
    {
      schema: {
        tags: ['units'],
        summary: 'One unit with its lineage (predecessors and successors)',
        params: z.object({ code: z.string() }),
        response: {
          200: unitSchema.extend({
            predecessors: z.array(lineageLink),
            successors: z.array(lineageLink),
          }),
          404: problemSchema,
        },
      },
    },
    async (request) => getUnit(app.database.db, request.params.code),
  );
};
