import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { User } from '../services/users.js';
import { transition } from '../services/workflow.js';

/**
 * Data sets the demo's officers have submitted and that wait for approval, oldest first: the
 * ministry's approver (approver@, unit VN) finds them all in the approval queue (every unit below
 * VN), Ninh Binh's approver (approver.ninhbinh@) its communes' checklists. None is a period the
 * browser tests or benchmarks write to (a submitted data set is locked).
 */
export const demoSubmissions = [
  { by: 'officer.ninhbinh@demo.dxmon.org', unit: 'VN-37', dataset: 'dti-province', period: '2023' },
  {
    by: 'officer.tuyenquang@demo.dxmon.org',
    unit: 'VN25-08',
    dataset: 'dti-province',
    period: '2025',
  },
  {
    by: 'officer.tuyenquang@demo.dxmon.org',
    unit: 'VN25-08',
    dataset: 'dti-province',
    period: '2026',
  },
  {
    by: 'officer.ninhbinh@demo.dxmon.org',
    unit: 'VN-37-C001',
    dataset: 'commune-dx-model',
    period: '2024',
  },
  {
    by: 'officer.ninhbinh@demo.dxmon.org',
    unit: 'VN-37-C002',
    dataset: 'commune-dx-model',
    period: '2024',
  },
] as const;

/**
 * Submits `demoSubmissions` as their officers would, through the workflow's own transition (its
 * checks, locks and audit rows). Data sets of units or models the demo folder lacks are skipped.
 */
export async function submitDemoData(database: Database, users: User[]): Promise<number> {
  let submitted = 0;
  for (const s of demoSubmissions) {
    const user = users.find((u) => u.email === s.by);
    const { rows } = await database.query(
      `select 1 from units where code = $1
          and (exists (select 1 from frameworks where id = $2)
               or exists (select 1 from criteria_models where id = $2))`,
      [s.unit, s.dataset],
    );
    if (!user || rows.length === 0) continue;
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      unit: user.unit,
      via: 'system',
    };
    await transition(database, actor, { ...s, action: 'submit' });
    submitted++;
  }
  return submitted;
}
