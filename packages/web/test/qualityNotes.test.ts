import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFunction } from 'i18next';
import { type QualityWarning, refusalNotes, warningNotes } from '../src/entry/qualityNotes.js';

// A translation that shows its key and values, so the notes can be checked without i18next.
const t = ((key: string, values: Record<string, unknown>) =>
  `${key} ${JSON.stringify(values)}`) as unknown as TFunction;

test("warnings are placed next to the form's fields, the rule's message in the reader's language", () => {
  const warnings: QualityWarning[] = [
    {
      kind: 'rule',
      severity: 'warning',
      unit: 'VN-37',
      period: '2022',
      rule: 'ict',
      expression: 'ict_staff <= officials',
      message: { en: 'More ICT staff than officials', vi: 'Nhiều cán bộ CNTT hơn', ar: null },
      left: 130,
      right: 120,
      fields: ['body.values[1].value'],
    },
    {
      kind: 'outlier',
      severity: 'warning',
      test: 'history',
      unit: 'VN-37',
      period: '2022',
      element: 'settlement_days',
      value: 44,
      previous_period: '2021',
      previous_value: 4.7,
      ratio: 9.36,
      fields: ['body.values[0].value'],
    },
  ];
  const notes = warningNotes(warnings, ['settlement_days', 'ict_staff'], t, 'vi');
  assert.deepEqual(Object.keys(notes).sort(), ['ict_staff', 'settlement_days']);
  assert.match(notes.ict_staff?.[0]?.text ?? '', /^quality\.rule .*Nhiều cán bộ CNTT hơn/);
  assert.match(
    notes.settlement_days?.[0]?.text ?? '',
    /^quality\.history .*"previous_period":"2021"/,
  );
  assert.equal(notes.settlement_days?.[0]?.blocking, false);
  // Arabic has no message: the English one stands in.
  assert.match(
    warningNotes(warnings, ['x', 'ict_staff'], t, 'ar').ict_staff?.[0]?.text ?? '',
    /More ICT staff/,
  );
});

test('a refusal by a blocking rule is placed next to its field; other refusals are not', () => {
  // As api.ts's ApiError carries them.
  const refused = {
    status: 422,
    fields: [{ field: 'body.values[0].value', message: 'blocking rule max: cannot exceed 100%' }],
  };
  const notes = refusalNotes(refused, ['online_services_share'], t);
  assert.equal(notes?.online_services_share?.[0]?.blocking, true);
  assert.match(notes?.online_services_share?.[0]?.text ?? '', /cannot exceed 100%/);
  const conflict = {
    status: 409,
    fields: [{ field: 'body.values[0].version', message: 'changed since you saw it' }],
  };
  assert.equal(refusalNotes(conflict, ['online_services_share'], t), null);
});
