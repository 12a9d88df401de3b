import type { Predictive } from './predictive.js';

/** The trend models fitted to a short series, each with its prediction intervals. */
export type TrendModelName = 'compound' | 'linear' | 'log-linear' | 'damped';

export const trendModelNames: readonly TrendModelName[] = [
  'compound',
  'linear',
  'log-linear',
  'damped',
];

/** A model fitted to a series: its predictive distribution at any later time. */
export type FittedTrend = (time: number) => Predictive;

export interface TrendModel {
  name: TrendModelName;
  /** Observations the model needs for an interval (two estimate the trend, a third its spread). */
  minPoints: number;
  /** Whether the model works on logarithms, so every value must be positive. */
  positive: boolean;
  /** Fits the model to times `t` (increasing, distinct) and values `y`. */
  fit(t: readonly number[], y: readonly number[]): FittedTrend;
}

/**
 * The damping factor of the damped trend: each year keeps this share of the previous year's
 * drift (Gardner and McKenzie 1985; 0.8 to 0.98 is the usual range, Hyndman and Athanasopoulos
 * 2021, 8.2). Fixed rather than estimated: a handful of annual points cannot estimate it.
 */
export const dampingFactor = 0.9;

/**
 * Compound growth, as Open SDG projects: the log of the value is a random walk with drift. The
 * drift g = (ln y_n - ln y_1) / (t_n - t_1) is the log of one plus the compound annual growth rate
 * (CAGR); the point forecast y_n (1 + CAGR)^h is Open SDG's projection. The spread sigma^2 is
 * estimated from the yearly log changes around g (each change over dt years has variance
 * sigma^2 dt), and the forecast h years after the last point has variance
 * sigma^2 (h + h^2 / (t_n - t_1)): the walk's own steps plus the uncertainty of g.
 */
const compound: TrendModel = {
  name: 'compound',
  minPoints: 3,
  positive: true,
  fit: (t, y) => randomWalkWithDrift(t, y.map(Math.log), true, () => 1),
};

/**
 * A damped trend: the value is a random walk whose drift fades by `dampingFactor` each year
 * (the damped-trend method of Gardner and McKenzie, with the drift estimated as in `compound` on
 * the values themselves). Suited to series that slow down as they approach a ceiling.
 */
const damped: TrendModel = {
  name: 'damped',
  minPoints: 3,
  positive: false,
  fit: (t, y) =>
    randomWalkWithDrift(t, y, false, (h) =>
      h > 0 ? (dampingFactor * (1 - dampingFactor ** h)) / (1 - dampingFactor) / h : 1,
    ),
};

/**
 * A straight line fitted by least squares, y = a + b t, with the classical prediction interval:
 * scale s sqrt(1 + 1/n + (T - mean t)^2 / S_tt), s^2 = SSE / (n - 2), n - 2 degrees of freedom.
 */
const linear: TrendModel = {
  name: 'linear',
  minPoints: 3,
  positive: false,
  fit: (t, y) => leastSquaresLine(t, y, false),
};

/** The same line fitted to the logarithms: constant growth with deviations proportional to the level. */
const logLinear: TrendModel = {
  name: 'log-linear',
  minPoints: 3,
  positive: true,
  fit: (t, y) => leastSquaresLine(t, y.map(Math.log), true),
};

export const trendModels: Record<TrendModelName, TrendModel> = {
  compound,
  linear,
  'log-linear': logLinear,
  damped,
};

/**
 * A random walk with drift g on `z` (values or their logs): z_T = z_n + g h D(h) + noise, where
 * `damping(h)` D(h) shortens the drift's reach (1 for a constant drift).
 */
function randomWalkWithDrift(
  t: readonly number[],
  z: readonly number[],
  log: boolean,
  damping: (h: number) => number,
): FittedTrend {
  const n = z.length;
  const span = (t[n - 1] as number) - (t[0] as number);
  const g = ((z[n - 1] as number) - (z[0] as number)) / span;
  let sum = 0;
  for (let i = 1; i < n; i++) {
    const dt = (t[i] as number) - (t[i - 1] as number);
    const step = (z[i] as number) - (z[i - 1] as number) - g * dt;
    sum += (step * step) / dt;
  }
  const df = n - 2;
  const variance = df > 0 ? sum / df : Number.NaN;
  const last = z[n - 1] as number;
  const lastTime = t[n - 1] as number;
  return (time) => {
    const h = time - lastTime;
    const reach = h * damping(h);
    return {
      location: last + g * reach,
      scale: Math.sqrt(variance * (h + (reach * reach) / span)),
      df,
      log,
    };
  };
}

function leastSquaresLine(t: readonly number[], z: readonly number[], log: boolean): FittedTrend {
  const n = z.length;
  let mt = 0;
  let mz = 0;
  for (let i = 0; i < n; i++) {
    mt += t[i] as number;
    mz += z[i] as number;
  }
  mt /= n;
  mz /= n;
  let stt = 0;
  let stz = 0;
  for (let i = 0; i < n; i++) {
    const dt = (t[i] as number) - mt;
    stt += dt * dt;
    stz += dt * ((z[i] as number) - mz);
  }
  const slope = stz / stt;
  const intercept = mz - slope * mt;
  let sse = 0;
  for (let i = 0; i < n; i++) {
    const r = (z[i] as number) - intercept - slope * (t[i] as number);
    sse += r * r;
  }
  const df = n - 2;
  const s2 = df > 0 ? sse / df : Number.NaN;
  return (time) => ({
    location: intercept + slope * time,
    scale: Math.sqrt(s2 * (1 + 1 / n + ((time - mt) * (time - mt)) / stt)),
    df,
    log,
  });
}
