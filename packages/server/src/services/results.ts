import { defaultRunSettings, frameworkTree, successorScores } from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { ValidationFailed } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { computeAssessment, type RunKey } from './assessments.js';
import { dataRevision } from './dataRevision.js';
import { getFramework } from './frameworks.js';
import { unitsOn } from './lineage.js';
import { perDatabaseCache } from './perDatabaseCache.js';

export interface ResultNode {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
}

export interface ResultItem {
  unit: string;
  names: { en: string; vi: string | null; ar: string | null };
  region: string | null;
  score: number | null;
  rank: number | null;
  /** Places gained since the period before (positive: up); null without a rank then. */
  rank_change: number | null;
  nodes: Record<string, { score: number | null; rank: number | null }>;
  /** For a unit shown on a later date: the units whose results it stands for. */
  predecessors?: string[];
}

export interface Results {
  framework: { id: string; version: number; name: string };
  period: string;
  level: string;
  at: string;
  run_id: number;
  data_revision: number;
  /** True when the units are those of a later date, their results derived from their predecessors'. */
  derived: boolean;
  nodes: ResultNode[];
  items: ResultItem[];
}

/** Results are immutable per run and date: a small cache per database spares it the reads. */
const cache = perDatabaseCache<Results>(256);

/**
 * Scores and ranks of every unit on every node. Stored results are served while they are current
 * (computed from the latest data revision); otherwise the engine computes them now and they are
 * stored. With `at` after the period's units ceased (e.g. 2024 results on the 34 provinces of
 * 2025), each unit of `at` gets the mean of its predecessors' scores (the framework's lineage
 * method), ranked among the units of `at`.
 */
export async function getResults(database: Database, key: RunKey): Promise<Results> {
  const range = periodRange(key.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'query.period', message: 'not a period', value: key.period },
    ]);
  const framework = await getFramework(database.db, key.frameworkId, key.frameworkVersion);
  const own = range.end;
  const at = key.at ?? own;
  const runId = await currentRun(database, {
    ...key,
    frameworkVersion: framework.version,
    at: own,
  });
  const cacheKey = `${runId}|${at}`;
  const cached = cache.get(database, cacheKey);
  if (cached) return cached;

  const rows = (
    await database.query<{
      unit: string;
      node: string;
      score: number | null;
      rank: number | null;
      previous_rank: number | null;
      data_revision: number;
    }>(
      `select r.unit, r.node, r.score, r.rank, r.previous_rank, a.data_revision
         from run_results r join assessment_runs a on a.id = r.run_id
        where r.run_id = $1`,
      [runId],
    )
  ).rows;
  const tree = frameworkTree(framework.definition);
  const nodes: ResultNode[] = tree.codes.map((code, i) => {
    const node = tree.nodes[i];
    return {
      code,
      name: node?.name ?? code,
      parent: node?.parent ?? null,
      depth: tree.depth[i] ?? 0,
    };
  });
  const root = nodes.find((n) => n.parent === null)?.code as string;

  const byUnit = new Map<string, ResultItem>();
  for (const r of rows) {
    let item = byUnit.get(r.unit);
    if (!item) {
      item = {
        unit: r.unit,
        names: { en: r.unit, vi: null, ar: null },
        region: null,
        score: null,
        rank: null,
        rank_change: null,
        nodes: {},
      };
      byUnit.set(r.unit, item);
    }
    item.nodes[r.node] = { score: r.score, rank: r.rank };
    if (r.node === root) {
      item.score = r.score;
      item.rank = r.rank;
      item.rank_change =
        r.rank !== null && r.previous_rank !== null ? r.previous_rank - r.rank : null;
    }
  }
  let items = [...byUnit.values()];
  let derived = false;
  if (at !== own) {
    const map = await unitsOn(
      database,
      items.map((i) => i.unit),
      at,
    );
    const unchanged = items.every((i) => map.get(i.unit) === i.unit);
    if (!unchanged) {
      derived = true;
      items = deriveSuccessors(
        items,
        map,
        nodes.map((n) => n.code),
        root,
      );
    }
  }
  const names = await database.query<{
    code: string;
    name_en: string;
    name_vi: string | null;
    name_ar: string | null;
    region: string | null;
  }>(
    `select code, name_en, name_vi, name_ar, attributes->>'region' as region from units where code = any($1::text[])`,
    [items.map((i) => i.unit)],
  );
  const info = new Map(names.rows.map((r) => [r.code, r]));
  for (const item of items) {
    const u = info.get(item.unit);
    if (u) {
      item.names = { en: u.name_en, vi: u.name_vi, ar: u.name_ar };
      item.region = u.region;
    }
  }
  items.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.localeCompare(b.unit));
  const results: Results = {
    framework: { id: framework.id, version: framework.version, name: framework.name },
    period: key.period,
    level: key.level,
    at,
    run_id: runId,
    data_revision: rows[0]?.data_revision ?? 0,
    derived,
    nodes,
    items,
  };
  cache.set(database, cacheKey, results);
  return results;
}

/** The id of a stored run that is current for the key, computing one if there is none. */
async function currentRun(
  database: Database,
  key: RunKey & { frameworkVersion: number; at: string },
): Promise<number> {
  const revision = await dataRevision(database);
  const { rows } = await database.query<{ id: number }>(
    `select id from assessment_runs
      where framework_id = $1 and framework_version = $2 and period = $3 and level = $4 and at = $5
        and status = 'done' and data_revision = $6 and settings = $7::jsonb
      order by id desc limit 1`,
    [
      key.frameworkId,
      key.frameworkVersion,
      key.period,
      key.level,
      key.at,
      revision,
      JSON.stringify(settingsOf(key)),
    ],
  );
  if (rows[0]) return rows[0].id;
  return (await computeAssessment(database, key)).id;
}

/** Runs store their settings with the defaults filled in; a request is matched the same way. */
function settingsOf(key: RunKey) {
  return { ...defaultRunSettings, ...key.settings };
}

/** Results of the successors on a later date, by the engine's lineage rule (`successorScores`). */
function deriveSuccessors(
  items: ResultItem[],
  map: Map<string, string | undefined>,
  codes: string[],
  root: string,
): ResultItem[] {
  const successors = [...new Set(items.map((i) => map.get(i.unit)).filter((s) => s !== undefined))];
  const position = new Map(successors.map((s, i) => [s, i]));
  const successorOf = Int32Array.from(items, (i) => position.get(map.get(i.unit) as string) ?? -1);
  const derived: ResultItem[] = successors.map((unit) => ({
    unit,
    names: { en: unit, vi: null, ar: null },
    region: null,
    score: null,
    rank: null,
    rank_change: null,
    nodes: {},
    predecessors: items.filter((i) => map.get(i.unit) === unit).map((i) => i.unit),
  }));
  for (const code of codes) {
    const scores = Float64Array.from(items, (i) => i.nodes[code]?.score ?? Number.NaN);
    const result = successorScores(scores, successorOf, successors.length);
    derived.forEach((item, i) => {
      const score = nullIfNaN(result.scores[i]);
      const rank = nullIfNaN(result.ranks[i]);
      item.nodes[code] = { score, rank };
      if (code === root) {
        item.score = score;
        item.rank = rank;
      }
    });
  }
  return derived;
}

function nullIfNaN(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}
