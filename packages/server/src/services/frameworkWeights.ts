import { compute, type Framework } from '@dxmon/engine';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { Conflict, UnprocessableContent } from '../http/problems.js';
import { assessmentInput } from './assessments.js';
import { getFramework, type StoredFramework, saveFramework } from './frameworks.js';

export type Weights = Record<string, number>;

/** The definition with some nodes' weights replaced; unknown codes and bad weights are refused. */
export function withWeights(definition: Framework, weights: Weights): Framework {
  const codes = new Set(definition.nodes.map((n) => n.code));
  const fields = Object.entries(weights).flatMap(([code, w]) => {
    if (!codes.has(code))
      return [
        { field: `body.weights.${code}`, message: 'no such node in the framework', value: code },
      ];
    if (!Number.isFinite(w) || w <= 0)
      return [
        { field: `body.weights.${code}`, message: 'a weight is a number > 0', value: String(w) },
      ];
    return [];
  });
  if (fields.length > 0) throw new UnprocessableContent('the weights have problems', fields);
  return {
    ...definition,
    nodes: definition.nodes.map((n) =>
      n.code in weights ? { ...n, weight: weights[n.code] as number } : n,
    ),
  };
}

export interface WeightsPreview {
  framework: { id: string; version: number };
  period: string;
  level: string;
  items: {
    unit: string;
    names: { en: string; vi: string | null; ar: string | null };
    score: number | null;
    rank: number | null;
    preview_score: number | null;
    preview_rank: number | null;
  }[];
}

const finite = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? null : x);

/**
 * The index score and rank of every unit with the stored weights and with `weights`, both computed
 * by the engine on the same data, so an editor sees how ranks would move before saving.
 */
export async function previewWeights(
  database: Database,
  q: { framework: string; version?: number | undefined; period: string; level: string },
  weights: Weights,
): Promise<WeightsPreview> {
  const key = {
    frameworkId: q.framework,
    frameworkVersion: q.version,
    period: q.period,
    level: q.level,
  };
  const base = await assessmentInput(database, key);
  const tree = (
    await assessmentInput(database, key, withWeights(base.framework.definition, weights))
  ).tree;
  const run = (t: typeof tree) =>
    compute({ tree: t, panel: base.panel, periods: [q.period], groups: base.groups });
  const before = run(base.tree);
  const after = run(tree);
  const names = await database.query<{
    code: string;
    name_en: string;
    name_vi: string | null;
    name_ar: string | null;
  }>('select code, name_en, name_vi, name_ar from units where code = any($1::text[])', [
    base.units.map((u) => u.code),
  ]);
  const byCode = new Map(names.rows.map((r) => [r.code, r]));
  // The index is the first node in pre-order: its scores are the first block of the period.
  return {
    framework: { id: base.framework.id, version: base.framework.version },
    period: q.period,
    level: q.level,
    items: base.units.map((u, i) => {
      const n = byCode.get(u.code);
      return {
        unit: u.code,
        names: { en: n?.name_en ?? u.code, vi: n?.name_vi ?? null, ar: n?.name_ar ?? null },
        score: finite(before.scores[i]),
        rank: finite(before.ranks[i]),
        preview_score: finite(after.scores[i]),
        preview_rank: finite(after.ranks[i]),
      };
    }),
  };
}

/**
 * Saves the weights as a new version of the framework (the engine checks it again). `version` is
 * the version the editor started from: if another has been saved since, nothing is saved (409).
 */
export async function saveWeights(
  database: Database,
  actor: Actor,
  id: string,
  version: number,
  weights: Weights,
): Promise<StoredFramework> {
  const latest = await getFramework(database.db, id);
  if (latest.version !== version)
    throw new Conflict(
      `framework "${id}" is at version ${latest.version}; the weights were edited on version ${version}`,
      [
        {
          field: 'body.version',
          message: `the latest version is ${latest.version}`,
          value: String(version),
        },
      ],
    );
  const definition = withWeights(latest.definition, weights);
  return saveFramework(database.db, JSON.stringify(definition), {
    actor,
    lineageMethod: latest.lineageMethod,
  });
}
