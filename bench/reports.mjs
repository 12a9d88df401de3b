#!/usr/bin/env node
// Report documents on `dxmon serve --demo`: a province's PDF report cold (Chromium's first
// launch), warm (Chromium running, the document not yet made: each request a different province)
// and cached (the same request again); a batch of the 34 provinces' PDFs (2025), once per
// language so that none is cached; the peak memory of the server and its Chromium processes.
// Medians over the runs; the machine is noisy (2 cores).
// Usage: node bench/reports.mjs [--postgres] [--units 7]
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { median, serveDemo } from './serveDemo.mjs';

const { values } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    units: { type: 'string', default: '7' },
  },
});
const kind = values.postgres ? 'postgres' : 'pglite';
const server = await serveDemo(kind, { database: 'dxmon_bench_reports' });

/** Resident memory (MB) of the server and every process under it (Chromium's), summed. */
function treeRssMb(pid) {
  const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [p, parent] of rows)
      if (inTree.has(parent) && !inTree.has(p)) {
        inTree.add(p);
        grew = true;
      }
  }
  return rows.filter(([p]) => inTree.has(p)).reduce((sum, [, , rss]) => sum + rss, 0) / 1024;
}
let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, treeRssMb(server.pid));
}, 200);

const seconds = (t0) => (performance.now() - t0) / 1000;
async function pdf(unit, period, lang) {
  const t0 = performance.now();
  const res = await fetch(
    `${server.address}/api/reports/unit/${unit}.pdf?framework=dti-province&period=${period}&lang=${lang}`,
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200 || bytes.subarray(0, 5).toString() !== '%PDF-')
    throw new Error(`${unit} ${period} ${lang}: ${res.status} ${bytes.subarray(0, 300)}`);
  return { seconds: seconds(t0), kb: bytes.length / 1024 };
}

async function signIn() {
  const res = await fetch(`${server.address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.dxmon.org', password: 'dxmon-demo-2026' }),
  });
  const { csrf_token } = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, 'x-csrf-token': csrf_token };
}

async function batch(headers, lang) {
  const t0 = performance.now();
  const res = await fetch(`${server.address}/api/reports/batch`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      level: 'province',
      framework: 'dti-province',
      period: '2025',
      lang,
      format: 'pdf',
    }),
  });
  let state = await res.json();
  if (res.status !== 202) throw new Error(`batch: ${res.status} ${JSON.stringify(state)}`);
  while (state.status === 'queued' || state.status === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    state = await (
      await fetch(`${server.address}/api/reports/batch/${state.id}`, { headers })
    ).json();
  }
  if (state.status !== 'done') throw new Error(`batch failed: ${state.error}`);
  return { seconds: seconds(t0), total: state.total, mb: state.size / 1024 / 1024 };
}

try {
  const units = (
    await (await fetch(`${server.address}/api/units?level=province&at=2022-12-31&limit=100`)).json()
  ).items
    .map((u) => u.code)
    .slice(0, Number(values.units) + 1);
  const cold = await pdf(units[0], '2022', 'en');
  const warm = [];
  for (const unit of units.slice(1)) warm.push(await pdf(unit, '2022', 'vi'));
  const cached = [];
  for (const unit of units.slice(1)) cached.push(await pdf(unit, '2022', 'vi'));
  const headers = await signIn();
  const batches = [];
  for (const lang of ['en', 'vi', 'ar']) batches.push(await batch(headers, lang));
  clearInterval(sampler);
  const r = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  console.log(
    JSON.stringify(
      {
        database: kind,
        server_start_s: server.startupSeconds,
        pdf_cold_s: r(cold.seconds),
        pdf_warm_median_s: r(median(warm.map((w) => w.seconds))),
        pdf_warm_max_s: r(Math.max(...warm.map((w) => w.seconds))),
        pdf_warm_runs: warm.length,
        pdf_size_kb_median: r(median(warm.map((w) => w.kb)), 0),
        pdf_cached_median_s: r(median(cached.map((c) => c.seconds)), 3),
        batch_34_pdf_median_s: r(median(batches.map((b) => b.seconds)), 1),
        batch_runs_s: batches.map((b) => r(b.seconds, 1)),
        batch_units: batches[0]?.total,
        batch_zip_mb: r(batches[0]?.mb ?? 0, 1),
        peak_rss_mb_server_and_chromium: r(peak, 0),
      },
      null,
      2,
    ),
  );
} finally {
  clearInterval(sampler);
  await server.close();
}
