import { didYouMean, type Framework, frameworkTree } from '@dxmon/engine';
import type { Sql } from '../../db/database.js';
import { UnprocessableContent } from '../../http/problems.js';
import { frameworkElements } from '../datasets.js';

/** A data set of a reporting round: a framework or a criteria model (its latest version). */
export interface ReportingDataset {
  kind: 'framework' | 'criteria';
  id: string;
  name: string;
  /** The data elements it covers, as the submission workflow counts them. */
  elements: string[];
}

/**
 * The framework or criteria model `id`, or a 422 naming `field` with a close match and the data
 * sets there are.
 */
export async function reportingDataset(
  sql: Sql,
  id: string,
  field: string,
): Promise<ReportingDataset> {
  const { rows } = await sql.query<{
    kind: 'framework' | 'criteria';
    id: string;
    name: string;
    definition: unknown;
  }>(
    `select distinct on (kind, id) kind, id, name, definition from (
       select 'framework' as kind, id, name, definition, created_at
         from frameworks
       union all
       select 'criteria', id, name, definition, created_at from criteria_models) d
      order by kind, id, created_at desc`,
  );
  const found = rows.find((r) => r.id === id);
  if (!found) {
    const ids = rows.map((r) => r.id);
    const message = `no framework or criteria model "${id}"${didYouMean(id, ids)} (there are ${ids.join(', ') || 'none'})`;
    throw new UnprocessableContent(`${field}: ${message}`, [{ field, message, value: id }]);
  }
  const elements =
    found.kind === 'framework'
      ? frameworkElements(frameworkTree(found.definition as Framework))
      : [
          ...new Set(
            (found.definition as { criteria: { indicator: string }[] }).criteria.map(
              (c) => c.indicator,
            ),
          ),
        ];
  return { kind: found.kind, id: found.id, name: found.name, elements };
}

/**
 * The level of the units that report a data set: that of most of the first thousand values of its
 * elements found (provinces for the provincial index, communes for the commune model). A sample,
 * not every value: reading all of them cost 200 ms on PGlite for 3,321 communes.
 */
export async function reportingLevel(sql: Sql, elements: string[]): Promise<string | undefined> {
  const { rows } = await sql.query<{ level: string }>(
    `select u.level
       from (select unit from data_values where element = any($1::text[]) limit 1000) v
       join units u on u.code = v.unit
      group by u.level order by count(*) desc, u.level limit 1`,
    [elements],
  );
  return rows[0]?.level;
}
