import { evaluateFormula, frameworkTree, mean } from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { NotFound, ValidationFailed } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { dataRevision } from './dataRevision.js';
import { frameworkElements } from './datasets.js';
import { getFramework } from './frameworks.js';
import { perDatabaseCache } from './perDatabaseCache.js';
import { type ProfileForecast, profileForecast } from './profileForecast.js';
import { getResults, type Results } from './results.js';
import { type AssessedTarget, assessTargets } from './targets.js';
import { getUnit, type UnitWithLineage } from './units.js';

export interface ProfileNode {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
  kind: 'index' | 'pillar' | 'indicator';
  weight: number;
  direction: number;
  unit_of_measure: string | null;
  score: number | null;
  rank: number | null;
  /** The indicator's value before normalisation (from its formula); null for aggregates. */
  value: number | null;
  region_mean: number | null;
  national_mean: number | null;
}

export interface ProfilePoint {
  period: string;
  score: number | null;
  rank: number | null;
  units: number;
  derived: boolean;
}

export interface Profile {
  unit: UnitWithLineage;
  framework: { id: string; version: number; name: string };
  period: string;
  /** True when the unit did not exist in the period: its results come from its predecessors. */
  derived: boolean;
  score: number | null;
  rank: number | null;
  rank_change: number | null;
  units: number;
  region: string | null;
  nodes: ProfileNode[];
  history: ProfilePoint[];
  /** Next period's score with intervals and the rank-change odds (engine forecasts). */
  forecast: ProfileForecast;
  targets: AssessedTarget[];
}

/** Profiles are immutable per data revision: a small cache spares recomputing them. */
const cache = perDatabaseCache<Profile>(512);

/**
 * One unit's profile for a framework and period: its score and rank, every node's score and rank
 * against the regional and national means, each indicator's raw value, its history period by
 * period (before the unit existed, from its predecessors), and its targets. Every figure comes
 * from stored assessment results (the engine's) or from the engine itself.
 */
export async function unitProfile(
  database: Database,
  q: { unit: string; framework: string; version?: number | undefined; period: string },
): Promise<Profile> {
  const range = periodRange(q.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'query.period', message: 'not a period', value: q.period },
    ]);
  const [unit, framework, revision] = await Promise.all([
    getUnit(database.db, q.unit),
    getFramework(database.db, q.framework, q.version),
    dataRevision(database),
  ]);
  const key = `${revision}|${framework.id}|${framework.version}|${q.unit}|${q.period}`;
  const cached = cache.get(database, key);
  if (cached) return cached;

  const main = await resultsFor(database, unit, framework.id, framework.version, q.period);
  const item = main?.items.find((i) => i.unit === unit.code);
  if (!main || !item) {
    throw new NotFound(
      `unit "${unit.code}" has no results for ${framework.id} in ${q.period}: it did not exist then and has no predecessors with results`,
    );
  }
  const tree = frameworkTree(framework.definition);
  const region = item.region;
  const peers = region === null ? [] : main.items.filter((i) => i.region === region);
  const values = main.derived ? undefined : await rawValues(database, unit.code, q.period, tree);
  const nodes: ProfileNode[] = main.nodes.map((n, i) => {
    const definition = tree.nodes[i];
    const scores = (items: typeof main.items) =>
      items.map((x) => x.nodes[n.code]?.score ?? Number.NaN);
    const nullable = (x: number) => (Number.isFinite(x) ? x : null);
    return {
      ...n,
      kind: n.parent === null ? 'index' : tree.formulas[i] ? 'indicator' : 'pillar',
      weight: definition?.weight ?? 1,
      direction: definition?.direction ?? 1,
      unit_of_measure: (definition as { unit?: string } | undefined)?.unit ?? null,
      score: item.nodes[n.code]?.score ?? null,
      rank: item.nodes[n.code]?.rank ?? null,
      value: nullable(values?.get(n.code) ?? Number.NaN),
      region_mean: peers.length > 0 ? nullable(mean(scores(peers))) : null,
      national_mean: nullable(mean(scores(main.items))),
    };
  });

  const history: ProfilePoint[] = [];
  for (const period of await frameworkPeriods(database, tree, q.period)) {
    const results =
      period === q.period
        ? main
        : await resultsFor(database, unit, framework.id, framework.version, period);
    const own = results?.items.find((i) => i.unit === unit.code);
    if (!results || !own) continue;
    history.push({
      period,
      score: own.score,
      rank: own.rank,
      units: results.items.filter((i) => i.rank !== null).length,
      derived: results.derived,
    });
  }

  const profile: Profile = {
    unit,
    framework: main.framework,
    period: q.period,
    derived: main.derived,
    score: item.score,
    rank: item.rank,
    rank_change: item.rank_change,
    units: main.items.filter((i) => i.rank !== null).length,
    region,
    nodes,
    history,
    forecast: await profileForecast(database, main, unit.code, history, revision),
    targets: await assessTargets(database, { unit: unit.code, forecast: true }),
  };
  cache.set(database, key, profile);
  return profile;
}

/**
 * The results in which the unit appears for a period: those of its own units if it existed at the
 * period's end; those shown on the units of its first day if it was formed later (its score is
 * then derived from its predecessors'); none if it had ceased by then.
 */
export async function resultsFor(
  database: Database,
  unit: UnitWithLineage,
  frameworkId: string,
  frameworkVersion: number,
  period: string,
): Promise<Results | undefined> {
  const end = periodRange(period)?.end as string;
  if (unit.valid_to !== null && unit.valid_to < end) return undefined;
  const at = unit.valid_from > end ? unit.valid_from : undefined;
  if (at !== undefined && unit.predecessors.length === 0) return undefined;
  return getResults(database, {
    frameworkId,
    frameworkVersion,
    period,
    level: unit.level,
    at,
  });
}

/** The periods of the same kind (years, quarters...) in which the framework's elements have data. */
export async function frameworkPeriods(
  database: Database,
  tree: ReturnType<typeof frameworkTree>,
  period: string,
): Promise<string[]> {
  const { rows } = await database.query<{ period: string }>(
    `select distinct period from data_values
      where element = any($1::text[]) and length(period) = length($2) and approved_value is not null
      order by period`,
    [frameworkElements(tree), period],
  );
  return rows.map((r) => r.period);
}

/** Each indicator's raw value for the unit in the period, by the engine's formula evaluation. */
async function rawValues(
  database: Database,
  unit: string,
  period: string,
  tree: ReturnType<typeof frameworkTree>,
): Promise<Map<string, number>> {
  const { rows } = await database.query<{ element: string; value: number | null }>(
    `select element, approved_value as value from data_values
      where unit = $1 and period = $2 and element = any($3::text[]) and approved_version is not null`,
    [unit, period, frameworkElements(tree)],
  );
  const values = new Map(rows.map((r) => [r.element, r.value ?? Number.NaN]));
  const out = new Map<string, number>();
  tree.formulas.forEach((formula, i) => {
    if (!formula) return;
    const column = (code: string) => Float64Array.of(values.get(code) ?? Number.NaN);
    out.set(tree.codes[i] as string, evaluateFormula(formula, column, 1)[0] as number);
  });
  return out;
}
