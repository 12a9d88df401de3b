import type { QualityIssue } from './entry/qualityNotes.js';
/** A refusal from the API: its RFC 9457 problem document. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

/** GET a JSON resource of the API; a non-2xx answer becomes an ApiError with the server's words. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!res.ok) {
    const problem = await res.json().catch(() => ({}));
    throw new ApiError(
      res.status,
      problem.title ?? res.statusText,
      problem.detail ?? `${res.status} ${res.statusText}`,
      problem.fields ?? [],
    );
  }
  return (await res.json()) as T;
}

export interface Names {
  en: string;
  vi: string | null;
  ar: string | null;
}

export interface ResultNode {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
}

export interface ResultItem {
  unit: string;
  names: Names;
  region: string | null;
  score: number | null;
  rank: number | null;
  rank_change: number | null;
  nodes: Record<string, { score: number | null; rank: number | null }>;
  predecessors?: string[];
}

export interface Results {
  framework: { id: string; version: number; name: string };
  period: string;
  level: string;
  at: string;
  derived: boolean;
  /** Units matching `parent` before `limit` and `offset` (all of them without a view). */
  total: number;
  offset: number;
  limit: number | null;
  nodes: ResultNode[];
  items: ResultItem[];
}

export interface FrameworkSummary {
  id: string;
  version: number;
  name: string;
}

export interface ProfileNode {
  code: string;
  name: string;
  parent: string | null;
  depth: number;
  kind: string;
  weight: number;
  direction: number;
  unit_of_measure: string | null;
  score: number | null;
  rank: number | null;
  value: number | null;
  region_mean: number | null;
  national_mean: number | null;
}

export interface Profile {
  unit: {
    code: string;
    level: string;
    names: Names;
    valid_from: string;
    valid_to: string | null;
    attributes: Record<string, string>;
    predecessors: { code: string; event: string; date: string }[];
    successors: { code: string; event: string; date: string }[];
  };
  framework: FrameworkSummary;
  period: string;
  derived: boolean;
  score: number | null;
  rank: number | null;
  rank_change: number | null;
  units: number;
  region: string | null;
  nodes: ProfileNode[];
  history: {
    period: string;
    score: number | null;
    rank: number | null;
    units: number;
    derived: boolean;
  }[];
  forecast?: IndexForecast;
  targets: TargetAssessment[];
}

export interface TargetAssessment {
  id: string;
  plan: string;
  unit: string;
  indicator: string;
  name: string | null;
  direction: number;
  baseline_period: string | null;
  baseline_value: number | null;
  latest_period: string | null;
  latest_value: number | null;
  target_period: string;
  target_value: number;
  projected_value: number | null;
  /** Which natural bound of the indicator (a share's 100, a count's 0) held the projection. */
  projection_bounded: 'lower' | 'upper' | null;
  /** The trend's own value at the target period, before the bounds. */
  projected_value_unbounded: number | null;
  unit_of_measure: string | null;
  progress: number | null;
  status: 'achieved' | 'on-track' | 'off-track' | 'regressing' | 'insufficient-data';
  grade: 'acceleration-needed' | 'limited' | null;
  method: 'cagr' | 'linear';
  /** The engine's forecast at the target period: probability, projection, intervals, or a reason. */
  forecast?: SeriesForecast;
  /** Projection and intervals year by year to the target period (empty without a forecast). */
  fan?: FanPoint[];
}

export interface PredictionInterval {
  level: number;
  lower: number;
  upper: number;
}

export interface SeriesForecast {
  time: number;
  model: string | null;
  weighted_by: 'backtest' | 'equal' | null;
  weights: { model: string; weight: number }[];
  backtest: { model: string; mae: number; forecasts: number }[];
  projection: number | null;
  intervals: PredictionInterval[];
  probability: number | null;
  reason: string | null;
}

export interface FanPoint {
  time: number;
  projection: number;
  intervals: PredictionInterval[];
}

export type RankBand = 'up-3+' | 'up-1-2' | 'same' | 'down-1-2' | 'down-3+';

/** A unit's index next period: score with intervals and the odds of each rank change. */
export interface IndexForecast {
  period: string | null;
  score: SeriesForecast;
  rank: number | null;
  units: number;
  bands: Record<RankBand, number> | null;
  rank_interval: { p05: number; p95: number } | null;
  /** The method's uncertainty in score points added to the draws (from the uncertainty analysis). */
  method_sd: number | null;
  draws: number;
  seed: number;
}

export interface Series {
  unit: string;
  element: string;
  items: { period: string; value: number | null; derived: boolean }[];
}

export interface PlanSummary {
  id: string;
  name: string;
  unit: string | null;
  adopted_on: string | null;
  summary: {
    total: number;
    achieved: number;
    on_track: number;
    off_track: number;
    regressing: number;
    insufficient_data: number;
    share_achieved: number;
  };
}

/** The CSRF token of this tab's session: sent with every write the session cookie authenticates. */
const csrfKey = 'dxmon.csrf';
export function rememberCsrf(token: string | null): void {
  if (token) sessionStorage.setItem(csrfKey, token);
  else sessionStorage.removeItem(csrfKey);
}

/** POST (or PATCH, DELETE) JSON to the API with the session cookie and its CSRF token. */
export async function send<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      'x-csrf-token': sessionStorage.getItem(csrfKey) ?? '',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new ApiError(
      res.status,
      json.title ?? res.statusText,
      json.detail ?? String(res.status),
      json.fields ?? [],
    );
  }
  return json as T;
}

export interface Me {
  id: number;
  email: string;
  name: string;
  language: string;
  role: 'admin' | 'analyst' | 'officer' | 'approver' | 'viewer';
  unit: string | null;
}

export interface DataValue {
  unit: string;
  indicator: string;
  period: string;
  value: number | null;
  source: string | null;
  evidence: string | null;
  status: string;
  version: number;
}

export interface WorkflowStatus {
  unit: string;
  dataset: string;
  period: string;
  state: 'draft' | 'submitted' | 'approved' | 'reopened';
  reason: string | null;
  version: number;
}

export interface ImportReport {
  id: number | null;
  status: 'applied' | 'checked' | 'refused';
  dry_run: boolean;
  layout: 'long' | 'wide' | null;
  rows: number;
  values: number;
  inserted: number;
  updated: number;
  unchanged: number;
  problems: { row: number; field: string; value: string; message: string }[];
  problems_total: number;
  /** Data-quality warnings (rules broken, outliers), the rows concerned; nothing is refused. */
  warnings?: (QualityIssue & { rows: number[] })[];
  warnings_total?: number;
  /** False when the file was too large to be checked for outliers. */
  outliers_checked?: boolean;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST a CSV or XLSX file (by its name) to the API, with the session's CSRF token. */
export async function sendFile<T>(path: string, file: File): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: {
      accept: 'application/json',
      'content-type': /\.xlsx$/i.test(file.name) ? xlsxType : 'text/csv',
      'x-csrf-token': sessionStorage.getItem(csrfKey) ?? '',
    },
    body: file,
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok)
    throw new ApiError(
      res.status,
      json.title ?? res.statusText,
      json.detail ?? String(res.status),
      json.fields ?? [],
    );
  return json as T;
}

/**
 * Sends a CSV or XLSX file to the importer (a dry run, or for real) and returns its report, the
 * refused ones included (their 422 or 403 problem carries the report).
 */
export async function importFile(file: File, dryRun: boolean): Promise<ImportReport> {
  const xlsx = /\.xlsx$/i.test(file.name);
  const res = await fetch(
    `/api/imports?dry_run=${dryRun}&filename=${encodeURIComponent(file.name)}`,
    {
      method: 'POST',
      headers: {
        'content-type': xlsx ? xlsxType : 'text/csv',
        'x-csrf-token': sessionStorage.getItem(csrfKey) ?? '',
      },
      body: file,
    },
  );
  const json = await res.json().catch(() => ({}));
  if (res.ok) return json as ImportReport;
  if (json.report) return json.report as ImportReport;
  throw new ApiError(
    res.status,
    json.title ?? res.statusText,
    json.detail ?? String(res.status),
    json.fields ?? [],
  );
}

/** `GET /api/results/uncertainty`: each unit's index rank over the engine's Monte Carlo runs. */
export interface Uncertainty {
  period: string;
  design: {
    runs: number;
    seed: number;
    k: number;
    weights_spread: number;
    normalise: string[];
    aggregate: string[];
  };
  items: {
    unit: string;
    nominal_rank: number | null;
    mean_rank: number | null;
    median_rank: number | null;
    p05_rank: number | null;
    p95_rank: number | null;
    within_k_share: number | null;
  }[];
}

export interface ExplanationGap {
  unit: string;
  names: Names;
  rank: number | null;
  score: number | null;
  gap: number | null;
  nodes: {
    code: string;
    name: string;
    score: number | null;
    other: number | null;
    gap: number | null;
  }[];
}

/** `GET /api/units/:code/explain`: contributions, gaps, what lifts the unit most, the change. */
export interface Explanation {
  score: number | null;
  rank: number | null;
  units: number;
  gaps: { above: ExplanationGap | null; leader: ExplanationGap | null };
  what_if: {
    share: number;
    evaluated: number;
    skipped: string[];
    items: {
      indicator: string;
      name: string;
      direction: number;
      value: number | null;
      best: number | null;
      best_unit: string;
      best_unit_names: Names;
      target: number | null;
      new_score: number | null;
      score_gain: number | null;
      rank: number | null;
      new_rank: number | null;
      rank_gain: number | null;
    }[];
  };
  change: {
    previous: string;
    score_change: number | null;
    rank_change: number | null;
    nodes: {
      code: string;
      name: string;
      change: number;
      value: number | null;
      previous_value: number | null;
    }[];
    /** The previous period is the unit's predecessors' (it did not exist then), as its history. */
    derived: boolean;
    predecessors: string[];
  } | null;
  nodes: {
    code: string;
    kind: 'index' | 'aggregate' | 'indicator';
    unit_of_measure: string | null;
  }[];
}
