import {
  type AggregateSpec,
  analyseUncertainty,
  type NormaliseSpec,
  type UncertaintyDesign,
} from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { assessmentInput } from './assessments.js';
import { dataRevision } from './dataRevision.js';
import { getFramework } from './frameworks.js';
import { perDatabaseCache } from './perDatabaseCache.js';

const normalise: NormaliseSpec[] = [
  { method: 'minmax', range: [1, 100] },
  { method: 'zscore', mean: 100, sd: 10 },
];
const aggregate: AggregateSpec[] = [
  { method: 'arithmetic', data_threshold: 0 },
  { method: 'geometric', data_threshold: 0 },
];

/**
 * The fixed design behind the API's rank intervals: 500 Monte Carlo runs with seed 1; every
 * weight at every level within ±25%; min-max or z-score normalisation; arithmetic or geometric
 * means. Min-max to [1, 100] and z-scores around 100 (sd 10) keep geometric means defined and, with
 * arithmetic means, rank exactly as the default min-max to [0, 100]: the nominal rank is the
 * published one.
 */
export const apiUncertaintyDesign = {
  runs: 500,
  seed: 1,
  k: 3,
  design: { weights: { spread: 0.25 }, normalise, aggregate } satisfies UncertaintyDesign,
};

export interface UncertaintyItem {
  unit: string;
  nominal_rank: number | null;
  mean_rank: number | null;
  median_rank: number | null;
  p05_rank: number | null;
  p95_rank: number | null;
  within_k_share: number | null;
}

export interface UncertaintyAnswer {
  framework: { id: string; version: number; name: string };
  period: string;
  level: string;
  data_revision: number;
  design: {
    runs: number;
    seed: number;
    k: number;
    weights_spread: number;
    normalise: string[];
    aggregate: string[];
  };
  items: UncertaintyItem[];
}

export interface UncertaintyKey {
  frameworkId: string;
  frameworkVersion?: number | undefined;
  period: string;
  level: string;
}

/** Answers are immutable per framework version, period, level and data revision. */
const cache = perDatabaseCache<UncertaintyAnswer>(64);

/**
 * Each unit's index rank under the fixed design (apiUncertaintyDesign): nominal, mean, median,
 * 5th and 95th percentiles, and the share of runs within ±3 places. The engine's
 * analyseUncertainty on the data the assessment runs read; computed once per data revision.
 */
export async function getUncertainty(
  database: Database,
  key: UncertaintyKey,
): Promise<UncertaintyAnswer> {
  const framework = await getFramework(database.db, key.frameworkId, key.frameworkVersion);
  const revision = await dataRevision(database);
  const cacheKey = [framework.id, framework.version, key.period, key.level, revision].join('|');
  const cached = cache.get(database, cacheKey);
  if (cached) return cached;

  const input = await assessmentInput(database, { ...key, frameworkVersion: framework.version });
  const { runs, seed, k, design } = apiUncertaintyDesign;
  const result = analyseUncertainty(
    { tree: input.tree, panel: input.panel, groups: input.groups, period: key.period, design },
    { runs, seed, k },
  );
  const answer: UncertaintyAnswer = {
    framework: { id: framework.id, version: framework.version, name: framework.name },
    period: key.period,
    level: key.level,
    data_revision: input.revision,
    design: {
      runs,
      seed,
      k,
      weights_spread: design.weights.spread,
      normalise: normalise.map((n) => n.method),
      aggregate: aggregate.map((a) => a.method),
    },
    items: result.intervals.map((row) => ({
      unit: row.unit,
      nominal_rank: finite(row.nominal_rank),
      mean_rank: finite(row.mean_rank),
      median_rank: finite(row.median_rank),
      p05_rank: finite(row.p05_rank),
      p95_rank: finite(row.p95_rank),
      within_k_share: finite(row.within_k_share),
    })),
  };
  cache.set(database, cacheKey, answer);
  return answer;
}

function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
