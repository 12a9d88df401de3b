import type { TargetStatus } from './progressStatus.js';

/** A plan's targets counted by status ("14 of 17 targets achieved"). */
export interface PlanSummary {
  plan: string;
  total: number;
  achieved: number;
  on_track: number;
  off_track: number;
  regressing: number;
  insufficient_data: number;
  /** achieved / total, as a percentage (0 to 100). */
  share_achieved: number;
}

const field: Record<
  TargetStatus,
  Exclude<keyof PlanSummary, 'plan' | 'total' | 'share_achieved'>
> = {
  achieved: 'achieved',
  'on-track': 'on_track',
  'off-track': 'off_track',
  regressing: 'regressing',
  'insufficient-data': 'insufficient_data',
};

/** Counts assessed targets per plan and status, plans in the order they first appear. */
export function rollupPlans(
  assessments: readonly { plan: string; status: TargetStatus }[],
): PlanSummary[] {
  const plans = new Map<string, PlanSummary>();
  for (const a of assessments) {
    let p = plans.get(a.plan);
    if (!p) {
      p = {
        plan: a.plan,
        total: 0,
        achieved: 0,
        on_track: 0,
        off_track: 0,
        regressing: 0,
        insufficient_data: 0,
        share_achieved: 0,
      };
      plans.set(a.plan, p);
    }
    p.total++;
    p[field[a.status]]++;
  }
  for (const p of plans.values()) p.share_achieved = (100 * p.achieved) / p.total;
  return [...plans.values()];
}
