import {
  defaultWhatIfShare,
  defaultWhatIfTop,
  didYouMean,
  explainUnit,
  frameworkTree,
  unitGroups,
} from '@dxmon/engine';
import { Command, Option } from 'commander';
import { CliError } from '../cliError.js';
import {
  type ExplanationFormat,
  explanationFormats,
  formatExplanation,
} from '../output/formatExplanation.js';
import { writeOutput } from '../output/outputTarget.js';
import { type RunFlags, runSettings } from '../runOptions.js';
import { loadInputs } from './loadInputs.js';
import { chosenPeriod, requireGroups } from './runChecks.js';

interface ExplainFlags extends RunFlags {
  framework: string;
  data: string;
  unit: string;
  period?: string;
  groupBy?: string;
  share: string;
  top: string;
  format: string;
  out?: string;
}

/** `dxmon explain`: why a unit scores and ranks as it does, and what would lift it most. */
export function explainCommand(): Command {
  return new Command('explain')
    .description(
      "Explain one unit's index score: each pillar's and indicator's contribution, the gaps to the unit just above and to the leader, the indicators that would lift its rank most, and its change since the previous period.",
    )
    .requiredOption('--framework <file>', 'framework definition (YAML or JSON)')
    .requiredOption('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .requiredOption('--unit <code>', 'the unit to explain, as written in the data')
    .option('--period <period>', 'the period (default: the latest in the data)')
    .option(
      '--share <share>',
      'what-if: share of the gap to the best performer closed on each indicator, 0 to 1',
      String(defaultWhatIfShare),
    )
    .option('--top <n>', 'what-if: how many indicators to list', String(defaultWhatIfTop))
    .addOption(
      new Option('--format <format>', 'text (a short report) or json (everything)')
        .choices(explanationFormats)
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
Contributions: an indicator contributes its effective weight (the product of its weights down the
tree, renormalised over the values present) times its score; under arithmetic means they add up
exactly to the index score. Under other means each aggregate's score is shared among its children
in proportion to their weighted scores (the report says so).

What-if: for each indicator in turn, the unit's raw value moves the --share of the way to the
best value among the units (the lowest for lower-is-better indicators) and the whole pipeline is
recomputed (normalisation bounds, imputation, every aggregate, the ranks). Indicators are listed
by places gained, then by points gained.

Change: the change in score since the period before, split into the changes of each indicator's
contribution (they add up to it), beside the change in rank.

Examples:
  $ dxmon explain --framework data/examples/worked/framework.yaml --data data/examples/worked/data.csv --unit C
  $ dxmon explain --framework data/examples/asem/framework.yaml --data data/examples/asem/data.csv \\
      --unit VNM --share 0.25 --top 10
  $ dxmon explain --framework fw.yaml --data data.csv --unit VN-08 --period 2022 --format json --out vn08.json

Exit code 1 on bad input (an unknown unit or period is named, with close matches); nothing is
written then.`,
    )
    .action((flags: ExplainFlags) => runExplain(flags));
}

async function runExplain(flags: ExplainFlags): Promise<void> {
  const settings = runSettings(flags);
  const share = shareFlag(flags.share);
  const top = topFlag(flags.top);
  const inputs = await loadInputs(flags.framework, flags.data, flags.groupBy);
  for (const w of inputs.warnings) console.error(`warning: ${w}`);
  const data = inputs.data;
  if (inputs.errors.length > 0 || !data)
    throw new CliError('the input has problems; nothing was written', inputs.errors);
  const { panel } = data;
  const period = chosenPeriod(flags.period, panel.periods, flags.data);
  if (!panel.units.includes(flags.unit)) {
    throw new CliError(
      `--unit "${flags.unit}": no such unit in ${flags.data}${didYouMean(flags.unit, panel.units)}`,
    );
  }
  requireGroups(
    inputs.framework,
    settings.impute ? [settings.impute] : [],
    data.groupLabels !== undefined,
  );

  const tree = frameworkTree(inputs.framework);
  const explanation = explainUnit({
    tree,
    panel,
    settings,
    groups: data.groupLabels ? unitGroups(data.groupLabels) : undefined,
    unit: flags.unit,
    period,
    share,
    top,
  });
  for (const w of explanation.warnings) console.error(`warning: ${w}`);
  const text = formatExplanation(
    { framework: inputs.framework, explanation },
    flags.format as ExplanationFormat,
  );
  writeOutput(flags.out, text);
}

function shareFlag(value: string): number {
  const share = Number(value);
  if (value.trim() === '' || !(share >= 0 && share <= 1))
    throw new CliError(`--share "${value}": give a number from 0 to 1 (e.g. 0.5 for half the gap)`);
  return share;
}

function topFlag(value: string): number {
  const top = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(top))
    throw new CliError(`--top "${value}": give a whole number (e.g. 5)`);
  return top;
}
