import type { ComputeResult } from '@dxmon/engine';
import { csvField } from './csvField.js';
import type { OutputTarget } from './outputTarget.js';

export type ResultFormat = 'csv' | 'json';

/** Rows are joined into chunks of about this many characters before each write. */
const chunkSize = 1 << 20;

/**
 * Writes every node's score and rank for every unit and period, in the interchange format
 * `unit,code,period,score,rank` (a missing score or rank is an empty field), or as JSON records
 * with the same fields (missing: null). Rows go period by period, unit by unit, nodes in
 * framework order from the index down.
 */
export function writeResults(result: ComputeResult, format: ResultFormat, out: OutputTarget): void {
  const { units, codes, periods, scores, ranks } = result;
  const nu = units.length;
  const nn = codes.length;
  const json = format === 'json';
  const unitText = units.map((u) => (json ? JSON.stringify(u) : csvField(u)));
  const codeText = codes.map((c) => (json ? JSON.stringify(c) : csvField(c)));
  let buffer = json ? '[' : 'unit,code,period,score,rank\n';
  let first = true;
  periods.forEach((period, p) => {
    const periodText = json ? JSON.stringify(period) : csvField(period);
    for (let u = 0; u < nu; u++) {
      for (let n = 0; n < nn; n++) {
        const at = (p * nn + n) * nu + u;
        const score = scores[at] as number;
        const rank = ranks[at] as number;
        if (json) {
          buffer += `${first ? '\n' : ',\n'}{"unit":${unitText[u]},"code":${codeText[n]},"period":${periodText},"score":${!Number.isNaN(score) ? score : 'null'},"rank":${!Number.isNaN(rank) ? rank : 'null'}}`;
          first = false;
        } else {
          buffer += `${unitText[u]},${codeText[n]},${periodText},${!Number.isNaN(score) ? score : ''},${!Number.isNaN(rank) ? rank : ''}\n`;
        }
        if (buffer.length > chunkSize) {
          out.write(buffer);
          buffer = '';
        }
      }
    }
  });
  buffer += json ? '\n]\n' : '';
  out.write(buffer);
}
