import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { periodCode, problemSchema, writeProblems } from '../http/schemas.js';
import { deleteRule, listRules, putRule } from '../services/quality/rules.js';
import { qualityRunFor } from '../services/quality/run.js';
import { issueSchema, messagesSchema, qualityCountsSchema } from './qualitySchemas.js';

const ruleSchema = z.object({
  id: z.string(),
  dataset: z.string(),
  expression: z.string(),
  severity: z.enum(['warning', 'blocking']),
  message: messagesSchema,
  created_by: z.string(),
  updated_at: z.string(),
});

const ruleId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/, {
  error: 'letters, digits, "_", "." and "-", starting with a letter or digit (at most 100)',
});

/** Data quality: validation rules between elements, and a run listing violations and outliers. */
export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/quality/rules',
    {
      schema: {
        tags: ['quality'],
        summary: 'The validation rules, optionally of one data set',
        description:
          'Rules `left OP right` between data elements (OP one of <= < >= > == !=, each side in the formula language), each a `warning` or `blocking`. Public: rules are methodology, not data.',
        querystring: z.object({ dataset: z.string().min(1).max(200).optional() }),
        response: { 200: z.object({ items: z.array(ruleSchema) }), 400: problemSchema },
      },
    },
    async (request) => ({ items: await listRules(app.database, request.query.dataset) }),
  );

  app.put(
    '/quality/rules/:id',
    {
      schema: {
        tags: ['quality'],
        summary: 'Set a validation rule (admins and analysts)',
        description:
          'Creates or replaces the rule `id`. A syntax error or an unknown element in `expression` is a 400 naming `body.expression`, the character position (from 1) and the element (`value`), with close matches; an unknown data set a 400 naming `body.dataset`. `==` allows for float rounding (1e-9 relative). Blocking rules refuse the values that break them at entry (422) and at import; warnings are reported. Audited.',
        params: z.object({ id: ruleId }),
        body: z.object({
          dataset: z.string().min(1).max(200),
          expression: z.string().min(1).max(1000),
          severity: z.enum(['warning', 'blocking']),
          message: z
            .object({
              en: z.string().max(500).nullable().optional(),
              vi: z.string().max(500).nullable().optional(),
              ar: z.string().max(500).nullable().optional(),
            })
            .optional(),
        }),
        response: { 200: ruleSchema, ...writeProblems },
      },
    },
    async (request) => putRule(app.database, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/quality/rules/:id',
    {
      schema: {
        tags: ['quality'],
        summary: 'Remove a validation rule (admins and analysts)',
        params: z.object({ id: ruleId }),
        response: { 204: z.null(), ...writeProblems },
      },
    },
    async (request, reply) => {
      await deleteRule(app.database, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/quality/run',
    {
      schema: {
        tags: ['quality'],
        summary: 'Every rule violation and outlier of a data set for a period',
        description:
          "Checks the data set's rules for every unit with values of its elements (a side with no value skips the rule), each element's outliers among the units of the same level (modified z-score 0.6745 (x - median) / MAD, flagged when |M| > 3.5, with at least 5 peers) and each value's jump from the unit's value of the period before (2025 for 2026, 2026Q2 for 2026Q3; flagged when it is more than 3 times or less than a third of it). Drafts included; nothing is changed. Admins and analysts see every unit; approvers and officers the units at or below theirs; `unit` keeps one unit's issues (its peers are still every unit of the level). Runs are cached until a value, a unit or a rule changes.",
        querystring: z.object({
          dataset: z.string().min(1).max(200),
          period: periodCode,
          unit: z.string().min(1).max(100).optional(),
        }),
        response: {
          200: z.object({
            dataset: z.string(),
            period: z.string(),
            rules: z.number(),
            values: z.number(),
            units: z.number(),
            summary: qualityCountsSchema,
            items: z.array(issueSchema),
          }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) =>
      qualityRunFor(
        app.database,
        request.actor,
        request.query.dataset,
        request.query.period,
        request.query.unit,
      ),
  );
};
