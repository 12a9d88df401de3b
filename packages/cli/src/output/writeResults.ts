import type { HelperThread } from '../parallel/helperThread.js';
import { formatRows, type ResultFormat, type ResultTable } from './formatRows.js';
import type { OutputTarget } from './outputTarget.js';

/** Below this many output rows, a second thread costs more than it saves. */
const parallelRows = 200_000;

/**
 * Writes every node's score and rank for every unit and period: CSV with header
 * `unit,code,period,score,rank`, or a JSON array of records with the same fields. Rows go period
 * by period, unit by unit, nodes in framework order from the index down. With a helper thread,
 * the second half of each period's units is formatted there at the same time.
 */
export async function writeResults(
  table: ResultTable,
  format: ResultFormat,
  out: OutputTarget,
  helper?: HelperThread,
): Promise<void> {
  const nu = table.units.length;
  const rows = nu * table.codes.length * table.periods.length;
  const split = helper && rows >= parallelRows ? nu >> 1 : nu;
  const second = split < nu && helper ? helper.format(table, format, split, nu) : undefined;
  const first = table.periods.map((_, p) => formatRows(table, format, p, 0, split));
  const rest = second ? await second : [];
  let started = false;
  const extra = (table.extra ?? []).map((column) => `,${column.name}`).join('');
  out.write(format === 'json' ? '[' : `unit,code,period,score,rank${extra}\n`);
  for (let p = 0; p < table.periods.length; p++) {
    for (const part of [...(first[p] ?? []), ...(rest[p] ?? [])]) {
      if (part.length === 0) continue;
      // Each JSON record starts with ",\n"; the very first drops its comma.
      out.write(format === 'json' && !started ? part.subarray(1) : part);
      started = true;
    }
  }
  if (format === 'json') out.write(started ? '\n]\n' : ']\n');
}
