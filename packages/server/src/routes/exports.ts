import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFormats, exportTable } from '../exports/exportTable.js';
import { isoDate, periodCode, problemSchema } from '../http/schemas.js';
import { listDataValues } from '../services/dataValues.js';
import { getResults } from '../services/results.js';
import { assessTargets } from '../services/targets.js';

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
        }),
        response: fileResponse,
      },
    },
    async (request, reply) => {
      const q = request.query;
      const results = await getResults(app.database, {
        frameworkId: q.framework,
        period: q.period,
        level: q.level,
        at: q.at,
      });
      const rows = results.items.flatMap((item) =>
        results.nodes.map((node) => ({
          unit: item.unit,
          code: node.code,
          period: results.period,
          score: item.nodes[node.code]?.score ?? null,
          rank: item.nodes[node.code]?.rank ?? null,
        })),
      );
      const file = await exportTable(
        ['unit', 'code', 'period', 'score', 'rank'],
        rows,
        request.params.format,
        'results',
      );
      return send(reply, file, `results-${q.framework}-${q.period}.${request.params.format}`);
    },
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
    async (request, reply) => {
      const { items } = await listDataValues(app.database.db, {
        ...request.query,
        limit: 2_000_000,
        offset: 0,
      });
      const columns = [
        'unit',
        'indicator',
        'period',
        'value',
        'source',
        'evidence',
        'status',
        'version',
        'updated_at',
      ];
      const file = await exportTable(
        columns,
        items as unknown as Record<string, unknown>[],
        request.params.format,
      );
      return send(reply, file, `data.${request.params.format}`);
    },
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
    async (request, reply) => {
      const q = request.query;
      const items = await assessTargets(app.database, {
        unit: q.unit,
        plan: q.plan,
        asOf: q.as_of,
      });
      const columns = [
        'id',
        'plan',
        'unit',
        'indicator',
        'name',
        'direction',
        'baseline_period',
        'baseline_value',
        'latest_period',
        'latest_value',
        'target_period',
        'target_value',
        'projected_value',
        'required_growth',
        'observed_growth',
        'progress',
        'status',
        'grade',
        'method',
      ];
      const file = await exportTable(
        columns,
        items as unknown as Record<string, unknown>[],
        request.params.format,
        'targets',
      );
      return send(reply, file, `targets.${request.params.format}`);
    },
  );
};

function send(
  reply: import('fastify').FastifyReply,
  file: { contentType: string; body: string | Buffer },
  name: string,
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${name}"`)
    .serializer((x: unknown) => x as string)
    .send(file.body);
}
