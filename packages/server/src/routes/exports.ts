import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportCriteria,
  exportData,
  exportResults,
  exportTargets,
  type NamedExport,
} from '../exports/exports.js';
import { exportFormats } from '../exports/exportTable.js';
import { isoDate, periodCode, problemSchema } from '../http/schemas.js';

const format = z.enum(exportFormats);
const fileResponse = { 200: z.any(), 400: problemSchema, 404: problemSchema };

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/exports/results.:format',
    {
      schema: {
        tags: ['exports'],
        summary:
          'Results as a file: unit,code,period,score,rank for every node (CSV, XLSX or JSON)',
        params: z.object({ format }),
        querystring: z.object({
          framework: z.string(),
          period: periodCode,
          level: z.string().default('province'),
          at: isoDate.optional(),
          unit: z.string().optional(),
        }),
        response: fileResponse,
      },
    },
    async (request, reply) =>
      send(reply, await exportResults(app.database, request.query, request.params.format)),
  );

  app.get(
    '/exports/data.:format',
    {
      schema: {
        tags: ['exports'],
        summary: 'Data values with provenance as a file (CSV, XLSX or JSON)',
        params: z.object({ format }),
        querystring: z.object({
          unit: z.string().optional(),
          indicator: z.string().optional(),
          period: periodCode.optional(),
        }),
        response: fileResponse,
      },
    },
    async (request, reply) =>
      send(reply, await exportData(app.database, request.query, request.params.format)),
  );

  app.get(
    '/exports/targets.:format',
    {
      schema: {
        tags: ['exports'],
        summary: 'Targets with progress and status as a file (CSV, XLSX or JSON)',
        params: z.object({ format }),
        querystring: z.object({
          unit: z.string().optional(),
          plan: z.string().optional(),
          as_of: periodCode.optional(),
        }),
        response: fileResponse,
      },
    },
    async (request, reply) =>
      send(reply, await exportTargets(app.database, request.query, request.params.format)),
  );

  app.get(
    '/exports/criteria.:format',
    {
      schema: {
        tags: ['exports'],
        summary: 'Which units meet a criteria model in a period, as a file (CSV, XLSX or JSON)',
        params: z.object({ format }),
        querystring: z.object({
          model: z.string(),
          period: periodCode,
          parent: z.string().optional(),
          level: z.string().optional(),
        }),
        response: fileResponse,
      },
    },
    async (request, reply) =>
      send(reply, await exportCriteria(app.database, request.query, request.params.format)),
  );
};

function send(reply: FastifyReply, file: NamedExport) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.name}"`)
    .header('x-row-count', String(file.rows))
    .serializer((x: unknown) => x as string)
    .send(file.body);
}
