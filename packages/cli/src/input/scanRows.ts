import { csvParseRows } from 'd3-dsv';
import type { DataLayout } from './dataLayout.js';

/** A problem in one row; `record` counts CSV records from 0 (the header). */
export interface RowProblem {
  record: number;
  /** The column concerned; empty when the problem is the whole row. */
  column: string;
  message: string;
  /** An earlier record the message refers to ("... at line N"). */
  seeRecord?: number;
}

/**
 * Checked rows of one part of a data file, dictionary-encoded in typed arrays so that a worker
 * thread can hand them over without copying strings row by row.
 */
export interface ScannedRows {
  units: string[];
  series: string[];
  periods: string[];
  count: number;
  unit: Int32Array;
  seriesOf: Int32Array;
  period: Int32Array;
  value: Float64Array;
  record: Int32Array;
  /** Record of each series' first row. */
  seriesRecord: number[];
  /** Indicator codes of rows that were refused, so that their indicator is not also called absent. */
  rejectedSeries: string[];
  /** Each unit's group label and the record that first gave it (with --group-by). */
  groups: { label: string; record: number }[];
  problems: RowProblem[];
  dataRows: number;
}

const periodPattern = /^\d{4}(?:Q[1-4]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parses and checks rows of long-format data (no header): codes must be non-empty, periods
 * `2024`, `2024Q3`, `2024-07` or `2024-07-15`, values decimal numbers or empty (missing).
 * `firstRecord` is the record number of the first row of `text`.
 */
export function scanRows(text: string, layout: DataLayout, firstRecord: number): ScannedRows {
  const units = new Map<string, number>();
  const series = new Map<string, number>();
  const periods = new Map<string, number>();
  const seriesRecord: number[] = [];
  const groups: { label: string; record: number }[] = [];
  const problems: RowProblem[] = [];
  const rejectedSeries = new Set<string>();
  let capacity = 1 << 16;
  let unit = new Int32Array(capacity);
  let seriesOf = new Int32Array(capacity);
  let period = new Int32Array(capacity);
  let value = new Float64Array(capacity);
  let record = new Int32Array(capacity);
  let count = 0;
  let dataRows = 0;
  let lastUnit = '';
  let lastUnitIndex = -1;
  const seriesNames: string[] = [];
  const seriesAfter: number[] = [];
  let lastSeries = -1;
  let lastPeriodCode = '';
  let lastPeriod: number | undefined;

  csvParseRows(text, (row, i) => {
    if (isBlank(row)) return null; // a blank line, or a spreadsheet's empty row of commas
    dataRows++;
    const at = firstRecord + i;
    if (row.length !== layout.width) {
      const hint =
        row.length > layout.width
          ? '; is there an unquoted comma, such as a decimal comma ("12,5")?'
          : '';
      problems.push({
        record: at,
        column: '',
        message: `the row has ${row.length} field${row.length === 1 ? '' : 's'} but the header has ${layout.width}${hint}`,
      });
      rejectedSeries.add(trim(row[layout.indicator]));
      return null;
    }
    const unitCode = trim(row[layout.unit]);
    const seriesCode = trim(row[layout.indicator]);
    const periodCode = trim(row[layout.period]);
    const valueText = trim(row[layout.value]);
    let ok = true;
    if (unitCode === '') {
      problems.push({ record: at, column: 'unit', message: 'the unit code is empty' });
      ok = false;
    }
    if (seriesCode === '') {
      problems.push({ record: at, column: 'indicator', message: 'the indicator code is empty' });
      ok = false;
    }
    let p = periodCode === lastPeriodCode ? lastPeriod : periods.get(periodCode);
    if (p === undefined) {
      if (periodPattern.test(periodCode)) {
        p = periods.size;
        periods.set(periodCode, p);
      } else {
        problems.push({
          record: at,
          column: 'period',
          message: `"${periodCode}" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15`,
        });
        ok = false;
      }
    }
    lastPeriodCode = periodCode;
    lastPeriod = p;
    let number = Number.NaN;
    if (valueText !== '') {
      if (numberPattern.test(valueText)) number = Number(valueText);
      if (!Number.isFinite(number)) {
        const hint = valueText.includes(',')
          ? ' (use "." as the decimal mark, without thousands separators)'
          : '';
        problems.push({
          record: at,
          column: 'value',
          message: `"${valueText}" is not a number${hint}`,
        });
        ok = false;
      }
    }
    if (!ok) {
      rejectedSeries.add(seriesCode);
      return null;
    }

    if (unitCode !== lastUnit || lastUnitIndex < 0) {
      let u = units.get(unitCode);
      if (u === undefined) {
        u = units.size;
        units.set(unitCode, u);
        if (layout.group >= 0) groups.push({ label: (row[layout.group] ?? '').trim(), record: at });
      }
      lastUnit = unitCode;
      lastUnitIndex = u;
    }
    if (layout.group >= 0) {
      const label = (row[layout.group] ?? '').trim();
      const first = groups[lastUnitIndex] as { label: string; record: number };
      if (label !== first.label) {
        problems.push({
          record: at,
          column: layout.groupName,
          message: `unit "${unitCode}" is in "${label}" here but in "${first.label}"`,
          seeRecord: first.record,
        });
        return null;
      }
    }
    // Rows usually repeat the same sequence of indicators unit after unit: try the series that
    // followed the previous one last time before hashing the code.
    const guess = lastSeries >= 0 ? (seriesAfter[lastSeries] as number) : -1;
    let s: number;
    if (guess >= 0 && seriesNames[guess] === seriesCode) s = guess;
    else {
      let found = series.get(seriesCode);
      if (found === undefined) {
        found = series.size;
        series.set(seriesCode, found);
        seriesNames.push(seriesCode);
        seriesAfter.push(-1);
        seriesRecord.push(at);
      }
      s = found;
      if (lastSeries >= 0) seriesAfter[lastSeries] = s;
    }
    lastSeries = s;
    if (count === capacity) {
      capacity *= 2;
      unit = grow(unit, new Int32Array(capacity));
      seriesOf = grow(seriesOf, new Int32Array(capacity));
      period = grow(period, new Int32Array(capacity));
      value = grow(value, new Float64Array(capacity));
      record = grow(record, new Int32Array(capacity));
    }
    unit[count] = lastUnitIndex;
    seriesOf[count] = s;
    period[count] = p as number;
    value[count] = number;
    record[count] = at;
    count++;
    return null;
  });

  return {
    units: [...units.keys()],
    series: [...series.keys()],
    periods: [...periods.keys()],
    count,
    unit: unit.subarray(0, count),
    seriesOf: seriesOf.subarray(0, count),
    period: period.subarray(0, count),
    value: value.subarray(0, count),
    record: record.subarray(0, count),
    seriesRecord,
    rejectedSeries: [...rejectedSeries],
    groups,
    problems,
    dataRows,
  };
}

/** A row of nothing but empty or white-space fields. */
function isBlank(row: readonly string[]): boolean {
  for (const field of row) if (field !== '' && field.trim() !== '') return false;
  return true;
}

/** The field without surrounding white space; most fields have none, and are returned as they are. */
function trim(field: string | undefined): string {
  if (field === undefined || field === '') return '';
  return field.charCodeAt(0) > 32 && field.charCodeAt(field.length - 1) > 32 ? field : field.trim();
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
