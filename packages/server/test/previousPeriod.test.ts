import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previousPeriod } from '../src/services/quality/previousPeriod.js';

test('the period before, of the same kind, across year boundaries', () => {
  assert.equal(previousPeriod('2026'), '2025');
  assert.equal(previousPeriod('2026Q3'), '2026Q2');
  assert.equal(previousPeriod('2026Q1'), '2025Q4');
  assert.equal(previousPeriod('2026-06'), '2026-05');
  assert.equal(previousPeriod('2026-01'), '2025-12');
  assert.equal(previousPeriod('2026-03-01'), '2026-02-28');
  assert.equal(previousPeriod('2024-03-01'), '2024-02-29');
  assert.equal(previousPeriod('2026-01-01'), '2025-12-31');
  assert.equal(previousPeriod('soon'), undefined);
});
