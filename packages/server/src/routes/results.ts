import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, periodCode, problemSchema } from '../http/schemas.js';
import { getResults } from '../services/results.js';

const scoreRank = z.object({ score: z.number().nullable(), rank: z.number().nullable() });

export const resultsSchema = z.object({
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  level: z.string(),
  at: z.string(),
  run_id: z.number(),
  data_revision: z.number(),
  derived: z.boolean(),
  nodes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parent: z.string().nullable(),
      depth: z.number(),
    }),
  ),
  items: z.array(
    z.object({
      unit: z.string(),
      names: z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() }),
      region: z.string().nullable(),
      score: z.number().nullable(),
      rank: z.number().nullable(),
      rank_change: z.number().nullable(),
      nodes: z.record(z.string(), scoreRank),
      predecessors: z.array(z.string()).optional(),
    }),
  ),
});

export const resultRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/results',
    {
      config: { responseCache: true },
      schema: {
        tags: ['results'],
        summary: 'Scores and ranks of every unit on every node of a framework, for a period',
        description:
          'Served from stored assessment runs, recomputed by the engine when the data changed. `at` chooses the units: by default those of the period; a later date (e.g. 2025-12-31 for 2024) shows the results on the units of that date, each merged unit scoring the mean of its predecessors.',
        querystring: z.object({
          framework: z.string(),
          version: z.coerce.number().int().positive().optional(),
          period: periodCode,
          level: z.string().default('province'),
          at: isoDate.optional(),
        }),
        response: { 200: resultsSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      getResults(app.database, {
        frameworkId: request.query.framework,
        frameworkVersion: request.query.version,
        period: request.query.period,
        level: request.query.level,
        at: request.query.at,
      }),
  );
};
