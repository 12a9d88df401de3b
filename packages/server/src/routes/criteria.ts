import { criterionOps } from '@dxmon/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodCode, problemSchema } from '../http/schemas.js';
import { criteriaResults, getCriteriaModel, listCriteriaModels } from '../services/criteria.js';

const modelSchema = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  definition: z.object({
    id: z.string(),
    version: z.string(),
    name: z.string().optional(),
    criteria: z.array(
      z.object({
        code: z.string(),
        indicator: z.string(),
        name: z.string().optional(),
        op: z.enum(criterionOps),
        value: z.number(),
        mandatory: z.boolean(),
      }),
    ),
    pass: z.object({ mandatory: z.literal('all'), optional_min: z.number() }),
  }),
});

const share = z.object({ units: z.number(), met: z.number(), share: z.number() });

const resultsSchema = z.object({
  model: z.object({ id: z.string(), version: z.string(), name: z.string() }),
  period: z.string(),
  level: z.string(),
  parent: z.string().nullable(),
  summary: share,
  by_parent: z.array(
    share.extend({
      parent: z.string().nullable(),
      name: z.string().nullable(),
      names: z
        .object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() })
        .nullable(),
    }),
  ),
  criteria: z.array(
    z.object({
      code: z.string(),
      mandatory: z.boolean(),
      met: z.number(),
      failed: z.number(),
      missing: z.number(),
    }),
  ),
  items: z.array(
    z.object({
      unit: z.string(),
      names: z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() }),
      parent: z.string().nullable(),
      met: z.boolean(),
      failed: z.array(z.string()),
      missing: z.array(z.string()),
      mandatory_met: z.number(),
      optional_met: z.number(),
    }),
  ),
});

export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/criteria',
    {
      config: { responseCache: true },
      schema: {
        tags: ['criteria'],
        summary: 'Criteria models (checklists such as the commune-level DX model)',
        response: { 200: z.object({ items: z.array(modelSchema) }) },
      },
    },
    async () => ({ items: await listCriteriaModels(app.database) }),
  );

  app.get(
    '/criteria/:model',
    {
      config: { responseCache: true },
      schema: {
        tags: ['criteria'],
        summary: 'One criteria model, its latest version or the one asked for',
        description: '`periods` lists the periods with approved values of its indicators.',
        params: z.object({ model: z.string() }),
        querystring: z.object({ version: z.string().optional() }),
        response: { 200: modelSchema.extend({ periods: z.array(z.string()) }), 404: problemSchema },
      },
    },
    async (request) => {
      const model = await getCriteriaModel(
        app.database,
        request.params.model,
        request.query.version,
      );
      const indicators = [...new Set(model.definition.criteria.map((c) => c.indicator))];
      const { rows } = await app.database.query<{ period: string }>(
        `select distinct period from data_values
          where element = any($1::text[]) and approved_value is not null order by period`,
        [indicators],
      );
      return { ...model, periods: rows.map((r) => r.period) };
    },
  );

  app.get(
    '/criteria/:model/results',
    {
      config: { responseCache: true },
      schema: {
        tags: ['criteria'],
        summary: 'Which units meet a criteria model in a period, in all and per parent unit',
        description:
          "A unit meets the model when every mandatory criterion holds and at least `pass.optional_min` optional ones do; a criterion without a value is listed as missing. `parent` limits the units to those under it (at any depth); `level` defaults to the level of the units that report the model's indicators.",
        params: z.object({ model: z.string() }),
        querystring: z.object({
          period: periodCode,
          parent: z.string().optional(),
          level: z.string().optional(),
          version: z.string().optional(),
        }),
        response: { 200: resultsSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) =>
      criteriaResults(app.database, {
        model: request.params.model,
        version: request.query.version,
        period: request.query.period,
        parent: request.query.parent,
        level: request.query.level,
      }),
  );
};
