import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, type Me } from '../api.js';

/** A submission waiting for the signed-in user's approval (GET /api/workflow/queue). */
export interface QueueItem {
  unit: string;
  unit_names: { en: string; vi: string | null; ar: string | null };
  dataset: string;
  dataset_kind: 'framework' | 'criteria';
  dataset_name: string;
  dataset_names: { en: string; vi: string | null; ar: string | null };
  period: string;
  submitted_at: string;
  submitted_by: { id: number; name: string; email: string } | null;
  version: number;
  values: number;
  /** Its data-quality issues, for the approver to look at before approving. */
  quality: { blocking: number; warnings: number; outliers: number };
}

export interface ApprovalQueue {
  items: QueueItem[];
  total: number;
}

/** Approvers and admins approve submissions; the other roles have no queue. */
export function approves(me: Me | null | undefined): boolean {
  return me?.role === 'approver' || me?.role === 'admin';
}

/**
 * The signed-in user's approval queue, oldest submission first (`limit` items and the total).
 * Its key starts with `workflow`, so that a submission, approval or reopening on the data entry
 * page (which refreshes every `workflow` query) refreshes the queue and the header's count too.
 */
export function useApprovalQueue(me: Me | null | undefined, limit = 1000) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['workflow', 'queue', me?.id, limit],
    enabled: approves(me),
    queryFn: async ({ signal }): Promise<ApprovalQueue> => {
      // Signing out refreshes every query before this one is disabled: ask nothing (a 401) then.
      if (!approves(client.getQueryData<Me | null>(['me']))) return { items: [], total: 0 };
      return getJson<ApprovalQueue>(`/api/workflow/queue?limit=${limit}`, signal);
    },
  });
}
