import {
  compute,
  didYouMean,
  forecastIndex,
  frameworkTree,
  type IndexHistory,
  periodYear,
  unitGroups,
} from '@dxmon/engine';
import { Command, Option } from 'commander';
import { CliError } from '../cliError.js';
import {
  type ForecastFormat,
  forecastFormats,
  formatIndexForecast,
} from '../output/formatIndexForecast.js';
import { writeOutput } from '../output/outputTarget.js';
import { type RunFlags, runSettings } from '../runOptions.js';
import { loadInputs } from './loadInputs.js';
import { requireGroups } from './runChecks.js';

interface ForecastFlags extends RunFlags {
  framework: string;
  data: string;
  unit?: string;
  period?: string;
  draws: string;
  seed: string;
  groupBy?: string;
  format: string;
  out?: string;
}

/** `dxmon forecast`: next period's index score and rank change, with their uncertainty. */
export function forecastCommand(): Command {
  return new Command('forecast')
    .description(
      "Forecast each unit's index score for the next period from its history, with 80% and 95% intervals, and the probability of moving up or down the ranking.",
    )
    .requiredOption('--framework <file>', 'framework definition (YAML or JSON)')
    .requiredOption('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .option('--unit <code>', 'the unit to report (default: every unit)')
    .option(
      '--period <period>',
      'the period to forecast (default: the year after the latest in the data)',
    )
    .option('--draws <n>', 'joint draws for the rank-change probabilities', '2000')
    .option('--seed <n>', 'seed of the draws (the same seed gives the same answer)', '1')
    .addOption(
      new Option('--format <format>', 'text (a short report), json or csv')
        .choices(forecastFormats)
        .default('text'),
    )
    .option('--out <file>', 'output file, or - for standard output (default -)')
    .option('--normalise <method>', 'as for compute (default minmax:0:100)')
    .option('--aggregate <method>', 'as for compute (default arithmetic)')
    .option('--impute <method>', 'as for compute (default none)')
    .option(
      '--group-by <column>',
      "data column giving each unit's group, for group-mean imputation",
    )
    .option('--outliers <method>', 'as for compute (default none)')
    .addHelpText(
      'after',
      `
The index is computed for every period of the data, then each unit's score series is forecast by
four trend models (compound growth, a straight line, the line on logarithms, a damped trend),
weighted by how well each forecast the unit's own later years from its earlier ones (a rolling-
origin backtest). The rank changes come from joint draws of every unit's score. A unit needs at
least three periods of scores. Method: docs/methodology.md, "Forecasts".

Examples:
  $ dxmon forecast --framework data/demo/framework.yaml --data data/demo/data.csv --unit VN-08
  $ dxmon forecast --framework fw.yaml --data data.csv --format csv --out forecast.csv

Exit code 1 on bad input (an unknown unit is named, with close matches); nothing is written then.`,
    )
    .action((flags: ForecastFlags) => runForecast(flags));
}

async function runForecast(flags: ForecastFlags): Promise<void> {
  const settings = runSettings(flags);
  const draws = wholeNumber('--draws', flags.draws, 100, 1_000_000);
  const seed = wholeNumber('--seed', flags.seed, 0, 0xffffffff);
  const inputs = await loadInputs(flags.framework, flags.data, flags.groupBy);
  for (const w of inputs.warnings) console.error(`warning: ${w}`);
  const data = inputs.data;
  if (inputs.errors.length > 0 || !data)
    throw new CliError('the input has problems; nothing was written', inputs.errors);
  const { panel } = data;
  if (flags.unit !== undefined && !panel.units.includes(flags.unit))
    throw new CliError(
      `--unit "${flags.unit}": no such unit in ${flags.data}${didYouMean(flags.unit, panel.units)}`,
    );
  requireGroups(
    inputs.framework,
    settings.impute ? [settings.impute] : [],
    data.groupLabels !== undefined,
  );
  const latest = panel.periods.reduce((a, p) => Math.max(a, periodYear(p)), -Infinity);
  const period = flags.period ?? String(Math.floor(latest) + 1);
  const time = periodYear(period);
  if (!(time > latest))
    throw new CliError(
      `--period "${period}": give a period after the latest in ${flags.data} (${panel.periods.at(-1)})`,
    );

  const result = compute({
    tree: frameworkTree(inputs.framework),
    panel,
    settings,
    ...(data.groupLabels ? { groups: unitGroups(data.groupLabels) } : {}),
  });
  for (const w of result.warnings) console.error(`warning: ${w}`);
  // The index is the first node; its scores for every period, unit by unit.
  const nu = result.units.length;
  const nn = result.codes.length;
  const histories: IndexHistory[] = result.units.map((unit, u) => ({
    unit,
    scores: result.periods.flatMap((p, pi) => {
      const value = result.scores[pi * nn * nu + u] as number;
      return Number.isFinite(value) ? [{ t: periodYear(p), value }] : [];
    }),
  }));
  const forecasts = forecastIndex(histories, time, { draws, seed });
  const shown =
    flags.unit === undefined ? forecasts : forecasts.filter((f) => f.unit === flags.unit);
  writeOutput(
    flags.out,
    formatIndexForecast(
      {
        period,
        latest: panel.periods.at(-1) as string,
        draws,
        seed,
        units: shown,
        of: forecasts.filter((f) => f.rank !== null).length,
      },
      flags.format as ForecastFormat,
    ),
  );
}

function wholeNumber(flag: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= min && n <= max))
    throw new CliError(`${flag} "${value}": give a whole number from ${min} to ${max}`);
  return n;
}
