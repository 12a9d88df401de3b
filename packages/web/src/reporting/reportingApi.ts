import { useQuery } from '@tanstack/react-query';
import { getJson, type Names } from '../api.js';

export type ReportingState = 'draft' | 'submitted' | 'approved' | 'reopened';

export interface ReportingCalendar {
  dataset: string;
  dataset_kind: 'framework' | 'criteria';
  period: string;
  opens_on: string;
  due_on: string;
  late_until: string;
  created_by: string;
  updated_at: string;
}

export interface ReportingItem {
  unit: string;
  names: Names;
  parent: string | null;
  state: ReportingState;
  submitted_at: string | null;
  approved_at: string | null;
  on_time: boolean | null;
  overdue: boolean;
  values: number;
}

/** GET /api/reporting: completeness and timeliness of a data set's round for a period. */
export interface ReportingStatus {
  dataset: { id: string; kind: 'framework' | 'criteria'; name: string; elements: number };
  period: string;
  level: string;
  parent: string;
  calendar: ReportingCalendar | null;
  summary: {
    expected: number;
    with_values: number;
    submitted: number;
    on_time: number;
    late: number;
    overdue: number;
    approved: number;
    value_completeness: number;
  };
  items: ReportingItem[];
}

/** The round of `dataset` and `period` under the user's units (the server picks the parent). */
export function useReporting(dataset: string | undefined, period: string | undefined) {
  return useQuery({
    queryKey: ['reporting', dataset, period],
    enabled: Boolean(dataset && period),
    queryFn: ({ signal }) =>
      getJson<ReportingStatus>(
        `/api/reporting?dataset=${encodeURIComponent(dataset ?? '')}&period=${encodeURIComponent(period ?? '')}`,
        signal,
      ),
  });
}

/**
 * What a unit's row says: approved, submitted, reopened (back with its officers), overdue (not
 * submitted after the due date) or not submitted yet.
 */
export type UnitStatus = 'approved' | 'submitted' | 'reopened' | 'overdue' | 'pending';

export function statusOf(item: ReportingItem): UnitStatus {
  if (item.state === 'approved' || item.state === 'submitted' || item.state === 'reopened')
    return item.overdue && item.state === 'reopened' ? 'overdue' : item.state;
  return item.overdue ? 'overdue' : 'pending';
}

/** The colour of each status, on the map and its badges (each at least 4.5:1 against white, for its badge's text). */
export const statusColors: Record<UnitStatus, string> = {
  approved: '#1e6b30',
  submitted: '#1864ab',
  reopened: '#8f4f00',
  overdue: '#b02525',
  pending: '#5c636a',
};

/** GET /api/reporting/history: a data set's rounds over time, oldest first. */
export interface ReportingHistory {
  dataset: string;
  level: string;
  parent: string;
  items: {
    period: string;
    calendar: ReportingCalendar | null;
    summary: ReportingStatus['summary'];
  }[];
}

export function useReportingHistory(dataset: string | undefined) {
  return useQuery({
    queryKey: ['reporting', 'history', dataset],
    enabled: Boolean(dataset),
    queryFn: ({ signal }) =>
      getJson<ReportingHistory>(
        `/api/reporting/history?dataset=${encodeURIComponent(dataset ?? '')}`,
        signal,
      ),
  });
}
