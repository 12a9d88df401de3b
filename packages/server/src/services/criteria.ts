import {
  type CriteriaModel,
  criteriaModelSchema,
  evaluateCriteria,
  parseCriteriaModel,
  summariseCriteria,
  type UnitCriteriaResult,
} from '@dxmon/engine';
import { type Actor, systemActor } from '../auth/actor.js';
import type { Database, Db } from '../db/database.js';
import { criteriaModels, dataElements } from '../db/schema.js';
import { NotFound, UnprocessableContent, ValidationFailed } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { recordAuditIn } from './audit.js';
import { bumpContentRevisionIn } from './dataRevision.js';

export interface StoredCriteriaModel {
  id: string;
  version: string;
  name: string;
  definition: CriteriaModel;
}

/**
 * Stores a criteria model from its YAML or JSON text after the engine's checks; the indicators
 * its criteria read are registered as data elements if they are new.
 */
export async function saveCriteriaModel(
  db: Db,
  text: string,
  actor: Actor = systemActor,
): Promise<StoredCriteriaModel> {
  const { model, problems } = parseCriteriaModel(text);
  if (!model || problems.length > 0) {
    throw new UnprocessableContent(
      'the criteria model has problems',
      problems.map((p) => ({
        field: p.path ?? 'model',
        message: p.line !== undefined ? `line ${p.line}: ${p.message}` : p.message,
      })),
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(dataElements)
      .values(model.criteria.map((c) => ({ code: c.indicator, name: c.name ?? c.indicator })))
      .onConflictDoNothing();
    await tx.insert(criteriaModels).values({
      id: model.id,
      version: model.version,
      name: model.name ?? model.id,
      definition: model,
    });
    await bumpContentRevisionIn(tx);
    await recordAuditIn(tx, actor, {
      entity: 'criteria_model',
      key: `${model.id}@${model.version}`,
      action: 'create',
      after: { id: model.id, version: model.version, name: model.name ?? model.id },
    });
  });
  return { id: model.id, version: model.version, name: model.name ?? model.id, definition: model };
}

/** Every model, latest version first within each id. */
export async function listCriteriaModels(database: Database): Promise<StoredCriteriaModel[]> {
  const { rows } = await database.query<{
    id: string;
    version: string;
    name: string;
    definition: unknown;
  }>('select id, version, name, definition from criteria_models order by id, created_at desc');
  return rows.map((r) => ({ ...r, definition: criteriaModelSchema.parse(r.definition) }));
}

/** A model's given version, or its latest. */
export async function getCriteriaModel(
  database: Database,
  id: string,
  version?: string,
): Promise<StoredCriteriaModel> {
  const { rows } = await database.query<{
    id: string;
    version: string;
    name: string;
    definition: unknown;
  }>(
    `select id, version, name, definition from criteria_models
      where id = $1 and ($2::text is null or version = $2) order by created_at desc limit 1`,
    [id, version ?? null],
  );
  const row = rows[0];
  if (!row)
    throw new NotFound(
      `criteria model "${id}"${version ? ` version ${version}` : ''} does not exist`,
    );
  return { ...row, definition: criteriaModelSchema.parse(row.definition) };
}

export interface CriteriaResultItem extends UnitCriteriaResult {
  names: { en: string; vi: string | null; ar: string | null };
  parent: string | null;
}

export interface CriteriaResults {
  model: { id: string; version: string; name: string };
  period: string;
  level: string;
  parent: string | null;
  summary: { units: number; met: number; share: number };
  /** The units grouped by their parent: how many meet the model under each. */
  by_parent: {
    parent: string | null;
    /** The parent's English name (kept for older clients) and its names in en, vi and ar. */
    name: string | null;
    names: { en: string; vi: string | null; ar: string | null } | null;
    units: number;
    met: number;
    share: number;
  }[];
  criteria: { code: string; mandatory: boolean; met: number; failed: number; missing: number }[];
  items: CriteriaResultItem[];
}

/**
 * Which units meet a criteria model in a period, by the engine's `evaluateCriteria`: the units of
 * `level` that existed at the period's end (by default the level of the units that report the
 * model's indicators), optionally only those under `parent` (at any depth).
 */
export async function criteriaResults(
  database: Database,
  q: {
    model: string;
    version?: string | undefined;
    period: string;
    parent?: string | undefined;
    level?: string | undefined;
  },
): Promise<CriteriaResults> {
  const range = periodRange(q.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'query.period', message: 'not a period', value: q.period },
    ]);
  const stored = await getCriteriaModel(database, q.model, q.version);
  const model = stored.definition;
  const indicators = [...new Set(model.criteria.map((c) => c.indicator))];
  if (q.parent) {
    const { rows } = await database.query('select 1 from units where code = $1', [q.parent]);
    if (rows.length === 0) throw new NotFound(`unit "${q.parent}" does not exist`);
  }
  const level = q.level ?? (await reportingLevel(database, indicators));
  const { rows: units } = await database.query<{
    code: string;
    parent: string | null;
    name_en: string;
    name_vi: string | null;
    name_ar: string | null;
  }>(
    `with recursive below(code) as (
       select code from units where code = $3
       union
       select u.code from units u join below b on u.parent = b.code)
     select code, parent, name_en, name_vi, name_ar from units
      where level = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2)
        and ($3::text is null or code in (select code from below))
      order by code`,
    [level, range.end, q.parent ?? null],
  );
  const { rows: values } = await database.query<{ unit: string; element: string; value: number }>(
    `select unit, element, approved_value as value from data_values
      where period = $1 and element = any($2::text[]) and unit = any($3::text[])
        and approved_value is not null`,
    [q.period, indicators, units.map((u) => u.code)],
  );
  const value = new Map(values.map((v) => [`${v.unit}|${v.element}`, v.value]));
  const evaluation = evaluateCriteria(
    model,
    units.map((u) => u.code),
    (unit, indicator) => value.get(`${unit}|${indicator}`) ?? Number.NaN,
  );
  const info = new Map(units.map((u) => [u.code, u]));
  const items = evaluation.units.map((r): CriteriaResultItem => {
    const u = info.get(r.unit);
    return {
      ...r,
      names: { en: u?.name_en ?? r.unit, vi: u?.name_vi ?? null, ar: u?.name_ar ?? null },
      parent: u?.parent ?? null,
    };
  });
  const groups = new Map<string | null, CriteriaResultItem[]>();
  for (const item of items) groups.set(item.parent, [...(groups.get(item.parent) ?? []), item]);
  const parentCodes = [...groups.keys()].filter((p): p is string => p !== null);
  const { rows: parentNames } = await database.query<{
    code: string;
    name_en: string;
    name_vi: string | null;
    name_ar: string | null;
  }>('select code, name_en, name_vi, name_ar from units where code = any($1::text[])', [
    parentCodes,
  ]);
  const parentName = new Map(
    parentNames.map((p) => [p.code, { en: p.name_en, vi: p.name_vi, ar: p.name_ar }]),
  );
  return {
    model: { id: stored.id, version: stored.version, name: stored.name },
    period: q.period,
    level,
    parent: q.parent ?? null,
    summary: evaluation.summary,
    by_parent: [...groups].map(([parent, members]) => ({
      parent,
      name: parent === null ? null : (parentName.get(parent)?.en ?? null),
      names: parent === null ? null : (parentName.get(parent) ?? null),
      ...summariseCriteria(members),
    })),
    criteria: evaluation.criteria,
    items,
  };
}

/** The level of most units that report any of the indicators (communes, for a commune model). */
async function reportingLevel(database: Database, indicators: string[]): Promise<string> {
  const { rows } = await database.query<{ level: string }>(
    `select u.level from data_values v join units u on u.code = v.unit
      where v.element = any($1::text[]) group by u.level order by count(*) desc limit 1`,
    [indicators],
  );
  return rows[0]?.level ?? 'commune';
}
