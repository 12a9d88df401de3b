import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { periodCode, problemSchema } from '../http/schemas.js';
import {
  batchFormats,
  getReportBatch,
  listReportBatches,
  reportBatchZip,
  startReportBatch,
} from '../services/reports/batch.js';
import { languages } from '../services/translations.js';

const batchSchema = z.object({
  id: z.number(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  level: z.string(),
  framework: z.string(),
  version: z.number(),
  period: z.string(),
  lang: z.enum(languages),
  format: z.enum(batchFormats),
  done: z.number(),
  total: z.number(),
  error: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
  finished_at: z.string().nullable(),
  size: z.number().nullable(),
});

const batchId = z.object({ id: z.coerce.number().int().positive() });
const readProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const allowed = ['admin', 'analyst'] as const;

/** Batches of unit reports (a ZIP of every province's report for a period): admins and analysts. */
export const reportBatchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/reports/batch',
    {
      schema: {
        tags: ['reports'],
        summary:
          "Start a batch of unit reports: every unit of a level's report for a period, zipped",
        description:
          'Admins and analysts. Queues a job that makes the report of every unit of `level` existing at the end of `period` (34 provinces for 2025, 63 for 2022), as `GET /api/reports/unit/{code}.{format}` would (public: approved values only; each lands in the report cache), and zips them. Poll `GET /api/reports/batch/{id}` for `done` of `total`; download `GET /api/reports/batch/{id}.zip` once `status` is `done`. The same batch still queued or running is answered instead of starting another. Refused with a problem naming the field: an unknown framework or version, level or period (422, with a close match and the ones there are), a language other than en, vi or ar, or a format other than pdf or xlsx (400).',
        body: z.object({
          level: z.string().min(1).default('province'),
          framework: z.string().min(1),
          version: z.number().int().positive().optional(),
          period: periodCode,
          lang: z.enum(languages).default('en'),
          format: z.enum(batchFormats).default('pdf'),
        }),
        response: { 202: batchSchema, ...readProblems, 422: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, allowed, 'making a batch of reports');
      const batch = await startReportBatch(app.database, app.jobs, actor, request.body);
      return reply.status(202).send(batch);
    },
  );

  app.get(
    '/reports/batch',
    {
      schema: {
        tags: ['reports'],
        summary: 'The most recent batches of unit reports, newest first (admins and analysts)',
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ items: z.array(batchSchema) }), ...readProblems },
      },
    },
    async (request) => {
      requireRole(request.actor, allowed, 'reading batches of reports');
      return { items: await listReportBatches(app.database, request.query.limit) };
    },
  );

  app.get(
    '/reports/batch/:id.zip',
    {
      schema: {
        tags: ['reports'],
        summary: "A finished batch's reports as one ZIP archive (admins and analysts)",
        description:
          'One file per unit, named as its single download. 409 while the batch is queued or running, or when it failed.',
        params: batchId,
        response: { 200: z.any(), ...readProblems, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      requireRole(request.actor, allowed, 'downloading a batch of reports');
      const { bytes, filename } = await reportBatchZip(app.database, request.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  app.get(
    '/reports/batch/:id',
    {
      schema: {
        tags: ['reports'],
        summary: 'A batch of unit reports: its status and progress (admins and analysts)',
        params: batchId,
        response: { 200: batchSchema, ...readProblems, 404: problemSchema },
      },
    },
    async (request) => {
      requireRole(request.actor, allowed, 'reading batches of reports');
      return getReportBatch(app.database, request.params.id);
    },
  );
};
