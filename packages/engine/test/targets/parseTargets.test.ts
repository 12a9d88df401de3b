import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTargetsYaml, targetsFromRecords } from '../../src/targets/parseTargets.js';

const row = (extra: Record<string, string> = {}) => ({
  id: 'DE-2025',
  plan: '48-NQ/TU',
  unit: 'HP',
  indicator: 'de_grdp_share',
  target_period: '2025',
  target_value: '20',
  direction: '1',
  baseline_period: '',
  baseline_value: '',
  ...extra,
});

test('CSV records: numbers and directions written as text are read; empty fields are absent', () => {
  const { targets, indices, problems } = targetsFromRecords([
    row(),
    row({ id: 'B', direction: '-1', baseline_period: '2020', baseline_value: '16.5' }),
  ]);
  assert.deepEqual(problems, []);
  assert.deepEqual(indices, [0, 1]);
  assert.deepEqual(targets[0], {
    id: 'DE-2025',
    plan: '48-NQ/TU',
    unit: 'HP',
    indicator: 'de_grdp_share',
    target_period: '2025',
    target_value: 20,
    direction: 1,
    baseline_period: undefined,
    baseline_value: undefined,
  });
  assert.equal(targets[1]?.direction, -1);
  assert.equal(targets[1]?.baseline_value, 16.5);
  assert.equal(targets[1]?.baseline_period, '2020');
});

test('a missing direction means higher is better', () => {
  const { targets } = targetsFromRecords([{ ...row(), direction: '' }]);
  assert.equal(targets[0]?.direction, 1);
});

test('every problem of every record at once, with field and value', () => {
  const { targets, indices, problems } = targetsFromRecords([
    row({ target_value: '20%' }),
    row({ id: 'ok' }),
    row({ id: 'C', direction: '2', target_period: '2025Q5' }),
    row({ id: 'D', baseline_period: '2026' }),
    row({ id: 'E', baseline_value: '3' }),
    row({ id: 'ok', unit: 'HN' }),
    row({ id: '', plan: ' ' }),
  ]);
  assert.deepEqual(
    targets.map((t) => t.id),
    ['ok'],
  );
  assert.deepEqual(indices, [1]);
  assert.deepEqual(problems, [
    {
      index: 0,
      id: 'DE-2025',
      field: 'target_value',
      message: 'target_value must be a number (use "." as the decimal mark), got "20%"',
    },
    {
      index: 2,
      id: 'C',
      field: 'target_period',
      message: 'target_period must be a period: 2025, 2025Q3, 2025-07 or 2025-07-15, got "2025Q5"',
    },
    { index: 2, id: 'C', field: 'direction', message: 'direction must be 1 or -1, got "2"' },
    {
      index: 3,
      id: 'D',
      field: 'target_period',
      message: 'the target period 2025 must come after the baseline period 2026, got "2025"',
    },
    {
      index: 4,
      id: 'E',
      field: 'baseline_period',
      message: 'a baseline_value needs its baseline_period',
    },
    { index: 5, id: 'ok', field: 'id', message: 'target id "ok" is already used by target 2' },
    { index: 6, field: 'id', message: 'id must not be empty' },
    { index: 6, field: 'plan', message: 'plan must not be empty, got " "' },
  ]);
});

test('YAML: a list, or a document with a targets list; numbers as numbers', () => {
  const text = `plan: 48-NQ/TU
targets:
  - {id: A, plan: 48-NQ/TU, unit: HP, indicator: x, target_period: 2025, target_value: 20}
  - {id: B, plan: 48-NQ/TU, unit: HP, indicator: y, target_period: 2030, target_value: 4, direction: -1, baseline_period: 2020, baseline_value: 16}
`;
  const { targets, problems } = parseTargetsYaml(text);
  assert.deepEqual(problems, []);
  assert.equal(targets[0]?.target_period, '2025');
  assert.equal(targets[0]?.direction, 1);
  assert.equal(targets[1]?.baseline_value, 16);
  assert.equal(parseTargetsYaml(`- ${text.split('\n')[2]?.slice(4)}`).targets.length, 1);
});

test('YAML: a syntax error names its line; a document without targets says what is expected', () => {
  const bad = parseTargetsYaml('targets:\n  - {id: A, plan: [\n');
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0]?.message ?? '', /^not valid YAML or JSON \(line \d+, column \d+\)/);
  assert.deepEqual(parseTargetsYaml('plan: x\n').problems, [
    { index: -1, message: 'expected a list of targets, or a document with a "targets" list' },
  ]);
});
