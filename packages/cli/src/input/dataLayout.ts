import { csvParseRows } from 'd3-dsv';
import { CliError } from '../cliError.js';

/** Positions of the columns the data reader uses; `group` is -1 without --group-by. */
export interface DataLayout {
  unit: number;
  indicator: number;
  period: number;
  value: number;
  group: number;
  groupName: string;
  /** Number of columns in the header: every row must have as many fields. */
  width: number;
}

const required = ['unit', 'indicator', 'period', 'value'] as const;

/** Reads the header line of long-format data; column names are case-insensitive and trimmed. */
export function dataLayout(path: string, headerLine: string, groupBy?: string): DataLayout {
  const row = csvParseRows(headerLine)[0] ?? [];
  const header = row.map((name) => name.trim().toLowerCase());
  const missing = required.filter((name) => !header.includes(name));
  const found = row.map((c) => `"${c}"`).join(', ');
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m}"`).join(', ');
    throw new CliError(
      `${path}:1: the header lacks column${missing.length > 1 ? 's' : ''} ${names}; found ${found}; expected "unit,indicator,period,value"`,
    );
  }
  const group = groupBy === undefined ? -1 : header.indexOf(groupBy.trim().toLowerCase());
  if (groupBy !== undefined && group < 0) {
    throw new CliError(`${path}:1: --group-by "${groupBy}" names no column; columns are ${found}`);
  }
  const [unit, indicator, period, value] = required.map((name) => header.indexOf(name)) as [
    number,
    number,
    number,
    number,
  ];
  return { unit, indicator, period, value, group, groupName: groupBy ?? '', width: row.length };
}
