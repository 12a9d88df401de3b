import { logTransform } from './logTransform.js';
import { passesSkewKurtosis } from './passesSkewKurtosis.js';
import type { OutlierSpec } from './spec.js';
import { winsorise } from './winsorise.js';

export interface TreatedPoint {
  /** Position of the unit in the column. */
  index: number;
  from: number;
  to: number;
  how: 'winsorised-high' | 'winsorised-low' | 'log';
}

export interface OutlierTreatment {
  values: Float64Array;
  /** `passed`: no treatment needed; `winsorised`; `log`: winsorisation did not suffice. */
  outcome: 'passed' | 'winsorised' | 'log';
  skewness: number;
  kurtosis: number;
  /** Whether the treated values pass the test (a log transform may still fail it). */
  pass: boolean;
  points: TreatedPoint[];
}

/**
 * The JRC two-stage treatment as COINr's `Treat` applies it by default: if the indicator fails
 * the skewness/kurtosis test, winsorise (at most `max_points`); if it still fails, discard the
 * winsorisation and log-transform the original values instead. Every changed point is reported.
 */
export function treatOutliers(values: ArrayLike<number>, spec: OutlierSpec): OutlierTreatment {
  const original = Float64Array.from(values);
  const before = passesSkewKurtosis(original);
  const base = { skewness: before.skewness, kurtosis: before.kurtosis };
  if (spec.method === 'none')
    return { values: original, outcome: 'passed', pass: before.pass, points: [], ...base };
  const initial = passesSkewKurtosis(original, spec.skewness, spec.kurtosis);
  if (initial.pass) return { values: original, outcome: 'passed', pass: true, points: [], ...base };

  const win = winsorise(original, spec.max_points, spec.skewness, spec.kurtosis);
  if (win.pass) {
    const points = win.treated.map((index, k) => ({
      index,
      from: original[index] as number,
      to: win.values[index] as number,
      how: win.side[k] === 'high' ? ('winsorised-high' as const) : ('winsorised-low' as const),
    }));
    return { values: win.values, outcome: 'winsorised', pass: true, points, ...base };
  }

  const logged = logTransform(original);
  const points: TreatedPoint[] = [];
  for (let i = 0; i < original.length; i++) {
    const from = original[i] as number;
    if (!Number.isNaN(from)) points.push({ index: i, from, to: logged[i] as number, how: 'log' });
  }
  const after = passesSkewKurtosis(logged, spec.skewness, spec.kurtosis);
  return { values: logged, outcome: 'log', pass: after.pass, points, ...base };
}
