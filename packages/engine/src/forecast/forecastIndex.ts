import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { rankDescending } from '../rank/rankDescending.js';
import { randomStreams } from '../uncertainty/randomStreams.js';
import {
  combineModels,
  forecastSeries,
  type SeriesForecast,
  type SeriesPoint,
} from './forecastSeries.js';
import type { Mixture } from './mixture.js';

/** A unit's index history and, from the uncertainty analysis, how much its score varies with the method. */
export interface IndexHistory {
  unit: string;
  /** The unit's index score per period (time as a year). */
  scores: readonly SeriesPoint[];
  /** Standard deviation of the unit's score over the uncertainty analysis's runs (0 or absent: none). */
  method_sd?: number | undefined;
}

/** Rank changes grouped for reading: up (a better rank) by 3 or more, 1 or 2, the same, down. */
export type RankBand = 'up-3+' | 'up-1-2' | 'same' | 'down-1-2' | 'down-3+';
export const rankBands: readonly RankBand[] = ['up-3+', 'up-1-2', 'same', 'down-1-2', 'down-3+'];

export interface IndexForecast {
  unit: string;
  /** The unit's rank now among the units forecast (by their latest scores), or null. */
  rank: number | null;
  score: SeriesForecast;
  /** Probability of each band of rank change by the next period, or null without a forecast. */
  bands: Record<RankBand, number> | null;
  /** The most likely next rank's 5th to 95th percentile range over the draws. */
  rank_interval: { p05: number; p95: number } | null;
}

export interface IndexForecastOptions {
  draws?: number;
  seed?: number;
}

/**
 * Next period's index: each unit's score forecast from its own history (forecastSeries, bounded to
 * 0-100), and the chance of each rank change. The ranks come from joint draws: in each draw every
 * unit's score is drawn from its forecast (a model picked by its weight, then a Student t variate)
 * plus the method's own spread (a normal variate with `method_sd`, from the uncertainty analysis),
 * and the units are ranked; a unit's rank change is its rank now (among the units forecast, by
 * their latest scores) minus its rank in the draw. Draws are reproducible from `seed`. Units with
 * too short a history, or without a score in the latest period, have no forecast (a reason) and
 * take no part in the ranking draws.
 */
export function forecastIndex(
  histories: readonly IndexHistory[],
  time: number,
  options: IndexForecastOptions = {},
): IndexForecast[] {
  const draws = options.draws ?? 1000;
  const bounds = { lower: 0, upper: 100 };
  // The current period: the latest time any unit has a score. A unit without a score then (one
  // merged away, or not reported) is not ranked now and is not forecast.
  const lastOf = (h: IndexHistory) => h.scores.reduce((a, p) => Math.max(a, p.t), -Infinity);
  const current = histories.reduce((a, h) => Math.max(a, lastOf(h)), -Infinity);
  const forecasts = histories.map((h) =>
    h.scores.length > 0 && lastOf(h) < current
      ? { ...forecastSeries([], time), reason: `no score in the latest period (${current})` }
      : forecastSeries(h.scores, time, { bounds }),
  );
  const mixtures = histories.map((h, i) =>
    forecasts[i]?.reason === null ? combineModels(h.scores, time) : undefined,
  );
  const members: number[] = [];
  for (let i = 0; i < histories.length; i++) if (mixtures[i]?.ok) members.push(i);
  const latest = members.map((i) => {
    const scores = histories[i]?.scores ?? [];
    return scores.reduce((a, p) => (p.t > a.t ? p : a)).value;
  });
  const now = rankDescending(latest);
  const m = members.length;
  const counts = members.map(() => new Float64Array(rankBands.length));
  const rankDraws = members.map(() => new Float64Array(draws));
  const rng = randomStreams(options.seed ?? 1).next();
  const uniform = () => {
    let u = 0;
    while (u === 0) u = uniformFloat64(rng);
    return u;
  };
  const drawn = new Float64Array(m);
  for (let d = 0; d < draws; d++) {
    for (let k = 0; k < m; k++) {
      const i = members[k] as number;
      const mixture = (mixtures[i] as { mixture: Mixture }).mixture;
      const sd = histories[i]?.method_sd ?? 0;
      let score = drawFromMixture(mixture, uniform(), uniform());
      if (sd > 0) score += sd * normal(uniform(), uniform());
      drawn[k] = Math.min(100, Math.max(0, score));
    }
    const ranks = rankDescending(drawn);
    for (let k = 0; k < m; k++) {
      const change = (now[k] as number) - (ranks[k] as number);
      const band = change >= 3 ? 0 : change >= 1 ? 1 : change === 0 ? 2 : change >= -2 ? 3 : 4;
      const count = counts[k] as Float64Array;
      count[band] = (count[band] as number) + 1;
      (rankDraws[k] as Float64Array)[d] = ranks[k] as number;
    }
  }
  const position = new Map(members.map((i, k) => [i, k]));
  return histories.map((h, i) => {
    const k = position.get(i);
    if (k === undefined)
      return {
        unit: h.unit,
        rank: null,
        score: forecasts[i] as SeriesForecast,
        bands: null,
        rank_interval: null,
      };
    const c = counts[k] as Float64Array;
    const sorted = (rankDraws[k] as Float64Array).sort();
    return {
      unit: h.unit,
      rank: now[k] as number,
      score: forecasts[i] as SeriesForecast,
      bands: Object.fromEntries(rankBands.map((b, j) => [b, (c[j] as number) / draws])) as Record<
        RankBand,
        number
      >,
      rank_interval: {
        p05: sorted[Math.floor(0.05 * (draws - 1))] as number,
        p95: sorted[Math.ceil(0.95 * (draws - 1))] as number,
      },
    };
  });
}

/** A draw from the mixture: a component by its weight (u1), then its Student t (u2). */
function drawFromMixture(mixture: Mixture, u1: number, u2: number): number {
  let acc = 0;
  let chosen = mixture[mixture.length - 1];
  for (const c of mixture) {
    acc += c.weight;
    if (u1 <= acc) {
      chosen = c;
      break;
    }
  }
  const p = (chosen as Mixture[number]).predictive;
  const x = p.scale > 0 ? p.location + p.scale * tQuantile(u2, p.df) : p.location;
  return p.log ? Math.exp(x) : x;
}

/** A standard normal variate from two uniforms (Box and Muller 1958). */
function normal(u1: number, u2: number): number {
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
