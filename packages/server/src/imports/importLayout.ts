import { didYouMean } from '@dxmon/engine';
import type { ImportProblem } from './importReport.js';

/**
 * Where the columns of an import are. Long: `unit,indicator,period,value` (optional `source`,
 * `evidence`), one value per row. Wide: `unit,period` and one column per indicator.
 */
export type ImportLayout =
  | {
      kind: 'long';
      width: number;
      unit: number;
      indicator: number;
      period: number;
      value: number;
      source: number;
      evidence: number;
    }
  | {
      kind: 'wide';
      width: number;
      unit: number;
      period: number;
      source: number;
      evidence: number;
      indicators: { column: number; code: string }[];
    };

const reserved = new Set(['unit', 'indicator', 'period', 'value', 'source', 'evidence']);

/** Reads the header row; names are trimmed and compared without case. */
export function importLayout(
  header: string[],
  knownElements: ReadonlySet<string>,
): { layout?: ImportLayout; problems: ImportProblem[] } {
  const names = header.map((h) => h.trim().toLowerCase());
  const at = (name: string) => names.indexOf(name);
  const problems: ImportProblem[] = [];
  const width = header.length;
  if (at('unit') < 0 || at('period') < 0) {
    return {
      problems: [
        {
          row: 1,
          field: 'header',
          value: header.join(','),
          message:
            'the header needs "unit" and "period", and either "indicator,value" (long format) or one column per indicator (wide format)',
        },
      ],
    };
  }
  if (at('indicator') >= 0 || at('value') >= 0) {
    for (const name of ['indicator', 'value']) {
      if (at(name) < 0) {
        problems.push({
          row: 1,
          field: 'header',
          value: header.join(','),
          message: `the long format needs a column "${name}"`,
        });
      }
    }
    if (problems.length > 0) return { problems };
    return {
      layout: {
        kind: 'long',
        width,
        unit: at('unit'),
        indicator: at('indicator'),
        period: at('period'),
        value: at('value'),
        source: at('source'),
        evidence: at('evidence'),
      },
      problems,
    };
  }
  const indicators: { column: number; code: string }[] = [];
  header.forEach((raw, column) => {
    const code = raw.trim();
    if (reserved.has(code.toLowerCase()) || code === '') return;
    if (!knownElements.has(code)) {
      problems.push({
        row: 1,
        field: `column ${column + 1}`,
        value: code,
        message: `"${code}" is not a known indicator or data element${didYouMean(code, [...knownElements])}`,
      });
    } else indicators.push({ column, code });
  });
  if (indicators.length === 0 && problems.length === 0) {
    problems.push({
      row: 1,
      field: 'header',
      value: header.join(','),
      message: 'the wide format needs at least one indicator column',
    });
  }
  return {
    layout: {
      kind: 'wide',
      width,
      unit: at('unit'),
      period: at('period'),
      source: at('source'),
      evidence: at('evidence'),
      indicators,
    },
    problems,
  };
}
