import { parentPort } from 'node:worker_threads';
import { rankColumns } from '@dxmon/engine';
import { scanRows } from '../input/scanRows.js';
import { formatRows } from '../output/formatRows.js';
import type { HelperReply, HelperRequest } from './helperThread.js';

const port = parentPort;
if (!port) throw new Error('helperWorker runs only as a worker thread');

port.on('message', (request: HelperRequest) => {
  try {
    if (request.task === 'scan') {
      const rows = scanRows(request.text, request.layout, request.firstRecord);
      const reply: HelperReply = { id: request.id, result: rows };
      port.postMessage(reply, [
        rows.unit.buffer,
        rows.seriesOf.buffer,
        rows.period.buffer,
        rows.value.buffer,
        rows.record.buffer,
      ] as ArrayBuffer[]);
    } else if (request.task === 'rank') {
      const ranks = rankColumns(request.scores, request.length, request.from, request.to);
      port.postMessage({ id: request.id, result: ranks } satisfies HelperReply, [
        ranks.buffer as ArrayBuffer,
      ]);
    } else {
      const { table, format, from, to } = request;
      const parts = table.periods.map((_, p) => formatRows(table, format, p, from, to));
      port.postMessage(
        { id: request.id, result: parts } satisfies HelperReply,
        parts.flat().map((chunk) => chunk.buffer as ArrayBuffer),
      );
    }
  } catch (error) {
    port.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies HelperReply);
  }
});
