import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodCode, problemSchema } from '../http/schemas.js';
import { explainUnitResults } from '../services/explain.js';

const num = z.number().nullable();
const names = z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() });

const gapSchema = z
  .object({
    unit: z.string(),
    names,
    rank: num,
    score: num,
    gap: num,
    nodes: z.array(
      z.object({ code: z.string(), name: z.string(), score: num, other: num, gap: num }),
    ),
  })
  .nullable();

export const explanationSchema = z.object({
  unit: z.object({ code: z.string(), names }),
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  level: z.string(),
  units: z.number(),
  score: num,
  rank: num,
  method: z.enum(['arithmetic', 'proportional']),
  nodes: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      parent: z.string().nullable(),
      depth: z.number(),
      kind: z.enum(['index', 'aggregate', 'indicator']),
      weight: z.number(),
      direction: z.number(),
      unit_of_measure: z.string().nullable(),
      value: num,
      score: num,
      rank: num,
      share: z.number(),
      effective_weight: z.number(),
      contribution: num,
    }),
  ),
  gaps: z.object({ above: gapSchema, leader: gapSchema }),
  what_if: z.object({
    share: z.number(),
    evaluated: z.number(),
    skipped: z.array(z.string()),
    items: z.array(
      z.object({
        indicator: z.string(),
        name: z.string(),
        direction: z.number(),
        value: num,
        best: num,
        best_unit: z.string(),
        best_unit_names: names,
        target: num,
        indicator_score: num,
        new_indicator_score: num,
        score: num,
        new_score: num,
        score_gain: num,
        rank: num,
        new_rank: num,
        rank_gain: num,
      }),
    ),
  }),
  change: z
    .object({
      previous: z.string(),
      score: num,
      previous_score: num,
      score_change: num,
      rank: num,
      previous_rank: num,
      rank_change: num,
      nodes: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          contribution: num,
          previous_contribution: num,
          change: z.number(),
          value: num,
          previous_value: num,
        }),
      ),
      derived: z
        .boolean()
        .describe(
          "True when the unit did not exist in the previous period: its figures then are its predecessors', combined as its history combines them",
        ),
      predecessors: z.array(z.string()).describe('The units whose figures were combined'),
    })
    .nullable(),
});

export const explainRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/units/:code/explain',
    {
      config: { responseCache: true },
      schema: {
        tags: ['results'],
        summary: 'Why a unit scores and ranks as it does, and what would lift it most',
        description:
          "Each pillar's and indicator's contribution to the unit's index score (they add up to it; `method` says whether they are separable arithmetic terms or proportional shares), the gaps to the unit just above and to the leader, the indicators on which closing `share` of the gap to the best performer lifts the rank most (the full pipeline recomputed each time), and the change since the period before attributed to indicators, measured against the unit's figures in that period as its profile's history has them (for a unit formed by a merge, its predecessors' scores combined by the framework's lineage method and their data by the elements' aggregation rules). Computed by the engine from the approved data of the units of `level` at the period's end.",
        params: z.object({ code: z.string() }),
        querystring: z.object({
          framework: z.string(),
          version: z.coerce.number().int().positive().optional(),
          period: periodCode,
          level: z.string().default('province'),
          share: z.coerce.number().min(0).max(1).default(0.5),
          top: z.coerce.number().int().min(0).max(1000).default(5),
        }),
        response: { 200: explanationSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      explainUnitResults(app.database, {
        unit: request.params.code,
        framework: request.query.framework,
        version: request.query.version,
        period: request.query.period,
        level: request.query.level,
        share: request.query.share,
        top: request.query.top,
      }),
  );
};
