import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canReadPrivate, requireActor } from '../auth/permissions.js';
import { Forbidden } from '../http/problems.js';
import { page, paging, periodCode, problemSchema } from '../http/schemas.js';
import { approvalQueue } from '../services/approvalQueue.js';
import { datasetElements } from '../services/datasets.js';
import { transition, workflowStatus } from '../services/workflow.js';
import { qualityCountsSchema } from './qualitySchemas.js';

const statusSchema = z.object({
  unit: z.string(),
  dataset: z.string(),
  period: z.string(),
  state: z.string(),
  reason: z.string().nullable(),
  version: z.number(),
  updated_by: z.number().nullable(),
  updated_at: z.string().nullable(),
});

const queueItemSchema = z.object({
  unit: z.string(),
  unit_names: z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() }),
  dataset: z.string(),
  dataset_kind: z.enum(['framework', 'criteria']),
  dataset_name: z.string(),
  dataset_names: z.object({
    en: z.string(),
    vi: z.string().nullable(),
    ar: z.string().nullable(),
  }),
  period: z.string(),
  submitted_at: z.string(),
  submitted_by: z.object({ id: z.number(), name: z.string(), email: z.string() }).nullable(),
  version: z.number(),
  values: z.number(),
  quality: qualityCountsSchema,
});

const problems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  422: problemSchema,
};

const key = {
  unit: z.string().min(1).max(100),
  dataset: z.string().min(1).max(200),
  period: periodCode,
};

export const workflowRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/workflow',
    {
      schema: {
        tags: ['workflow'],
        summary:
          'The submission state of a unit, data set (framework or criteria model) and period',
        description: 'A data set that is neither a framework nor a criteria model is a 404.',
        querystring: z.object(key),
        response: { 200: statusSchema, ...problems },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      if (!(await canReadPrivate(app.database, actor, request.query.unit)))
        throw new Forbidden(`${request.query.unit} is outside your units`);
      const q = request.query;
      // An unknown data set is a 404, not a draft that could never be submitted.
      await datasetElements(app.database, q.dataset);
      return workflowStatus(app.database, q.unit, q.dataset, q.period);
    },
  );

  app.get(
    '/workflow/queue',
    {
      schema: {
        tags: ['workflow'],
        summary: 'The submissions waiting for your approval, oldest first',
        description:
          "The submitted data sets that the signed-in user may approve now: for an approver, those of the units strictly below their unit; for an admin, every unit. A unit's submission is listed once every unit below it that takes part in the data set for the period is approved (children first, as the approval requires). Officers, analysts and viewers approve nothing: their queue is empty (200). `values` counts the data set's elements with a value for the unit and period; `quality` its data-quality issues (blocking and warning rules broken, outliers) as `GET /api/quality/run` finds them, for the approver to look at before approving; send `version` back with the approval. 401 when signed out.",
        querystring: z.object(paging),
        response: { 200: page(queueItemSchema), 400: problemSchema, 401: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { limit, offset } = request.query;
      reply.header('cache-control', 'private, no-store');
      return { ...(await approvalQueue(app.database, actor, { limit, offset })), limit, offset };
    },
  );

  for (const action of ['submit', 'approve', 'reopen'] as const) {
    app.post(
      `/workflow/${action}`,
      {
        bodyLimit: 16 * 1024,
        schema: {
          tags: ['workflow'],
          summary: {
            submit: 'Submit a data set for approval (officers of the unit)',
            approve: 'Approve a submitted data set; it is then locked (approvers of a unit above)',
            reopen:
              'Reopen a submitted or approved data set, with a reason (approvers of a unit above)',
          }[action],
          ...(action === 'submit'
            ? {
                description:
                  'Refused with a 422, nothing written, for a period in which the unit did not exist (naming `period` and when the unit existed) and for a data set with no values entered (none of its elements has a value in the period for the unit or a unit below it): "no values entered for <dataset> <unit> <period>".',
              }
            : {}),
          body: z.object({
            ...key,
            reason: z.string().max(2000).optional(),
            version: z.number().int().min(0).optional(),
          }),
          response: { 200: statusSchema, ...problems },
        },
      },
      async (request) => {
        const status = await transition(app.database, request.actor, { ...request.body, action });
        // The approvers' notices were made with the submission; their e-mails go out now.
        if (action === 'submit') await app.jobs.notify();
        return status;
      },
    );
  }
};
