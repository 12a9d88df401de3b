/** A fitted straight line y = intercept + slope * t. */
export interface LinearTrend {
  slope: number;
  intercept: number;
}

/**
 * Ordinary least-squares line through the points (t_i, y_i):
 * slope = sum((t - mean t)(y - mean y)) / sum((t - mean t)^2), intercept = mean y - slope mean t
 * (Excel's SLOPE and INTERCEPT; its FORECAST.LINEAR(T) is intercept + slope T). NaN slope and
 * intercept with fewer than two distinct times.
 */
export function linearTrend(t: ArrayLike<number>, y: ArrayLike<number>): LinearTrend {
  const n = t.length;
  let mt = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mt += t[i] as number;
    my += y[i] as number;
  }
  mt /= n;
  my /= n;
  let sty = 0;
  let stt = 0;
  for (let i = 0; i < n; i++) {
    const dt = (t[i] as number) - mt;
    sty += dt * ((y[i] as number) - my);
    stt += dt * dt;
  }
  if (!(stt > 0)) return { slope: Number.NaN, intercept: Number.NaN };
  const slope = sty / stt;
  return { slope, intercept: my - slope * mt };
}
