import {
  type ParsedTargets,
  parseTargetsYaml,
  type Target,
  targetsFromRecords,
} from '@dxmon/engine';
import { csvParseRows } from 'd3-dsv';
import { CliError } from '../cliError.js';
import { readText } from './readText.js';

export interface TargetsInput {
  targets: Target[];
  /** Every problem, naming file, line (or list position), column and value. */
  problems: string[];
  /**
   * Where a target's field was written, for later messages: `targets.csv:7: column "unit"` or
   * `plan.yaml: targets[5] (id "T6") field "unit"`.
   */
  where: (id: string, field?: string) => string;
}

const required = ['id', 'plan', 'unit', 'indicator', 'target_period', 'target_value', 'direction'];

/**
 * Reads targets from CSV (header `id,plan,unit,indicator,target_period,target_value,direction`,
 * optional `baseline_period,baseline_value,name,unit_of_measure`; extra columns ignored) or from YAML/JSON
 * (`.yaml`, `.yml`, `.json`: a list of targets or `{targets: [...]}`).
 */
export function readTargets(path: string): TargetsInput {
  const text = readText(path);
  if (text.trim() === '') {
    throw new CliError(
      `${path}: the file is empty; expected targets with the header "${required.join(',')}"`,
    );
  }
  if (/\.(ya?ml|json)$/i.test(path)) return fromYaml(path, text);
  return fromCsv(path, text);
}

function fromYaml(path: string, text: string): TargetsInput {
  return report(parseTargetsYaml(text), (index, id, field) => {
    if (index < 0) return path;
    return `${path}: targets[${index}]${id ? ` (id "${id}")` : ''}${field ? ` field "${field}"` : ''}`;
  });
}

function fromCsv(path: string, text: string): TargetsInput {
  const rows = csvParseRows(text);
  const header = (rows[0] ?? []).map((name) => name.trim().toLowerCase());
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new CliError(
      `${path}:1: the header lacks column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; expected "${required.join(',')}" (optional "baseline_period,baseline_value")`,
    );
  }
  // Blank lines (a spreadsheet's empty rows) are skipped, but lines keep their numbers.
  const lines: number[] = [];
  const rowsRead: Record<string, string>[] = [];
  rows.slice(1).forEach((row, i) => {
    if (row.every((field) => field.trim() === '')) return;
    lines.push(i + 2);
    rowsRead.push(Object.fromEntries(header.map((name, c) => [name, row[c] ?? ''])));
  });
  if (rowsRead.length === 0) throw new CliError(`${path}: the file has a header but no targets`);
  return report(
    targetsFromRecords(rowsRead),
    (index, _id, field) => `${path}:${lines[index]}${field ? `: column "${field}"` : ''}`,
  );
}

function report(
  { targets, indices, problems }: ParsedTargets,
  where: (index: number, id?: string, field?: string) => string,
): TargetsInput {
  return {
    targets,
    problems: problems.map((p) => `${where(p.index, p.id, p.field)}: ${p.message}`),
    where: (id, field) => where(indices[targets.findIndex((t) => t.id === id)] ?? 0, id, field),
  };
}
