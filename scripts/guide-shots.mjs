#!/usr/bin/env node
// Takes the user guide's screenshots (docs/images) on a fresh `dxmon serve --demo`, in headless
// Chromium: the ranking in English and Vietnamese, the profile in Arabic, the ranking on a phone
// in Vietnamese and in Arabic, entry in Vietnamese, the names administration, a report page in
// Vietnamese, a batch of reports, a reporting round, the leaders' dashboard and a plan's
// forecasts (fan charts). Run after `npm run build`; look at the PNGs before committing them.
// Usage: node scripts/guide-shots.mjs [only-name...]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const images = join(root, 'docs/images');
const only = process.argv.slice(2);
const password = 'dxmon-demo-2026';

const dataDir = mkdtempSync(join(tmpdir(), 'dxmon-shots-'));
const server = spawn(
  process.execPath,
  [
    join(root, 'packages/cli/bin/dxmon.js'),
    'serve',
    '--demo',
    '--port',
    '0',
    '--data-dir',
    dataDir,
  ],
  { env: { ...process.env, DATABASE_URL: '' }, stdio: ['ignore', 'ignore', 'pipe'] },
);
const base = await new Promise((resolve, reject) => {
  let err = '';
  server.stderr.on('data', (chunk) => {
    err += chunk;
    const m = /serving (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`dxmon serve ended (${code}): ${err}`)));
});
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

async function settle(page) {
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(600); // chart animations
}

async function signIn(page, email) {
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  await page.locator('button[type=submit]').click();
}

const shots = {
  forecast: async (context) => {
    // Tuyen Quang's resolution: each target's fan chart and its chance beside Open SDG's status.
    const page = await context.newPage();
    await page.goto(`${base}/plans/48-NQ%2FTU`);
    await page.getByTestId('fan-TQ-DE-2025').locator('svg path[fill-opacity]').first().waitFor({
      state: 'attached',
    });
    await settle(page);
    // The 2025 and 2030 digital-economy targets at the top, the scorecard just above them.
    await page.getByTestId('target-TQ-DE-2025').evaluate((card) => card.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, -120));
    await page.waitForTimeout(200);
    return page;
  },
  overview: async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/?period=2022`);
    await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
    await settle(page);
    return page;
  },
  'overview-vi': async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/?period=2024&lang=vi`);
    await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
    await settle(page);
    return page;
  },
  arabic: async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/units/VN-08?framework=dti-province&period=2024&lang=ar`);
    await page.getByTestId('profile-nodes').waitFor();
    await settle(page);
    return page;
  },
  'phone-vi': async (_, phone) => {
    const page = await phone.newPage();
    await page.goto(`${base}/?period=2024&lang=vi`);
    await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
    await settle(page);
    return page;
  },
  'phone-ar': async (_, phone) => {
    const page = await phone.newPage();
    await page.goto(`${base}/units/VN25-79?framework=dti-province&period=2025&lang=ar`);
    await page.getByTestId('profile-nodes').waitFor();
    await settle(page);
    return page;
  },
  'entry-vi': async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/entry?dataset=dti-province&unit=VN-37&period=2024&lang=vi`);
    await signIn(page, 'officer.ninhbinh@demo.dxmon.org');
    await page.getByTestId('entry-grid').waitFor();
    await settle(page);
    return page;
  },
  report: async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/reports/unit/VN-08?framework=dti-province&period=2022&lang=vi`);
    await page.getByTestId('report-frame').waitFor({ timeout: 60_000 });
    await settle(page);
    return page;
  },
  'report-batch': async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await signIn(page, 'analyst@demo.dxmon.org');
    await page.getByTestId('signed-in').first().waitFor();
    await page.goto(`${base}/reports`);
    await page.getByTestId('batch-start').waitFor();
    await page.getByRole('combobox', { name: 'Format' }).selectOption('xlsx');
    await page.getByTestId('batch-start').click();
    await page.getByTestId('batch-zip').waitFor({ timeout: 120_000 });
    await settle(page);
    return page;
  },
  reporting: async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await signIn(page, 'analyst@demo.dxmon.org');
    await page.getByTestId('signed-in').first().waitFor();
    await page.goto(`${base}/reporting`);
    await page.getByTestId('reporting-map').locator('svg path').first().waitFor();
    await settle(page);
    return page;
  },
  // The leaders' dashboard of the country as the national analyst. It polls every half second,
  // so the network is never idle: wait for the map and its animation instead.
  dashboard: async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await signIn(page, 'analyst@demo.dxmon.org');
    await page.getByTestId('signed-in').first().waitFor();
    await page.goto(`${base}/dashboard`);
    await page.getByTestId('tile-quality').waitFor();
    await page.getByTestId('dashboard-map').locator('svg path').first().waitFor();
    await page.waitForTimeout(1000);
    return page;
  },
  'quality-entry': async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/entry?dataset=dti-province&unit=VN25-08&period=2026`);
    await signIn(page, 'approver@demo.dxmon.org');
    await page.getByTestId('quality-settlement_days').first().waitFor();
    await settle(page);
    await page
      .getByTestId('value-settlement_days')
      .evaluate((e) => e.scrollIntoView({ block: 'center' }));
    return page;
  },
  'import-warnings': async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/import`);
    await signIn(page, 'analyst@demo.dxmon.org');
    await page.getByTestId('check').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'values-2024.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'unit,indicator,period,value\nVN-01,online_services_share,2024,91\nVN-02,online_services_share,2024,12.5\nVN-04,online_services_share,2024,63\n',
      ),
    });
    await page.getByTestId('check').click();
    await page
      .getByTestId('import-warnings')
      .getByText('Public services provided fully online')
      .first()
      .waitFor();
    await settle(page);
    return page;
  },
  names: async (context) => {
    const page = await context.newPage();
    await page.goto(`${base}/admin?tab=names`);
    await signIn(page, 'admin@demo.dxmon.org');
    await page.getByTestId('names-table').waitFor();
    await page.getByTestId('names-kind').selectOption('node');
    await settle(page);
    return page;
  },
};

try {
  for (const [name, take] of Object.entries(shots)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await take(context, phone);
    await page.screenshot({ path: join(images, `${name}.png`) });
    console.log(`docs/images/${name}.png`);
    await context.close();
    await phone.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
