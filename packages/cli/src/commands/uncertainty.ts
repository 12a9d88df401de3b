import {
  frameworkTree,
  planRuns,
  prepareUncertainty,
  type SamplingPlan,
  summariseUncertainty,
  type UncertaintyModel,
  uncertaintyPlan,
  unitGroups,
} from '@dxmon/engine';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { CliError } from '../cliError.js';
import { formatUncertainty } from '../output/formatUncertainty.js';
import { outputTarget } from '../output/outputTarget.js';
import type { UncertaintyJob } from '../parallel/uncertaintyJob.js';
import { runUncertainty } from '../parallel/uncertaintyThreads.js';
import { loadInputs } from './loadInputs.js';
import { chosenPeriod, requireGroups } from './runChecks.js';
import { defaultSeed, type UncertaintyFlags, uncertaintyOptions } from './uncertaintyOptions.js';

/** Ranks of every run are held in memory (4 bytes each); beyond this, ask for fewer runs. */
const maxRankCells = 250_000_000;

/** `dxmon uncertainty`: rank intervals under uncertain weights and methods, and sensitivity indices. */
export function uncertaintyCommand(): Command {
  return new Command('uncertainty')
    .description(
      "How much each unit's rank depends on the index's choices: Monte Carlo rank intervals under perturbed weights and alternative methods, and optionally Sobol sensitivity indices.",
    )
    .requiredOption('--framework <file>', 'framework definition (YAML or JSON)')
    .requiredOption('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .option('--period <period>', 'the period analysed (default: the latest in the data)')
    .requiredOption(
      '--runs <n>',
      'Monte Carlo runs; with --sensitivity the base sample N of the Saltelli design (N (d + 2) runs)',
    )
    .option(
      '--seed <n>',
      `seed of the random draws (0 to 4294967295; default ${defaultSeed}, printed): same seed, same output`,
    )
    .option(
      '--weights <spread>',
      'perturb weights uniformly within ±spread of their values (0.25 = ±25%)',
    )
    .option(
      '--weight-levels <levels>',
      'tree levels whose weights vary, e.g. 1,2 (1 = pillars; default every level)',
    )
    .option(
      '--normalise <methods>',
      'alternative normalisations, the first nominal: e.g. minmax:1:100,zscore:100:10',
    )
    .option(
      '--aggregate <methods>',
      'alternative aggregations, the first nominal: e.g. arithmetic,geometric',
    )
    .option(
      '--impute <methods>',
      'alternative imputations, the first nominal: e.g. none,mean,median',
    )
    .option('--leave-one-out', 'also drop one indicator (or none) per run, each as likely')
    .option(
      '--group-by <column>',
      "data column giving each unit's group, for group-mean imputation",
    )
    .option(
      '--sensitivity',
      'Saltelli design: first- and total-order indices of the mean absolute rank shift',
    )
    .option(
      '--within <k>',
      'within_k_share counts runs whose rank is within ±k of the nominal rank (default 3)',
    )
    .option(
      '--bootstrap <n>',
      'bootstrap resamples for the 95% intervals of the indices (default 1000)',
    )
    .option(
      '--threads <n>',
      'threads sharing the runs (default: the available cores); results do not depend on it',
    )
    .option(
      '--all-levels',
      'also report every aggregate (pillars, sub-pillars), not only the index',
    )
    .option('--format <format>', 'csv | json (default: json if --out ends in .json, else csv)')
    .option('--out <file>', 'output file, or - for standard output (default -)')
    .addHelpText(
      'after',
      `
Each run draws every uncertain input: each weight of the chosen levels uniformly within ±spread of its
value, one method from each list (methods take the parameters of dxmon compute, e.g. minmax:1:100), and
with --leave-one-out one indicator to drop. Settings a framework node sets for itself win, as in compute.
The nominal run uses the framework's weights, the first method of each list and every indicator.

Output: CSV with header unit,code,nominal_rank,mean_rank,median_rank,p05_rank,p95_rank,within_k_share
(one row per unit for the index; --all-levels adds every aggregate, code = node code). With --sensitivity
a blank line and a second table input,first_order,total_order,first_order_low,first_order_high,
total_order_low,total_order_high (JSON: keys results and sensitivity). Percentiles are R's type 7;
rank statistics are rounded to 4 decimals, indices to 6.
Geometric means need positive scores: normalise to e.g. minmax:1:100 or zscore:100:10 with them.

Without --seed the draws take seed ${defaultSeed}, printed on standard error: every run is reproducible.

Examples:
  $ dxmon uncertainty --framework data/examples/asem/framework.yaml --data data/examples/asem/data.csv \\
      --runs 1000 --weights 0.25 --normalise minmax:1:100,zscore:100:10 --aggregate arithmetic,geometric
  $ dxmon uncertainty --framework fw.yaml --data data.csv --runs 1000 --seed 7 --weights 0.25 \\
      --weight-levels 1 --aggregate arithmetic,geometric --sensitivity --out sa.json`,
    )
    .action((flags: UncertaintyFlags) => uncertaintyRun(flags));
}

async function uncertaintyRun(flags: UncertaintyFlags): Promise<void> {
  const options = uncertaintyOptions(flags);
  // The draws are reproducible only if the seed is known: say which one a run took.
  if (flags.seed === undefined) console.error(`seed ${options.seed} (give --seed to change it)`);
  const inputs = await loadInputs(flags.framework, flags.data, flags.groupBy);
  for (const w of inputs.warnings) console.error(`warning: ${w}`);
  const data = inputs.data;
  if (inputs.errors.length > 0 || !data)
    throw new CliError('the input has problems; nothing was written', inputs.errors);
  const { panel } = data;
  const period = chosenPeriod(flags.period, panel.periods, flags.data);
  requireGroups(inputs.framework, options.design.impute ?? [], data.groupLabels !== undefined);
  const tree = frameworkTree(inputs.framework);
  const deepest = Math.max(...tree.depth);
  for (const level of options.design.weights?.levels ?? []) {
    if (level > deepest) {
      throw new CliError(
        `--weight-levels ${flags.weightLevels}: the framework has levels 1 to ${deepest} (1 = the index's children)`,
      );
    }
  }
  const groups = data.groupLabels ? unitGroups(data.groupLabels) : undefined;
  const job: Omit<UncertaintyJob, 'plan'> = {
    framework: inputs.framework,
    panel,
    groups,
    period,
    settings: {},
    design: options.design,
    allLevels: options.allLevels,
    seed: options.seed,
  };
  let model: UncertaintyModel;
  let plan: SamplingPlan;
  try {
    model = prepareUncertainty({ ...job, tree });
    plan = uncertaintyPlan(model, options);
  } catch (error) {
    if (error instanceof RangeError) throw new CliError(error.message);
    throw error;
  }
  const runs = planRuns(plan);
  if (runs * model.ranked.length * model.units.length > maxRankCells) {
    throw new CliError(
      `--runs ${options.runs}: ${runs} runs of ${model.units.length} units on ${model.ranked.length} node(s) hold too many ranks in memory; ask for fewer runs${options.allLevels ? ' or drop --all-levels' : ''}`,
    );
  }
  for (const w of model.warnings) console.error(`warning: ${w}`);

  const out = outputTarget(flags.out);
  // A progress bar on a terminal only; nothing when standard error is a pipe or a file.
  const bar = process.stderr.isTTY
    ? new SingleBar({
        format: 'uncertainty [{bar}] {value}/{total} runs',
        stream: process.stderr,
        hideCursor: true,
      })
    : undefined;
  try {
    bar?.start(runs, 0);
    const ranks = await runUncertainty({ ...job, plan }, model, options.threads, (done) =>
      bar?.update(done),
    );
    bar?.stop();
    const result = summariseUncertainty(model, plan, ranks, {
      runs: options.runs,
      seed: options.seed,
      k: options.k,
      sensitivity: options.sensitivity,
      resamples: options.resamples,
    });
    const unranked = result.intervals.filter((r) => r.ranked_runs < runs).length;
    if (unranked > 0) {
      console.error(
        `warning: ${unranked} of ${result.intervals.length} rows have runs without a rank (a missing score, e.g. a geometric mean of negative scores); their statistics use the runs that rank them`,
      );
    }
    out.write(
      formatUncertainty(result, options.format, {
        framework: inputs.framework.id ?? null,
        seed: options.seed,
        design: { ...options.design, sensitivity: options.sensitivity, base_runs: options.runs },
      }),
    );
    out.commit();
  } catch (error) {
    bar?.stop();
    out.abort();
    throw error;
  }
}
