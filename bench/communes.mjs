#!/usr/bin/env node
// The commune level at national scale: a commune-level framework (an index, 4 pillars, 40
// indicators) over 3,321 communes and wards under the 34 provinces of 2025
// (shared/data/vn-provinces-2025.csv) for 5 periods (2022-2026): 664,200 values, synthetic but
// believable (each commune's level, its province's, a yearly trend, noise, 2% missing), the same
// for the same --seed. No list of the 3,321 communes is at hand: each province gets a count in
// proportion to the provinces merged into it (with some spread, at least 40), summing to 3,321,
// and names drawn from common Vietnamese place-name words (with diacritics; English without).
// Units, data elements and the framework are written directly; the values go through the real
// importer (`importData`, the path of POST /api/imports and `dxmon import`).
// Measures, per database (PGlite in a folder on disk; PostgreSQL in a fresh database when
// DATABASE_URL is set):
//  - the assessment run of 3,321 x 40 for 2026 (`computeAssessment`: read, engine, store), median
//    over --runs; goal <= 2 s;
//  - `dxmon serve` as its own process under autocannon, 50 connections, --seconds per run: one
//    province's communes (`GET /api/results?...&parent=<province>`, about 100 of them, every node),
//    the URL cycling through the 34 provinces, as a plain client and accepting gzip; p95 median
//    over --runs; goal <= 25 ms. Also the first (uncached) answer for a province, the whole
//    country's ranking and a page of 100 with the index score only, with their sizes.
// Prints JSON on standard output and a verdict per goal on standard error.
// Usage: [DATABASE_URL=postgres://...] node bench/communes.mjs [--runs 5] [--seconds 10]
//          [--seed 42] [--only pglite|postgres]
import { spawn } from 'node:child_process';
import {
  createReadStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { quantile } from '@dxmon/engine';
import autocannon from 'autocannon';
import pg from 'pg';
import { median } from './serveDemo.mjs';

const root = new URL('..', import.meta.url).pathname;
const { csvRows, importData, openDatabase } = await import('@dxmon/server');
const { dataElements, units: unitsTable } = await import(
  `${root}packages/server/dist/db/schema.js`
);
const { saveFramework } = await import(`${root}packages/server/dist/services/frameworks.js`);
const { assessmentInput, computeAssessment } = await import(
  `${root}packages/server/dist/services/assessments.js`
);
const { compute } = await import('@dxmon/engine');

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    only: { type: 'string' },
  },
});
const runs = Number(options.runs);
const seconds = Number(options.seconds);
const seed = Number(options.seed);
const communeCount = 3321;
const pillars = ['gov', 'eco', 'soc', 'infra'];
const perPillar = 10;
const periods = [2022, 2023, 2024, 2025, 2026];
const connections = 50;
const goals = { run_ms: 2000, p95_ms: 25 };
const out = `${root}bench/out`;

const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Park-Miller minimal standard generator: deterministic and seedable. */
function generator(s) {
  let state = s % 2147483647 || 1;
  return () => {
    state = (state * 16807) % 2147483647;
    return (state - 1) / 2147483646;
  };
}

/** A standard normal draw (Box-Muller) from a uniform generator. */
const normal = (random) =>
  Math.sqrt(-2 * Math.log(random() || 1e-12)) * Math.cos(2 * Math.PI * random());

/** Without diacritics, for the English names: "Đông Hòa" -> "Dong Hoa". */
const plain = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

const words = [
  'An',
  'Bình',
  'Phú',
  'Tân',
  'Hòa',
  'Long',
  'Thạnh',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Vĩnh',
  'Quang',
  'Hưng',
  'Xuân',
  'Thanh',
  'Đức',
  'Minh',
  'Phước',
  'Mỹ',
  'Lộc',
  'Sơn',
  'Hải',
  'Cát',
  'Trung',
  'Kim',
  'Ngọc',
  'Hồng',
  'Đại',
  'Thuận',
  'Lợi',
  'Hiệp',
  'Khánh',
  'Thịnh',
  'Yên',
  'Lâm',
  'Hà',
  'Thủy',
  'Tiến',
  'Châu',
  'Định',
  'Hữu',
  'Nghĩa',
  'Trường',
  'Thắng',
  'Điền',
  'Cường',
  'Tường',
];

/** The 34 provinces of 2025 with the number of 2024 provinces merged into each. */
function provinces() {
  const lines = readFileSync('/work/shared/data/vn-provinces-2025.csv', 'utf8').trim().split('\n');
  const merged = new Map();
  for (const line of lines.slice(1)) {
    const name = line.split(',').at(-1).trim();
    merged.set(name, (merged.get(name) ?? 0) + 1);
  }
  return [...merged].map(([name, n], i) => ({
    code: `VNB-${String(i + 1).padStart(2, '0')}`,
    name,
    merged: n,
  }));
}

/** Commune counts summing to 3,321: in proportion to the provinces merged, spread, at least 40. */
function communeCounts(list, random) {
  const weights = list.map((p) => p.merged * (0.7 + 0.6 * random()));
  const total = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(40, Math.round((w / total) * communeCount)));
  // Largest first takes what rounding and the floor left over (or gave too much).
  const order = counts.map((_, i) => i).sort((a, b) => counts[b] - counts[a]);
  let diff = communeCount - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; diff !== 0; k = (k + 1) % order.length) {
    const i = order[k];
    const step = Math.sign(diff);
    if (counts[i] + step >= 40) {
      counts[i] += step;
      diff -= step;
    }
  }
  return counts;
}

/** Units (country, provinces, communes), their latent DX level, and the data CSV's path. */
function generate() {
  const random = generator(seed);
  const list = provinces();
  const counts = communeCounts(list, random);
  const unitRows = [
    {
      code: 'VNB',
      level: 'country',
      nameEn: 'Viet Nam',
      nameVi: 'Việt Nam',
      validFrom: '2020-01-01',
    },
  ];
  const communes = [];
  list.forEach((p, i) => {
    unitRows.push({
      code: p.code,
      level: 'province',
      parent: 'VNB',
      nameEn: plain(p.name),
      nameVi: p.name,
      validFrom: '2020-01-01',
    });
    const effect = normal(random) * 8;
    const used = new Set();
    for (let c = 0; c < counts[i]; c++) {
      const ward = random() < 0.15;
      let name;
      do {
        name = `${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`;
      } while (used.has(name));
      used.add(name);
      const code = `${p.code}-${String(c + 1).padStart(4, '0')}`;
      unitRows.push({
        code,
        level: 'commune',
        parent: p.code,
        nameEn: `${plain(name)} ${ward ? 'Ward' : 'Commune'}`,
        nameVi: `${ward ? 'Phường' : 'Xã'} ${name}`,
        validFrom: '2020-01-01',
      });
      communes.push({ code, level: 45 + effect + normal(random) * 12 + (ward ? 10 : 0) });
    }
  });
  // Indicators: shares in % (most), days to settle a file (lower is better), counts per 1,000.
  const indicators = pillars.flatMap((pillar) =>
    Array.from({ length: perPillar }, (_, k) => ({
      code: `c_${pillar}_${String(k + 1).padStart(2, '0')}`,
      pillar,
      kind: k === 9 ? 'days' : k === 8 ? 'per1000' : 'share',
      trend: 2 + random() * 4,
    })),
  );
  const parts = ['unit,indicator,period,value\n'];
  for (const c of communes) {
    let block = '';
    for (const [t, period] of periods.entries()) {
      for (const ind of indicators) {
        if (random() < 0.02) continue; // missing
        const x = c.level + ind.trend * (t - 4) + normal(random) * 9;
        let value;
        if (ind.kind === 'share') value = Math.min(100, Math.max(0, x)).toFixed(1);
        else if (ind.kind === 'days') value = Math.max(0.5, 12 - x / 9 + normal(random)).toFixed(1);
        else value = Math.max(0, x * 3 + normal(random) * 20).toFixed(0);
        block += `${c.code},${ind.code},${period},${value}\n`;
      }
    }
    parts.push(block);
  }
  mkdirSync(out, { recursive: true });
  const data = `${out}/communes-${seed}.csv`;
  writeFileSync(data, parts.join(''));
  const framework = [
    'id: communes',
    'name: Commune DX index',
    'nodes:',
    '  - {code: CDX, name: Commune DX index}',
    '  - {code: GOV, name: Digital government, parent: CDX}',
    '  - {code: ECO, name: Digital economy, parent: CDX}',
    '  - {code: SOC, name: Digital society, parent: CDX}',
    '  - {code: INFRA, name: Infrastructure, parent: CDX}',
    ...indicators.map(
      (i) =>
        `  - {code: ${i.code}, parent: ${i.pillar.toUpperCase()}${i.kind === 'days' ? ', direction: -1' : ''}}`,
    ),
  ].join('\n');
  return { unitRows, indicators, framework: `${framework}\n`, data, counts, list };
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

/** Loads the generated set into a database and times the assessment runs in-process. */
async function loadAndRun(target, input) {
  const database = await openDatabase(target);
  try {
    for (let i = 0; i < input.unitRows.length; i += 1000) {
      await database.db.insert(unitsTable).values(input.unitRows.slice(i, i + 1000));
    }
    await database.db.insert(dataElements).values(
      input.indicators.map((i) => ({
        code: i.code,
        name: `Commune indicator ${i.code}`,
        unitOfMeasure: i.kind === 'share' ? '%' : i.kind === 'days' ? 'days' : null,
        aggregation: 'mean',
      })),
    );
    await saveFramework(database.db, input.framework);
    const t0 = performance.now();
    const report = await importData(database, csvRows(createReadStream(input.data)), {
      format: 'csv',
      filename: 'communes.csv',
      dryRun: false,
      author: 'bench',
    });
    const importSeconds = (performance.now() - t0) / 1000;
    if (report.status !== 'applied') {
      throw new Error(
        `the import was ${report.status}: ${JSON.stringify(report.problems.slice(0, 3))}`,
      );
    }
    await database.query('analyze');
    const key = { frameworkId: 'communes', period: '2026', level: 'commune' };
    const first = await computeAssessment(database, key); // warm-up (and a check)
    if (first.units !== communeCount) throw new Error(`the run assessed ${first.units} units`);
    const times = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      await computeAssessment(database, key);
      times.push(performance.now() - t);
    }
    // Where a run's time goes: reading its input (units, every period's values), the engine,
    // and (the rest) storing the 3,321 x 45 results.
    const read = [];
    const engine = [];
    for (let r = 0; r < runs; r++) {
      const t = performance.now();
      const input = await assessmentInput(database, key);
      const t1 = performance.now();
      compute({
        tree: input.tree,
        panel: input.panel,
        periods: input.periods,
        groups: input.groups,
      });
      read.push(t1 - t);
      engine.push(performance.now() - t1);
    }
    return { values: report.inserted, importSeconds, times, read, engine };
  } finally {
    await database.close();
  }
}

/** `dxmon serve` on the loaded database, as users run it. */
async function serve(target) {
  const dxmon = join(root, 'packages/cli/bin/dxmon.js');
  const args = ['serve', '--port', '0', '--log-level', 'error'];
  if (target.dataDir) args.push('--data-dir', target.dataDir);
  const child = spawn(process.execPath, [dxmon, ...args], {
    env: { ...process.env, DATABASE_URL: target.databaseUrl ?? '' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const address = await new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`dxmon serve ended (${code}):\n${err}`)));
  });
  return {
    address,
    close: async () => {
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await ended;
    },
  };
}

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

async function timedGet(url, headers = {}) {
  const t = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${Buffer.from(body)}`);
  return { ms: performance.now() - t, bytes: body.byteLength };
}

async function measureApi(target, input) {
  const server = await serve(target);
  try {
    const base = `${server.address}/api/results?framework=communes&period=2026&level=commune`;
    const paths = input.list.map((p) => `${base.slice(server.address.length)}&parent=${p.code}`);
    // The first answer for a province: the stored run read whole once, then each view.
    const cold = await timedGet(`${server.address}${paths[0]}`);
    const coldOther = await timedGet(`${server.address}${paths[1]}`);
    const country = await timedGet(base);
    const page = await timedGet(`${base}&nodes=&limit=100`);
    for (const path of paths) await timedGet(`${server.address}${path}`); // every URL once
    const gzip = { 'accept-encoding': 'gzip, deflate, br' };
    const report = {
      first_answer_ms: round(cold.ms),
      second_province_first_answer_ms: round(coldOther.ms),
      province_bytes: cold.bytes,
      country_first_answer_ms: round(country.ms),
      country_bytes: country.bytes,
      page_of_100_index_only_bytes: page.bytes,
    };
    // What the ranking table reads: the index and the four pillars of each commune.
    const pillarPaths = paths.map((path) => `${path}&nodes=GOV,ECO,SOC,INFRA`);
    for (const path of pillarPaths) await timedGet(`${server.address}${path}`);
    report.province_pillars_bytes = (await timedGet(`${server.address}${pillarPaths[0]}`)).bytes;
    for (const [name, headers, urls] of [
      ['province_communes', {}, paths],
      ['province_communes_gzip', gzip, paths],
      ['province_pillars', {}, pillarPaths],
    ]) {
      const all = [];
      for (let r = 0; r < runs; r++) {
        const { result, times } = await load(
          server.address,
          urls.map((path) => ({ method: 'GET', path, headers })),
        );
        if (result.non2xx > 0 || result.errors > 0)
          throw new Error(`${name}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
        const ms = (p) => round(quantile(times, p), 2);
        all.push({
          p50: ms(0.5),
          p95: ms(0.95),
          p99: ms(0.99),
          rps: Math.round(result.requests.average),
        });
      }
      report[name] = {
        p50_ms: median(all.map((x) => x.p50)),
        p95_ms: median(all.map((x) => x.p95)),
        p99_ms: median(all.map((x) => x.p99)),
        requests_per_second: median(all.map((x) => x.rps)),
        runs: all,
      };
    }
    return report;
  } finally {
    await server.close();
  }
}

async function benchDatabase(kind, input) {
  let target;
  let cleanUp;
  if (kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'dxmon-bench-communes-'));
    target = { dataDir };
    cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const name = `dxmon_bench_communes_${process.pid}`;
    await adminQuery(`drop database if exists ${name} with (force)`);
    await adminQuery(`create database ${name}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    target = { databaseUrl: url.toString() };
    cleanUp = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  try {
    const { values, importSeconds, times, read, engine } = await loadAndRun(target, input);
    const runMs = median(times);
    const api = await measureApi(target, input);
    return {
      kind,
      values,
      import_s: round(importSeconds),
      assessment_run: {
        median_ms: round(runMs),
        runs_ms: times.map((t) => round(t)),
        read_input_median_ms: round(median(read)),
        engine_median_ms: round(median(engine)),
        store_median_ms: round(runMs - median(read) - median(engine)),
      },
      api,
    };
  } finally {
    await cleanUp();
  }
}

const input = generate();
const kinds = ['pglite', 'postgres'].filter(
  (k) => (!options.only || options.only === k) && (k === 'pglite' || process.env.DATABASE_URL),
);
const report = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  data: {
    seed,
    provinces: input.list.length,
    communes: communeCount,
    communes_per_province: {
      min: Math.min(...input.counts),
      median: median(input.counts),
      max: Math.max(...input.counts),
    },
    indicators: input.indicators.length,
    periods: periods.length,
  },
  runs,
  connections,
  seconds_per_run: seconds,
  goals,
  databases: [],
};
for (const kind of kinds) report.databases.push(await benchDatabase(kind, input));
console.log(JSON.stringify(report, null, 2));
for (const d of report.databases) {
  const run = d.assessment_run.median_ms;
  const p95 = d.api.province_communes.p95_ms;
  console.error(
    `${d.kind}: assessment run of ${communeCount} x ${input.indicators.length} in ${run} ms (goal <= ${goals.run_ms}: ${run <= goals.run_ms ? 'met' : 'NOT met'}); ` +
      `a province's communes p95 ${p95} ms at ${connections} connections (goal <= ${goals.p95_ms}: ${p95 <= goals.p95_ms ? 'met' : 'NOT met'})`,
  );
}
