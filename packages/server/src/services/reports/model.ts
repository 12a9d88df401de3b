import type { PlanSummary, TargetGrade, TargetStatus } from '@dxmon/engine';
import type { Language } from '../translations.js';

/**
 * What a report says, already in its reader's language: every name is the one of `lang` (English
 * where no translation exists), every number a number (formatting is the renderer's). The HTML,
 * PDF and XLSX renderers read only this; the builders (unitReport.ts, planReport.ts) fill it from
 * the services the API answers with, so a report never disagrees with the screens.
 */

/** Where the document's figures come from: the data revision and when it was produced. */
export interface ReportProvenance {
  lang: Language;
  /** A draft includes the asking user's unapproved values; every page of it says DRAFT. */
  draft: boolean;
  /** The data revision the figures were computed from (raised by every change to data values; assessment runs record the same number). */
  data_revision: number;
  /** ISO 8601 timestamp of the data revision's report (the same inputs give the same document). */
  produced_at: string;
  /** The document's title, e.g. "Tuyên Quang: Provincial DX index 2022". */
  title: string;
}

export interface ReportUnitRef {
  code: string;
  name: string;
  level: string;
}

export interface ReportTarget {
  id: string;
  /** The target's own name, else the indicator's. */
  name: string;
  indicator: string;
  indicator_name: string;
  unit_of_measure: string | null;
  direction: 1 | -1;
  baseline_period: string | null;
  baseline_value: number | null;
  latest_period: string | null;
  latest_value: number | null;
  target_period: string;
  target_value: number;
  projected_value: number | null;
  /** Annual growth, as fractions (0.05 is 5% a year). */
  required_growth: number | null;
  observed_growth: number | null;
  status: TargetStatus;
  grade: TargetGrade | null;
  /** The observations behind it, for the target's small chart. */
  series: { period: string; value: number }[];
  /** The forecast's probability of meeting the target by its period (engine), or null. */
  probability: number | null;
  /** Why there is no probability (the engine's reason), else null. */
  forecast_reason: string | null;
  /** The forecast's fan year by year to the target period: projection and 80%/95% bounds. */
  fan: {
    period: string;
    projection: number;
    lower80: number;
    upper80: number;
    lower95: number;
    upper95: number;
  }[];
}

export interface ReportPlan {
  id: string;
  name: string;
  unit: ReportUnitRef | null;
  adopted_on: string | null;
  summary: PlanSummary;
  targets: ReportTarget[];
}

export interface UnitReport extends ReportProvenance {
  kind: 'unit';
  unit: ReportUnitRef & {
    valid_from: string;
    valid_to: string | null;
    /** The units it was formed from (a merged province), by name. */
    predecessors: ReportUnitRef[];
  };
  framework: { id: string; version: number; name: string };
  period: string;
  headline: {
    score: number | null;
    rank: number | null;
    /** Units ranked in the period. */
    units: number;
    previous_period: string | null;
    score_change: number | null;
    /** Places gained since the previous period (positive: up). */
    rank_change: number | null;
    /** The rank's 5th-95th percentile interval from the uncertainty analysis; null without it. */
    rank_interval: { p05: number; p95: number; median: number; runs: number } | null;
    /** True when the unit did not exist in the period: its figures are its predecessors'. */
    derived: boolean;
  };
  pillars: {
    code: string;
    name: string;
    short_name: string;
    /** 1 for the index's pillars, 2 for their sub-pillars... (for indenting). */
    depth?: number;
    score: number | null;
    rank: number | null;
    /** The pillar's own score change since the previous period, in points. */
    change: number | null;
    region_mean: number | null;
    national_mean: number | null;
  }[];
  /** Score and rank period by period, through boundary lineage (`derived`: its predecessors'). */
  history: {
    period: string;
    score: number | null;
    rank: number | null;
    units: number;
    derived: boolean;
  }[];
  /** The units of its region in the period, best first. */
  peers: {
    region: string | null;
    items: {
      unit: string;
      name: string;
      score: number | null;
      rank: number | null;
      self: boolean;
    }[];
  };
  /** The indicators whose improvement lifts the score most (the engine's what-if), best first. */
  what_lifts: {
    indicator: string;
    name: string;
    /** The indicator's value now and the one assumed (closing `share` of the gap to the best). */
    value: number | null;
    assumed_value: number | null;
    score_gain: number | null;
    rank_after: number | null;
  }[];
  /** The plans covering the unit, with every target. */
  plans: ReportPlan[];
  /** For a unit with children: the criteria models' roll-up over them and their ranking. */
  children: {
    level: string;
    /** `share`: met / units as a percentage (0 to 100), as the engine gives it. */
    criteria: {
      model: string;
      version: string;
      name: string;
      units: number;
      met: number;
      share: number;
    }[];
    ranking: { unit: string; name: string; score: number | null; rank: number | null }[];
  } | null;
  /** Each raw value behind the period's figures, with its provenance. */
  annex: {
    element: string;
    name: string;
    unit_of_measure: string | null;
    value: number | null;
    source: string | null;
    evidence: string | null;
    /** draft, submitted, approved or reopened; in a public report always approved. */
    state: string;
    updated_at: string;
  }[];
  /** The facts the methodology note states (the renderer phrases them in the reader's language). */
  methodology: {
    /** The framework's normalisation, e.g. { method: 'minmax', range: [0, 100] }. */
    normalisation: { method: string; range?: [number, number] };
    /** The aggregation at each level, e.g. 'arithmetic'. */
    aggregation: string;
    /** The index's top-level weights (pillar code, name, weight). */
    weights: { code: string; name: string; weight: number }[];
    /** How missing values are treated, e.g. the data threshold. */
    data_threshold: number | null;
    /** The design behind the rank interval, when there is one. */
    uncertainty: {
      runs: number;
      seed: number;
      weights_spread: number;
      normalise: string[];
      aggregate: string[];
    } | null;
  };
}

export interface PlanReport extends ReportProvenance {
  kind: 'plan';
  plan: ReportPlan;
  /** As of which period the targets were assessed (the latest data). */
  as_of: string | null;
}

export type Report = UnitReport | PlanReport;
export type ReportFormat = 'pdf' | 'xlsx' | 'html' | 'json';
