import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TargetStatus } from '../../src/targets/progressStatus.js';
import { rollupPlans } from '../../src/targets/rollupPlans.js';

test('counts per plan and status, plans in order of first appearance, share achieved in %', () => {
  const t = (plan: string, status: TargetStatus) => ({ plan, status });
  const plans = rollupPlans([
    t('48-NQ/TU', 'achieved'),
    t('06/QD-TTg', 'on-track'),
    t('48-NQ/TU', 'off-track'),
    t('48-NQ/TU', 'achieved'),
    t('48-NQ/TU', 'regressing'),
    t('06/QD-TTg', 'insufficient-data'),
  ]);
  assert.deepEqual(plans, [
    {
      plan: '48-NQ/TU',
      total: 4,
      achieved: 2,
      on_track: 0,
      off_track: 1,
      regressing: 1,
      insufficient_data: 0,
      share_achieved: 50, // 2 of 4
    },
    {
      plan: '06/QD-TTg',
      total: 2,
      achieved: 0,
      on_track: 1,
      off_track: 0,
      regressing: 0,
      insufficient_data: 1,
      share_achieved: 0,
    },
  ]);
});

test('"14 of 17 targets met": 82.35...%', () => {
  const statuses = [...Array(14).fill('achieved'), 'on-track', 'off-track', 'regressing'];
  const [plan] = rollupPlans(statuses.map((status) => ({ plan: 'P', status })));
  assert.equal(plan?.total, 17);
  assert.equal(plan?.achieved, 14);
  assert.equal(plan?.share_achieved, (100 * 14) / 17);
});

test('no targets, no plans', () => {
  assert.deepEqual(rollupPlans([]), []);
});
