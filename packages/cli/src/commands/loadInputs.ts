import {
  didYouMean,
  type Framework,
  formulaElements,
  indicatorFormula,
  validateFramework,
} from '@dxmon/engine';
import { type DataInput, readDataCsv } from '../input/readDataCsv.js';
import { readFramework } from '../input/readFramework.js';
import type { HelperThread } from '../parallel/helperThread.js';

export interface Inputs {
  framework: Framework;
  data?: DataInput;
  /** Every error found, one line each, naming file, line, column and value. */
  errors: string[];
  warnings: string[];
}

/**
 * Reads a framework and, when given, the data, and checks them against each other: every
 * indicator needs data, and every series in the data must be used by the framework.
 */
export async function loadInputs(
  frameworkPath: string,
  dataPath?: string,
  groupBy?: string,
  helper?: HelperThread,
): Promise<Inputs> {
  const { framework, problems } = readFramework(frameworkPath);
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  const warnings = problems.filter((p) => p.severity === 'warning').map((p) => p.message);
  if (dataPath === undefined) return { framework, errors, warnings };

  const data = await readDataCsv(dataPath, { groupBy, helper });
  errors.push(...data.problems);
  // An indicator whose rows were all refused is reported through those rows, not as absent.
  const dataCodes = new Set([...data.panel.series, ...data.rejectedSeries]);
  // With a broken framework, which nodes are indicators is not known: say nothing of their data.
  const frameworkBroken = problems.some((p) => p.severity === 'error');
  if (!frameworkBroken) {
    for (const p of validateFramework(framework, { dataCodes })) {
      if (p.kind === 'missing-data') errors.push(`${frameworkPath}: ${p.message} (${dataPath})`);
    }
  }
  // Codes of nodes dropped for their own problems are not "unused" by the framework either.
  const used = new Set<string>(
    problems.flatMap((p) => (p.kind === 'invalid-node' && p.node ? [p.node] : [])),
  );
  const parents = new Set(framework.nodes.map((n) => n.parent));
  for (const node of framework.nodes) {
    if (parents.has(node.code)) continue;
    try {
      for (const code of formulaElements(indicatorFormula(node))) used.add(code);
    } catch {
      // a malformed formula is already reported by the framework's own checks
    }
  }
  const usedCodes = [...used];
  for (const code of data.panel.series) {
    if (used.has(code)) continue;
    const rows = countRows(data, code);
    errors.push(
      `${dataPath}:${data.seriesLine(code)}: column "indicator": "${code}" is not an indicator of ${frameworkPath}, nor read by any indicator's formula (${rows} value${rows === 1 ? '' : 's'})${didYouMean(code, usedCodes)}`,
    );
  }
  return { framework, data, errors, warnings };
}

function countRows(data: DataInput, code: string): number {
  const { units, series, periods, values } = data.panel;
  const s = series.indexOf(code);
  let n = 0;
  for (let p = 0; p < periods.length; p++) {
    const start = (p * series.length + s) * units.length;
    for (let u = 0; u < units.length; u++) if (!Number.isNaN(values[start + u])) n++;
  }
  return n;
}
