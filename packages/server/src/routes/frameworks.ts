import { frameworkTree } from '@dxmon/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth/permissions.js';
import { periodCode, problemSchema } from '../http/schemas.js';
import { frameworkElements } from '../services/datasets.js';
import { getFramework, listFrameworks, type StoredFramework } from '../services/frameworks.js';
import { previewWeights, saveWeights } from '../services/frameworkWeights.js';

const nodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  parent: z.string().nullable(),
  weight: z.number(),
  direction: z.number(),
  unit: z.string().nullable(),
  formula: z.string().nullable(),
});

const frameworkSchema = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  lineage_method: z.string(),
  nodes: z.array(nodeSchema),
});

/** The API's shape of a stored framework: its nodes flattened, settings left to the definition. */
function toApi(f: StoredFramework): z.output<typeof frameworkSchema> {
  return {
    id: f.id,
    version: f.version,
    name: f.name,
    lineage_method: f.lineageMethod,
    nodes: f.definition.nodes.map((n) => ({
      code: n.code,
      name: n.name ?? n.code,
      parent: n.parent ?? null,
      weight: n.weight,
      direction: n.direction,
      unit: n.unit ?? null,
      formula:
        n.formula ??
        (n.numerator
          ? `${n.numerator}${n.denominator ? ` / ${n.denominator}` : ''}${n.factor ? ` * ${n.factor}` : ''}`
          : null),
    })),
  };
}

export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/frameworks',
    {
      config: { responseCache: true },
      schema: {
        tags: ['frameworks'],
        summary: 'Frameworks (their latest versions)',
        response: { 200: z.object({ items: z.array(frameworkSchema) }) },
      },
    },
    async () => ({ items: (await listFrameworks(app.database.db)).map(toApi) }),
  );

  app.get(
    '/frameworks/:id',
    {
      config: { responseCache: true },
      schema: {
        tags: ['frameworks'],
        summary: 'One framework: its tree of nodes with weights and directions',
        params: z.object({ id: z.string() }),
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
        response: {
          200: frameworkSchema.extend({
            /** Periods with approved values of the framework's elements, oldest first. */
            periods: z.array(z.string()),
            /** The data elements its indicators read: what a data entry form asks for. */
            elements: z.array(
              z.object({
                code: z.string(),
                name: z.string(),
                unit_of_measure: z.string().nullable(),
              }),
            ),
          }),
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const framework = await getFramework(
        app.database.db,
        request.params.id,
        request.query.version,
      );
      const elements = frameworkElements(frameworkTree(framework.definition));
      const { rows } = await app.database.query<{ period: string }>(
        `select distinct period from data_values
          where element = any($1::text[]) and approved_value is not null order by period`,
        [elements],
      );
      const described = await app.database.query<{
        code: string;
        name: string;
        unit_of_measure: string | null;
      }>('select code, name, unit_of_measure from data_elements where code = any($1::text[])', [
        elements,
      ]);
      const byCode = new Map(described.rows.map((r) => [r.code, r]));
      return {
        ...toApi(framework),
        periods: rows.map((r) => r.period),
        elements: elements.map(
          (code) => byCode.get(code) ?? { code, name: code, unit_of_measure: null },
        ),
      };
    },
  );

  const weights = z.record(z.string(), z.number());

  app.post(
    '/frameworks/:id/preview',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['frameworks'],
        summary: 'How the index ranks would change with other weights (nothing is saved)',
        description:
          'Admins and analysts. The engine computes the index for every unit of the level in the period twice, with the stored weights and with `weights` (node code -> weight; nodes not named keep theirs), on the same approved data.',
        params: z.object({ id: z.string() }),
        body: z.object({
          version: z.number().int().positive().optional(),
          period: periodCode,
          level: z.string().default('province'),
          weights,
        }),
        response: {
          200: z.object({
            framework: z.object({ id: z.string(), version: z.number() }),
            period: z.string(),
            level: z.string(),
            items: z.array(
              z.object({
                unit: z.string(),
                names: z.object({
                  en: z.string(),
                  vi: z.string().nullable(),
                  ar: z.string().nullable(),
                }),
                score: z.number().nullable(),
                rank: z.number().nullable(),
                preview_score: z.number().nullable(),
                preview_rank: z.number().nullable(),
              }),
            ),
          }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      requireRole(request.actor, ['admin', 'analyst'], 'previewing weights');
      const { version, period, level } = request.body;
      return previewWeights(
        app.database,
        { framework: request.params.id, version, period, level },
        request.body.weights,
      );
    },
  );

  app.post(
    '/frameworks/:id/weights',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags: ['frameworks'],
        summary: 'Save new weights as a new version of the framework',
        description:
          "Admins. `version` is the version the weights were edited on; if a later one exists, nothing is saved (409). The new version goes through the engine's checks and is audited; results are recomputed with it on the next request.",
        params: z.object({ id: z.string() }),
        body: z.object({ version: z.number().int().positive(), weights }),
        response: {
          201: frameworkSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = requireRole(request.actor, ['admin'], 'changing weights');
      const saved = await saveWeights(
        app.database,
        actor,
        request.params.id,
        request.body.version,
        request.body.weights,
      );
      return reply.code(201).send(toApi(saved));
    },
  );
};
