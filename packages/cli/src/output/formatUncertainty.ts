import type { RankInterval, SensitivityRow, UncertaintyResult } from '@dxmon/engine';
import { csvField } from './csvField.js';

export const intervalColumns = [
  'unit',
  'code',
  'nominal_rank',
  'mean_rank',
  'median_rank',
  'p05_rank',
  'p95_rank',
  'within_k_share',
] as const;

export const sensitivityColumns = [
  'input',
  'first_order',
  'total_order',
  'first_order_low',
  'first_order_high',
  'total_order_low',
  'total_order_high',
] as const;

/** What the output says about how the results were made, beside the results. */
export interface UncertaintyHeader {
  framework: string | null;
  seed: number;
  design: Record<string, unknown>;
}

/**
 * The analysis as CSV — the rank intervals (header `unit,code,nominal_rank,mean_rank,median_rank,
 * p05_rank,p95_rank,within_k_share`), then with sensitivity a blank line and the indices (header
 * `input,first_order,...`) — or as one JSON object with keys `results` and `sensitivity`. An
 * undefined statistic is an empty CSV field or a JSON null. Rank statistics are rounded to 4
 * decimals and indices to 6: the digits beyond are sampling noise (3.5999999999999996 is 3.6).
 */
export function formatUncertainty(
  analysis: UncertaintyResult,
  format: 'csv' | 'json',
  header: UncertaintyHeader,
): string {
  const result = rounded(analysis);
  if (format === 'json') {
    const body = {
      framework: header.framework,
      period: result.period,
      runs: result.runs,
      seed: header.seed,
      k: result.k,
      inputs: result.inputs,
      design: header.design,
      results: result.intervals,
      ...(result.sensitivity ? { sensitivity: result.sensitivity } : {}),
    };
    return `${JSON.stringify(body, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
  }
  const lines = [intervalColumns.join(',')];
  for (const row of result.intervals) lines.push(csvLine(row, intervalColumns));
  if (result.sensitivity) {
    lines.push('', sensitivityColumns.join(','));
    for (const row of result.sensitivity) lines.push(csvLine(row, sensitivityColumns));
  }
  return `${lines.join('\n')}\n`;
}

function csvLine<T extends RankInterval | SensitivityRow>(
  row: T,
  columns: readonly (keyof T & string)[],
): string {
  return columns
    .map((c) => {
      const v = row[c];
      if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
      return csvField(String(v));
    })
    .join(',');
}

function rounded(result: UncertaintyResult): UncertaintyResult {
  const round = (x: number, places: number) => {
    const f = 10 ** places;
    return Math.round(x * f) / f;
  };
  const ranks = ['mean_rank', 'median_rank', 'p05_rank', 'p95_rank', 'within_k_share'] as const;
  return {
    ...result,
    intervals: result.intervals.map((row) => {
      const copy = { ...row };
      for (const key of ranks) copy[key] = round(row[key], 4);
      return copy;
    }),
    ...(result.sensitivity
      ? {
          sensitivity: result.sensitivity.map((row) => {
            const copy = { ...row };
            for (const key of sensitivityColumns.slice(1) as (keyof SensitivityRow)[]) {
              if (key !== 'input') copy[key] = round(row[key], 6);
            }
            return copy;
          }),
        }
      : {}),
  };
}
