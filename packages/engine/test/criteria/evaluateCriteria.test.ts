import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { type CriteriaModel, criteriaModelSchema, evaluateCriteria } from '../../src/index.js';

const model: CriteriaModel = criteriaModelSchema.parse({
  id: 'm',
  version: '1.0',
  criteria: [
    { code: 'M1', indicator: 'portal', op: '==', value: true, mandatory: true },
    { code: 'M2', indicator: 'online', op: '>=', value: 50, mandatory: true },
    { code: 'O1', indicator: 'eid', op: '>=', value: 70, mandatory: false },
    { code: 'O2', indicator: 'days', op: '<=', value: 5, mandatory: false },
    { code: 'O3', indicator: 'cashless', op: '>', value: 40, mandatory: false },
  ],
  pass: { mandatory: 'all', optional_min: 2 },
});

const table: Record<string, Record<string, number>> = {
  // Every criterion holds.
  all: { portal: 1, online: 80, eid: 90, days: 3, cashless: 60 },
  // Mandatory hold, exactly two optional: meets.
  two: { portal: 1, online: 50, eid: 70, days: 6, cashless: 41 },
  // Mandatory hold, one optional: does not meet.
  one: { portal: 1, online: 55, eid: 60, days: 9, cashless: 41 },
  // A mandatory criterion fails while every optional one holds: does not meet.
  mandatory: { portal: 0, online: 90, eid: 90, days: 1, cashless: 90 },
  // A missing mandatory value: does not meet, reported missing, not failed.
  silent: { portal: 1, eid: 90, days: 1, cashless: 90 },
  // Missing optional values count against optional_min.
  sparse: { portal: 1, online: 70, eid: 95 },
};
const value = (unit: string, indicator: string) => table[unit]?.[indicator] ?? Number.NaN;

test('mandatory criteria must all hold, and at least optional_min optional ones', () => {
  const { units, summary } = evaluateCriteria(model, Object.keys(table), value);
  const by = Object.fromEntries(units.map((u) => [u.unit, u]));
  assert.deepEqual(
    units.map((u) => [u.unit, u.met]),
    [
      ['all', true],
      ['two', true],
      ['one', false],
      ['mandatory', false],
      ['silent', false],
      ['sparse', false],
    ],
  );
  assert.deepEqual(by.two?.failed, ['O2']);
  assert.deepEqual(by.one?.failed, ['O1', 'O2']);
  assert.deepEqual(by.mandatory?.failed, ['M1']);
  assert.deepEqual(by.silent?.failed, []);
  assert.deepEqual(by.silent?.missing, ['M2']);
  assert.deepEqual(by.sparse?.missing, ['O2', 'O3']);
  assert.equal(by.sparse?.optional_met, 1);
  assert.equal(by.all?.mandatory_met, 2);
  assert.deepEqual(summary, { units: 6, met: 2, share: (100 * 2) / 6 });
});

test('per-criterion counts add up to the number of units', () => {
  const { criteria } = evaluateCriteria(model, Object.keys(table), value);
  // O2 (days <= 5): all 3, mandatory 1, silent 1 met; two 6, one 9 failed; sparse missing.
  const o2 = criteria.find((c) => c.code === 'O2');
  assert.deepEqual(o2, { code: 'O2', mandatory: false, met: 3, failed: 2, missing: 1 });
  const m2 = criteria.find((c) => c.code === 'M2');
  assert.deepEqual(m2, { code: 'M2', mandatory: true, met: 5, failed: 0, missing: 1 });
});

test('no units: share 0, not NaN', () => {
  assert.deepEqual(evaluateCriteria(model, [], value).summary, { units: 0, met: 0, share: 0 });
});

test('properties: met iff all mandatory and enough optional; failed and missing partition the rest', () => {
  const unitValues = fc.array(
    fc.record({
      portal: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
      online: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      eid: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      days: fc.option(fc.integer({ min: 0, max: 15 }), { nil: undefined }),
      cashless: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    }),
    { maxLength: 30 },
  );
  fc.assert(
    fc.property(unitValues, fc.integer({ min: 0, max: 3 }), (rows, optionalMin) => {
      const m = { ...model, pass: { mandatory: 'all' as const, optional_min: optionalMin } };
      const names = rows.map((_, i) => `u${i}`);
      const lookup = (unit: string, indicator: string) =>
        (rows[Number(unit.slice(1))] as Record<string, number | undefined>)[indicator] ??
        Number.NaN;
      const { units, summary, criteria } = evaluateCriteria(m, names, lookup);
      for (const u of units) {
        const codes = new Set([...u.failed, ...u.missing]);
        assert.equal(
          codes.size,
          u.failed.length + u.missing.length,
          'no code both failed and missing',
        );
        assert.equal(u.mandatory_met + u.optional_met + codes.size, m.criteria.length);
        const mandatoryShort = m.criteria.some((c) => c.mandatory && codes.has(c.code));
        assert.equal(u.met, !mandatoryShort && u.optional_met >= optionalMin);
      }
      assert.equal(summary.met, units.filter((u) => u.met).length);
      assert.ok(summary.share >= 0 && summary.share <= 100);
      for (const c of criteria) assert.equal(c.met + c.failed + c.missing, rows.length);
      // Raising optional_min never lets more units through.
      if (optionalMin < 3) {
        const stricter = evaluateCriteria(
          { ...m, pass: { mandatory: 'all', optional_min: optionalMin + 1 } },
          names,
          lookup,
        );
        assert.ok(stricter.summary.met <= summary.met);
      }
    }),
  );
});
