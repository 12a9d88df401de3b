import { frameworkTree } from '@dxmon/engine';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../http/schemas.js';
import { frameworkElements } from '../services/datasets.js';
import { getFramework, listFrameworks, type StoredFramework } from '../services/frameworks.js';

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
};
