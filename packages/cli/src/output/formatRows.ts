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
}

/** Rows are gathered into chunks of about this many characters. */
const chunkSize = 1 << 20;

/**
 * The output rows of units [from, to) in one period, every node in framework order: CSV lines
 * `unit,code,period,score,rank` (missing: empty field), or JSON records each preceded by ",\n".
 * Returned as UTF-8 chunks of about a megabyte, encoded as soon as each is complete: strings
 * built by appending are trees of pieces, which cost several times their size in memory.
 */
export function formatRows(
  table: ResultTable,
  format: ResultFormat,
  period: number,
  from: number,
  to: number,
): Uint8Array[] {
  const { units, codes, scores, ranks } = table;
  const nu = units.length;
  const nn = codes.length;
  const json = format === 'json';
  const quote = json ? (s: string) => JSON.stringify(s) : csvField;
  const codeText = codes.map(quote);
  const periodText = quote(table.periods[period] as string);
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let out = '';
  for (let u = from; u < to; u++) {
    if (out.length > chunkSize) {
      chunks.push(encoder.encode(out));
      out = '';
    }
    const unitText = quote(units[u] as string);
    for (let n = 0; n < nn; n++) {
      const at = (period * nn + n) * nu + u;
      const score = scores[at] as number;
      const rank = ranks[at] as number;
      if (json) {
        out += `,\n{"unit":${unitText},"code":${codeText[n]},"period":${periodText},"score":${Number.isNaN(score) ? 'null' : score},"rank":${Number.isNaN(rank) ? 'null' : rank}}`;
      } else {
        out += `${unitText},${codeText[n]},${periodText},${Number.isNaN(score) ? '' : score},${Number.isNaN(rank) ? '' : rank}\n`;
      }
    }
  }
  chunks.push(encoder.encode(out));
  return chunks;
}
