import { frameworkTree } from '@dxmon/engine';
import type { Database } from '../../db/database.js';
import { NotFound, ValidationFailed } from '../../http/problems.js';
import { periodRange } from '../../imports/periodRange.js';
import { criteriaResults, listCriteriaModels } from '../criteria.js';
import { getFramework, listFrameworks, type StoredFramework } from '../frameworks.js';
import { frameworkPeriods, resultsFor } from '../profile.js';
import { qualityRun } from '../quality/run.js';
import { listCalendars } from '../reporting/calendars.js';
import { type ReportingStatus, reportingStatus } from '../reporting/completeness.js';
import { getResults, type Results } from '../results.js';
import { type AssessedTarget, assessTargets, listPlans } from '../targets.js';
import { getUnit, type UnitWithLineage } from '../units.js';
import { qualityAlerts, reportingAlerts, targetAlerts } from './alerts.js';
import type { CriteriaTile, Dashboard, ScoreTile, TargetsTile } from './model.js';

/** A quality issue as the dashboard counts it per viewer (the run's items, reduced). */
export interface CountedIssue {
  unit: string;
  kind: 'rule' | 'outlier';
  severity: 'warning' | 'blocking';
}

/** The dashboard as computed once per revision, before it is cut to what a viewer may see. */
export interface ComputedDashboard extends Dashboard {
  /** Every open quality issue under the unit, for counting a viewer's share. */
  issues: CountedIssue[];
}

export interface DashboardQuery {
  unit: string;
  framework?: string | undefined;
  period?: string | undefined;
}

/**
 * A leader's dashboard for a unit, composed from the services the API answers with (so it never
 * disagrees with the other screens): the unit's profile (score, rank and change) or, for the
 * country, its provinces' results; the plans covering it assessed by the engine; the criteria
 * models' roll-up over the units below it; the current reporting round's completeness and its
 * data-quality run; and the alerts they raise. Everything, private parts included: the caller
 * cuts it to what the viewer may see.
 */
export async function computeDashboard(
  database: Database,
  q: DashboardQuery,
  today: string,
): Promise<ComputedDashboard> {
  const unit = await getUnit(database.db, q.unit);
  const framework = await frameworkOf(database, q.framework);
  const period = q.period ?? (await latestPeriod(database, framework));
  if (!periodRange(period))
    throw new ValidationFailed('query.period: not a period', [
      { field: 'query.period', message: 'not a period: 2024, 2024Q3, 2024-07', value: period },
    ]);
  const below = await subtree(database, unit.code);
  const country = unit.parent === null;
  const [score, plans, criteria, round] = await Promise.all([
    country
      ? countryScore(database, framework, period)
      : unitScore(database, unit, framework, period),
    plansCovering(database, unit, below),
    criteriaTiles(database, unit.code, below),
    currentRound(database, unit.code, today),
  ]);
  const issues = round ? await roundIssues(database, round.status, below) : null;
  const ref = { code: unit.code, names: unit.names };
  const alerts = [
    ...targetAlerts(
      plans.targets,
      await unitNames(
        database,
        plans.targets.map((t) => t.unit),
      ),
      await targetSince(database, plans.targets),
    ),
    ...(round ? reportingAlerts(round.status, today) : []),
    ...(issues ? qualityAlerts(issues.run, issues.names, issues.since) : []),
  ].sort(
    (a, b) =>
      severityOrder[a.severity] - severityOrder[b.severity] || b.since.localeCompare(a.since),
  );
  return {
    unit: { ...ref, level: unit.level, parent: unit.parent },
    framework: score.framework,
    period,
    tiles: {
      score: score.tile,
      targets: plans.tile,
      criteria,
      reporting: round
        ? {
            dataset: round.status.dataset.id,
            dataset_kind: round.status.dataset.kind,
            period: round.status.period,
            due_on: round.due_on,
            ...round.status.summary,
          }
        : null,
      quality: issues
        ? {
            dataset: issues.run.dataset,
            period: issues.run.period,
            blocking: issues.counted.filter((i) => i.kind === 'rule' && i.severity === 'blocking')
              .length,
            warnings: issues.counted.filter((i) => i.kind === 'rule' && i.severity === 'warning')
              .length,
            outliers: issues.counted.filter((i) => i.kind === 'outlier').length,
          }
        : null,
    },
    alerts,
    map: country ? score.map : null,
    issues: issues?.counted ?? [],
  };
}

const severityOrder = { critical: 0, warning: 1, info: 2 } as const;

async function frameworkOf(database: Database, id: string | undefined): Promise<StoredFramework> {
  if (id !== undefined) {
    try {
      return await getFramework(database.db, id);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      throw new ValidationFailed(`query.framework: ${error.message}`, [
        { field: 'query.framework', message: error.message, value: id },
      ]);
    }
  }
  const [first] = await listFrameworks(database.db);
  if (!first) throw new NotFound('there is no framework yet');
  return first;
}

/** The latest period with published (approved) values of the framework's elements. */
async function latestPeriod(database: Database, framework: StoredFramework): Promise<string> {
  const periods = await frameworkPeriods(database, frameworkTree(framework.definition), '0000');
  const latest = periods.at(-1);
  if (!latest) throw new NotFound(`${framework.id} has no published values yet`);
  return latest;
}

/** The unit and every unit below it. */
async function subtree(database: Database, unit: string): Promise<Set<string>> {
  const { rows } = await database.query<{ code: string }>(
    `with recursive below(code) as (
       select $1::text union select u.code from units u join below b on u.parent = b.code)
     select code from below`,
    [unit],
  );
  return new Set(rows.map((r) => r.code));
}

type ScoreParts = {
  framework: Dashboard['framework'];
  tile: ScoreTile | null;
  map: Dashboard['map'];
};

/**
 * The unit's score, rank and change as its profile shows them (through lineage: before the unit
 * existed, its predecessors' results): the results of the period and of the period before with
 * data, not the whole history (a revision recomputes every period's run; two are enough here).
 */
async function unitScore(
  database: Database,
  unit: UnitWithLineage,
  framework: StoredFramework,
  period: string,
): Promise<ScoreParts> {
  const ref = { id: framework.id, version: framework.version, name: framework.name };
  const tree = frameworkTree(framework.definition);
  const results = (p: string) => resultsFor(database, unit, framework.id, framework.version, p);
  const main = await results(period);
  const item = main?.items.find((i) => i.unit === unit.code);
  if (!main || !item) return { framework: ref, tile: null, map: null };
  const periods = await frameworkPeriods(database, tree, period);
  let previous: { period: string; score: number | null } | null = null;
  for (const p of periods.filter((x) => x < period).reverse()) {
    const own = (await results(p))?.items.find((i) => i.unit === unit.code);
    if (own) {
      previous = { period: p, score: own.score };
      break;
    }
  }
  return {
    framework: main.framework,
    tile: {
      kind: 'unit',
      score: item.score,
      rank: item.rank,
      units: main.items.filter((i) => i.rank !== null).length,
      previous_period: previous?.period ?? null,
      score_change:
        item.score !== null && previous?.score != null ? item.score - previous.score : null,
      rank_change: item.rank_change,
      top: null,
      bottom: null,
      level: unit.level,
    },
    map: null,
  };
}

/** The level ranked under the country: that of most units whose parent is the country. */
async function rankedLevel(database: Database): Promise<string> {
  const { rows } = await database.query<{ level: string }>(
    `select level from units where parent in (select code from units where parent is null)
      group by level order by count(*) desc, level limit 1`,
  );
  return rows[0]?.level ?? 'province';
}

/**
 * The country: the mean score of the units ranked (the provinces) and its change since the
 * previous period (then on that period's own units), the best and the worst, and the map.
 */
async function countryScore(
  database: Database,
  framework: StoredFramework,
  period: string,
): Promise<ScoreParts> {
  const level = await rankedLevel(database);
  const key = { frameworkId: framework.id, frameworkVersion: framework.version, level };
  const results = await getResults(database, { ...key, period });
  const periods = await frameworkPeriods(database, frameworkTree(framework.definition), period);
  const previousPeriod = periods.filter((p) => p < period).at(-1) ?? null;
  const previous = previousPeriod
    ? await getResults(database, { ...key, period: previousPeriod })
    : null;
  const ranked = results.items.filter((i) => i.rank !== null && i.score !== null);
  const average = meanScore(results);
  const before = previous ? meanScore(previous) : null;
  const end = (x: (typeof ranked)[number] | undefined) =>
    x ? { code: x.unit, names: x.names, score: x.score } : null;
  return {
    framework: results.framework,
    tile: {
      kind: 'country',
      score: average,
      rank: null,
      units: ranked.length,
      previous_period: previousPeriod,
      score_change: average !== null && before !== null ? average - before : null,
      rank_change: null,
      top: end(ranked[0]),
      bottom: end(ranked.at(-1)),
      level,
    },
    map: {
      level,
      at: results.at,
      items: results.items.map((i) => ({
        code: i.unit,
        names: i.names,
        score: i.score,
        rank: i.rank,
      })),
    },
  };
}

function meanScore(results: Results): number | null {
  const scores = results.items.flatMap((i) => (i.score === null ? [] : [i.score]));
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
}

/**
 * The plans covering the unit: those of the unit, of the units it was formed from (Tuyen Quang's
 * resolution 48-NQ/TU of 2021 goes on under the merged province), or of any unit below it, and
 * their targets counted by status as GET /api/plans counts them.
 */
async function plansCovering(
  database: Database,
  unit: UnitWithLineage,
  below: Set<string>,
): Promise<{ tile: TargetsTile; targets: AssessedTarget[] }> {
  const covered = new Set([...below, ...unit.predecessors.map((p) => p.code)]);
  const all = await listPlans(database, {});
  const targets = await assessTargets(database, {});
  const ids = new Set(
    all
      .filter((p) => p.unit !== null && covered.has(p.unit))
      .map((p) => p.id)
      .concat(targets.filter((t) => covered.has(t.unit)).map((t) => t.plan)),
  );
  const plans = all.filter((p) => ids.has(p.id));
  const sum = (f: (s: (typeof plans)[number]['summary']) => number) =>
    plans.reduce((n, p) => n + f(p.summary), 0);
  return {
    tile: {
      plans: plans.map((p) => p.id),
      total: sum((s) => s.total),
      achieved: sum((s) => s.achieved),
      on_track: sum((s) => s.on_track),
      off_track: sum((s) => s.off_track),
      regressing: sum((s) => s.regressing),
      insufficient_data: sum((s) => s.insufficient_data),
    },
    targets: targets.filter((t) => ids.has(t.plan)),
  };
}

/**
 * Each criteria model's roll-up over the units below the unit (as GET /api/criteria?parent=), in
 * the latest period with approved values there; models with no unit below it are left out.
 */
async function criteriaTiles(
  database: Database,
  unit: string,
  below: Set<string>,
): Promise<CriteriaTile[]> {
  const models = await listCriteriaModels(database);
  const latest = models.filter((m, i) => models.findIndex((x) => x.id === m.id) === i);
  const tiles: CriteriaTile[] = [];
  for (const model of latest) {
    const indicators = [...new Set(model.definition.criteria.map((c) => c.indicator))];
    const { rows } = await database.query<{ period: string | null }>(
      `select max(period) as period from data_values
        where element = any($1::text[]) and unit = any($2::text[]) and unit <> $3
          and approved_value is not null`,
      [indicators, [...below], unit],
    );
    const period = rows[0]?.period;
    if (!period) continue;
    const result = await criteriaResults(database, {
      model: model.id,
      version: model.version,
      period,
      parent: unit,
    });
    if (result.summary.units === 0) continue;
    tiles.push({
      model: model.id,
      version: model.version,
      name: model.name,
      period,
      level: result.level ?? '',
      ...result.summary,
    });
  }
  return tiles;
}

/**
 * The current reporting round under the unit: the latest calendar (by period, then opening day)
 * with units expected there, and its completeness as GET /api/reporting answers it.
 */
async function currentRound(
  database: Database,
  unit: string,
  today: string,
): Promise<{ status: ReportingStatus; due_on: string } | null> {
  const calendars = await listCalendars(database, {});
  calendars.sort(
    (a, b) => b.period.localeCompare(a.period) || b.opens_on.localeCompare(a.opens_on),
  );
  for (const calendar of calendars) {
    const status = await reportingStatus(
      database,
      { dataset: calendar.dataset, period: calendar.period, parent: unit },
      today,
    );
    if (status.summary.expected > 0) return { status, due_on: calendar.due_on };
  }
  return null;
}

/** The round's data-quality run (GET /api/quality/run), its issues under the unit. */
async function roundIssues(database: Database, status: ReportingStatus, below: Set<string>) {
  const full = await qualityRun(database, status.dataset.id, status.period);
  const items = full.items.filter((i) => below.has(i.unit));
  const run = { ...full, items };
  const units = [...new Set(items.map((i) => i.unit))];
  const { rows } = await database.query<{ unit: string; at: Date | string }>(
    `select unit, max(updated_at) as at from data_values
      where unit = any($1::text[]) and period = $2 group by unit`,
    [units, status.period],
  );
  const since = new Map(rows.map((r) => [r.unit, new Date(r.at).toISOString()]));
  return {
    run,
    names: await unitNames(database, units),
    since,
    counted: items.map((i) => ({ unit: i.unit, kind: i.kind, severity: i.severity })),
  };
}

/** When each target's latest published value changed: when its off-track status arose. */
async function targetSince(
  database: Database,
  targets: AssessedTarget[],
): Promise<Map<string, string>> {
  const { rows } = await database.query<{ id: string; at: Date | string }>(
    `select t.id, max(d.updated_at) as at from targets t
       join data_values d on d.unit = t.unit and d.element = t.indicator
      where t.id = any($1::text[]) and d.approved_value is not null
      group by t.id`,
    [targets.map((t) => t.id)],
  );
  return new Map(rows.map((r) => [r.id, new Date(r.at).toISOString()]));
}

async function unitNames(
  database: Database,
  codes: string[],
): Promise<Map<string, { en: string; vi: string | null; ar: string | null }>> {
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
