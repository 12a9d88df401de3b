import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { randomStreams } from '../uncertainty/randomStreams.js';
import type { SeriesPoint } from './forecastSeries.js';

/** The kinds of trend the calibration set draws from. */
export type SyntheticKind = 'geometric' | 'linear' | 'random-walk' | 'damped';
export const syntheticKinds: readonly SyntheticKind[] = [
  'geometric',
  'linear',
  'random-walk',
  'damped',
];

/** A synthetic series with a known future: what a forecast sees, and the truth it must cover. */
export interface SyntheticCase {
  kind: SyntheticKind;
  /** The observed years. */
  observed: SeriesPoint[];
  /** The year forecast, 1 to 5 years after the last observation. */
  time: number;
  /** The value the series actually took then. */
  truth: number;
  /** A threshold near the trend's path, to score probabilities. */
  threshold: number;
}

/**
 * A calibration set of short annual series with known trends, reproducible from `seed`, in equal
 * numbers of four kinds: geometric growth with log-normal noise (2-17% a year, noise 1-9%), a
 * straight line with normal noise, a random walk with drift on the logarithm (Open SDG's compound
 * growth with shocks that persist), and a damped trend (a drift fading by 15% a year). Each series
 * has 4 to 10 observed years and a truth 1 to 5 years on; the threshold lies between half a year's
 * trend below and one and a half above the last value's path, so that probabilities are tested
 * near and away from 50%.
 */
export function syntheticSeries(count: number, seed = 1): SyntheticCase[] {
  const rng = randomStreams(seed).next();
  const u = () => {
    let v = 0;
    while (v === 0) v = uniformFloat64(rng);
    return v;
  };
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const cases: SyntheticCase[] = [];
  for (let s = 0; s < count; s++) {
    const kind = syntheticKinds[s % syntheticKinds.length] as SyntheticKind;
    const n = 4 + Math.floor(u() * 7);
    const h = 1 + Math.floor(u() * 5);
    const g = 0.02 + u() * 0.15;
    const sigma = 0.01 + u() * 0.08;
    const values: number[] = [];
    let logLevel = Math.log(10 + u() * 50);
    let level = 30;
    let drift = 50 * g;
    for (let i = 0; i < n + h; i++) {
      if (kind === 'geometric') values.push(20 * Math.exp(g * i + sigma * normal()));
      else if (kind === 'linear') values.push(20 + 60 * g * i + 20 * sigma * normal());
      else if (kind === 'random-walk') {
        logLevel += g + sigma * normal();
        values.push(Math.exp(logLevel));
      } else {
        drift *= 0.85;
        level += drift + 30 * sigma * normal();
        values.push(level);
      }
    }
    const last = values[n - 1] as number;
    cases.push({
      kind,
      observed: values.slice(0, n).map((value, i) => ({ t: 2015 + i, value })),
      time: 2015 + n + h - 1,
      truth: values[n + h - 1] as number,
      threshold: last * (1 + (u() * 2 - 0.5) * g) ** h,
    });
  }
  return cases;
}
