#!/usr/bin/env node
// API latency benchmark: `dxmon serve` on the demo, loaded by autocannon with 50 concurrent
// connections, for the two requests the web app makes most: the ranking of every province on
// every node (`GET /api/results`) and a province's profile (`GET /api/units/:code/profile`, the
// profile cycling through the 63 provinces), each as a plain client and as a browser (accepting
// gzip). autocannon runs on the same 2 cores as the server, so part of each latency is its own
// work of reading the answers. The server runs as its own process, as users run it;
// each database gets a fresh copy of the demo: PGlite in a temporary folder, and PostgreSQL when
// DATABASE_URL is set (a fresh database, dropped after). Every URL is requested once before the
// clock starts (the first request of a period computes and stores its results).
// Prints JSON: per database and request, the median over runs of p50, p95, p99 latency (ms) and
// requests per second, with every run. Goal: p95 under 25 ms.
// Usage: [DATABASE_URL=postgres://...] node bench/api.mjs [--runs 3] [--seconds 10]
import { cpus } from 'node:os';
import { quantile } from '@dxmon/engine';
import autocannon from 'autocannon';
import { median, serveDemo } from './serveDemo.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback;
const runs = option('--runs', 3);
const seconds = option('--seconds', 10);
const connections = 50;
const goalP95 = 25;

/** One autocannon run; every response time is kept, for exact percentiles. */
function load(url, requests) {
  return new Promise((resolve, reject) => {
    const times = [];
    const instance = autocannon(
      { url, connections, duration: seconds, requests },
      (error, result) =>
        error ? reject(error) : resolve({ result, times: Float64Array.from(times) }),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
}

async function benchDatabase(kind) {
  const server = await serveDemo(kind, { database: `dxmon_bench_api_${process.pid}` });
  const { address } = server;
  try {
    const units = await (await fetch(`${address}/api/units?level=province&at=2024-12-31`)).json();
    const codes = units.items.map((u) => u.code);
    const results = [`/api/results?framework=dti-province&period=2024&level=province`];
    const profiles = codes.map((c) => `/api/units/${c}/profile?framework=dti-province&period=2024`);
    // Each request as a plain client sends it, and as a browser does (accepting gzip).
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const cases = {
      results: { paths: results, headers: {} },
      results_gzip: { paths: results, headers: gzip },
      profile: { paths: profiles, headers: {} },
      profile_gzip: { paths: profiles, headers: gzip },
    };
    // Warm-up: every URL once (results are computed and stored on first request).
    for (const { paths } of Object.values(cases)) {
      for (const path of paths) {
        const res = await fetch(address + path);
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      }
    }
    const report = { startup_seconds: server.startupSeconds };
    for (const [name, { paths, headers }] of Object.entries(cases)) {
      const all = [];
      for (let r = 0; r < runs; r++) {
        const { result, times } = await load(
          address,
          paths.map((path) => ({ method: 'GET', path, headers })),
        );
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        const ms = (p) => Math.round(quantile(times, p) * 100) / 100;
        all.push({
          p50: ms(0.5),
          p95: ms(0.95),
          p99: ms(0.99),
          requests: times.length,
          rps: Math.round(result.requests.average),
        });
      }
      const p95 = median(all.map((x) => x.p95));
      report[name] = {
        p50_ms: median(all.map((x) => x.p50)),
        p95_ms: p95,
        p99_ms: median(all.map((x) => x.p99)),
        requests_per_second: median(all.map((x) => x.rps)),
        goal_p95_met: p95 < goalP95,
        runs: all,
      };
    }
    return report;
  } finally {
    await server.close();
  }
}

const kinds = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const report = {
  machine: { cpus: cpus().length, node: process.version },
  connections,
  seconds_per_run: seconds,
  runs,
  databases: {},
};
for (const kind of kinds) report.databases[kind] = await benchDatabase(kind);
console.log(JSON.stringify(report, null, 2));
