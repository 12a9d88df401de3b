import { Worker } from 'node:worker_threads';
import type { DataLayout } from '../input/dataLayout.js';
import type { ScannedRows } from '../input/scanRows.js';
import type { ResultFormat, ResultTable } from '../output/formatRows.js';

/**
 * A second thread for the two jobs that dominate a million-row run — parsing half of the data
 * file and formatting half of the output — so that both cores work on them.
 */
export interface HelperThread {
  scan(text: string, layout: DataLayout, firstRecord: number): Promise<ScannedRows>;
  /** `rankColumns` of columns [from, to) of `scores`, each `length` long. */
  rank(scores: Float64Array, length: number, from: number, to: number): Promise<Float64Array>;
  /** Formats units [from, to) of every period; the chunks of each period. */
  format(
    table: ResultTable,
    format: ResultFormat,
    from: number,
    to: number,
  ): Promise<Uint8Array[][]>;
  close(): Promise<void>;
}

export type HelperRequest =
  | { id: number; task: 'scan'; text: string; layout: DataLayout; firstRecord: number }
  | { id: number; task: 'rank'; scores: Float64Array; length: number; from: number; to: number }
  | {
      id: number;
      task: 'format';
      table: ResultTable;
      format: ResultFormat;
      from: number;
      to: number;
    };

export type HelperReply = { id: number; result: unknown } | { id: number; error: string };

export function startHelperThread(): HelperThread {
  // A large young generation, as the main thread gets from the launcher: it cuts GC time by a third.
  // Bundled (dist/dxmon.mjs, see scripts/bundle-cli.mjs) the helper is dist/dxmon-helper.mjs;
  // compiled module by module it is helperWorker.js beside this file.
  const bundled = import.meta.url.endsWith('.mjs');
  const file = new URL(bundled ? './dxmon-helper.mjs' : './helperWorker.js', import.meta.url);
  const worker = new Worker(file, {
    resourceLimits: { maxYoungGenerationSizeMb: 192 },
  });
  worker.unref();
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on('message', (reply: HelperReply) => {
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if ('error' in reply) waiting.reject(new Error(reply.error));
    else waiting.resolve(reply.result);
  });
  worker.on('error', (error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });
  const ask = <T>(request: HelperRequest, transfer: ArrayBuffer[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      pending.set(request.id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage(request, transfer);
    });
  return {
    scan: (text, layout, firstRecord) =>
      ask<ScannedRows>({ id: next++, task: 'scan', text, layout, firstRecord }),
    // A copy of just those columns, handed over rather than cloned.
    rank: (scores, length, from, to) => {
      const part = scores.slice(from * length, to * length);
      return ask<Float64Array>(
        { id: next++, task: 'rank', scores: part, length, from: 0, to: to - from },
        [part.buffer],
      );
    },
    format: (table, format, from, to) => {
      // Only what formatting needs crosses the thread boundary.
      const { units, codes, periods, scores, ranks } = table;
      return ask<Uint8Array[][]>({
        id: next++,
        task: 'format',
        table: { units, codes, periods, scores, ranks },
        format,
        from,
        to,
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
