import { useQuery } from '@tanstack/react-query';
import { ApiError, type Names } from '../api.js';

export interface UnitRef {
  code: string;
  names: Names;
}

export interface Dashboard {
  unit: UnitRef & { level: string; parent: string | null };
  framework: { id: string; version: number; name: string };
  period: string;
  tiles: {
    score: {
      kind: 'unit' | 'country';
      score: number | null;
      rank: number | null;
      units: number;
      previous_period: string | null;
      score_change: number | null;
      rank_change: number | null;
      top: (UnitRef & { score: number | null }) | null;
      bottom: (UnitRef & { score: number | null }) | null;
      level: string;
    } | null;
    targets: {
      plans: string[];
      total: number;
      achieved: number;
      on_track: number;
      off_track: number;
      regressing: number;
      insufficient_data: number;
    };
    criteria: {
      model: string;
      name: string;
      period: string;
      level: string;
      units: number;
      met: number;
      share: number;
    }[];
    reporting?: {
      dataset: string;
      dataset_kind: 'framework' | 'criteria';
      period: string;
      due_on: string;
      expected: number;
      with_values: number;
      submitted: number;
      on_time: number;
      late: number;
      overdue: number;
      approved: number;
      value_completeness: number;
    } | null;
    quality?: {
      dataset: string;
      period: string;
      blocking: number;
      warnings: number;
      outliers: number;
    } | null;
  };
  alerts: DashboardAlert[];
  map: {
    level: string;
    at: string;
    items: (UnitRef & { score: number | null; rank: number | null })[];
  } | null;
}

export interface DashboardAlert {
  id: string;
  kind:
    | 'target-off-track'
    | 'target-regressing'
    | 'report-overdue'
    | 'report-late'
    | 'awaiting-approval'
    | 'quality-blocking';
  severity: 'critical' | 'warning' | 'info';
  unit: UnitRef;
  params: Record<string, string | number | null | Record<string, string | null>>;
  link: string;
  since: string;
}

/** How often an open dashboard asks whether anything changed (a 304 when nothing did: one small read). */
export const pollEvery = 500;

/** The last answer and its ETag per address, so that a poll costs the server one small read. */
const known = new Map<string, { etag: string; data: Dashboard }>();

/**
 * A dashboard kept live: asked again every half second with the ETag of the last answer, so an
 * approval made anywhere shows within a second or so, and an unchanged one costs a 304 (no body,
 * no re-render: the same object is returned).
 */
export function useDashboard(unit: string | undefined) {
  const path = `/api/dashboard${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`;
  return useQuery({
    queryKey: ['dashboard', unit ?? ''],
    refetchInterval: pollEvery,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const last = known.get(path);
      // The browser's own cache stays out: the ETag is sent and a 304 handled here.
      const res = await fetch(path, {
        headers: { accept: 'application/json', ...(last ? { 'if-none-match': last.etag } : {}) },
        cache: 'no-store',
        signal,
      });
      if (res.status === 304 && last) return last.data;
      if (!res.ok) {
        const problem = await res.json().catch(() => ({}));
        throw new ApiError(
          res.status,
          problem.title ?? res.statusText,
          problem.detail ?? `${res.status} ${res.statusText}`,
          problem.fields ?? [],
        );
      }
      const data = (await res.json()) as Dashboard;
      const etag = res.headers.get('etag');
      if (etag) known.set(path, { etag, data });
      return data;
    },
  });
}
