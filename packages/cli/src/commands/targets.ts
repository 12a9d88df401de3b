import {
  assessTarget,
  didYouMean,
  forecastTarget,
  type GrowthMethod,
  growthMethods,
  type Observation,
  type Panel,
  panelColumn,
  periodYear,
  rollupPlans,
} from '@dxmon/engine';
import { Command, Option } from 'commander';
import { CliError } from '../cliError.js';
import { readDataCsv } from '../input/readDataCsv.js';
import { readTargets } from '../input/readTargets.js';
import { formatTargets, type TargetsFormat, targetsFormats } from '../output/formatTargets.js';
import { writeOutput } from '../output/outputTarget.js';

interface TargetsFlags {
  data: string;
  targets: string;
  asOf?: string;
  method: string;
  format?: string;
  out?: string;
  forecast?: boolean;
}

/** `dxmon targets`: where each target of a plan stands, and each plan's roll-up. */
export function targetsCommand(): Command {
  return new Command('targets')
    .description(
      'Assess dated targets against the data: latest value, projection to the target period, growth required against growth observed, progress and status; plans rolled up.',
    )
    .requiredOption('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .requiredOption(
      '--targets <file>',
      'targets as CSV (id,plan,unit,indicator,target_period,target_value,direction[,baseline_period,baseline_value]) or YAML/JSON',
    )
    .option('--as-of <period>', 'assess with the data up to this period (default: all the data)')
    .addOption(
      new Option(
        '--method <method>',
        'growth measure: cagr (compound annual growth) or linear (trend)',
      )
        .choices(growthMethods)
        .default('cagr'),
    )
    .addOption(
      new Option(
        '--format <format>',
        `${targetsFormats.join(' | ')} (default: json if --out ends in .json, else csv)`,
      ),
    )
    .option('--out <file>', 'output file, or - for standard output (default -)')
    .option(
      '--forecast',
      "add each target's forecast: the probability of meeting it, the projection with 80% and 95% intervals, and the models' backtest",
    )
    .addHelpText(
      'after',
      `
Status of each target: achieved (the latest value meets it); on-track (progress >= 0.95);
off-track with grade acceleration-needed (0.60 to 0.95) or limited (below 0.60); regressing (moving
away from the target); insufficient-data (fewer than two observations). Progress is the growth
observed since the baseline over the growth required to reach the target on time (Open SDG's method).

With --forecast each target also gets the probability of meeting it by its period (in its
direction) and a projection with 80% and 95% prediction intervals, from four trend models weighted
by how well each forecast the series' own later years (docs/methodology.md, "Forecasts"). The
status above stays beside it, so the two can be compared; a series of fewer than three values, or a
target period already past, gets a reason instead of numbers.

Examples:
  $ dxmon targets --data data/examples/targets/data.csv --targets data/examples/targets/targets.csv
  $ dxmon targets --data data/examples/targets/data.csv --targets data/examples/targets/targets.csv --format text
  $ dxmon targets --data data.csv --targets plan.yaml --as-of 2023 --method linear --out status.json
  $ dxmon targets --data data/demo/data.csv --targets data/demo/targets.csv --forecast --format text`,
    )
    .action((flags: TargetsFlags) => runTargets(flags));
}

async function runTargets(flags: TargetsFlags): Promise<void> {
  const format = chooseFormat(flags.format, flags.out);
  if (flags.asOf !== undefined && Number.isNaN(periodYear(flags.asOf))) {
    throw new CliError(
      `--as-of "${flags.asOf}" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15`,
    );
  }
  const input = readTargets(flags.targets);
  const data = await readDataCsv(flags.data);
  const problems = [...input.problems, ...data.problems];
  const { panel } = data;
  for (const target of input.targets) {
    const where = (field: string) => input.where(target.id, field);
    if (!panel.units.includes(target.unit)) {
      problems.push(`${where('unit')}: unit "${target.unit}" has no data in ${flags.data}`);
    }
    if (!panel.series.includes(target.indicator)) {
      problems.push(
        `${where('indicator')}: indicator "${target.indicator}" has no data in ${flags.data}${didYouMean(target.indicator, panel.series)}`,
      );
    } else if (
      target.baseline_period !== undefined &&
      target.baseline_value === undefined &&
      Number.isNaN(valueAt(panel, target.unit, target.indicator, target.baseline_period))
    ) {
      problems.push(
        `${where('baseline_period')}: ${flags.data} has no value of "${target.indicator}" for "${target.unit}" in ${target.baseline_period}; give a baseline_value or another baseline_period`,
      );
    }
  }
  if (problems.length > 0)
    throw new CliError('the input has problems; nothing was written', problems);

  const options = { asOf: flags.asOf, method: flags.method as GrowthMethod };
  const targets = input.targets.map((t) => {
    const observed = observations(panel, t.unit, t.indicator);
    if (!flags.forecast) return assessTarget(t, observed, options);
    const { assessment, forecast } = forecastTarget(t, observed, options);
    return { ...assessment, forecast };
  });
  const report = {
    as_of: flags.asOf ?? null,
    method: options.method,
    targets,
    plans: rollupPlans(targets),
    forecast: Boolean(flags.forecast),
  };
  writeOutput(flags.out, formatTargets(report, format));
}

/** Every value of one indicator in one unit, period by period. */
function observations(panel: Panel, unit: string, indicator: string): Observation[] {
  const u = panel.units.indexOf(unit);
  const s = panel.series.indexOf(indicator);
  return panel.periods.map((period, p) => ({
    period,
    value: panelColumn(panel, p, s)[u] as number,
  }));
}

function valueAt(panel: Panel, unit: string, indicator: string, period: string): number {
  const p = panel.periods.indexOf(period);
  if (p < 0) return Number.NaN;
  return panelColumn(panel, p, panel.series.indexOf(indicator))[
    panel.units.indexOf(unit)
  ] as number;
}

function chooseFormat(format: string | undefined, out: string | undefined): TargetsFormat {
  if (format === undefined) return out?.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  if ((targetsFormats as readonly string[]).includes(format)) return format as TargetsFormat;
  throw new CliError(`--format "${format}": use ${targetsFormats.join(', ')}`);
}
