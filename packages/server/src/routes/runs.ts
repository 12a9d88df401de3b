import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { isoDate, periodCode, problemSchema } from '../http/schemas.js';
import { getRun, queueRun } from '../services/runs.js';

const runSchema = z.object({
  id: z.number(),
  framework: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.string(),
  level: z.string(),
  at: z.string(),
  status: z.string(),
  progress: z.number(),
  data_revision: z.number(),
  units: z.number(),
  error: z.string().nullable().optional(),
});

export const runRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/runs',
    {
      schema: {
        tags: ['results'],
        summary: 'Start an assessment run (queued; poll GET /api/runs/:id)',
        description:
          'Refused (422, naming `body.level` and the levels there are) when no unit of `level` existed on `at` (default: the end of the period).',
        body: z.object({
          framework: z.string(),
          version: z.number().int().positive().optional(),
          period: periodCode,
          level: z.string().default('province'),
          at: isoDate.optional(),
          settings: z
            .object({
              impute: z.string().optional(),
              outliers: z.unknown().optional(),
              normalise: z.unknown().optional(),
              aggregate: z.unknown().optional(),
            })
            .optional(),
        }),
        response: {
          202: runSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      requireRole(request.actor, ['admin', 'analyst'], 'starting an assessment run');
      const run = await queueRun(app.database, app.jobs, {
        frameworkId: request.body.framework,
        frameworkVersion: request.body.version,
        period: request.body.period,
        level: request.body.level,
        at: request.body.at,
        settings: request.body.settings as never,
      });
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/runs/:id',
    {
      schema: {
        tags: ['results'],
        summary: 'An assessment run: its status and progress',
        params: z.object({ id: z.coerce.number().int().positive() }),
        response: { 200: runSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => getRun(app.database, request.params.id),
  );
};
