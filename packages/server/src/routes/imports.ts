import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { subtreeOf } from '../auth/unitScope.js';
import type { Sql } from '../db/database.js';
import { UnsupportedMediaType } from '../http/problems.js';
import { problemSchema } from '../http/schemas.js';
import { importData } from '../imports/importData.js';
import { csvRows, xlsxRows } from '../imports/tableRows.js';
import { issueSchema } from './qualitySchemas.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The types the import reads as a stream; JSON and plain text would reach it already parsed. */
const fileTypes = ['text/csv', xlsxType, 'application/octet-stream'];

const reportSchema = z.object({
  id: z.number().nullable(),
  status: z.enum(['applied', 'checked', 'refused']),
  dry_run: z.boolean(),
  layout: z.enum(['long', 'wide']).nullable(),
  rows: z.number(),
  values: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  problems: z.array(
    z.object({ row: z.number(), field: z.string(), value: z.string(), message: z.string() }),
  ),
  problems_total: z.number(),
  warnings: z
    .array(z.intersection(issueSchema, z.object({ rows: z.array(z.number()) })))
    .optional(),
  warnings_total: z.number().optional(),
  outliers_checked: z.boolean().optional(),
});

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  // The body is streamed to the parser, not buffered: files of a million rows are fine.
  app.addContentTypeParser(fileTypes, (_request, payload, done) => done(null, payload));

  app.post(
    '/imports',
    {
      schema: {
        tags: ['data'],
        summary: 'Import data values from CSV or XLSX (long or wide format), all or nothing',
        description:
          'Body: the file, with Content-Type text/csv or the XLSX type. Long format: unit,indicator,period,value[,source,evidence]; wide format: unit,period and one column per indicator. Every row is checked first; with any problem nothing is written and the response (422) lists each bad row. Data-quality rules are checked on the values as they would be: a broken blocking rule is a problem of each row it reads; broken warning rules are listed in `warnings` with their rows.',
        querystring: z.object({
          dry_run: z.enum(['true', 'false']).default('false'),
          filename: z.string().max(300).optional(),
        }),
        response: {
          200: reportSchema,
          401: problemSchema,
          403: problemSchema.extend({ report: reportSchema.optional() }),
          415: problemSchema,
          422: problemSchema.extend({ report: reportSchema }),
        },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, ['admin', 'analyst', 'officer'], 'importing data');
      // Officers import for their own units, as drafts; national roles anywhere, approved.
      const officer = actor.role === 'officer';
      const type =
        (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!fileTypes.includes(type)) {
        const message = `send the file as text/csv or ${xlsxType}, not ${type}`;
        throw new UnsupportedMediaType(message, [
          { field: 'headers.content-type', message, value: type },
        ]);
      }
      const format = type === xlsxType ? 'xlsx' : 'csv';
      const body = request.body as Readable;
      const rows = format === 'xlsx' ? xlsxRows(body) : csvRows(body);
      const report = await importData(app.database, rows, {
        format,
        filename: request.query.filename,
        dryRun: request.query.dry_run === 'true',
        author: actor.email ?? actor.name,
        actor,
        status: officer ? 'draft' : 'approved',
        // Read again under the import's lock, so a unit moved out of the subtree meanwhile is refused.
        allowedUnits:
          officer && actor.unit ? (sql: Sql) => subtreeOf(sql, actor.unit as string) : undefined,
      });
      if (report.status === 'applied' && report.inserted + report.updated > 0) {
        await app.jobs.refreshResults();
      }
      if (report.status === 'refused') {
        // Rows for units the importer may not write make it a matter of rights, not of data.
        const status = report.outside_units ? 403 : 422;
        return reply
          .status(status)
          .type('application/problem+json')
          .send({
            type: 'about:blank',
            status,
            title: report.outside_units
              ? `${report.outside_units} row${report.outside_units === 1 ? ' is' : 's are'} for units outside yours; nothing was written`
              : 'The import has problems; nothing was written',
            detail: `${report.problems_total} problem${report.problems_total === 1 ? '' : 's'} in ${report.rows} rows`,
            fields: report.problems.map((p) => ({
              field: `row ${p.row}: ${p.field}`,
              message: p.message,
              value: p.value,
            })),
            report,
          });
      }
      return report;
    },
  );
};
