import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/schemas.js';
import { enterValues } from '../services/dataEntry.js';
import { issueSchema } from './qualitySchemas.js';

const storedSchema = z.object({
  unit: z.string(),
  indicator: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  source: z.string().nullable(),
  evidence: z.string().nullable(),
  status: z.string(),
  version: z.number(),
});

export const dataEntryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/data-values',
    {
      // 5,000 values with sources and evidence links fit well within 4 MB.
      bodyLimit: 4 * 1024 * 1024,
      schema: {
        tags: ['data'],
        summary: 'Enter values from a form, all or none',
        description:
          "Officers enter the values of their units (drafts until approved); admins and analysts any unit. A cell that has a value is changed only with the `version` read (a new cell: 0 or none): a missing version, or one someone else has changed since, is a 409 naming `body.values[i].version` with the current version, and nothing is written. Values of a submitted or approved data set are locked (409) until it is reopened. Every change is in the audit trail. Data-quality rules that read the values entered are checked on the unit's values after the change: a broken blocking rule is a 422 naming each value it reads (`body.values[i].value`) and nothing is written; broken warning rules and outliers (against the period's peers of the same level, and a jump from the unit's previous value) are listed in `warnings` with the fields they concern.",
        body: z.object({
          values: z
            .array(
              z.object({
                unit: z.string().min(1).max(100),
                indicator: z.string().min(1).max(200),
                period: z.string().min(1).max(20),
                value: z.number().finite().nullable(),
                source: z.string().max(500).nullable().optional(),
                evidence: z.string().max(2000).nullable().optional(),
                // Required to change a cell that has a value (checked against the database).
                version: z.number().int().min(0).optional(),
              }),
            )
            .min(1)
            .max(5000),
        }),
        response: {
          200: z.object({
            items: z.array(storedSchema),
            warnings: z.array(
              z.intersection(issueSchema, z.object({ fields: z.array(z.string()) })),
            ),
          }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => enterValues(app.database, request.actor, request.body.values),
  );
};
