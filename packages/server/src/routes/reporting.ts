import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canReadPrivate, requireActor } from '../auth/permissions.js';
import type { Sql } from '../db/database.js';
import { Forbidden } from '../http/problems.js';
import { isoDate, periodCode, problemSchema, writeProblems } from '../http/schemas.js';
import { deleteCalendar, listCalendars, putCalendar } from '../services/reporting/calendars.js';
import { reportingStatus } from '../services/reporting/completeness.js';
import { historyRounds, reportingHistory } from '../services/reporting/history.js';
import { workflowStates } from '../services/workflow.js';

const names = z.object({ en: z.string(), vi: z.string().nullable(), ar: z.string().nullable() });

const calendarSchema = z.object({
  dataset: z.string(),
  dataset_kind: z.enum(['framework', 'criteria']),
  period: z.string(),
  opens_on: z.string(),
  due_on: z.string(),
  late_until: z.string(),
  created_by: z.string(),
  updated_at: z.string(),
});

const summarySchema = z.object({
  expected: z.number(),
  with_values: z.number(),
  submitted: z.number(),
  on_time: z.number(),
  late: z.number(),
  overdue: z.number(),
  approved: z.number(),
  value_completeness: z.number(),
});

const statusSchema = z.object({
  dataset: z.object({
    id: z.string(),
    kind: z.enum(['framework', 'criteria']),
    name: z.string(),
    elements: z.number(),
  }),
  period: z.string(),
  level: z.string(),
  parent: z.string(),
  calendar: calendarSchema.nullable(),
  summary: summarySchema,
  items: z.array(
    z.object({
      unit: z.string(),
      names,
      parent: z.string().nullable(),
      state: z.enum(workflowStates),
      submitted_at: z.string().nullable(),
      approved_at: z.string().nullable(),
      on_time: z.boolean().nullable(),
      overdue: z.boolean(),
      values: z.number(),
    }),
  ),
});

const readProblems = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  422: problemSchema,
};

const key = { dataset: z.string().min(1).max(200), period: periodCode };

/** Reporting rounds: calendars per data set and period, completeness and timeliness. */
export const reportingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reporting',
    {
      schema: {
        tags: ['reporting'],
        summary: "Completeness and timeliness of a data set's reporting for a period",
        description:
          "Signed-in users, for a `parent` in their units (default: the user's unit, or the country). The units expected are those of the data set's level (`level`, by default that of most units reporting its elements) that existed at the end of `period` under `parent` at any depth: a 2025 period expects the 34 provinces, 2024 the 63. Per unit: its workflow state, when the standing submission and the approval were made (from the audit trail), `on_time` (submitted on or before the calendar's `due_on`, by UTC day; null when not submitted or without a calendar), `overdue` (not submitted after the due date) and how many of the data set's elements have a value. `summary.value_completeness` is the share of expected unit x element values present (0 to 1). An unknown data set is a 422 naming `query.dataset` with a close match.",
        querystring: z.object({
          ...key,
          parent: z.string().min(1).max(100).optional(),
          level: z.string().min(1).max(100).optional(),
        }),
        response: { 200: statusSchema, ...readProblems },
      },
    },
    async (request, reply) => {
      const parent = await readableParent(app.database, request.actor, request.query.parent);
      reply.header('cache-control', 'private, no-store');
      return reportingStatus(app.database, { ...request.query, parent });
    },
  );

  app.get(
    '/reporting/history',
    {
      schema: {
        tags: ['reporting'],
        summary: "A data set's reporting rounds over time",
        description: `Signed-in users, for a \`parent\` in their units (default: the user's unit, or the country). Every period with a calendar, a workflow state or a value of the data set (the latest ${historyRounds}), oldest first, each with its calendar and the summary \`GET /api/reporting\` gives for it. Each period expects the units of the level that existed at its end (63 provinces in 2024, 34 in 2025).`,
        querystring: z.object({
          dataset: key.dataset,
          parent: z.string().min(1).max(100).optional(),
          level: z.string().min(1).max(100).optional(),
        }),
        response: {
          200: z.object({
            dataset: z.string(),
            level: z.string(),
            parent: z.string(),
            items: z.array(
              z.object({
                period: z.string(),
                calendar: calendarSchema.nullable(),
                summary: summarySchema,
              }),
            ),
          }),
          ...readProblems,
        },
      },
    },
    async (request, reply) => {
      const parent = await readableParent(app.database, request.actor, request.query.parent);
      reply.header('cache-control', 'private, no-store');
      return reportingHistory(app.database, { ...request.query, parent });
    },
  );

  app.get(
    '/reporting/calendars',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Reporting calendars, optionally of one data set and period (signed-in users)',
        querystring: z.object({
          dataset: key.dataset.optional(),
          period: key.period.optional(),
        }),
        response: { 200: z.object({ items: z.array(calendarSchema) }), ...readProblems },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return { items: await listCalendars(app.database, request.query) };
    },
  );

  app.put(
    '/reporting/calendars',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['reporting'],
        summary: 'Set the calendar of a data set and period (admins and analysts)',
        description:
          'Creates or replaces the calendar: the day entry opens, the due day (a submission on or before it is on time) and the last day for late entry. Audited. Refused with a problem naming the field: a date that is not YYYY-MM-DD (400); a data set that is neither a framework nor a criteria model (with a close match), a period in which no unit of its level existed, or dates out of order, opens_on <= due_on <= late_until (422). Other roles 403.',
        body: z.object({
          ...key,
          opens_on: isoDate,
          due_on: isoDate,
          late_until: isoDate,
        }),
        response: { 200: calendarSchema, ...writeProblems },
      },
    },
    async (request) => putCalendar(app.database, request.actor, request.body),
  );

  app.delete(
    '/reporting/calendars',
    {
      schema: {
        tags: ['reporting'],
        summary: 'Remove the calendar of a data set and period (admins and analysts)',
        querystring: z.object(key),
        response: { 204: z.null(), ...writeProblems },
      },
    },
    async (request, reply) => {
      await deleteCalendar(
        app.database,
        request.actor,
        request.query.dataset,
        request.query.period,
      );
      return reply.status(204).send(null);
    },
  );
};

/** The parent asked for (default the user's unit, or the country), if the user may read it. */
async function readableParent(
  sql: Sql,
  actor: Parameters<typeof requireActor>[0],
  asked: string | undefined,
): Promise<string> {
  const user = requireActor(actor);
  const parent = asked ?? user.unit ?? (await country(sql));
  if (!(await canReadPrivate(sql, user, parent)))
    throw new Forbidden(`${parent} is outside your units`, [
      { field: 'query.parent', message: 'outside your units', value: parent },
    ]);
  return parent;
}

/** The country: the unit without a parent (the demo's VN). */
async function country(sql: Sql): Promise<string> {
  const { rows } = await sql.query<{ code: string }>(
    "select code from units where parent is null order by (level = 'country') desc, code limit 1",
  );
  return rows[0]?.code ?? 'VN';
}
