#!/usr/bin/env node
// Import benchmark: the server's importer (`importData` of @dxmon/server) on a long-format CSV of
// 1,000,000 values (10,000 units x 20 indicators x 5 periods), streamed from disk with `csvRows`,
// fully validated and written in one transaction: the path `POST /api/imports` and the CLI take.
// Databases: PGlite in a fresh data folder on disk (as users run it), and PostgreSQL when
// DATABASE_URL is set (a fresh database per run, dropped after). Units and data elements are
// inserted before the clock starts. Each run is a fresh Node process, so peak memory is per run.
// Prints JSON: per database the median and all runs in seconds, values per second, peak resident
// memory in MB (of the Node process: PGlite runs inside it, PostgreSQL does not), the time spent
// before the transaction (reading and checking the file) and per SQL statement, and the checks
// (report status 'applied', 1,000,000 rows in data_values). Goals: PGlite < 30 s, PostgreSQL < 10 s.
// Usage: [DATABASE_URL=postgres://...] node bench/import.mjs [--runs 3] [--quick]
//          [--only pglite|postgres] [--cpu-prof]   (profiles of each run in bench/out/profiles)
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const root = new URL('..', import.meta.url).pathname;
const out = `${root}bench/out`;
const self = new URL(import.meta.url).pathname;

const indicators = 20;
const periods = 5;
const firstPeriod = 2020;
const unitCode = (u) => `BU${String(u).padStart(5, '0')}`;
const indicatorCode = (i) => `bench_i${String(i).padStart(2, '0')}`;
/** Goals in seconds for 1,000,000 values. */
const goals = { pglite: 30, postgres: 10 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

if (args[0] === '--child') {
  await child(args[1], args[2], args[3], Number(args[4]));
} else {
  await main();
}

/** Writes the CSV once (deterministic: values derived from the indices). */
function writeCsv(units) {
  const path = `${out}/import-${units}x${indicators}x${periods}.csv`;
  if (existsSync(path)) return path;
  mkdirSync(out, { recursive: true });
  const parts = ['unit,indicator,period,value\n'];
  for (let u = 0; u < units; u++) {
    const unit = unitCode(u);
    let block = '';
    for (let p = 0; p < periods; p++) {
      for (let i = 0; i < indicators; i++) {
        const value = ((u * 2654435761 + i * 40503 + p * 9973) % 1000003) / 100;
        block += `${unit},${indicatorCode(i)},${firstPeriod + p},${value.toFixed(2)}\n`;
      }
    }
    parts.push(block);
  }
  writeFileSync(`${path}.${process.pid}`, parts.join(''));
  renameSync(`${path}.${process.pid}`, path); // never a half-written file under the real name
  return path;
}

async function main() {
  const runs = Number(option('--runs')) || 3;
  const quick = args.includes('--quick');
  const only = option('--only');
  const units = quick ? 1000 : 10000;
  const values = units * indicators * periods;
  const csv = writeCsv(units);
  const kinds = ['pglite', 'postgres'].filter(
    (k) => (!only || only === k) && (k === 'pglite' || process.env.DATABASE_URL),
  );
  const nodeFlags = args.includes('--cpu-prof')
    ? ['--cpu-prof', '--cpu-prof-dir', `${out}/profiles`]
    : [];

  const results = {
    machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
    runs,
    data: { units, indicators, periods, values, file: csv.slice(root.length) },
    databases: [],
  };
  if (!process.env.DATABASE_URL) results.note = 'DATABASE_URL is not set: PostgreSQL skipped';

  let n = 0;
  for (const kind of kinds) {
    const samples = [];
    for (let r = 0; r < runs; r++) {
      n++;
      let target;
      let cleanUp;
      if (kind === 'pglite') {
        target = mkdtempSync(join(tmpdir(), 'dxmon-bench-'));
        cleanUp = async () => rmSync(target, { recursive: true, force: true });
      } else {
        const name = `dxmon_bench_${process.pid}_${n}`;
        await adminQuery(`create database ${name}`);
        const url = new URL(process.env.DATABASE_URL);
        url.pathname = `/${name}`;
        target = url.toString();
        cleanUp = () => adminQuery(`drop database if exists ${name} with (force)`);
      }
      try {
        const res = spawnSync(
          process.execPath,
          [...nodeFlags, self, '--child', kind, target, csv, String(units)],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
        );
        if (res.status !== 0) {
          throw new Error(`${kind} run ${r + 1} failed (exit ${res.status}): ${res.stdout}`);
        }
        samples.push(JSON.parse(res.stdout.trim().split('\n').at(-1)));
      } finally {
        await cleanUp();
      }
    }
    const seconds = samples.map((s) => s.seconds);
    const med = median(seconds);
    const goal = goals[kind];
    const statements = {};
    for (const label of Object.keys(samples[0].statements)) {
      statements[label] = round(median(samples.map((s) => s.statements[label]?.seconds ?? 0)));
    }
    results.databases.push({
      kind,
      median_s: round(med),
      runs_s: seconds.map((s) => round(s)),
      values_per_s: Math.round(values / med),
      peak_rss_mb: round(Math.max(...samples.map((s) => s.peak_rss_mb)), 1),
      runs_peak_rss_mb: samples.map((s) => round(s.peak_rss_mb, 1)),
      rss_before_import_mb: round(median(samples.map((s) => s.rss_before_import_mb)), 1),
      // Medians: reading, parsing and checking the file (and the two lookups) before the
      // transaction, then each kind of SQL statement inside it, then the commit.
      phases_median_s: {
        read_and_check: round(median(samples.map((s) => s.read_and_check_s))),
        ...statements,
        commit_and_rest: round(median(samples.map((s) => s.commit_and_rest_s))),
      },
      close_median_s: round(median(samples.map((s) => s.close_s))),
      checks: {
        status: samples.map((s) => s.status),
        data_values: samples.map((s) => s.count),
        ok: samples.every((s) => s.status === 'applied' && s.count === values),
      },
      goal_s: goal,
      goal_met: quick ? null : med < goal,
    });
  }
  console.log(JSON.stringify(results, null, 2));
  for (const d of results.databases) {
    const verdict =
      d.goal_met === null
        ? 'n/a (the goal is for 1,000,000 values)'
        : d.goal_met
          ? 'met'
          : 'NOT met';
    console.error(
      `${d.kind}: ${values.toLocaleString('en')} values in ${d.median_s} s (median of ${runs}), ` +
        `${d.values_per_s.toLocaleString('en')} values/s, peak RSS ${d.peak_rss_mb} MB; ` +
        `goal < ${d.goal_s} s: ${verdict}`,
    );
  }
}

async function adminQuery(text) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** One run in a process of its own: open and seed the database, then time the import. */
async function child(kind, target, csv, units) {
  const { csvRows, importData, openDatabase } = await import('@dxmon/server');
  const { dataElements, units: unitsTable } = await import(
    `${root}packages/server/dist/db/schema.js`
  );
  const database = await openDatabase(
    kind === 'pglite' ? { dataDir: target } : { databaseUrl: target },
  );
  const values = units * indicators * periods;
  const fail = (message) => {
    throw new Error(`${kind}: ${message}`);
  };
  try {
    // Reference data, outside the timing: one country and its provinces, the data elements.
    await database.db.insert(unitsTable).values({
      code: 'BENCH',
      level: 'country',
      nameEn: 'Bench country',
      validFrom: '2000-01-01',
    });
    for (let u = 0; u < units; u += 1000) {
      const rows = [];
      for (let v = u; v < Math.min(u + 1000, units); v++) {
        rows.push({
          code: unitCode(v),
          level: 'province',
          parent: 'BENCH',
          nameEn: `Province ${v}`,
          validFrom: '2000-01-01',
        });
      }
      await database.db.insert(unitsTable).values(rows);
    }
    await database.db.insert(dataElements).values(
      Array.from({ length: indicators }, (_, i) => ({
        code: indicatorCode(i),
        name: `Bench indicator ${i}`,
        aggregation: 'mean',
      })),
    );

    // Times each SQL statement the importer sends (a pass-through: same calls, same order).
    const statements = {};
    let transactionStart = 0;
    let statementsEnd = 0;
    const timed = (query) => async (text, params) => {
      const t = performance.now();
      try {
        return await query(text, params);
      } finally {
        statementsEnd = performance.now();
        const key = label(text);
        statements[key] ??= { count: 0, seconds: 0 };
        const entry = statements[key];
        entry.count++;
        entry.seconds += (statementsEnd - t) / 1000;
      }
    };
    const observed = {
      ...database,
      query: (text, params) => database.query(text, params),
      transaction: (work) => {
        transactionStart = performance.now();
        return database.transaction((sql) => work({ query: timed((t, p) => sql.query(t, p)) }));
      },
    };

    const rssBefore = process.memoryUsage().rss / 1048576;
    const t0 = performance.now();
    const report = await importData(observed, csvRows(createReadStream(csv)), {
      format: 'csv',
      filename: 'bench.csv',
      dryRun: false,
      author: 'bench',
    });
    const t1 = performance.now();
    const peak = process.resourceUsage().maxRSS / 1024;

    if (report.status !== 'applied') {
      fail(`the import was ${report.status}: ${JSON.stringify(report.problems.slice(0, 5))}`);
    }
    if (report.inserted !== values) fail(`${report.inserted} values inserted, not ${values}`);
    const { rows } = await database.query('select count(*)::int as n from data_values');
    const count = Number(rows[0]?.n);
    if (count !== values) fail(`data_values has ${count} rows, not ${values}`);

    const c0 = performance.now();
    await database.close();
    const close = (performance.now() - c0) / 1000;
    console.log(
      JSON.stringify({
        seconds: (t1 - t0) / 1000,
        read_and_check_s: (transactionStart - t0) / 1000,
        statements,
        commit_and_rest_s: (t1 - statementsEnd) / 1000,
        close_s: close,
        peak_rss_mb: peak,
        rss_before_import_mb: rssBefore,
        status: report.status,
        count,
      }),
    );
  } catch (error) {
    await database.close().catch(() => {});
    console.log(String(error?.stack ?? error));
    process.exit(1);
  }
}

/** A short name for a statement of the importer. */
function label(text) {
  const sql = text.replace(/\s+/g, ' ').trim();
  if (/pg_advisory_xact_lock/.test(sql)) return 'lock';
  if (/^create temporary table import_staging/.test(sql)) return 'staging: create table';
  if (/^insert into import_staging/.test(sql)) return 'staging: insert batches (unnest)';
  if (/count\(\*\) filter/.test(sql)) return 'count changes (left join)';
  if (/^insert into imports/.test(sql)) return 'record import';
  if (/^insert into data_value_history/.test(sql)) return 'merge: history of changed values';
  if (/^insert into data_values/.test(sql)) return 'merge: insert new values';
  if (/^update data_values/.test(sql)) return 'merge: update changed values';
  if (/^insert into meta/.test(sql)) return 'bump data revision';
  if (/from workflow_states/.test(sql)) return 'workflow locks';
  if (/^insert into audit_log/.test(sql)) return 'audit';
  return sql.slice(0, 60);
}
