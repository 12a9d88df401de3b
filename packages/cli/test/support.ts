// Shared helpers and fixtures for the dxmon CLI tests (not itself a test file).
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { csvParseRows } from 'd3-dsv';

/** The installed command; it loads the bundled CLI (dist/dxmon.mjs), so the build must exist. */
export const binPath = new URL('../bin/dxmon.js', import.meta.url).pathname;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `dxmon ...args` as its own process in `cwd`, so that file names in messages are short. */
export function dxmon(cwd: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A fresh temporary directory holding `files` (text is written as UTF-8, buffers as they are),
 * removed when the test ends.
 */
export function workspace(t: TestContext, files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dxmon-cli-test-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Exit code 1, nothing on stdout, no output file and no temporary `*.partial` file left. */
export function assertRejected(run: Run, dir: string, ...outputs: string[]): void {
  assert.equal(run.status, 1, `exit code 1 expected; stderr:\n${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, /^dxmon: /);
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'a message, not a stack trace');
  for (const out of outputs) assert.equal(existsSync(join(dir, out)), false, `${out} was written`);
  const partial = readdirSync(dir).filter((name) => name.endsWith('.partial'));
  assert.deepEqual(partial, [], 'no temporary output file remains');
}

/** The lines of stderr that are problem lines (indented under the summary line). */
export function problemLines(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('  '))
    .map((line) => line.trim());
}

// ---------------------------------------------------------------------------------------------
// The small worked example: 3 units (A, B, C), 2 pillars, 4 indicators.
//
//   INDEX                 arithmetic mean of its pillars, GOV weighted 2, ECO weighted 1
//   ├─ GOV (weight 2)     mean of online and wait_days
//   │  ├─ online          share of services online (higher is better)
//   │  └─ wait_days       days to get a permit (direction -1: lower is better)
//   └─ ECO (weight 1)     mean of ecom_share and broadband
//      ├─ ecom_share      ecom_firms / firms * 100 (a numerator/denominator indicator)
//      └─ broadband       broadband subscriptions per 100 people (C has no 2024 value)
// ---------------------------------------------------------------------------------------------

export const framework = `id: tiny
name: A three-unit test index
nodes:
  - {code: INDEX, name: Index}
  - {code: GOV, name: Digital government, parent: INDEX, weight: 2}
  - {code: online, parent: GOV}
  - {code: wait_days, parent: GOV, direction: -1}
  - {code: ECO, name: Digital economy, parent: INDEX, weight: 1}
  - {code: ecom_share, parent: ECO, numerator: ecom_firms, denominator: firms, factor: 100}
  - {code: broadband, parent: ECO}
`;

/** Node codes in the framework's order (which is also its pre-order). */
export const codes = ['INDEX', 'GOV', 'online', 'wait_days', 'ECO', 'ecom_share', 'broadband'];

/** The region column is an extra column, ignored unless --group-by names it. */
export const data = `unit,indicator,period,value,region
A,online,2024,50,north
A,wait_days,2024,10,north
A,ecom_firms,2024,25,north
A,firms,2024,100,north
A,broadband,2024,40,north
B,online,2024,80,south
B,wait_days,2024,30,south
B,ecom_firms,2024,30,south
B,firms,2024,40,south
B,broadband,2024,60,south
C,online,2024,100,north
C,wait_days,2024,20,north
C,ecom_firms,2024,50,north
C,firms,2024,80,north
C,broadband,2024,,north
A,online,2023,40,north
A,wait_days,2023,20,north
A,ecom_firms,2023,10,north
A,firms,2023,100,north
A,broadband,2023,10,north
B,online,2023,60,south
B,wait_days,2023,20,south
B,ecom_firms,2023,20,south
B,firms,2023,100,south
B,broadband,2023,20,south
C,online,2023,80,north
C,wait_days,2023,40,north
C,ecom_firms,2023,30,north
C,firms,2023,100,north
C,broadband,2023,30,north
`;

/** [score, rank] of units A, B, C; null for a missing score (and its missing rank). */
export type Expected = Record<string, [number | null, number | null][]>;

/**
 * 2024 with the defaults (min-max to [0, 100], arithmetic means, no imputation):
 *
 *   online      50, 80, 100            -> (x - 50) / 50 * 100      = 0, 60, 100
 *   wait_days   10, 30, 20 (lower is better: negated -10, -30, -20; min -30, max -10)
 *                                      -> (-x + 30) / 20 * 100     = 100, 0, 50
 *   ecom_share  25/100, 30/40, 50/80 * 100 = 25, 75, 62.5
 *                                      -> (x - 25) / 50 * 100      = 0, 100, 75
 *   broadband   40, 60, (missing)      -> 0, 100, missing (no rank)
 *   GOV   = (online + wait_days) / 2   = (0+100)/2, (60+0)/2, (100+50)/2 = 50, 30, 75
 *   ECO   = mean of the present scores = (0+0)/2, (100+100)/2, 75/1      = 0, 100, 75
 *   INDEX = (2 GOV + ECO) / 3          = 100/3, 160/3, 225/3 = 33.33, 53.33, 75
 * Ranks: 1 = highest score; ties share the best rank.
 */
export const expected2024: Expected = {
  INDEX: [
    [100 / 3, 3],
    [160 / 3, 2],
    [75, 1],
  ],
  GOV: [
    [50, 2],
    [30, 3],
    [75, 1],
  ],
  online: [
    [0, 3],
    [60, 2],
    [100, 1],
  ],
  wait_days: [
    [100, 1],
    [0, 3],
    [50, 2],
  ],
  ECO: [
    [0, 3],
    [100, 1],
    [75, 2],
  ],
  ecom_share: [
    [0, 3],
    [100, 1],
    [75, 2],
  ],
  broadband: [
    [0, 2],
    [100, 1],
    [null, null],
  ],
};

/**
 * 2023 with the defaults, which has ties:
 *
 *   online      40, 60, 80             -> 0, 50, 100
 *   wait_days   20, 20, 40 (lower is better) -> 100, 100, 0   (A and B share rank 1)
 *   ecom_share  10/100, 20/100, 30/100 * 100 = 10, 20, 30 -> 0, 50, 100
 *   broadband   10, 20, 30             -> 0, 50, 100
 *   GOV   = 50, 75, 50                 (A and C share rank 2; no rank 3)
 *   ECO   = 0, 50, 100
 *   INDEX = (100+0)/3, (150+50)/3, (100+100)/3 = 33.33, 66.67, 66.67 (B and C share rank 1)
 */
export const expected2023: Expected = {
  INDEX: [
    [100 / 3, 3],
    [200 / 3, 1],
    [200 / 3, 1],
  ],
  GOV: [
    [50, 2],
    [75, 1],
    [50, 2],
  ],
  online: [
    [0, 3],
    [50, 2],
    [100, 1],
  ],
  wait_days: [
    [100, 1],
    [100, 1],
    [0, 3],
  ],
  ECO: [
    [0, 3],
    [50, 2],
    [100, 1],
  ],
  ecom_share: [
    [0, 3],
    [50, 2],
    [100, 1],
  ],
  broadband: [
    [0, 3],
    [50, 2],
    [100, 1],
  ],
};

/** A result row as read back from CSV (fields as text) or JSON. */
export interface ResultRow {
  unit: string;
  code: string;
  period: string;
  score: number | null;
  rank: number | null;
}

/** Parses CSV results, checking the exact header; empty score/rank fields become null. */
export function parseCsvResults(text: string): ResultRow[] {
  const [header, ...rows] = csvParseRows(text);
  assert.deepEqual(header, ['unit', 'code', 'period', 'score', 'rank']);
  return rows.map((row) => {
    assert.equal(row.length, 5, `a row of five fields: ${JSON.stringify(row)}`);
    const [unit, code, period, score, rank] = row as [string, string, string, string, string];
    return {
      unit,
      code,
      period,
      score: score === '' ? null : Number(score),
      rank: rank === '' ? null : Number(rank),
    };
  });
}

/**
 * Checks that `rows` hold exactly one row for every node and unit of `period` among `rows`, with
 * the expected scores (to 1e-9) and ranks. `units` names the units in the order of `expected`.
 */
export function assertScores(
  rows: readonly ResultRow[],
  period: string,
  expected: Expected,
  units: readonly string[] = ['A', 'B', 'C'],
): void {
  const inPeriod = rows.filter((r) => r.period === period);
  assert.equal(
    inPeriod.length,
    Object.keys(expected).length * units.length,
    `one row per node and unit in ${period}`,
  );
  for (const [code, perUnit] of Object.entries(expected)) {
    units.forEach((unit, u) => {
      const found = inPeriod.filter((r) => r.unit === unit && r.code === code);
      assert.equal(found.length, 1, `one row for ${unit} ${code} ${period}`);
      const row = found[0] as ResultRow;
      const [score, rank] = perUnit[u] as [number | null, number | null];
      const where = `${unit} ${code} ${period}`;
      if (score === null) assert.equal(row.score, null, `${where}: missing score`);
      else {
        assert.ok(row.score !== null, `${where}: score expected`);
        assert.ok(
          Math.abs(row.score - score) <= 1e-9,
          `${where}: score ${row.score}, expected ${score}`,
        );
      }
      assert.equal(row.rank, rank, `${where}: rank`);
    });
  }
}

/** A copy of `expected` with some nodes' values replaced. */
export function withChanges(expected: Expected, changes: Expected): Expected {
  return { ...expected, ...changes };
}

/** A `dxmon serve` running in the background. */
export interface Serving {
  child: ChildProcessWithoutNullStreams;
  /** The address it printed, e.g. http://127.0.0.1:40123. */
  address: string;
  /** Sends SIGTERM; the exit code and the seconds it took to end. */
  stop(): Promise<{ code: number | null; seconds: number }>;
}

/** Starts `dxmon serve --port 0 ...args` in `cwd` and resolves once it prints its address. */
export async function serveInBackground(
  cwd: string,
  env: NodeJS.ProcessEnv,
  ...args: string[]
): Promise<Serving> {
  const child = spawn(process.execPath, [binPath, 'serve', '--port', '0', ...args], { cwd, env });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const address = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`serve ended (${code}): ${err}`)));
  });
  return {
    child,
    address,
    stop: async () => {
      const started = performance.now();
      child.kill('SIGTERM');
      const code = await exited;
      return { code, seconds: (performance.now() - started) / 1000 };
    },
  };
}
