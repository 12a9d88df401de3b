import {
  type ExplainedNode,
  type ExplainInput,
  type Explanation,
  explainUnit,
  indicatorRawValues,
  type NodeChange,
  type Panel,
  type PeriodChange,
  successorFigures,
  type UnitGap,
  type WhatIfItem,
} from '@dxmon/engine';
import type { Database } from '../db/database.js';
import { NotFound, ValidationFailed } from '../http/problems.js';
import { periodRange } from '../imports/periodRange.js';
import { type AssessmentInput, assessmentInput } from './assessments.js';
import { dataRevision } from './dataRevision.js';
import { frameworkElements } from './datasets.js';
import { perDatabaseCache } from './perDatabaseCache.js';
import { frameworkPeriods, resultsFor } from './profile.js';
import { getResults } from './results.js';
import { lineageValues } from './series.js';
import { getUnit, type UnitWithLineage } from './units.js';

export interface ExplainQuery {
  unit: string;
  framework: string;
  version?: number | undefined;
  period: string;
  level: string;
  share: number;
  top: number;
}

type Names = { en: string; vi: string | null; ar: string | null };
/** An engine record with numbers `K` nullable: JSON has no NaN. */
type Nullable<T, K extends keyof T> = Omit<T, K> & { [P in K]: number | null };

interface GapJson extends Nullable<Omit<UnitGap, 'nodes'>, 'rank' | 'score' | 'gap'> {
  names: Names;
  nodes: (Nullable<UnitGap['nodes'][number], 'score' | 'other' | 'gap'> & { name: string })[];
}

type WhatIfJson = Nullable<
  WhatIfItem,
  Exclude<keyof WhatIfItem, 'indicator' | 'direction' | 'best_unit'>
>;

export interface UnitExplanation {
  unit: { code: string; names: Names };
  framework: { id: string; version: number; name: string };
  period: string;
  level: string;
  units: number;
  score: number | null;
  rank: number | null;
  method: Explanation['method'];
  nodes: (Nullable<ExplainedNode, 'value' | 'score' | 'rank' | 'contribution'> & {
    unit_of_measure: string | null;
  })[];
  gaps: { above: GapJson | null; leader: GapJson | null };
  what_if: {
    share: number;
    evaluated: number;
    skipped: string[];
    items: (WhatIfJson & { name: string; best_unit_names: Names })[];
  };
  change:
    | (Nullable<Omit<PeriodChange, 'nodes'>, Exclude<keyof PeriodChange, 'nodes' | 'previous'>> & {
        nodes: (Nullable<
          NodeChange,
          'contribution' | 'previous_contribution' | 'value' | 'previous_value'
        > & { name: string })[];
        /**
         * True when the unit did not exist in the previous period: its figures then are its
         * predecessors', combined as its history combines them.
         */
        derived: boolean;
        /** The units whose figures were combined (for `derived`). */
        predecessors: string[];
      })
    | null;
}

/** Explanations are immutable per data revision and query: a small cache spares recomputing them. */
const cache = perDatabaseCache<UnitExplanation>(256);

/**
 * Why a unit scores and ranks as it does in a period, and what would lift it most: the engine's
 * `explainUnit` on the same inputs as the assessment run (units of the level at the period's end,
 * approved values, default settings), with names added. The change since the period before is
 * measured against the unit's figures in that period as its history (the profile) has them: when
 * the units changed between the two periods (a merge), through its lineage (`historyPrevious`).
 * 404 for a unit that does not exist, is not of the level in the period, or a period without data.
 */
export async function explainUnitResults(
  database: Database,
  q: ExplainQuery,
): Promise<UnitExplanation> {
  const range = periodRange(q.period);
  if (!range)
    throw new ValidationFailed('not a period', [
      { field: 'query.period', message: 'not a period', value: q.period },
    ]);
  const [unit, revision] = await Promise.all([
    getUnit(database.db, q.unit),
    dataRevision(database),
  ]);
  const key = `${revision}|${q.framework}|${q.version ?? ''}|${q.unit}|${q.period}|${q.level}|${q.share}|${q.top}`;
  const cached = cache.get(database, key);
  if (cached) return cached;

  const input = await assessmentInput(database, {
    frameworkId: q.framework,
    frameworkVersion: q.version,
    period: q.period,
    level: q.level,
  });
  const { framework, tree, panel } = input;
  if (!input.units.some((u) => u.code === unit.code)) {
    throw new NotFound(
      `unit "${unit.code}" is not a ${q.level} on ${input.at} (it is a ${unit.level}, from ${unit.valid_from} to ${unit.valid_to ?? 'today'})`,
    );
  }
  if (
    !hasData(
      panel.values,
      panel.periods.indexOf(q.period),
      panel.series.length * panel.units.length,
    )
  ) {
    throw new NotFound(`no ${framework.id} data for the units of level ${q.level} in ${q.period}`);
  }
  const previous = await historyPrevious(database, input, unit, q.period, q.level);
  const e = explainUnit({
    tree,
    panel,
    groups: input.groups,
    unit: unit.code,
    period: q.period,
    share: q.share,
    top: q.top,
    previous: previous?.previous,
  });

  const names = await unitNames(database, [
    ...[e.gaps.above?.unit, e.gaps.leader?.unit].filter((c): c is string => c !== undefined),
    ...e.what_if.items.map((i) => i.best_unit),
  ]);
  const nameOf = new Map(e.nodes.map((n) => [n.code, n.name]));
  const measure = new Map(tree.nodes.map((n) => [n.code, n.unit ?? null]));
  const gap = (g: UnitGap | null): GapJson | null =>
    g && {
      unit: g.unit,
      names: names.get(g.unit) ?? { en: g.unit, vi: null, ar: null },
      rank: num(g.rank),
      score: num(g.score),
      gap: num(g.gap),
      nodes: g.nodes.map((n) => ({
        code: n.code,
        name: nameOf.get(n.code) ?? n.code,
        score: num(n.score),
        other: num(n.other),
        gap: num(n.gap),
      })),
    };
  const result: UnitExplanation = {
    unit: { code: unit.code, names: unit.names },
    framework: { id: framework.id, version: framework.version, name: framework.name },
    period: q.period,
    level: q.level,
    units: e.units,
    score: num(e.score),
    rank: num(e.rank),
    method: e.method,
    nodes: e.nodes.map((n) => ({
      ...n,
      unit_of_measure: measure.get(n.code) ?? null,
      value: num(n.value),
      score: num(n.score),
      rank: num(n.rank),
      contribution: num(n.contribution),
    })),
    gaps: { above: gap(e.gaps.above), leader: gap(e.gaps.leader) },
    what_if: {
      share: e.what_if.share,
      evaluated: e.what_if.evaluated,
      skipped: e.what_if.skipped,
      items: e.what_if.items.map((i) => ({
        ...i,
        name: nameOf.get(i.indicator) ?? i.indicator,
        best_unit_names: names.get(i.best_unit) ?? { en: i.best_unit, vi: null, ar: null },
        value: num(i.value),
        best: num(i.best),
        target: num(i.target),
        indicator_score: num(i.indicator_score),
        new_indicator_score: num(i.new_indicator_score),
        score: num(i.score),
        new_score: num(i.new_score),
        score_gain: num(i.score_gain),
        rank: num(i.rank),
        new_rank: num(i.new_rank),
        rank_gain: num(i.rank_gain),
      })),
    },
    change: e.change && {
      previous: e.change.previous,
      score: num(e.change.score),
      previous_score: num(e.change.previous_score),
      score_change: num(e.change.score_change),
      rank: num(e.change.rank),
      previous_rank: num(e.change.previous_rank),
      rank_change: num(e.change.rank_change),
      nodes: e.change.nodes.map((n) => ({
        code: n.code,
        name: nameOf.get(n.code) ?? n.code,
        contribution: num(n.contribution),
        previous_contribution: num(n.previous_contribution),
        change: n.change,
        value: num(n.value),
        previous_value: num(n.previous_value),
      })),
      derived: previous?.derived ?? false,
      predecessors: previous?.derived ? previous.predecessors : [],
    },
  };
  cache.set(database, key, result);
  return result;
}

/**
 * The period before `period` and the unit's figures in it as the unit's history (`unitProfile`)
 * shows them, when the engine's own comparison (the panel's period before, computed on the units
 * of `period`) would not: the units of the level changed in between, e.g. the 34 provinces of 2025
 * against the 63 of 2024. Then the figures are those of the history's previous point: the unit's
 * own results of that period if it existed then, else its predecessors' by the framework's lineage
 * method (each successor the mean of its predecessors' scores, ranked among the successors), their
 * contributions combined by the engine (`successorFigures`), and its indicators' raw values from
 * its data elements continued through its lineage by their aggregation rules (`lineageValues`, as
 * its series). Undefined when the engine's comparison is the history's; `previous: null` when the
 * history has no point in the period before.
 */
async function historyPrevious(
  database: Database,
  input: AssessmentInput,
  unit: UnitWithLineage,
  period: string,
  level: string,
): Promise<
  { previous: ExplainInput['previous']; derived: boolean; predecessors: string[] } | undefined
> {
  const { tree, framework, panel } = input;
  const before = (await frameworkPeriods(database, tree, period)).filter((p) => p < period).at(-1);
  if (before === undefined) return undefined;
  const end = periodRange(before)?.end as string;
  const { rows } = await database.query<{ code: string }>(
    `select code from units
      where level = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2)`,
    [level, end],
  );
  const same =
    rows.length === input.units.length &&
    rows.every((r) => input.units.some((u) => u.code === r.code));
  if (same && panel.periods[panel.periods.indexOf(period) - 1] === before) return undefined;

  const results = await resultsFor(database, unit, framework.id, framework.version, before);
  const item = results?.items.find((i) => i.unit === unit.code);
  if (!results || !item) return { previous: null, derived: false, predecessors: [] };
  const own = results.derived
    ? await getResults(database, {
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        period: before,
        level: unit.level,
      })
    : results;
  const predecessors = results.derived ? (item.predecessors ?? []) : [unit.code];
  const byUnit = new Map(own.items.map((i) => [i.unit, i]));
  const scores = predecessors.map((code) =>
    tree.codes.map((node) => byUnit.get(code)?.nodes[node]?.score ?? Number.NaN),
  );

  // The indicators' raw values on the unit's data elements continued through its lineage.
  const elements = frameworkElements(tree);
  const combined = await lineageValues(database, unit.code, elements, before);
  const one: Panel = {
    units: [unit.code],
    series: elements,
    periods: [before],
    values: Float64Array.from(elements, (e) => combined.get(e)?.value ?? Number.NaN),
  };
  const values = tree.codes.map((_, n) =>
    tree.formulas[n] ? (indicatorRawValues(tree, one, n)[0]?.[0] ?? Number.NaN) : Number.NaN,
  );
  return {
    previous: {
      period: before,
      figures: successorFigures({
        tree,
        predecessors: scores,
        rank: item.rank ?? Number.NaN,
        values,
      }),
    },
    derived: results.derived,
    predecessors,
  };
}

/** JSON has no NaN: a number the engine could not compute is null. */
function num(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** Whether the panel has any value in period `p` (a block of `size` values). */
function hasData(values: Float64Array, p: number, size: number): boolean {
  if (p < 0) return false;
  for (let k = p * size; k < (p + 1) * size; k++) if (!Number.isNaN(values[k])) return true;
  return false;
}

async function unitNames(database: Database, codes: string[]): Promise<Map<string, Names>> {
  const { rows } = await database.query<{
    code: string;
    name_en: string;
    name_vi: string | null;
    name_ar: string | null;
  }>('select code, name_en, name_vi, name_ar from units where code = any($1::text[])', [
    [...new Set(codes)],
  ]);
  return new Map(rows.map((r) => [r.code, { en: r.name_en, vi: r.name_vi, ar: r.name_ar }]));
}
