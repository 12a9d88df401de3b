import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { canReadPrivate, requireActor } from '../auth/permissions.js';
import { Forbidden } from '../http/problems.js';
import { periodCode, problemSchema } from '../http/schemas.js';
import { refuseInvalid } from '../http/validationProblem.js';
import { reportFormats } from '../services/reports/checkRequest.js';
import {
  getReportDocument,
  type ReportDocument,
  type ReportRequest,
  ReportUnavailable,
} from '../services/reports/documents.js';
import type { ReportFormat } from '../services/reports/model.js';
import { languages } from '../services/translations.js';

const formatList = reportFormats.join(', ');

const common = {
  lang: z.enum(languages).default('en').describe('The language of the report: en, vi or ar.'),
  draft: z
    .enum(['true', 'false'])
    .default('false')
    .describe(
      "true: a draft with the asking user's working values (drafts and submissions) in its data annex, DRAFT on every page; needs a signed-in user who may read the unit's unpublished data.",
    ),
  disposition: z
    .enum(['attachment', 'inline'])
    .optional()
    .describe(
      'How the browser takes it: shown in place (the default for HTML, which the web app frames) or downloaded (the default for PDF, XLSX and JSON).',
    ),
};

const fileParams = (what: string) =>
  z.object({
    file: z
      .string()
      .describe(
        `The ${what} and the format: \`{${what}}.pdf\`, \`.xlsx\`, \`.html\` or \`.json\` (the report's model). URL-encode a \`/\` in it as %2F.`,
      ),
  });

const responses = {
  200: z.any().describe('The document'),
  304: z.any().describe('Not modified: the ETag sent is the current one'),
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  503: problemSchema,
};

/**
 * Report documents: a unit's for a framework and period, a plan's review. Made by a job and
 * cached per request and content revision (the ETag is the cache key); bad input is a problem
 * naming the field and value, with close matches.
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/reports/unit/:file',
    {
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary: "A unit's report: PDF, XLSX, HTML or JSON, in en, vi or ar",
        description: `Headline (score, rank of N, change since the previous period, the rank's 5th-95th percentile interval), pillars, history through boundary lineage, the region's peers, what lifts the score most, every target of every plan covering the unit, for a unit with children the criteria models' roll-up over them and their ranking, a data annex (each value with its source, evidence and state) and the method, from the data revision it states. Formats: ${formatList}. The same request at the same content revision gives the same document (ETag). Public reports use approved values only; \`draft=true\` needs a signed-in user who may read the unit. 503 when the PDF cannot be printed (Chromium missing) or the job takes too long.`,
        params: fileParams('unit code'),
        querystring: z.object({
          framework: z.string().describe('The framework id, e.g. dti-province.'),
          version: z.coerce.number().int().positive().optional(),
          period: periodCode,
          ...common,
        }),
        response: responses,
      },
    },
    async (request, reply) => {
      refuseInvalid(request);
      const { name, format } = splitFile(request.params.file);
      const q = request.query;
      const draft = q.draft === 'true' ? await draftUser(request, name) : null;
      return send(request, reply, q.disposition, {
        kind: 'unit',
        unit: name,
        framework: q.framework,
        version: q.version,
        period: q.period,
        lang: q.lang,
        format,
        draft,
      });
    },
  );

  app.get(
    '/reports/plan/:file',
    {
      attachValidation: true,
      schema: {
        tags: ['reports'],
        summary: "A plan's review report: PDF, XLSX, HTML or JSON, in en, vi or ar",
        description: `The plan's targets counted by status and grade (as GET /api/plans counts them), each target with its baseline, latest value, target, projection, required and observed growth and its observations. Plan ids may hold \`/\`: send it as %2F (\`/api/reports/plan/48-NQ%2FTU.pdf\`). Formats: ${formatList}.`,
        params: fileParams('plan id'),
        querystring: z.object(common),
        response: responses,
      },
    },
    async (request, reply) => {
      refuseInvalid(request);
      const { name, format } = splitFile(request.params.file);
      const q = request.query;
      const draft = q.draft === 'true' ? await draftUser(request, await planUnit(name)) : null;
      return send(request, reply, q.disposition, {
        kind: 'plan',
        plan: name,
        lang: q.lang,
        format,
        draft,
      });
    },
  );

  /** The unit a plan is for (null: none, or no such plan: the request's check says so). */
  async function planUnit(plan: string): Promise<string | null> {
    const { rows } = await app.database.query<{ unit: string | null }>(
      'select unit from plans where id = $1',
      [plan],
    );
    return rows[0]?.unit ?? null;
  }

  /** A draft's user: signed in (401) and allowed to read the unit's unpublished data (403). */
  async function draftUser(request: FastifyRequest, unit: string | null): Promise<{ user: Actor }> {
    const actor = requireActor(request.actor);
    const allowed =
      unit === null
        ? actor.role === 'admin' || actor.role === 'analyst' || actor.unit === null
        : await canReadPrivate(app.database, actor, unit);
    if (!allowed)
      throw new Forbidden(
        `a draft report of ${unit ?? 'a plan for no unit'} needs the right to read its unpublished data; you may read ${actor.unit ?? 'none'}'s`,
        [{ field: 'draft', message: 'not allowed for this unit', value: 'true' }],
      );
    return { user: actor };
  }

  async function send(
    request: FastifyRequest,
    reply: FastifyReply,
    disposition: 'attachment' | 'inline' | undefined,
    report: ReportRequest,
  ) {
    let document: ReportDocument;
    try {
      document = await getReportDocument(app.database, app.jobs, report);
    } catch (error) {
      if (error instanceof ReportUnavailable && error.retryAfterSeconds)
        reply.header('retry-after', error.retryAfterSeconds);
      throw error;
    }
    const etag = `"${document.key}"`;
    reply
      .header('etag', etag)
      .header('cache-control', report.draft ? 'private, no-cache' : 'no-cache')
      .header('x-report-cached', String(document.cached));
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply
      .type(document.contentType)
      .header(
        'content-disposition',
        `${disposition ?? (report.format === 'html' ? 'inline' : 'attachment')}; filename="${document.filename}"`,
      )
      .send(Buffer.from(document.bytes));
  }
};

/** `VN-08.pdf` -> the unit (or plan) and the format; a name without one has the format "". */
function splitFile(file: string): { name: string; format: ReportFormat } {
  const dot = file.lastIndexOf('.');
  if (dot <= 0) return { name: file, format: '' as ReportFormat };
  return { name: file.slice(0, dot), format: file.slice(dot + 1).toLowerCase() as ReportFormat };
}
