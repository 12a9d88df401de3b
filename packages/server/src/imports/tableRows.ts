import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** One row of an uploaded table: its number as the user sees it (line or sheet row) and cells. */
export interface TableRow {
  row: number;
  cells: string[];
}

/**
 * Rows of a CSV stream (RFC 4180, UTF-8 with or without BOM) as they arrive. Rows may have more or
 * fewer cells than the header: the importer reports that per row rather than stopping here.
 */
export async function* csvRows(input: Readable): AsyncGenerator<TableRow> {
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  for await (const record of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    yield { row: record.info.lines, cells: record.record };
  }
}

/** Rows of the first worksheet of an XLSX stream, read as it arrives; numbers as plain text. */
export async function* xlsxRows(input: Readable): AsyncGenerator<TableRow> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const worksheet of workbook) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      // ExcelJS rows are 1-based: values[0] is empty.
      yield { row: row.number, cells: values.slice(1).map(cellText) };
    }
    return; // the first sheet only
  }
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; text?: unknown; richText?: { text: string }[] };
    if (v.result !== undefined) return cellText(v.result); // a formula's cached result
    if (typeof v.text === 'string') return v.text;
    if (v.richText) return v.richText.map((r) => r.text).join('');
  }
  return String(value);
}
