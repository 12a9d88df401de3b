import { formulaElements, frameworkTree } from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { NotFound } from '../http/problems.js';
import { getCriteriaModel } from './criteria.js';
import { getFramework } from './frameworks.js';

/** The data elements an indicator tree reads, through its formulas. */
export function frameworkElements(tree: ReturnType<typeof frameworkTree>): string[] {
  return [...new Set(tree.formulas.flatMap((f) => (f ? formulaElements(f) : [])))];
}

/**
 * The data elements a data set covers in the submission workflow. A data set is a framework (its
 * latest version) or a criteria model.
 */
export async function datasetElements(database: Database, dataset: string): Promise<string[]> {
  try {
    const framework = await getFramework(database.db, dataset);
    return frameworkElements(frameworkTree(framework.definition));
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
  }
  try {
    const model = await getCriteriaModel(database, dataset);
    return [...new Set(model.definition.criteria.map((c) => c.indicator))];
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
  }
  throw new NotFound(`there is no framework or criteria model "${dataset}"`);
}
