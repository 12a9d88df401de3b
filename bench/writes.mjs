#!/usr/bin/env node
// Form writes under load: `dxmon serve --demo` as its own process, and 50 data officers, one per
// province (accounts and API tokens created through the API by the demo administrator), each
// saving its own province's 2024 values through `POST /api/data-values` as fast as the server
// answers, one connection each. Every request changes a value (it toggles between the value read
// and that value + 1, cycling through the province's 46 data elements) and sends the version it
// last read, as the web app does, so every request is a real write: a new version, a history row,
// an audit row. The writers run on the same 2 cores as the server (their share is small: one
// request in flight each). Each database gets a fresh copy of the demo: PGlite in a temporary
// folder, and PostgreSQL when DATABASE_URL is set (a fresh database `dxmon_bench_writes`, dropped
// after). A few seconds of writes warm the server up before the clock starts.
// Prints JSON: per database, the median over runs of writes per second, p50, p95, p99 latency (ms)
// and the CPU time per write of the server process and (PostgreSQL) of the database's backends,
// read from /proc: latency on a shared machine moves with the other work, CPU per write far less.
// Every run is listed. Goal: p95 <= 100 ms at 50 writers.
// Usage: [DATABASE_URL=postgres://...] node bench/writes.mjs [--runs 5] [--seconds 10]
//          [--writers 50] [--values 1] [--only pglite|postgres]
//          [--cpu-prof]   (a V8 profile of the server per database in bench/out/profiles)
//          [--dxmon PATH] (another checkout's packages/cli/bin/dxmon.js: an earlier version)
import { mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { quantile } from '@dxmon/engine';
import pg from 'pg';
import { median, serveDemo } from './serveDemo.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const runs = option('--runs', 5);
const seconds = option('--seconds', 10);
const writers = option('--writers', 50);
const valuesPerRequest = option('--values', 1);
const warmUpSeconds = 3;
const goalP95 = 100;
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const profiles = join(new URL('.', import.meta.url).pathname, 'out/profiles');
const period = '2024';

/** One JSON request on `agent`'s connection: its status, body and time in milliseconds. */
function request(agent, address, method, path, token, payload) {
  const body = payload === undefined ? undefined : Buffer.from(JSON.stringify(payload));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      `${address}${path}`,
      {
        method,
        agent,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body ? { 'content-type': 'application/json', 'content-length': body.length } : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({
            status: res.statusCode,
            json: text ? JSON.parse(text) : undefined,
            text,
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function ok(response, what) {
  const r = await response;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 500)}`);
  return r.json;
}

/** CPU time (user + system, ms) of a process so far, from /proc; undefined where there is none. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return undefined;
  }
}

/**
 * The CPU time of the server process and, on PostgreSQL, of the database's backends: a figure
 * per write that the other work on a shared machine disturbs far less than latency.
 */
async function cpuOf(server) {
  const node = cpuMs(server.pid);
  if (!server.databaseUrl) return { node, database: 0 };
  const c = new pg.Client({ connectionString: server.databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    return { node, database: rows.reduce((sum, r) => sum + (cpuMs(r.pid) ?? 0), 0) };
  } finally {
    await c.end();
  }
}

/**
 * The demo administrator creates an officer account and an API token for each of the first
 * `writers` provinces of 2024; each officer reads its province's 2024 values (with versions).
 */
async function setUpWriters(address) {
  const agent = new http.Agent({ keepAlive: true });
  const session = await ok(
    request(agent, address, 'POST', '/api/auth/login', undefined, {
      email: 'admin@demo.dxmon.org',
      password: 'dxmon-demo-2026',
    }),
    'admin sign-in',
  );
  const provinces = (
    await ok(request(agent, address, 'GET', '/api/units?level=province&at=2024-12-31'), 'provinces')
  ).items.map((u) => u.code);
  if (provinces.length < writers)
    throw new Error(`${provinces.length} provinces for ${writers} writers`);
  const out = [];
  for (const unit of provinces.slice(0, writers)) {
    const email = `bench.officer.${unit.toLowerCase()}@demo.dxmon.org`;
    await ok(
      request(agent, address, 'POST', '/api/users', session.token, {
        email,
        name: `Bench officer ${unit}`,
        role: 'officer',
        unit,
      }),
      `account for ${unit}`,
    );
    const { token } = await ok(
      request(agent, address, 'POST', '/api/tokens', session.token, { name: 'bench', email }),
      `token for ${unit}`,
    );
    const cells = (
      await ok(
        request(agent, address, 'GET', `/api/data?unit=${unit}&period=${period}&limit=1000`, token),
        `values of ${unit}`,
      )
    ).items.map((v) => ({ indicator: v.indicator, base: v.value ?? 0, version: v.version }));
    if (cells.length === 0) throw new Error(`${unit} has no ${period} values`);
    // One connection per writer for the whole benchmark, as a browser keeps its own.
    out.push({
      unit,
      token,
      cells,
      next: 0,
      visits: 0,
      agent: new http.Agent({ keepAlive: true, maxSockets: 1 }),
    });
  }
  agent.destroy();
  return out;
}

/** Every writer saves values back to back until `until`; the time of each write is kept. */
async function load(address, all, until) {
  const times = [];
  const failures = [];
  await Promise.all(
    all.map(async (w) => {
      while (performance.now() < until && failures.length === 0) {
        const batch = [];
        for (let k = 0; k < valuesPerRequest; k++) {
          batch.push(w.cells[w.next]);
          w.next = (w.next + 1) % w.cells.length;
          if (w.next === 0) w.visits++;
        }
        const toggle = w.visits % 2 === 0 ? 1 : 0;
        const r = await request(w.agent, address, 'POST', '/api/data-values', w.token, {
          values: batch.map((c) => ({
            unit: w.unit,
            indicator: c.indicator,
            period,
            value: c.base + toggle,
            version: c.version,
          })),
        });
        if (r.status !== 200) {
          failures.push(`${w.unit}: ${r.status} ${r.text.slice(0, 300)}`);
          break;
        }
        for (const [i, stored] of r.json.items.entries()) {
          if (stored.version <= batch[i].version)
            failures.push(`${w.unit} ${stored.indicator}: not written (version ${stored.version})`);
          batch[i].version = stored.version;
        }
        times.push(r.ms);
      }
    }),
  );
  if (failures.length > 0) throw new Error(`writes failed: ${failures.slice(0, 5).join('; ')}`);
  return Float64Array.from(times);
}

async function benchDatabase(kind) {
  const nodeFlags = args.includes('--cpu-prof')
    ? ['--cpu-prof', '--cpu-prof-dir', join(profiles, `writes-${kind}`)]
    : [];
  if (nodeFlags.length > 0) mkdirSync(profiles, { recursive: true });
  const dxmon = args.includes('--dxmon') ? args[args.indexOf('--dxmon') + 1] : undefined;
  const server = await serveDemo(kind, { database: 'dxmon_bench_writes', nodeFlags, dxmon });
  try {
    const all = await setUpWriters(server.address);
    await load(server.address, all, performance.now() + warmUpSeconds * 1000);
    const every = [];
    for (let r = 0; r < runs; r++) {
      const cpu = await cpuOf(server);
      const started = performance.now();
      const times = await load(server.address, all, started + seconds * 1000);
      const elapsed = (performance.now() - started) / 1000;
      const cpuAfter = await cpuOf(server);
      const ms = (p) => Math.round(quantile(times, p) * 10) / 10;
      const perWrite = (a, b) =>
        a === undefined || b === undefined
          ? null
          : Math.round(((b - a) / times.length) * 100) / 100;
      every.push({
        writes_per_second: Math.round(times.length / elapsed),
        p50: ms(0.5),
        p95: ms(0.95),
        p99: ms(0.99),
        writes: times.length,
        server_cpu_ms_per_write: perWrite(cpu.node, cpuAfter.node),
        database_cpu_ms_per_write: server.databaseUrl
          ? perWrite(cpu.database, cpuAfter.database)
          : null,
      });
    }
    const mid = (key, scale = 10) => Math.round(median(every.map((x) => x[key])) * scale) / scale;
    const p95 = mid('p95');
    for (const w of all) w.agent.destroy();
    return {
      startup_seconds: server.startupSeconds,
      writes_per_second: mid('writes_per_second'),
      p50_ms: mid('p50'),
      p95_ms: p95,
      p99_ms: mid('p99'),
      server_cpu_ms_per_write: mid('server_cpu_ms_per_write', 100),
      database_cpu_ms_per_write: server.databaseUrl ? mid('database_cpu_ms_per_write', 100) : null,
      goal_p95_met: p95 <= goalP95,
      runs: every,
    };
  } finally {
    await server.close();
  }
}

const kinds = (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']).filter(
  (k) => !only || k === only,
);
const report = {
  machine: { cpus: cpus().length, node: process.version },
  writers,
  values_per_request: valuesPerRequest,
  seconds_per_run: seconds,
  runs,
  databases: {},
};
for (const kind of kinds) {
  const d = await benchDatabase(kind);
  report.databases[kind] = d;
  console.error(
    `${kind}: ${d.writes_per_second} writes/s, p50 ${d.p50_ms} ms, p95 ${d.p95_ms} ms, p99 ${d.p99_ms} ms; CPU per write: server ${d.server_cpu_ms_per_write} ms${d.database_cpu_ms_per_write === null ? '' : `, database ${d.database_cpu_ms_per_write} ms`}; goal p95 <= ${goalP95} ms: ${d.goal_p95_met ? 'met' : 'NOT met'}`,
  );
}
console.log(JSON.stringify(report, null, 2));
