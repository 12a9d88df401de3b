import { csvField } from './csvField.js';

export type ResultFormat = 'csv' | 'json';

/** The part of a computation's result that the output needs. */
export interface ResultTable {
  units: readonly string[];
  codes: readonly string[];
  periods: readonly string[];
  /** [(period * codes + node) * units + unit], as ComputeResult lays them out. */
  scores: Float64Array;
  ranks: Float64Array;
  /** Further integer columns after `rank`, with the layout of `scores`. */
  extra?: readonly ExtraColumn[];
}

export interface ExtraColumn {
  name: string;
  values: Float64Array;
}

/** Output is produced in UTF-8 chunks of about this many bytes. */
const chunkSize = 1 << 20;
const encoder = new TextEncoder();

/**
 * The output rows of units [from, to) in one period, every node in framework order: CSV lines
 * `unit,code,period,score,rank` (missing: empty field), or JSON records each preceded by ",\n"
 * (missing: null). Rows are written as bytes straight into UTF-8 chunks, the codes encoded once:
 * three times faster than building strings, which matters at a million rows.
 */
export function formatRows(
  table: ResultTable,
  format: ResultFormat,
  period: number,
  from: number,
  to: number,
): Uint8Array[] {
  const { units, codes, scores, ranks } = table;
  const extra = table.extra ?? [];
  const nu = units.length;
  const nn = codes.length;
  const json = format === 'json';
  const field = (s: string) => encoder.encode(json ? JSON.stringify(s) : csvField(s));
  const codeBytes = codes.map(field);
  const periodBytes = field(table.periods[period] as string);
  const literal = (s: string) => encoder.encode(s);
  // The fixed text around the five fields of a row.
  const [start, afterUnit, afterCode, afterPeriod, afterScore, end, missing] = json
    ? ['\n{"unit":', ',"code":', ',"period":', ',"score":', ',"rank":', '}', 'null'].map(literal)
    : ['', ',', ',', ',', ',', '\n', ''].map(literal);
  const extraBefore = extra.map((column) =>
    literal(json ? `,${JSON.stringify(column.name)}:` : ','),
  );
  // Each row is: unit part, node part, score, score-to-rank part, rank, extra columns, end.
  const unitParts = units
    .slice(from, to)
    .map((unit) => concat(start as Uint8Array, field(unit), afterUnit as Uint8Array));
  const nodeParts = codeBytes.map((code) =>
    concat(code, afterCode as Uint8Array, periodBytes, afterPeriod as Uint8Array),
  );
  const chunks: Uint8Array[] = [];
  let buffer = new Uint8Array(chunkSize + (1 << 16));
  let at = 0;
  for (let u = from; u < to; u++) {
    const unitPart = unitParts[u - from] as Uint8Array;
    for (let n = 0; n < nn; n++) {
      if (at > chunkSize) {
        chunks.push(buffer.subarray(0, at));
        buffer = new Uint8Array(chunkSize + (1 << 16));
        at = 0;
      }
      if (json) buffer[at++] = 44; // every JSON record starts with ",\n"; the writer drops the first comma
      at = put(buffer, at, unitPart);
      at = put(buffer, at, nodeParts[n] as Uint8Array);
      const cell = (period * nn + n) * nu + u;
      const score = scores[cell] as number;
      if (Number.isNaN(score)) at = put(buffer, at, missing as Uint8Array);
      else {
        // Shortest text that reads back as the same number; ASCII, so one byte per character.
        const text = String(score);
        for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
      }
      at = put(buffer, at, afterScore as Uint8Array);
      const rank = ranks[cell] as number;
      if (Number.isNaN(rank)) at = put(buffer, at, missing as Uint8Array);
      else at = putInteger(buffer, at, rank);
      for (let e = 0; e < extra.length; e++) {
        at = put(buffer, at, extraBefore[e] as Uint8Array);
        const value = (extra[e] as ExtraColumn).values[cell] as number;
        if (Number.isNaN(value)) at = put(buffer, at, missing as Uint8Array);
        else at = putInteger(buffer, at, value);
      }
      at = put(buffer, at, end as Uint8Array);
    }
  }
  if (at > 0) chunks.push(buffer.subarray(0, at));
  return chunks;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) at = put(out, at, part);
  return out;
}

/** Copies `bytes` into `buffer` at `at`; returns the position after them. */
function put(buffer: Uint8Array, at: number, bytes: Uint8Array): number {
  let end = at;
  for (let i = 0; i < bytes.length; i++) buffer[end++] = bytes[i] as number;
  return end;
}

/** Writes an integer's decimal digits at `at`; returns the position after them. */
function putInteger(buffer: Uint8Array, at: number, value: number): number {
  if (value < 0) {
    buffer[at] = 45; // "-"
    return putInteger(buffer, at + 1, -value);
  }
  let end = at;
  let k = value;
  do {
    buffer[end++] = 48 + (k % 10);
    k = Math.floor(k / 10);
  } while (k > 0);
  for (let a = at, b = end - 1; a < b; a++, b--) {
    const digit = buffer[a] as number;
    buffer[a] = buffer[b] as number;
    buffer[b] = digit;
  }
  return end;
}
