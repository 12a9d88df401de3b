import { type BuiltPanel, panelBuilder } from '@dxmon/engine';
import { csvParseRows } from 'd3-dsv';
import { CliError } from '../cliError.js';
import type { HelperThread } from '../parallel/helperThread.js';
import { dataLayout } from './dataLayout.js';
import { readText } from './readText.js';
import { type ScannedRows, scanRows } from './scanRows.js';

export interface DataInput extends BuiltPanel {
  /** Each unit's value in the `groupBy` column, when one was asked for. */
  groupLabels?: (string | undefined)[];
  /** Problems, each naming file, line, column and value; empty when the data is good. */
  problems: string[];
  /** Indicator codes of rows refused for a problem of their own. */
  rejectedSeries: Set<string>;
  /** Line number of the first row of a series (for messages about a whole series). */
  seriesLine: (series: string) => number;
}

export interface ReadDataOptions {
  /** A column holding a unit attribute, e.g. region, used for groups. */
  groupBy?: string | undefined;
  /** A second thread to parse half of a large file. */
  helper?: HelperThread | undefined;
}

/** Files smaller than this are parsed on one thread. */
const parallelChars = 8 << 20;

/**
 * Reads long-format data `unit,indicator,period,value` (extra columns ignored; an empty value is
 * missing) into a Panel, checking every row. Parsing uses d3-dsv (RFC 4180 quoting). A large file
 * without quotes is split at a line break and its halves parsed on two threads.
 */
export async function readDataCsv(path: string, options: ReadDataOptions = {}): Promise<DataInput> {
  const text = readText(path);
  if (text.trim() === '') {
    throw new CliError(
      `${path}: the file is empty; expected a header line "unit,indicator,period,value" and rows of data`,
    );
  }
  // The header ends at the first line break: LF, CRLF or a lone CR (old Mac files).
  const br = /\r\n?|\n/.exec(text);
  const body = br ? text.slice(br.index + br[0].length) : '';
  const layout = dataLayout(path, br ? text.slice(0, br.index) : text, options.groupBy);

  const parts: Promise<ScannedRows>[] = [];
  const middle = body.indexOf('\n', body.length >> 1);
  if (options.helper && body.length >= parallelChars && middle > 0 && !body.includes('"')) {
    // Without quotes every line is one record, so the second half starts at a known record.
    const firstHalf = body.slice(0, middle + 1);
    parts.push(options.helper.scan(body.slice(middle + 1), layout, 1 + countLines(firstHalf)));
    parts.unshift(Promise.resolve(scanRows(firstHalf, layout, 1)));
  } else {
    parts.push(Promise.resolve(scanRows(body, layout, 1)));
  }
  const scanned = await Promise.all(parts);
  if (scanned.every((s) => s.dataRows === 0))
    throw new CliError(`${path}: the file has a header but no rows of data`);

  const builder = panelBuilder();
  const records: Int32Array[] = [];
  const seriesRecord = new Map<string, number>();
  const groups = new Map<string, { label: string; record: number }>();
  const problems: { record: number; text: (lineOf: (record: number) => number) => string }[] = [];
  for (const part of scanned) {
    builder.addEncoded(part);
    records.push(part.record);
    part.series.forEach((code, s) => {
      if (!seriesRecord.has(code)) seriesRecord.set(code, part.seriesRecord[s] as number);
    });
    for (const p of part.problems) {
      const see = p.seeRecord;
      const column = p.column ? `column "${p.column}": ` : '';
      problems.push({
        record: p.record,
        text: (lineOf) =>
          `${column}${p.message}${see === undefined ? '' : ` at line ${lineOf(see)}`}`,
      });
    }
    part.groups.forEach((group, u) => {
      const unit = part.units[u] as string;
      const seen = groups.get(unit);
      if (!seen) groups.set(unit, group);
      else if (seen.label !== group.label) {
        problems.push({
          record: group.record,
          text: (lineOf) =>
            `column "${layout.groupName}": unit "${unit}" is in "${group.label}" here but in "${seen.label}" at line ${lineOf(seen.record)}`,
        });
      }
    });
  }
  const built = builder.build();
  const recordOf = (builderRecord: number): number => {
    let r = builderRecord;
    for (const part of records) {
      if (r < part.length) return part[r] as number;
      r -= part.length;
    }
    return -1;
  };

  let lines: ((record: number) => number) | undefined;
  const lineOf = (record: number) => {
    lines ??= recordsToLines(text);
    return lines(record);
  };
  const messages = problems.map((p) => ({ line: lineOf(p.record), text: p.text(lineOf) }));
  for (const d of built.duplicates) {
    const line = lineOf(recordOf(d.record));
    messages.push({
      line,
      text: `duplicate row: unit "${d.unit}", indicator "${d.series}", period "${d.period}" already has a value at line ${lineOf(recordOf(d.first))}`,
    });
  }
  messages.sort((a, b) => a.line - b.line);
  const groupLabels =
    layout.group >= 0 ? built.panel.units.map((u) => groups.get(u)?.label || undefined) : undefined;
  return {
    ...built,
    problems: messages.map((m) => `${path}:${m.line}: ${m.text}`),
    seriesLine: (code) => lineOf(seriesRecord.get(code) ?? 0),
    rejectedSeries: new Set(scanned.flatMap((part) => part.rejectedSeries)),
    ...(groupLabels ? { groupLabels } : {}),
  };
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Maps record numbers (0 = header) to line numbers. Without quoted line breaks they differ by one;
 * with them, the file is parsed once more to count the breaks inside fields.
 */
function recordsToLines(text: string): (record: number) => number {
  if (!text.includes('"')) return (record) => record + 1;
  const extra: number[] = [];
  let breaks = 0;
  csvParseRows(text, (row, record) => {
    extra[record] = breaks;
    for (const field of row) if (field.includes('\n')) breaks += field.split('\n').length - 1;
    return null;
  });
  return (record) => record + 1 + (extra[record] ?? breaks);
}
