import { elementAggregations } from '@dxmon/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, page, paging, periodCode, problemSchema } from '../http/schemas.js';
import { unitProfile } from '../services/profile.js';
import { unitSeries } from '../services/series.js';
import { getUnit, listUnits } from '../services/units.js';
import { seriesForecastSchema, targetJson, targetSchema } from './plans.js';

export const unitSchema = z.object({
  code: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  names: z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() }),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  attributes: z.record(z.string(), z.string()),
});

export const lineageLink = z.object({ code: z.string(), event: z.string(), date: z.string() });

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units',
    {
      config: { responseCache: true },
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
      config: { responseCache: true },
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

const nullableNumber = z.number().nullable();

const profileSchema = z.object({
  unit: unitSchema.extend({
    predecessors: z.array(lineageLink),
    successors: z.array(lineageLink),
  }),
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  derived: z.boolean(),
  score: nullableNumber,
  rank: nullableNumber,
  rank_change: nullableNumber,
  units: z.number(),
  region: z.string().nullable(),
  nodes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parent: z.string().nullable(),
      depth: z.number(),
      kind: z.enum(['index', 'pillar', 'indicator']),
      weight: z.number(),
      direction: z.number(),
      unit_of_measure: z.string().nullable(),
      score: nullableNumber,
      rank: nullableNumber,
      value: nullableNumber,
      region_mean: nullableNumber,
      national_mean: nullableNumber,
    }),
  ),
  history: z.array(
    z.object({
      period: z.string(),
      score: nullableNumber,
      rank: nullableNumber,
      units: z.number(),
      derived: z.boolean(),
    }),
  ),
  /** Next period's index: the score's forecast and the odds of each rank change (seeded draws). */
  forecast: z.object({
    period: z.string().nullable(),
    score: seriesForecastSchema,
    rank: nullableNumber,
    units: z.number(),
    bands: z
      .object({
        'up-3+': z.number(),
        'up-1-2': z.number(),
        same: z.number(),
        'down-1-2': z.number(),
        'down-3+': z.number(),
      })
      .nullable(),
    rank_interval: z.object({ p05: z.number(), p95: z.number() }).nullable(),
    method_sd: nullableNumber,
    draws: z.number(),
    seed: z.number(),
  }),
  targets: z.array(targetSchema),
});

const seriesSchema = z.object({
  unit: z.string(),
  element: z.string(),
  aggregation: z.enum(elementAggregations),
  weight_element: z.string().nullable(),
  items: z.array(
    z.object({
      period: z.string(),
      value: nullableNumber,
      derived: z.boolean(),
      from: z.array(z.string()).optional(),
    }),
  ),
});

export const unitProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units/:code/profile',
    {
      config: { responseCache: true },
      schema: {
        tags: ['results'],
        summary: "A unit's profile: score, rank, every node against the means, history, targets",
        description:
          "Every node with score and rank, the regional and national mean of its score, and for indicators the raw value; the score and rank in every period with data (before the unit existed, derived from its predecessors); its targets assessed with their forecasts; and `forecast`: next period's score with 80% and 95% intervals and the odds of each rank change (1,000 draws, seed 1), each unit's draws carrying its trend's uncertainty and its method uncertainty from the uncertainty analysis (`method_sd`, in score points).",
        params: z.object({ code: z.string() }),
        querystring: z.object({
          framework: z.string(),
          version: z.coerce.number().int().positive().optional(),
          period: periodCode,
        }),
        response: { 200: profileSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const profile = await unitProfile(app.database, {
        unit: request.params.code,
        framework: request.query.framework,
        version: request.query.version,
        period: request.query.period,
      });
      return {
        ...profile,
        targets: profile.targets.map(targetJson),
      };
    },
  );

  app.get(
    '/units/:code/series',
    {
      config: { responseCache: true },
      schema: {
        tags: ['data'],
        summary: "A unit's series of one data element, continued back through its lineage",
        description:
          "Periods without a value of the unit's own take its predecessors' values combined by the element's aggregation rule (sum, mean, weighted_mean by a weight element, min, max); such points are marked derived, with the units they come from.",
        params: z.object({ code: z.string() }),
        querystring: z.object({ element: z.string() }),
        response: { 200: seriesSchema, 404: problemSchema },
      },
    },
    async (request) => unitSeries(app.database, request.params.code, request.query.element),
  );
};
