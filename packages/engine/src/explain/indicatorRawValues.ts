import { evaluateFormula } from '../formula/evaluate.js';
import type { FrameworkTree } from '../framework/frameworkTree.js';
import { type Panel, panelColumn } from '../panel/panel.js';

/**
 * An indicator's raw values over units, one array per period of the panel: its formula evaluated
 * on the data, before imputation, outlier treatment and normalisation (step 1 of `compute`).
 */
export function indicatorRawValues(
  tree: FrameworkTree,
  panel: Panel,
  node: number,
): Float64Array[] {
  const formula = tree.formulas[node];
  if (!formula) throw new RangeError(`node ${tree.codes[node]} is not an indicator`);
  const nu = panel.units.length;
  const seriesIndex = new Map(panel.series.map((code, i) => [code, i]));
  return panel.periods.map((_, p) =>
    evaluateFormula(
      formula,
      (code) => {
        const s = seriesIndex.get(code);
        return s === undefined ? new Float64Array(nu).fill(Number.NaN) : panelColumn(panel, p, s);
      },
      nu,
    ),
  );
}
