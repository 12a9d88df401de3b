import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** The file cannot be read further at `row`: malformed CSV, or not an XLSX workbook. */
export class TableReadError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

/** One row of an uploaded table: its number as the user sees it (line or sheet row) and cells. */
export interface TableRow {
  row: number;
  cells: string[];
}

/**
 * Rows of a CSV stream (RFC 4180, UTF-8 with or without BOM) as they arrive, numbered by the line
 * they start on. Rows may have more or fewer cells than the header: the importer reports that per
 * row rather than stopping here. Blank lines come through as rows of one empty cell (the importer
 * skips them), so that line numbers can be counted here: csv-parse's own per-record `info` costs
 * a second per million rows.
 */
export async function* csvRows(input: Readable): AsyncGenerator<TableRow> {
  const parser = input.pipe(parse({ bom: true, relax_column_count: true }));
  let line = 1;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      yield { row: line, cells: record };
      line++;
      // A quoted field may hold line breaks: the next row starts that many lines further on.
      for (const cell of record) {
        for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) line++;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const e = error as CsvError & { lines?: number };
    throw new TableReadError(e.lines ?? line, csvProblem(e.code));
  } finally {
    parser.destroy();
  }
}

function csvProblem(code: string): string {
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'not valid CSV: a quoted field is never closed';
  if (code === 'CSV_INVALID_CLOSING_QUOTE')
    return 'not valid CSV: a quoted field has characters after its closing quote';
  if (code === 'INVALID_OPENING_QUOTE')
    return 'not valid CSV: a quote inside a field that does not start with one (quote the whole field and double the quote)';
  if (code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE')
    return 'not valid CSV: a quoted field has characters after its closing quote';
  return `not valid CSV (${code})`;
}

/**
 * Rows of the first worksheet of an XLSX file, numbers as plain text. The file is read whole and
 * opened with ExcelJS's in-memory reader: its streaming reader decodes each decompressed chunk
 * of the sheet's XML on its own and so breaks a Vietnamese or Arabic character that straddles two
 * chunks into U+FFFD (exceljs/exceljs#2084, open), silently. An XLSX file holds at most a
 * million rows and arrives compressed within the body limit; CSV imports still stream.
 */
export async function* xlsxRows(input: Readable): AsyncGenerator<TableRow> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Uint8Array));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch (error) {
    // ExcelJS and its zip reader throw plain errors for a file that is not a workbook.
    throw new TableReadError(1, `not a readable XLSX workbook: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  const rows: TableRow[] = [];
  sheet.eachRow((row) => {
    // ExcelJS rows are 1-based: values[0] is empty.
    rows.push({ row: row.number, cells: (row.values as unknown[]).slice(1).map(cellText) });
  });
  yield* rows;
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
