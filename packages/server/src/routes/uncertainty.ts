import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodCode, problemSchema } from '../http/schemas.js';
import { getUncertainty } from '../services/uncertainty.js';

const rank = z.number().nullable();

export const uncertaintySchema = z.object({
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  level: z.string(),
  data_revision: z.number(),
  design: z.object({
    runs: z.number(),
    seed: z.number(),
    k: z.number(),
    weights_spread: z.number(),
    normalise: z.array(z.string()),
    aggregate: z.array(z.string()),
  }),
  items: z.array(
    z.object({
      unit: z.string(),
      nominal_rank: rank,
      mean_rank: rank,
      median_rank: rank,
      p05_rank: rank,
      p95_rank: rank,
      within_k_share: z.number().nullable(),
    }),
  ),
});

export const uncertaintyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/results/uncertainty',
    {
      config: { responseCache: true },
      schema: {
        tags: ['results'],
        summary:
          "How certain each unit's index rank is: rank intervals under uncertain weights and methods",
        description:
          'Monte Carlo uncertainty analysis by the engine with a fixed design: 500 runs, seed 1; every weight at every level drawn uniformly within ±25% of its value; normalisation min-max (to [1, 100]) or z-score (mean 100, sd 10); aggregation arithmetic or geometric mean, each alternative equally likely. Per unit: the nominal rank (the published one), the mean and median rank, the 5th and 95th percentile ranks (R type 7) over the runs, and the share of runs within ±3 places of the nominal rank. The nominal rank need not lie between the percentiles. Computed once per framework version, period, level and data revision. `dxmon uncertainty` runs other designs.',
        querystring: z.object({
          framework: z.string(),
          version: z.coerce.number().int().positive().optional(),
          period: periodCode,
          level: z.string().default('province'),
        }),
        response: { 200: uncertaintySchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      getUncertainty(app.database, {
        frameworkId: request.query.framework,
        frameworkVersion: request.query.version,
        period: request.query.period,
        level: request.query.level,
      }),
  );
};
