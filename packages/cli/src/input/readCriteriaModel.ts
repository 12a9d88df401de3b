import { type CriteriaModel, parseCriteriaModel } from '@dxmon/engine';
import { CliError } from '../cliError.js';
import { readText } from './readText.js';

export interface CriteriaModelInput {
  model: CriteriaModel;
  /** Where a criterion's field is written, for later messages: `model.yaml:14: criteria[2].indicator`. */
  where: (index: number, field: string) => string;
}

/** Reads and checks a criteria model (YAML or JSON); every problem names file, line and field. */
export function readCriteriaModel(path: string): CriteriaModelInput {
  const text = readText(path);
  if (text.trim() === '') {
    throw new CliError(
      `${path}: the file is empty; expected a model with id, version, name, criteria and pass`,
    );
  }
  const { model, criterionLines = [], problems } = parseCriteriaModel(text);
  if (!model || problems.length > 0) {
    throw new CliError(
      'the criteria model has problems; nothing was written',
      problems.map(
        (p) =>
          `${path}${p.line !== undefined ? `:${p.line}` : ''}${p.path ? `: ${p.path}` : ''}: ${p.message}`,
      ),
    );
  }
  return {
    model,
    where: (index, field) => {
      const line = criterionLines[index];
      return `${path}${line !== undefined ? `:${line}` : ''}: criteria[${index}].${field}`;
    },
  };
}
