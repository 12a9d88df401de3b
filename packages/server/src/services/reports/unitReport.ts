import { defaultRunSettings, type FrameworkTree, frameworkTree, nodeSettings } from '@dxmon/engine';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { ApiProblem } from '../../http/problems.js';
import { criteriaResults, listCriteriaModels } from '../criteria.js';
import { frameworkElements } from '../datasets.js';
import { listDataValues } from '../dataValues.js';
import { explainUnitResults, type UnitExplanation } from '../explain.js';
import { getFramework, type StoredFramework } from '../frameworks.js';
import { type Profile, resultsFor, unitProfile } from '../profile.js';
import { getResults } from '../results.js';
import type { Language } from '../translations.js';
import { apiUncertaintyDesign, getUncertainty } from '../uncertainty.js';
import { type ReportNames, reportNames } from './localNames.js';
import type { UnitReport } from './model.js';
import { buildReportPlan } from './planReport.js';
import { reportRevision } from './revision.js';

export interface UnitReportOptions {
  unit: string;
  framework: string;
  version?: number | undefined;
  period: string;
  lang: Language;
  /**
   * A draft's annex shows the unit's working values (drafts and submissions included) as its
   * user sees them; its figures are the published ones. The caller checks the user may read them.
   */
  draft: { user: Actor } | null;
}

/** How many of the engine's what-if items a report lists. */
const whatLiftsTop = 5;
/** The share of the gap to the best performer the what-if closes (as GET /api/explain's default). */
const whatLiftsShare = 0.5;

type RankInterval = UnitReport['headline']['rank_interval'];

/**
 * A unit's report for a framework and period, composed from the services the API answers with
 * (so a report never disagrees with the screens): the profile (headline, pillars, history through
 * lineage), the uncertainty analysis (the rank's interval), the results of its region (peers), the
 * engine's explanation (change since the period before, what lifts it most), the plans covering
 * it, the criteria models over its children and their ranking, the values behind it, and the
 * framework's method, every name in `lang`.
 */
export async function buildUnitReport(
  database: Database,
  o: UnitReportOptions,
): Promise<UnitReport> {
  const [names, revision, profile] = await Promise.all([
    reportNames(database, o.lang),
    reportRevision(database),
    unitProfile(database, o),
  ]);
  const framework = await getFramework(
    database.db,
    profile.framework.id,
    profile.framework.version,
  );
  const tree = frameworkTree(framework.definition);
  const [explanation, interval, previous] = await Promise.all([
    explanationOf(database, profile),
    rankInterval(database, profile),
    previousScores(database, profile),
  ]);
  const unitName = names.unit(profile.unit.names);
  const frameworkName = names.name('framework', framework.id, framework.name);
  return {
    kind: 'unit',
    lang: o.lang,
    draft: o.draft !== null,
    data_revision: revision.data_revision,
    produced_at: revision.produced_at,
    title: `${unitName}: ${frameworkName} ${o.period}`,
    unit: await unitSection(profile, names),
    framework: { id: framework.id, version: framework.version, name: frameworkName },
    period: o.period,
    headline: headline(profile, explanation, interval),
    pillars: pillars(profile, previous, names),
    history: profile.history.map((h) => ({ ...h })),
    peers: await peers(database, profile, names),
    what_lifts: whatLifts(explanation, names),
    plans: await plansCovering(database, profile.unit.code, names),
    children: await children(database, profile, tree, names),
    annex: await annex(database, profile, tree, o.draft !== null, names),
    methodology: methodology(framework, tree, names, interval),
  };
}

async function unitSection(profile: Profile, names: ReportNames): Promise<UnitReport['unit']> {
  const { unit } = profile;
  const predecessors = await names.units(unit.predecessors.map((p) => p.code));
  return {
    code: unit.code,
    name: names.unit(unit.names),
    level: unit.level,
    valid_from: unit.valid_from,
    valid_to: unit.valid_to,
    predecessors: unit.predecessors.map((p) => ({
      code: p.code,
      name: predecessors.get(p.code)?.name ?? p.code,
      level: predecessors.get(p.code)?.level ?? unit.level,
    })),
  };
}

/**
 * The engine's explanation of the unit among the units of its level (GET /api/explain); null
 * when there is none, e.g. for a period before the unit existed (its figures are derived).
 */
async function explanationOf(
  database: Database,
  profile: Profile,
): Promise<UnitExplanation | null> {
  try {
    return await explainUnitResults(database, {
      unit: profile.unit.code,
      framework: profile.framework.id,
      version: profile.framework.version,
      period: profile.period,
      level: profile.unit.level,
      share: whatLiftsShare,
      top: whatLiftsTop,
    });
  } catch (error) {
    if (error instanceof ApiProblem) return null;
    throw error;
  }
}

/**
 * The rank's 5th-95th percentile interval from the uncertainty analysis (GET /api/uncertainty);
 * null when the analysis fails or does not rank the unit (derived figures).
 */
async function rankInterval(database: Database, profile: Profile): Promise<RankInterval> {
  try {
    const answer = await getUncertainty(database, {
      frameworkId: profile.framework.id,
      frameworkVersion: profile.framework.version,
      period: profile.period,
      level: profile.unit.level,
    });
    const item = answer.items.find((i) => i.unit === profile.unit.code);
    if (!item || item.p05_rank === null || item.p95_rank === null || item.median_rank === null)
      return null;
    return {
      p05: item.p05_rank,
      p95: item.p95_rank,
      median: item.median_rank,
      runs: answer.design.runs,
    };
  } catch {
    return null;
  }
}

/** The period before in the unit's history and its scores then, node by node. */
async function previousScores(
  database: Database,
  profile: Profile,
): Promise<{ period: string; scores: Record<string, { score: number | null }> } | null> {
  const before = profile.history.filter((h) => h.period < profile.period).at(-1);
  if (!before) return null;
  const results = await resultsFor(
    database,
    profile.unit,
    profile.framework.id,
    profile.framework.version,
    before.period,
  );
  const item = results?.items.find((i) => i.unit === profile.unit.code);
  return item ? { period: before.period, scores: item.nodes } : null;
}

function headline(
  profile: Profile,
  explanation: UnitExplanation | null,
  interval: RankInterval,
): UnitReport['headline'] {
  const change = explanation?.change ?? null;
  const previous = profile.history.filter((h) => h.period < profile.period).at(-1);
  return {
    score: profile.score,
    rank: profile.rank,
    units: profile.units,
    previous_period: change?.previous ?? previous?.period ?? null,
    score_change: change ? change.score_change : difference(profile.score, previous?.score ?? null),
    rank_change: change ? change.rank_change : profile.rank_change,
    rank_interval: interval,
    derived: profile.derived,
  };
}

function pillars(
  profile: Profile,
  previous: Awaited<ReturnType<typeof previousScores>>,
  names: ReportNames,
): UnitReport['pillars'] {
  const framework = profile.framework.id;
  return profile.nodes
    .filter((n) => n.kind === 'pillar')
    .map((n) => ({
      code: n.code,
      name: names.node(framework, n.code, n.name),
      short_name: names.nodeShort(framework, n.code, n.name),
      depth: n.depth,
      score: n.score,
      rank: n.rank,
      change: difference(n.score, previous?.scores[n.code]?.score ?? null),
      region_mean: n.region_mean,
      national_mean: n.national_mean,
    }));
}

/** The units of the unit's region in the period (its results' units), best first. */
async function peers(
  database: Database,
  profile: Profile,
  names: ReportNames,
): Promise<UnitReport['peers']> {
  if (profile.region === null) return { region: null, items: [] };
  const results = await resultsFor(
    database,
    profile.unit,
    profile.framework.id,
    profile.framework.version,
    profile.period,
  );
  const items = (results?.items ?? []).filter((i) => i.region === profile.region);
  return {
    region: names.name('region', profile.region),
    items: items.map((i) => ({
      unit: i.unit,
      name: names.unit(i.names),
      score: i.score,
      rank: i.rank,
      self: i.unit === profile.unit.code,
    })),
  };
}

function whatLifts(
  explanation: UnitExplanation | null,
  names: ReportNames,
): UnitReport['what_lifts'] {
  if (!explanation) return [];
  return explanation.what_if.items.slice(0, whatLiftsTop).map((i) => ({
    indicator: i.indicator,
    name: names.node(explanation.framework.id, i.indicator, i.name),
    value: i.value,
    assumed_value: i.target,
    score_gain: i.score_gain,
    rank_after: i.new_rank,
  }));
}

/** Every plan for the unit or with a target on it, with all its targets. */
async function plansCovering(
  database: Database,
  unit: string,
  names: ReportNames,
): Promise<UnitReport['plans']> {
  const { rows } = await database.query<{ id: string }>(
    `select id from plans where unit = $1
     union select plan from targets where unit = $1
     order by 1`,
    [unit],
  );
  const plans = [];
  for (const { id } of rows) plans.push(await buildReportPlan(database, id, names));
  return plans;
}

/**
 * For a unit with children: every criteria model's roll-up over the units below it in the period
 * (GET /api/criteria with `parent`), and the children's ranking when the framework has data at
 * their level in the period (GET /api/results of that level); null for a unit without children.
 */
async function children(
  database: Database,
  profile: Profile,
  tree: FrameworkTree,
  names: ReportNames,
): Promise<UnitReport['children']> {
  const { rows } = await database.query<{ level: string; codes: string[] }>(
    `select level, array_agg(code order by code) as codes from units where parent = $1
      group by level order by count(*) desc, level limit 1`,
    [profile.unit.code],
  );
  const below = rows[0];
  if (!below) return null;
  return {
    level: below.level,
    criteria: await criteriaRollups(database, profile, names),
    ranking: await childRanking(database, profile, tree, below, names),
  };
}

async function criteriaRollups(
  database: Database,
  profile: Profile,
  names: ReportNames,
): Promise<NonNullable<UnitReport['children']>['criteria']> {
  const models = await listCriteriaModels(database);
  const latest = models.filter((m, i) => models.findIndex((x) => x.id === m.id) === i);
  const rollups = [];
  for (const model of latest) {
    const result = await criteriaResults(database, {
      model: model.id,
      version: model.version,
      period: profile.period,
      parent: profile.unit.code,
    });
    if (result.summary.units === 0) continue;
    rollups.push({
      model: model.id,
      version: model.version,
      name: names.name('model', model.id, model.name),
      ...result.summary,
    });
  }
  return rollups;
}

async function childRanking(
  database: Database,
  profile: Profile,
  tree: FrameworkTree,
  below: { level: string; codes: string[] },
  names: ReportNames,
): Promise<NonNullable<UnitReport['children']>['ranking']> {
  const { rows } = await database.query(
    `select 1 from data_values
      where unit = any($1::text[]) and period = $2 and element = any($3::text[])
        and approved_value is not null limit 1`,
    [below.codes, profile.period, frameworkElements(tree)],
  );
  if (rows.length === 0) return [];
  const results = await getResults(database, {
    frameworkId: profile.framework.id,
    frameworkVersion: profile.framework.version,
    period: profile.period,
    level: below.level,
  });
  const mine = new Set(below.codes);
  return results.items
    .filter((i) => mine.has(i.unit))
    .map((i) => ({ unit: i.unit, name: names.unit(i.names), score: i.score, rank: i.rank }));
}

/**
 * The values of the framework's data elements for the unit and period, with their provenance
 * (GET /api/data): approved values only, or in a draft the unit's working values and their state.
 */
async function annex(
  database: Database,
  profile: Profile,
  tree: FrameworkTree,
  draft: boolean,
  names: ReportNames,
): Promise<UnitReport['annex']> {
  const elements = frameworkElements(tree);
  const order = new Map(elements.map((e, i) => [e, i]));
  const [{ items }, measures] = await Promise.all([
    listDataValues(
      database,
      { unit: profile.unit.code, period: profile.period, limit: 10_000, offset: 0 },
      draft ? [profile.unit.code] : [],
    ),
    database.query<{ code: string; unit_of_measure: string | null }>(
      'select code, unit_of_measure from data_elements where code = any($1::text[])',
      [elements],
    ),
  ]);
  const measure = new Map(measures.rows.map((m) => [m.code, m.unit_of_measure]));
  return items
    .filter((v) => order.has(v.indicator))
    .sort((a, b) => (order.get(a.indicator) as number) - (order.get(b.indicator) as number))
    .map((v) => ({
      element: v.indicator,
      name: names.name('element', v.indicator),
      unit_of_measure: measure.get(v.indicator) ?? null,
      value: v.value,
      source: v.source,
      evidence: v.evidence,
      state: v.status,
      updated_at: v.updated_at,
    }));
}

/** The facts of the framework's method and of the rank interval's design. */
function methodology(
  framework: StoredFramework,
  tree: FrameworkTree,
  names: ReportNames,
  interval: RankInterval,
): UnitReport['methodology'] {
  const root = tree.nodes[0];
  const indicator = tree.nodes[tree.indicators[0] ?? 0];
  if (!root || !indicator) throw new Error(`framework ${framework.id} has no nodes`);
  const normalise = nodeSettings(indicator, defaultRunSettings).normalise;
  const aggregate = nodeSettings(root, defaultRunSettings).aggregate;
  const { runs, seed, design } = apiUncertaintyDesign;
  return {
    normalisation: {
      method: normalise.method,
      ...('range' in normalise && normalise.range ? { range: normalise.range } : {}),
    },
    aggregation: aggregate.method,
    weights: [...(tree.children[0] ?? [])].map((i) => {
      const node = tree.nodes[i];
      const code = tree.codes[i] as string;
      return {
        code,
        name: names.node(framework.id, code, node?.name),
        weight: node?.weight ?? 1,
      };
    }),
    data_threshold: aggregate.data_threshold ?? null,
    uncertainty:
      interval === null
        ? null
        : {
            runs,
            seed,
            weights_spread: design.weights.spread,
            normalise: design.normalise.map((n) => n.method),
            aggregate: design.aggregate.map((a) => a.method),
          },
  };
}

function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}
