import {
  forecastIndex,
  forecastSeries,
  type IndexHistory,
  methodSpread,
  periodYear,
  type RankBand,
  type SeriesForecast,
} from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { perDatabaseCache } from './perDatabaseCache.js';
import { getResults, type Results } from './results.js';
import { getUncertainty } from './uncertainty.js';

/** Draws and seed of the rank-change odds: fixed, so the same data always give the same answer. */
export const indexForecastDraws = 1000;
export const indexForecastSeed = 1;

/** A unit's index next period: its score with intervals, and the odds of each rank change. */
export interface ProfileForecast {
  /** The period forecast (the year after the profile's, for yearly periods), or null for others. */
  period: string | null;
  /** The unit's score forecast from its history through lineage (0 to 100). */
  score: SeriesForecast;
  /** The unit's rank now among the units forecast, or null. */
  rank: number | null;
  /** The units of the level taking part in the rank draws. */
  units: number;
  /** Probability of each band of rank change, or null without a forecast. */
  bands: Record<RankBand, number> | null;
  /** The 5th to 95th percentile of the next rank over the draws. */
  rank_interval: { p05: number; p95: number } | null;
  /**
   * The unit's method uncertainty in score points, from the uncertainty analysis's rank interval
   * (`methodSpread`), added to every unit's draws; null when the analysis could not be made.
   */
  method_sd: number | null;
  draws: number;
  seed: number;
}

/** The level's rank forecasts by revision, framework, level, date and period. */
const cache = perDatabaseCache<ReturnType<typeof forecastIndex>>(64);
/** The method spreads they were drawn with, by the same key. */
const spreads = perDatabaseCache<Map<string, number>>(64);

/**
 * Each unit's method uncertainty in score points (`methodSpread`) from the API's uncertainty
 * analysis of the period (500 runs of weights and methods, cached per data revision). Empty when
 * the analysis cannot be made for this framework and level (the rank odds then carry the trend's
 * uncertainty only, and `method_sd` says null).
 */
async function methodSpreads(database: Database, main: Results): Promise<Map<string, number>> {
  let ranks: Awaited<ReturnType<typeof getUncertainty>>;
  try {
    ranks = await getUncertainty(database, {
      frameworkId: main.framework.id,
      frameworkVersion: main.framework.version,
      period: main.period,
      level: main.level,
    });
  } catch {
    return new Map();
  }
  const byUnit = new Map(ranks.items.map((i) => [i.unit, i]));
  const units = main.items.map((i) => i.unit);
  const sd = methodSpread(
    main.items.map((i) => i.score ?? Number.NaN),
    units.map((u) => byUnit.get(u)?.p05_rank ?? null),
    units.map((u) => byUnit.get(u)?.p95_rank ?? null),
  );
  return new Map(units.map((u, i) => [u, sd[i] as number]));
}

/**
 * Next period's index for one unit: its score history (the profile's, through lineage) forecast
 * by the engine (`forecastSeries`, 0-100), and the rank-change odds from `forecastIndex` over every
 * unit of the level, each with its history on the units of the profile's date (predecessors'
 * scores carried to their successors as the results do) and its method uncertainty from the
 * uncertainty analysis (`methodSpreads`), so the odds carry both. Seeded: reproducible.
 */
export async function profileForecast(
  database: Database,
  main: Results,
  unit: string,
  history: readonly { period: string; score: number | null }[],
  revision: number,
): Promise<ProfileForecast> {
  const upTo = history.filter((h) => h.period <= main.period);
  const points = upTo
    .filter((h) => h.score !== null)
    .map((h) => ({ t: periodYear(h.period), value: h.score as number }));
  const yearly = /^\d{4}$/.test(main.period);
  const now = periodYear(main.period);
  const previous = points.length > 1 ? (points.at(-2)?.t as number) : now - 1;
  const time = yearly ? now + 1 : now + (now - previous);
  const score = forecastSeries(points, time, { bounds: { lower: 0, upper: 100 } });
  const key = `${revision}|${main.framework.id}|${main.framework.version}|${main.level}|${main.at}|${main.period}`;
  let level = cache.get(database, key);
  let spread = spreads.get(database, key);
  if (!level || !spread) {
    const byUnit = new Map<string, IndexHistory>(
      main.items.map((i) => [i.unit, { unit: i.unit, scores: [] }]),
    );
    for (const { period } of upTo) {
      const results =
        period === main.period
          ? main
          : await getResults(database, {
              frameworkId: main.framework.id,
              frameworkVersion: main.framework.version,
              period,
              level: main.level,
              at: main.at,
            });
      for (const item of results.items) {
        const h = byUnit.get(item.unit);
        if (h && item.score !== null)
          (h.scores as { t: number; value: number }[]).push({
            t: periodYear(period),
            value: item.score,
          });
      }
    }
    spread = await methodSpreads(database, main);
    for (const [unit, sd] of spread) {
      const h = byUnit.get(unit);
      if (h) byUnit.set(unit, { ...h, method_sd: sd });
    }
    level = forecastIndex([...byUnit.values()], time, {
      draws: indexForecastDraws,
      seed: indexForecastSeed,
    });
    cache.set(database, key, level);
    spreads.set(database, key, spread);
  }
  const own = level.find((f) => f.unit === unit);
  return {
    period: yearly ? String(now + 1) : null,
    score,
    rank: own?.rank ?? null,
    units: level.filter((f) => f.rank !== null).length,
    bands: own?.bands ?? null,
    rank_interval: own?.rank_interval ?? null,
    method_sd: spread.size > 0 ? (spread.get(unit) ?? null) : null,
    draws: indexForecastDraws,
    seed: indexForecastSeed,
  };
}
