// `dxmon validate` run as its own process.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { data, dxmon, framework, problemLines, workspace } from './support.js';

test('a good framework: ok, with its node and indicator counts; exit 0', (t) => {
  const dir = workspace(t, { 'fw.yaml': framework });
  const run = dxmon(dir, 'validate', '--framework', 'fw.yaml');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  // 7 nodes: INDEX, GOV, ECO and 4 indicators (online, wait_days, ecom_share, broadband).
  assert.equal(run.stdout, 'fw.yaml: ok: 7 nodes, 4 indicators\n');
});

test('a good framework and data: ok, with the units and periods of the data; exit 0', (t) => {
  const dir = workspace(t, { 'fw.yaml': framework, 'data.csv': data });
  const run = dxmon(dir, 'validate', '--framework', 'fw.yaml', '--data', 'data.csv');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  assert.equal(
    run.stdout,
    'fw.yaml: ok: 7 nodes, 4 indicators; data.csv: ok: 3 units, 2 periods (2023, 2024)\n',
  );
  assert.deepEqual(readdirSync(dir).sort(), ['data.csv', 'fw.yaml'], 'validate writes nothing');
});

test('a framework with warnings only is still ok; the warnings go to stderr', (t) => {
  const dir = workspace(t, {
    'fw.yaml': framework.replace('weight: 2}', 'weight: 2, normalise: rank}'),
  });
  const run = dxmon(dir, 'validate', '--framework', 'fw.yaml');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'fw.yaml: ok: 7 nodes, 4 indicators\n');
  assert.equal(
    run.stderr,
    'warning: fw.yaml: node "GOV" is an aggregate: its "normalise" setting is ignored\n',
  );
});

test('every problem of the framework and the data at once; exit 1', (t) => {
  const badFramework = `nodes:
  - {code: INDEX}
  - {code: GOV, parent: INDEX, weight: 0}
  - {code: online, parent: INDEX}
  - {code: wait_days, parent: INDEX, direction: 2}
  - {code: broadband, parent: ECON}
  - {code: P, parent: Q}
  - {code: Q, parent: P}
  - {code: share, parent: INDEX, formula: "a / (b"}
`;
  const badData = `unit,indicator,period,value
A,online,2024,50
A,online,2024,51
B,online,2024x,1
C,online,2024,"1,5"
`;
  const dir = workspace(t, { 'fw.yaml': badFramework, 'data.csv': badData });
  const run = dxmon(dir, 'validate', '--framework', 'fw.yaml', '--data', 'data.csv');
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  const problems = problemLines(run.stderr);
  assert.equal(run.stderr.split('\n')[0], `dxmon: ${problems.length} problems found`);
  for (const expected of [
    'fw.yaml: node "GOV" (nodes[1]) field "weight": weight must be a positive number, got 0',
    'fw.yaml: node "wait_days" (nodes[3]) field "direction": direction must be 1 or -1, got 2',
    'fw.yaml: node "broadband" has parent "ECON", which is not a node of the framework',
    'fw.yaml: nodes form a cycle: "P" -> "Q" -> "P"',
    'fw.yaml: node "share" field "formula": expected ")" at character 7 of "a / (b"',
    'data.csv:3: duplicate row: unit "A", indicator "online", period "2024" already has a value at line 2',
    'data.csv:4: column "period": "2024x" is not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15',
    'data.csv:5: column "value": "1,5" is not a number (use "." as the decimal mark, without thousands separators)',
  ]) {
    assert.ok(problems.includes(expected), `"${expected}" in:\n${run.stderr}`);
  }
});

test('one malformed node gives one problem, not also one for its data rows', (t) => {
  const dir = workspace(t, {
    'fw.yaml': framework.replace(
      '{code: broadband, parent: ECO}',
      '{code: broadband, parent: ECO, weight: heavy}',
    ),
    'data.csv': data,
  });
  const run = dxmon(dir, 'validate', '--framework', 'fw.yaml', '--data', 'data.csv');
  assert.equal(run.status, 1);
  assert.deepEqual(problemLines(run.stderr), [
    'fw.yaml: node "broadband" (nodes[6]) field "weight": weight must be a number, got "heavy"',
  ]);
});
