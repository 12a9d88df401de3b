import { type Framework, formulaElements, frameworkTree } from '@dxmon/engine';
import type { Sql } from '../db/database.js';
import { NotFound } from '../http/problems.js';

/** The data elements an indicator tree reads, through its formulas. */
export function frameworkElements(tree: ReturnType<typeof frameworkTree>): string[] {
  return [...new Set(tree.formulas.flatMap((f) => (f ? formulaElements(f) : [])))];
}

/**
 * The data elements a data set covers in the submission workflow. A data set is a framework (its
 * latest version) or a criteria model (its latest). Reads through `sql` so that it works inside a
 * writer's transaction (PGlite has a single connection).
 */
export async function datasetElements(sql: Sql, dataset: string): Promise<string[]> {
  const framework = await sql.query<{ definition: Framework }>(
    'select definition from frameworks where id = $1 order by version desc limit 1',
    [dataset],
  );
  const definition = framework.rows[0]?.definition;
  if (definition) return frameworkElements(frameworkTree(definition));
  const model = await sql.query<{ definition: { criteria: { indicator: string }[] } }>(
    'select definition from criteria_models where id = $1 order by created_at desc limit 1',
    [dataset],
  );
  const criteria = model.rows[0]?.definition.criteria;
  if (criteria) return [...new Set(criteria.map((c) => c.indicator))];
  throw new NotFound(`there is no framework or criteria model "${dataset}"`);
}
