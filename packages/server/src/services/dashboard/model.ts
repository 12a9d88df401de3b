import type { QualityCounts } from '../quality/issues.js';
import type { ReportingSummary } from '../reporting/completeness.js';

/**
 * What a leader's dashboard shows for one unit (or the country): headline tiles, the alerts that
 * need attention and, for the country, a map. Names come in en, vi and ar (units) or as keys the
 * client names through GET /api/names (plans, targets, rules, criteria models).
 */

export type Names = { en: string; vi: string | null; ar: string | null };

export interface UnitRef {
  code: string;
  names: Names;
}

export interface ScoreTile {
  /** `unit`: the unit's own score and rank; `country`: a summary of the units below it. */
  kind: 'unit' | 'country';
  score: number | null;
  /** Country: the mean score of the ranked units (`score` is the same mean). */
  rank: number | null;
  /** Units ranked in the period (rank "12 of 34"). */
  units: number;
  previous_period: string | null;
  /** Points since the previous period (country: change of the mean). */
  score_change: number | null;
  /** Places gained since the previous period (positive: up). */
  rank_change: number | null;
  /** Country: the best and the worst ranked unit. */
  top: (UnitRef & { score: number | null }) | null;
  bottom: (UnitRef & { score: number | null }) | null;
  /** The level ranked (province). */
  level: string;
}

export interface TargetsTile {
  /** The plans counted: those of the unit, of the units it was formed from, or of units below it. */
  plans: string[];
  total: number;
  achieved: number;
  on_track: number;
  off_track: number;
  regressing: number;
  insufficient_data: number;
}

export interface CriteriaTile {
  model: string;
  version: string;
  name: string;
  period: string;
  level: string;
  units: number;
  met: number;
  /** met / units as a percentage, as the engine gives it. */
  share: number;
}

export interface RoundRef {
  dataset: string;
  dataset_kind: 'framework' | 'criteria';
  period: string;
  due_on: string;
}

export type ReportingTile = RoundRef & ReportingSummary;

export type QualityTile = { dataset: string; period: string } & QualityCounts;

export type AlertKind =
  | 'target-off-track'
  | 'target-regressing'
  | 'report-overdue'
  | 'report-late'
  | 'awaiting-approval'
  | 'quality-blocking';

/**
 * Something that needs a leader's attention. `kind` is the message's key; `params` fill it
 * (`target`, `plan`, `rule` are keys of GET /api/names; `rule_message` is the rule's own text).
 */
export interface Alert {
  /** Stable across revisions, so a client can remember which it has seen. */
  id: string;
  kind: AlertKind;
  severity: 'critical' | 'warning' | 'info';
  unit: UnitRef;
  params: Record<string, string | number | null | Record<string, string | null>>;
  /** Where to act on it, an address in the web app. */
  link: string;
  /** When it arose (ISO 8601): the data, submission or due date behind it. */
  since: string;
  /** Private alerts (reporting, quality) are shown to signed-in users with access only. */
  visibility: 'public' | 'reporting' | 'quality';
}

export interface Dashboard {
  unit: UnitRef & { level: string; parent: string | null };
  framework: { id: string; version: number; name: string };
  period: string;
  tiles: {
    score: ScoreTile | null;
    targets: TargetsTile;
    criteria: CriteriaTile[];
    /** The current reporting round (the latest calendar with units expected under the unit). */
    reporting?: ReportingTile | null;
    /** Open data-quality issues of the current round's data set and period, under the unit. */
    quality?: QualityTile | null;
  };
  alerts: Alert[];
  /** The country: each unit of the ranked level with its score, for a map. */
  map: {
    level: string;
    at: string;
    items: (UnitRef & { score: number | null; rank: number | null })[];
  } | null;
}
