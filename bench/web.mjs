#!/usr/bin/env node
// Web app benchmark: the size of what a first visit downloads (the JavaScript and CSS that
// index.html loads, gzipped as the server sends them), and the time from navigation to a rendered
// ranking of the 63 provinces in headless Chromium (browsers that accept Brotli get the smaller
// .br copies the build writes; both sizes are reported), on `dxmon serve --demo` (PGlite, fresh folder).
// Each run is a new browser context (cold cache); the server has answered every request once
// before (results are computed on first request). Goal: initial JS under 400 KB gzipped.
// Prints JSON: sizes in KB, the median and every run in ms.
// Usage: node bench/web.mjs [--runs 7]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 7;
const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'packages/web/dist');
const goalKb = 400;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kb = (bytes) => Math.round((bytes / 1024) * 10) / 10;

/** The files index.html loads at once (scripts, module preloads, styles). */
function initialFiles() {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  return refs.map((ref) => {
    const bytes = readFileSync(join(dist, ref));
    const br = join(dist, `${ref}.br`);
    return {
      file: ref,
      kind: ref.endsWith('.js') ? 'js' : 'css',
      raw: bytes.length,
      gzip: gzipSync(bytes).length,
      brotli: existsSync(br) ? readFileSync(br).length : null,
    };
  });
}

function serve(dataDir) {
  const child = spawn(
    process.execPath,
    [
      join(root, 'packages/cli/bin/dxmon.js'),
      'serve',
      '--demo',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--log-level',
      'error',
    ],
    { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      err += chunk;
      const m = /serving (http:\/\/\S+)/.exec(err);
      if (m) resolve({ child, address: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`dxmon serve ended (${code}):\n${err}`)));
  });
}

const files = initialFiles();
const jsGzip = files.filter((f) => f.kind === 'js').reduce((a, f) => a + f.gzip, 0);
const cssGzip = files.filter((f) => f.kind === 'css').reduce((a, f) => a + f.gzip, 0);

const dataDir = mkdtempSync(join(tmpdir(), 'dxmon-bench-web-'));
const { child, address } = await serve(dataDir);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const url = `${address}/?period=2024`;
const times = [];
try {
  for (let r = 0; r <= runs; r++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(url);
    await page.locator('[data-testid="ranking"] tbody tr').nth(62).waitFor();
    const ms = performance.now() - t0;
    if (r > 0) times.push(Math.round(ms)); // run 0 warms the server's results
    await context.close();
  }
} finally {
  await browser.close();
  const ended = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await ended;
  rmSync(dataDir, { recursive: true, force: true });
}

const report = {
  machine: { cpus: cpus().length, node: process.version },
  initial_download: {
    js_gzip_kb: kb(jsGzip),
    css_gzip_kb: kb(cssGzip),
    js_brotli_kb: kb(files.filter((f) => f.kind === 'js').reduce((a, f) => a + (f.brotli ?? 0), 0)),
    files: files.map((f) => ({
      ...f,
      raw: kb(f.raw),
      gzip: kb(f.gzip),
      brotli: f.brotli === null ? null : kb(f.brotli),
    })),
    goal_js_gzip_kb: goalKb,
    goal_met: kb(jsGzip) < goalKb,
  },
  time_to_ranking_ms: {
    median: median(times),
    runs: times,
    what: '63 rows rendered, cold browser cache',
  },
};
console.log(JSON.stringify(report, null, 2));
console.error(
  `initial JS ${kb(jsGzip)} KB gzipped (goal < ${goalKb}: ${report.initial_download.goal_met ? 'met' : 'NOT met'}), ranking rendered in ${median(times)} ms (median of ${runs})`,
);
