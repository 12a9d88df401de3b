import { didYouMean, type Framework } from '@dxmon/engine';
import { CliError } from '../cliError.js';

/** The period a command works on: `--period` if the data has it, else the data's latest. */
export function chosenPeriod(
  period: string | undefined,
  periods: readonly string[],
  dataPath: string,
): string {
  const chosen = period ?? periods.at(-1);
  if (chosen === undefined || !periods.includes(chosen)) {
    throw new CliError(
      `--period "${period}": no data for this period in ${dataPath}${didYouMean(period ?? '', periods)}; its periods are ${periods.join(', ')}`,
    );
  }
  return chosen;
}

/** Group-mean imputation, asked for by a flag or by a node, needs the data's groups. */
export function requireGroups(
  framework: Framework,
  imputes: readonly string[],
  hasGroups: boolean,
): void {
  const wanted =
    imputes.includes('group-mean') || framework.nodes.some((n) => n.impute === 'group-mean');
  if (wanted && !hasGroups) {
    throw new CliError(
      'group-mean imputation needs groups: add --group-by COLUMN naming a column of the data (e.g. region)',
    );
  }
}
