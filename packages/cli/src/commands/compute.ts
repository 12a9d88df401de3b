import {
  analyse,
  compute,
  frameworkTree,
  type RunSettings,
  rankColumns,
  unitGroups,
} from '@dxmon/engine';
import { CliError } from '../cliError.js';
import type { ResultFormat } from '../output/formatRows.js';
import { outputTarget } from '../output/outputTarget.js';
import { writeResults } from '../output/writeResults.js';
import { type HelperThread, startHelperThread } from '../parallel/helperThread.js';
import { type RunFlags, runSettings } from '../runOptions.js';
import { extraColumns, parseExtraColumns } from './extraColumns.js';
import { loadInputs } from './loadInputs.js';
import { chosenPeriod, requireGroups } from './runChecks.js';

export interface ComputeFlags extends RunFlags {
  framework: string;
  data: string;
  period?: string;
  groupBy?: string;
  format?: string;
  out?: string;
  record?: string;
  with?: string;
}

export interface Console {
  error(line: string): void;
}

/** `dxmon compute`: scores and ranks of every node for every unit, as CSV or JSON. */
export async function computeCommand(flags: ComputeFlags, console: Console): Promise<void> {
  const format = resultFormat(flags.format, flags.out);
  const settings = runSettings(flags);
  const helper = startHelperThread();
  try {
    await run(flags, format, settings, helper, console);
  } finally {
    await helper.close();
  }
}

async function run(
  flags: ComputeFlags,
  format: ResultFormat,
  settings: Partial<RunSettings>,
  helper: HelperThread,
  console: Console,
): Promise<void> {
  const inputs = await loadInputs(flags.framework, flags.data, flags.groupBy, helper);
  for (const w of inputs.warnings) console.error(`warning: ${w}`);
  const data = inputs.data;
  if (inputs.errors.length > 0 || !data)
    throw new CliError('the input has problems; nothing was written', inputs.errors);

  const { panel } = data;
  if (flags.period !== undefined) chosenPeriod(flags.period, panel.periods, flags.data);
  requireGroups(
    inputs.framework,
    settings.impute ? [settings.impute] : [],
    data.groupLabels !== undefined,
  );

  const extraNames = parseExtraColumns(flags.with);
  const groups = data.groupLabels ? unitGroups(data.groupLabels) : undefined;
  const tree = frameworkTree(inputs.framework);
  const computeFor = (periods?: string[], rank = true) =>
    compute({
      tree,
      panel,
      settings,
      rank,
      ...(periods ? { periods } : {}),
      ...(groups ? { groups } : {}),
    });
  const periods = flags.period === undefined ? panel.periods : [flags.period];
  // On a large run the ranking is shared with the helper thread.
  const shareRanks = panel.units.length * tree.codes.length * periods.length >= parallelCells;
  const result = computeFor(flags.period === undefined ? undefined : [flags.period], !shareRanks);
  if (shareRanks) await rankOnTwoThreads(result.scores, result.ranks, panel.units.length, helper);
  for (const w of result.warnings) console.error(`warning: ${w}`);
  // A rank change for one period needs the ranks of the period before it.
  const before =
    flags.period === undefined ? undefined : panel.periods[panel.periods.indexOf(flags.period) - 1];
  const previousRanks =
    extraNames.includes('rank_change') && before !== undefined
      ? computeFor([before]).ranks
      : undefined;
  const table = { ...result, extra: extraColumns(extraNames, result, previousRanks, groups) };

  const recordOut = flags.record ? outputTarget(flags.record) : undefined;
  let out: ReturnType<typeof outputTarget>;
  try {
    out = outputTarget(flags.out);
  } catch (error) {
    recordOut?.abort();
    throw error;
  }
  try {
    await writeResults(table, format, out, helper);
    if (recordOut) {
      const record = {
        ...result.record,
        data: flags.data,
        groupBy: flags.groupBy ?? null,
        treatments: result.treatments,
        warnings: result.warnings,
        analysis: result.periods.map((period) => analyse(tree, result, period)),
      };
      recordOut.write(`${JSON.stringify(record, nonFinite, 2)}\n`);
    }
    // Results first: a record never describes results that were not written.
    out.commit();
    recordOut?.commit();
  } catch (error) {
    out.abort();
    recordOut?.abort();
    throw error;
  }
}

/** Below this many scores, ranking on a second thread costs more than it saves. */
const parallelCells = 200_000;

/** `rankColumns` of every column of `scores` into `ranks`, half of them on the helper thread. */
async function rankOnTwoThreads(
  scores: Float64Array,
  ranks: Float64Array,
  length: number,
  helper: HelperThread,
): Promise<void> {
  const columns = scores.length / length;
  const half = columns >> 1;
  const theirs = helper.rank(scores, length, half, columns);
  ranks.set(rankColumns(scores, length, 0, half));
  ranks.set(await theirs, half * length);
}

/** JSON has no NaN: an undefined statistic (e.g. a correlation with a constant) is written as null. */
function nonFinite(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function resultFormat(format: string | undefined, out: string | undefined): ResultFormat {
  if (format === undefined) return out?.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  if (format === 'csv' || format === 'json') return format;
  throw new CliError(`--format "${format}": use csv or json`);
}
