import { didYouMean, evaluateCriteria, type Panel, panelColumn } from '@dxmon/engine';
import { Command, Option } from 'commander';
import { CliError } from '../cliError.js';
import { readCriteriaModel } from '../input/readCriteriaModel.js';
import { readDataCsv } from '../input/readDataCsv.js';
import { type CriteriaFormat, criteriaFormats, formatCriteria } from '../output/formatCriteria.js';
import { writeOutput } from '../output/outputTarget.js';

interface CriteriaFlags {
  model: string;
  data: string;
  period: string;
  format?: string;
  out?: string;
}

/** `dxmon criteria`: which units meet a criteria model (a checklist) in a period. */
export function criteriaCommand(): Command {
  return new Command('criteria')
    .description(
      'Check every unit in the data against a criteria model (a checklist such as a commune-level DX model) for one period.',
    )
    .requiredOption('--model <file>', 'criteria model (YAML or JSON)')
    .requiredOption('--data <file>', 'data as long CSV: unit,indicator,period,value')
    .requiredOption('--period <period>', 'the period to assess, as written in the data')
    .addOption(
      new Option(
        '--format <format>',
        `${criteriaFormats.join(' | ')} (default: json if --out ends in .json, csv if --out is another file, else text)`,
      ),
    )
    .option('--out <file>', 'output file, or - for standard output (default -)')
    .addHelpText(
      'after',
      `
A unit meets the model when every mandatory criterion holds and at least pass.optional_min optional
ones do. A unit without a value for a criterion fails it, and the criterion is listed as missing
(not as failed): it did not report, which is not the same as reporting a low value.

Model (YAML or JSON):
  id: commune-dx-model
  version: "1.0"
  name: Commune-level digital transformation model
  criteria:
    - {code: C1, indicator: c_portal, op: "==", value: true, mandatory: true}
    - {code: C2, indicator: c_online_files_share, op: ">=", value: 50, mandatory: false}
  pass: {mandatory: all, optional_min: 1}

Examples:
  $ dxmon criteria --model data/examples/communes/model.yaml --data data/examples/communes/data.csv --period 2023
  $ dxmon criteria --model model.yaml --data data.csv --period 2023 --out communes.json

Output: text ending "92 of 143 units (64.3%) meet commune-dx-model 1.0"; CSV with header
unit,met,mandatory_met,optional_met,failed,missing (codes separated by ";"); or JSON
{model, period, units: [{unit, met, failed, missing, ...}], criteria, summary: {units, met, share}}.`,
    )
    .action((flags: CriteriaFlags) => runCriteria(flags));
}

async function runCriteria(flags: CriteriaFlags): Promise<void> {
  const format = chooseFormat(flags.format, flags.out);
  const { model, where } = readCriteriaModel(flags.model);
  const data = await readDataCsv(flags.data);
  const problems = [...data.problems];
  const { panel } = data;
  const period = panel.periods.indexOf(flags.period.trim());
  if (problems.length === 0 && period < 0) {
    problems.push(
      `--period "${flags.period}": ${flags.data} has no data for it (periods: ${panel.periods.join(', ') || 'none'})`,
    );
  }
  model.criteria.forEach((criterion, i) => {
    if (!panel.series.includes(criterion.indicator)) {
      problems.push(
        `${where(i, 'indicator')}: indicator "${criterion.indicator}" has no data in ${flags.data}${didYouMean(criterion.indicator, panel.series)}`,
      );
    }
  });
  if (problems.length > 0)
    throw new CliError('the input has problems; nothing was written', problems);

  const evaluation = evaluateCriteria(model, panel.units, valueIn(panel, period));
  writeOutput(
    flags.out,
    formatCriteria({ model, period: flags.period.trim(), ...evaluation }, format),
  );
}

/** A unit's value of an indicator in one period of the panel (NaN when missing). */
function valueIn(panel: Panel, period: number): (unit: string, indicator: string) => number {
  const units = new Map(panel.units.map((u, i) => [u, i]));
  const series = new Map(panel.series.map((s, i) => [s, i]));
  return (unit, indicator) => {
    const s = series.get(indicator);
    const u = units.get(unit);
    if (s === undefined || u === undefined) return Number.NaN;
    return panelColumn(panel, period, s)[u] as number;
  };
}

function chooseFormat(format: string | undefined, out: string | undefined): CriteriaFormat {
  if (format === undefined) {
    if (out === undefined || out === '-') return 'text';
    return out.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  }
  if ((criteriaFormats as readonly string[]).includes(format)) return format as CriteriaFormat;
  throw new CliError(`--format "${format}": use ${criteriaFormats.join(', ')}`);
}
