import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isoDate, periodCode, problemSchema } from '../http/schemas.js';
import { getResults } from '../services/results.js';
import { maxResultsLimit, viewResults } from '../services/resultsView.js';

const scoreRank = z.object({ score: z.number().nullable(), rank: z.number().nullable() });

export const resultsSchema = z.object({
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  level: z.string(),
  at: z.string(),
  run_id: z.number(),
  data_revision: z.number(),
  derived: z.boolean(),
  /** Units matching `parent` before `limit` and `offset`. */
  total: z.number(),
  offset: z.number(),
  limit: z.number().nullable(),
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
          'Served from stored assessment runs, recomputed by the engine when the data changed. `at` chooses the units: by default those of the period; a later date (e.g. 2025-12-31 for 2024) shows the results on the units of that date, each merged unit scoring the mean of its predecessors. `parent` keeps the units under one unit (at any depth, in the hierarchy on `at`), `nodes` the nodes listed (comma-separated codes; empty: the index score only), `limit` and `offset` a page of the ranking; `total` counts the units before the page. Ranks stay those among every unit of the level. An unknown parent or node, a limit over ' +
          `${maxResultsLimit} or a negative offset is a 400 naming the field.`,
        querystring: z.object({
          framework: z.string(),
          version: z.coerce.number().int().positive().optional(),
          period: periodCode,
          level: z.string().default('province'),
          at: isoDate.optional(),
          parent: z.string().min(1).optional(),
          nodes: z.string().optional(),
          limit: z.coerce.number().int().min(1).max(maxResultsLimit).optional(),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: resultsSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const results = await getResults(app.database, {
        frameworkId: q.framework,
        frameworkVersion: q.version,
        period: q.period,
        level: q.level,
        at: q.at,
      });
      return viewResults(app.database, results, {
        parent: q.parent,
        nodes: q.nodes === undefined ? undefined : nodeList(q.nodes),
        limit: q.limit,
        offset: q.offset,
      });
    },
  );
};

/** `a, b,,c` -> ['a', 'b', 'c']; an empty list asks for no node beside the index score. */
function nodeList(text: string): string[] {
  return [...new Set(text.split(',').map((c) => c.trim()))].filter((c) => c !== '');
}
