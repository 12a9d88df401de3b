import { growthMethods } from '@dxmon/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodCode, problemSchema } from '../http/schemas.js';
import { type AssessedTarget, assessTargets, listPlans } from '../services/targets.js';

const n = z.number().nullable();

const summarySchema = z.object({
  plan: z.string(),
  total: z.number(),
  achieved: z.number(),
  on_track: z.number(),
  off_track: z.number(),
  regressing: z.number(),
  insufficient_data: z.number(),
  share_achieved: z.number(),
});

export const targetSchema = z.object({
  id: z.string(),
  plan: z.string(),
  unit: z.string(),
  indicator: z.string(),
  name: z.string().nullable(),
  direction: z.number(),
  baseline_period: z.string().nullable(),
  baseline_value: n,
  latest_period: z.string().nullable(),
  latest_value: n,
  target_period: z.string(),
  target_value: z.number(),
  projected_value: n,
  required_growth: n,
  observed_growth: n,
  progress: n,
  status: z.enum(['achieved', 'on-track', 'off-track', 'regressing', 'insufficient-data']),
  grade: z.enum(['acceleration-needed', 'limited']).nullable(),
  method: z.enum(['cagr', 'linear']),
});

/** JSON has no NaN or infinity: numbers the engine could not compute are null. */
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** A target assessment as the API gives it: numbers the engine could not compute are null. */
export function targetJson(t: AssessedTarget) {
  return {
    ...t,
    baseline_value: finite(t.baseline_value),
    latest_value: finite(t.latest_value),
    projected_value: finite(t.projected_value),
    required_growth: finite(t.required_growth),
    observed_growth: finite(t.observed_growth),
    progress: finite(t.progress),
  };
}

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const query = z.object({
    unit: z.string().optional(),
    plan: z.string().optional(),
    as_of: periodCode.optional(),
    method: z.enum(growthMethods as ['cagr', 'linear']).optional(),
  });

  app.get(
    '/plans',
    {
      config: { responseCache: true },
      schema: {
        tags: ['targets'],
        summary: 'Plans and resolutions, each with its targets counted by status',
        querystring: query.omit({ plan: true }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                unit: z.string().nullable(),
                adopted_on: z.string().nullable(),
                summary: summarySchema,
              }),
            ),
          }),
          400: problemSchema,
        },
      },
    },
    async (request) => ({
      items: await listPlans(app.database, {
        unit: request.query.unit,
        asOf: request.query.as_of,
        method: request.query.method,
      }),
    }),
  );

  app.get(
    '/targets',
    {
      config: { responseCache: true },
      schema: {
        tags: ['targets'],
        summary: 'Targets with their progress, projection and status (Open SDG method)',
        querystring: query,
        response: { 200: z.object({ items: z.array(targetSchema) }), 400: problemSchema },
      },
    },
    async (request) => {
      const items = await assessTargets(app.database, {
        unit: request.query.unit,
        plan: request.query.plan,
        asOf: request.query.as_of,
        method: request.query.method,
      });
      return {
        items: items.map(targetJson),
      };
    },
  );
};
