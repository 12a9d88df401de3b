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
  let started = false;
  const write = (chunks: readonly Uint8Array[] | undefined) => {
    for (const chunk of chunks ?? []) {
      if (chunk.length === 0) continue;
      // Each JSON record starts with ",\n"; the very first drops its comma.
      out.write(format === 'json' && !started ? chunk.subarray(1) : chunk);
      started = true;
    }
  };
  const extra = (table.extra ?? []).map((column) => `,${column.name}`).join('');
  out.write(format === 'json' ? '[' : `unit,code,period,score,rank${extra}\n`);
  // The first period's own half is written while the helper is still formatting its half.
  const first = table.periods.map((_, p) => formatRows(table, format, p, 0, split));
  write(first[0]);
  const rest = second ? await second : [];
  for (let p = 0; p < table.periods.length; p++) {
    if (p > 0) write(first[p]);
    write(rest[p]);
  }
  if (format === 'json') out.write(started ? '\n]\n' : ']\n');
}
