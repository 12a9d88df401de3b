// `dxmon explain`, run as its own process on the worked example of docs/methodology.md
// (data/examples/worked), with a 2023 added for the change since the previous period. Every
// expected number is worked out by hand in the comments (the same figures as the engine's
// packages/engine/test/explain tests and the methodology's "Explanation" section).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import { assertRejected, dxmon, problemLines, workspace } from './support.js';

const worked = new URL('../../../data/examples/worked/', import.meta.url);
const framework = readFileSync(new URL('framework.yaml', worked), 'utf8');
const data2024 = readFileSync(new URL('data.csv', worked), 'utf8');

// 2023 scores (min-max): online 0, 100, 50, 50; days 25, 100, 0, 0; ehr 100, 0, 50, 0;
// eid 100, 0, 0, 50. GOV 12.5, 100, 25, 25; SOC 100, 0, 25, 25; DTI 125/3, 200/3, 25, 25.
const rows2023 = `A,online_services,2023,40
A,processing_days,2023,10
A,ehr_share,2023,80
A,eid_share,2023,96
B,online_services,2023,80
B,processing_days,2023,4
B,ehr_share,2023,40
B,eid_share,2023,80
C,online_services,2023,60
C,processing_days,2023,12
C,ehr_share,2023,60
C,eid_share,2023,80
D,online_services,2023,60
D,processing_days,2023,12
D,ehr_share,2023,40
D,eid_share,2023,88
`;

const explain = ['explain', '--framework', 'fw.yaml', '--data', 'data.csv'];

function dir(t: TestContext, withPreviousYear = true): string {
  return workspace(t, {
    'fw.yaml': framework,
    'data.csv': withPreviousYear ? data2024 + rows2023 : data2024,
  });
}

test('text: a short report of C in 2024 (the only period): contributions, gaps, what lifts it', (t) => {
  const run = dxmon(dir(t, false), ...explain, '--unit', 'C');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const lines = run.stdout.split('\n');
  assert.equal(lines[0], 'C, 2024: Digital transformation index (worked example)');
  assert.equal(lines[1], 'Score 37.50, rank 3 of 4.');
  const row = (start: string) => {
    const line = lines.find((l) => l.trimStart().startsWith(start));
    assert.ok(line, `a line for ${start}`);
    return line.trim().split(/\s{2,}/);
  };
  // C: GOV (62.5 + 12.5) / 2 = 37.5 with weight 2/3 -> 25; online 62.5 x 1/3 = 20.83;
  // days 12.5 x 1/3 = 4.17; SOC 37.5 (eid alone, ehr missing) x 1/3 = 12.5.
  assert.deepEqual(row('Digital government'), ['Digital government', '66.7%', '37.50', '25.00']);
  assert.deepEqual(row('Public services'), [
    'Public services provided fully online',
    '33.3%',
    '62.50',
    '20.83',
  ]);
  assert.deepEqual(row('People with'), [
    'People with an electronic health record',
    '-',
    'no data',
    '-',
  ]);
  assert.deepEqual(row('Residents'), [
    'Residents with an activated electronic ID',
    '33.3%',
    '37.50',
    '12.50',
  ]);
  assert.match(run.stdout, /the contributions add up to the score/);
  // Gaps: A 125/3 = 41.67 just above (4.17 ahead), B 212.5/3 = 70.83 leads (33.33 ahead).
  assert.match(run.stdout, /^ {2}A, just above \(rank 2\): 41\.67, 4\.17 points ahead of 37\.50$/m);
  assert.match(run.stdout, /A minus C: Digital government -25\.00, Digital society \+62\.50/);
  assert.match(
    run.stdout,
    /^ {2}B, the leader \(rank 1\): 70\.83, 33\.33 points ahead of 37\.50$/m,
  );
  // What-if, half the gap: days 11 -> 7.5 gives 52.08; eid 86 -> 91 gives 47.92; online 65 ->
  // 72.5 gives 43.75; each passes A. ehr_share has no value for C.
  const whatIf = run.stdout.slice(run.stdout.indexOf('What lifts C most'));
  assert.match(whatIf, /^What lifts C most: closing 50% of its gap/);
  assert.match(
    whatIf,
    / {2}1\. Average days to settle an administrative file: 11 -> 7\.5 days \(best 4, B\)\n {5}score 37\.50 -> 52\.08 \(\+14\.58\), rank 3 -> 2 \(up 1 place\)/,
  );
  assert.match(
    whatIf,
    / {2}2\. Residents with an activated electronic ID: 86% -> 91% \(best 96%, A\)/,
  );
  assert.match(
    whatIf,
    / {2}3\. Public services provided fully online: 65% -> 72\.5% \(best 80%, B\)/,
  );
  assert.match(
    whatIf,
    /Not simulated, no value for C in 2024: People with an electronic health record/,
  );
  assert.match(run.stdout, /No period before 2024 in the data: no change to show\.\n$/);
});

test('text: the change since 2023, by indicator, adding up to the change in score', (t) => {
  const run = dxmon(dir(t), ...explain, '--unit', 'C');
  assert.equal(run.status, 0, run.stderr);
  const change = run.stdout.slice(run.stdout.indexOf('Change since 2023'));
  // 25 -> 37.5; rank 3 -> 3. Contributions 2023 -> 2024: eid 0 -> 12.5; online 50/3 -> 62.5/3
  // (+4.17); days 0 -> 12.5/3 (+4.17); ehr 50/6 -> none (-8.33, its weight moved to eid).
  assert.match(change, /Score 25\.00 -> 37\.50 \(\+12\.50\); rank 3 -> 3 \(no change\)\./);
  const rows = change
    .split('\n')
    .filter((l) => /^\s+[+-]\d+\.\d\d {2}/.test(l))
    .map((l) => l.trim().split(/\s{2,}/));
  assert.deepEqual(rows, [
    ['+12.50', 'Residents with an activated electronic ID', '80% -> 86%'],
    ['-8.33', 'People with an electronic health record', '60% -> no value'],
    ['+4.17', 'Public services provided fully online', '60% -> 65%'],
    ['+4.17', 'Average days to settle an administrative file', '12 -> 11 days'],
  ]);
});

test('json: the full structure, with null for what cannot be computed', (t) => {
  const run = dxmon(dir(t), ...explain, '--unit', 'C', '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  const e = JSON.parse(run.stdout);
  assert.deepEqual(e.framework, {
    id: 'worked-example',
    name: 'Digital transformation index (worked example)',
    version: 1,
  });
  assert.equal(e.unit, 'C');
  assert.equal(e.period, '2024', 'the latest period by default');
  assert.equal(e.score, 37.5);
  assert.equal(e.rank, 3);
  assert.equal(e.units, 4);
  assert.equal(e.method, 'arithmetic');
  const node = (code: string) => e.nodes.find((n: { code: string }) => n.code === code);
  assert.equal(node('ehr_share').contribution, null);
  assert.equal(node('ehr_share').score, null);
  assert.equal(node('DTI').value, null);
  assert.equal(node('processing_days').value, 11);
  // 20.83 + 4.17 + 12.5 = 37.5
  const sum = ['online_services', 'processing_days', 'eid_share']
    .map((c) => node(c).contribution)
    .reduce((a: number, b: number) => a + b, 0);
  assert.ok(Math.abs(sum - 37.5) < 1e-9);
  assert.equal(e.gaps.above.unit, 'A');
  assert.equal(e.gaps.leader.unit, 'B');
  assert.deepEqual(
    e.what_if.items.map((i: { indicator: string; rank_gain: number }) => [
      i.indicator,
      i.rank_gain,
    ]),
    [
      ['processing_days', 1],
      ['eid_share', 1],
      ['online_services', 1],
    ],
  );
  assert.deepEqual(e.what_if.skipped, ['ehr_share']);
  assert.equal(e.change.previous, '2023');
  assert.equal(e.change.score_change, 12.5);
  assert.equal(e.change.rank_change, 0);
  assert.equal(e.change.previous_rank, 3);
});

test('--share 1 --top 1 --period: the best value reached, one item; an earlier period', (t) => {
  const d = dir(t);
  const run = dxmon(d, ...explain, '--unit', 'C', '--share', '1', '--top', '1', '--format', 'json');
  assert.equal(run.status, 0, run.stderr);
  const items = JSON.parse(run.stdout).what_if.items;
  // days 11 -> 4, the best: 100; GOV (62.5 + 100) / 2 = 81.25; DTI (162.5 + 37.5) / 3 = 66.67.
  assert.equal(items.length, 1);
  assert.equal(items[0].target, 4);
  assert.ok(Math.abs(items[0].new_score - 200 / 3) < 1e-9);
  // 2023: D (25, tied 3rd with C) has no period before it.
  const before = dxmon(d, ...explain, '--unit', 'D', '--period', '2023', '--format', 'json');
  const e = JSON.parse(before.stdout);
  assert.equal(e.rank, 3);
  assert.equal(e.change, null);
  assert.equal(e.gaps.above.unit, 'A', 'C is tied with D, so A (125/3) is just above');
});

test('--out writes the report to a file and nothing to standard output', (t) => {
  const d = dir(t);
  const run = dxmon(d, ...explain, '--unit', 'B', '--format', 'json', '--out', 'b.json');
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, '');
  const e = JSON.parse(readFileSync(join(d, 'b.json'), 'utf8'));
  assert.equal(e.rank, 1);
  assert.equal(e.gaps.above, null);
  assert.equal(e.gaps.leader, null);
});

test('an unknown unit is named, with close matches; nothing is written', (t) => {
  const d = dir(t);
  const run = dxmon(d, ...explain, '--unit', 'c', '--out', 'c.txt');
  assertRejected(run, d, 'c.txt');
  assert.equal(run.stderr, 'dxmon: --unit "c": no such unit in data.csv; did you mean "C"?\n');
  const far = dxmon(d, ...explain, '--unit', 'Hanoi');
  assertRejected(far, d);
  assert.equal(far.stderr, 'dxmon: --unit "Hanoi": no such unit in data.csv\n');
});

test('an unknown period is named with the periods the data has', (t) => {
  const d = dir(t);
  const run = dxmon(d, ...explain, '--unit', 'C', '--period', '2025', '--out', 'c.txt');
  assertRejected(run, d, 'c.txt');
  assert.equal(
    run.stderr,
    'dxmon: --period "2025": no data for this period in data.csv; did you mean "2023" or "2024"?; its periods are 2023, 2024\n',
  );
});

test('bad --share, --top and --format values, and bad data, are refused', (t) => {
  const d = dir(t);
  for (const [flag, value, message] of [
    ['--share', '1.5', '--share "1.5": give a number from 0 to 1'],
    ['--share', 'half', '--share "half": give a number from 0 to 1'],
    ['--top', '-1', '--top "-1": give a whole number'],
    ['--top', '2.5', '--top "2.5": give a whole number'],
  ] as const) {
    const run = dxmon(d, ...explain, '--unit', 'C', flag, value);
    assertRejected(run, d);
    assert.ok(run.stderr.startsWith(`dxmon: ${message}`), run.stderr);
  }
  const format = dxmon(d, ...explain, '--unit', 'C', '--format', 'csv');
  assert.equal(format.status, 1);
  assert.match(format.stderr, /--format <format>' argument 'csv' is invalid/);
  const bad = workspace(t, {
    'fw.yaml': framework,
    'data.csv': `${data2024}C,ehr_share,2023,abc\n`,
  });
  const run = dxmon(bad, ...explain, '--unit', 'C', '--out', 'c.txt');
  assertRejected(run, bad, 'c.txt');
  assert.deepEqual(problemLines(run.stderr), [
    'data.csv:18: column "value": "abc" is not a number',
  ]);
  assert.equal(existsSync(join(bad, 'c.txt')), false);
});

test('--help shows an example on data/examples/worked', (t) => {
  const run = dxmon(dir(t), 'explain', '--help');
  assert.equal(run.status, 0);
  assert.match(
    run.stdout,
    /dxmon explain --framework data\/examples\/worked\/framework\.yaml --data data\/examples\/worked\/data\.csv --unit C/,
  );
  assert.match(run.stdout, /--share <share>/);
  assert.match(run.stdout, /What-if:/);
});
