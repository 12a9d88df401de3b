import { writeFileSync } from 'node:fs';
import { compute, frameworkTree, type RunSettings, unitGroups } from '@dxmon/engine';
import { CliError } from '../cliError.js';
import type { ResultFormat } from '../output/formatRows.js';
import { outputTarget } from '../output/outputTarget.js';
import { writeResults } from '../output/writeResults.js';
import { type HelperThread, startHelperThread } from '../parallel/helperThread.js';
import { type RunFlags, runSettings } from '../runOptions.js';
import { loadInputs } from './loadInputs.js';

export interface ComputeFlags extends RunFlags {
  framework: string;
  data: string;
  period?: string;
  groupBy?: string;
  format?: string;
  out?: string;
  record?: string;
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
  if (flags.period !== undefined && !panel.periods.includes(flags.period)) {
    throw new CliError(
      `--period ${flags.period}: no data for this period in ${flags.data}; its periods are ${panel.periods.join(', ')}`,
    );
  }
  const needsGroups =
    settings.impute === 'group-mean' ||
    inputs.framework.nodes.some((n) => n.impute === 'group-mean');
  if (needsGroups && !data.groupLabels) {
    throw new CliError(
      'group-mean imputation needs groups: add --group-by COLUMN naming a column of the data (e.g. region)',
    );
  }

  const result = compute({
    tree: frameworkTree(inputs.framework),
    panel,
    settings,
    ...(flags.period !== undefined ? { periods: [flags.period] } : {}),
    ...(data.groupLabels ? { groups: unitGroups(data.groupLabels) } : {}),
  });
  for (const w of result.warnings) console.error(`warning: ${w}`);

  const out = outputTarget(flags.out);
  try {
    await writeResults(result, format, out, helper);
    if (flags.record) {
      const record = {
        ...result.record,
        data: flags.data,
        groupBy: flags.groupBy ?? null,
        treatments: result.treatments,
        warnings: result.warnings,
      };
      writeFileSync(flags.record, `${JSON.stringify(record, null, 2)}\n`);
    }
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
}

function resultFormat(format: string | undefined, out: string | undefined): ResultFormat {
  if (format === undefined) return out?.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  if (format === 'csv' || format === 'json') return format;
  throw new CliError(`--format "${format}": use csv or json`);
}
