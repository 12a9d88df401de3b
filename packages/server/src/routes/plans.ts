import { growthMethods } from '@dxmon/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { isoDate, periodCode, problemSchema, writeProblems } from '../http/schemas.js';
import { refuseInvalid } from '../http/validationProblem.js';
import {
  createPlan,
  createTarget,
  deleteTarget,
  updatePlan,
  updateTarget,
} from '../services/planAdmin.js';
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

export const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  adopted_on: z.string().nullable(),
  summary: summarySchema,
});

const intervalSchema = z.object({ level: z.number(), lower: z.number(), upper: z.number() });
const modelName = z.enum(['compound', 'linear', 'log-linear', 'damped']);

/** The engine's forecast of a series at one time (`forecastSeries`): numbers or null, never NaN. */
export const seriesForecastSchema = z.object({
  time: z.number(),
  model: modelName.nullable(),
  weighted_by: z.enum(['backtest', 'equal']).nullable(),
  weights: z.array(z.object({ model: modelName, weight: z.number() })),
  backtest: z.array(z.object({ model: modelName, mae: z.number(), forecasts: z.number() })),
  skipped: z.array(z.object({ model: modelName, reason: z.string() })),
  projection: n,
  intervals: z.array(intervalSchema),
  probability: n,
  reason: z.string().nullable(),
});

const fanPointSchema = z.object({
  time: z.number(),
  projection: z.number(),
  intervals: z.array(intervalSchema),
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
  /** `upper` or `lower` when the indicator's natural bound held the projection, else null. */
  projection_bounded: z.enum(['lower', 'upper']).nullable(),
  /** The trend's own value at the target period, before the bounds. */
  projected_value_unbounded: n,
  /** The data element's unit of measure, which gives those bounds (`%`: 0 to 100). */
  unit_of_measure: z.string().nullable(),
  required_growth: n,
  observed_growth: n,
  progress: n,
  status: z.enum(['achieved', 'on-track', 'off-track', 'regressing', 'insufficient-data']),
  grade: z.enum(['acceleration-needed', 'limited']).nullable(),
  method: z.enum(['cagr', 'linear']),
  /** The engine's forecast at the target period (`forecastTarget`), on the same observations. */
  forecast: seriesForecastSchema.optional(),
  /** The projection and its intervals year by year from the latest observation to the target period. */
  fan: z.array(fanPointSchema).optional(),
});

/** A target as stored: what `DELETE /api/targets/:id` answers with. */
const storedTargetSchema = z.object({
  id: z.string(),
  plan: z.string(),
  unit: z.string(),
  indicator: z.string(),
  name: z.string().nullable(),
  direction: z.number(),
  baseline_period: z.string().nullable(),
  baseline_value: n,
  target_period: z.string(),
  target_value: z.number(),
});

/** Plan and target requests are small: anything larger is refused before it is parsed. */
const smallBody = 16 * 1024;

/** JSON has no NaN or infinity: numbers the engine could not compute are null. */
const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** A target assessment as the API gives it: numbers the engine could not compute are null. */
export function targetJson(t: AssessedTarget) {
  return {
    ...t,
    baseline_value: finite(t.baseline_value),
    latest_value: finite(t.latest_value),
    projected_value: finite(t.projected_value),
    projected_value_unbounded: finite(t.projected_value_unbounded),
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
          200: z.object({ items: z.array(planSchema) }),
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
        description:
          "Each target also has `forecast`, the engine's forecast at the target period (probability of meeting it, projection, 80% and 95% intervals, models' weights and backtest; `reason` instead when the series is too short or the period is past), and `fan`, the projection and intervals year by year to the target period.",
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
        forecast: true,
      });
      return {
        items: items.map(targetJson),
      };
    },
  );

  // Writing plans and targets: admins and analysts. Each write is one transaction with its audit
  // row and raises the content revision, so the cached reads above change at once.
  const writers = ['admin', 'analyst'] as const;
  const what = 'changing plans and targets';
  const id = z.object({ id: z.string().min(1).max(100) });
  const planFields = {
    name: z.string().max(1000),
    unit: z.string().max(100).nullable().optional(),
    adopted_on: isoDate.nullable().optional(),
  };
  const targetFields = {
    plan: z.string().max(100),
    unit: z.string().max(100),
    indicator: z.string().max(200),
    name: z.string().max(1000).nullable().optional(),
    direction: z.union([z.literal(1), z.literal(-1)], { error: 'direction must be 1 or -1' }),
    baseline_period: z.string().max(20).nullable().optional(),
    baseline_value: z.number().nullable().optional(),
    target_period: z.string().max(20),
    target_value: z.number(),
  };

  app.post(
    '/plans',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['targets'],
        summary: 'Create a plan or resolution (admins and analysts)',
        description:
          '`unit` (the unit the plan is for) must exist; `adopted_on` is a date `YYYY-MM-DD`. An id already used is a 409. Answers the plan as `GET /api/plans` lists it.',
        body: z.object({ id: z.string().max(100), ...planFields }),
        response: { 201: planSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return reply.code(201).send(await createPlan(app.database, request.body, actor));
    },
  );

  app.patch(
    '/plans/:id',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['targets'],
        summary: "Change a plan's name, unit or adoption date (admins and analysts)",
        description:
          'Fields left out are kept; `null` clears `unit` or `adopted_on`. Answers the plan as `GET /api/plans` lists it.',
        params: id,
        body: z.object({ ...planFields, name: planFields.name.optional() }),
        response: { 200: planSchema, ...writeProblems },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return updatePlan(app.database, request.params.id, request.body, actor);
    },
  );

  app.post(
    '/targets',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['targets'],
        summary: 'Create a target of a plan (admins and analysts)',
        description:
          "Checked like a targets file (the engine's target schema): periods, numbers, direction (1: higher is better, the default; -1: lower), a `baseline_value` needs its `baseline_period`, and the target period comes after the baseline. `plan` and `unit` must exist, and `indicator` must be a data element: targets are assessed on its stored series. The id is the client's (as in targets files); one already used is a 409. Answers the target assessed, as `GET /api/targets` lists it.",
        body: z.object({
          id: z.string().max(100),
          ...targetFields,
          direction: targetFields.direction.optional(),
        }),
        response: { 201: targetSchema, ...writeProblems },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return reply
        .code(201)
        .send(targetJson(await createTarget(app.database, request.body, actor)));
    },
  );

  app.patch(
    '/targets/:id',
    {
      attachValidation: true,
      bodyLimit: smallBody,
      schema: {
        tags: ['targets'],
        summary: 'Change a target (admins and analysts)',
        description:
          'Fields left out are kept; `null` clears `name` or the baseline. The target that results is checked as a whole, like a new one. Answers the target assessed, as `GET /api/targets` lists it.',
        params: id,
        body: z.object(targetFields).partial().extend({
          name: targetFields.name,
          baseline_period: targetFields.baseline_period,
          baseline_value: targetFields.baseline_value,
        }),
        response: { 200: targetSchema, ...writeProblems },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, writers, what);
      refuseInvalid(request);
      return targetJson(await updateTarget(app.database, request.params.id, request.body, actor));
    },
  );

  app.delete(
    '/targets/:id',
    {
      schema: {
        tags: ['targets'],
        summary: 'Delete a target (admins and analysts); the audit trail keeps it',
        params: id,
        response: { 200: storedTargetSchema, ...writeProblems },
      },
    },
    async (request) => {
      const actor = requireRole(request.actor, writers, what);
      return deleteTarget(app.database, request.params.id, actor);
    },
  );
};
