// The leaders' dashboard: Tuyen Quang's officer watches the province's dashboard while the
// ministry's approver approves its 2026 submission through the API (another session): the
// reporting tile and the alert list change within 2 seconds, without a reload or a navigation.
// The country's dashboard in Arabic (right to left, the map) and in Vietnamese on a phone; an
// alert arising while the page is open is marked new since the last visit; axe finds nothing.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

const password = 'dxmon-demo-2026';

describe('the leaders dashboard', () => {
  let app: WebApp | undefined;
  before(async () => {
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  /** A workflow action through the API as the ministry's approver: not the page's session. */
  async function asApprover(action: 'approve' | 'reopen', body: Record<string, string>) {
    const base = (app as WebApp).base;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'approver@demo.dxmon.org', password }),
    });
    assert.equal(login.status, 200);
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${base}/api/workflow/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ dataset: 'dti-province', period: '2026', ...body }),
    });
    assert.equal(res.status, 200, await res.text());
  }

  async function open(
    who: string | null,
    path: string,
    width: number,
    height = 900,
  ): Promise<Page & { errors: string[]; navigations: string[]; console: string[] }> {
    const context = await (app as WebApp).browser.newContext({ bypassCSP: true });
    const page = (await context.newPage()) as Page & {
      errors: string[];
      navigations: string[];
      console: string[];
    };
    page.errors = [];
    page.console = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') page.console.push(m.text());
    });
    page.navigations = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) page.navigations.push(frame.url());
    });
    await page.setViewportSize({ width, height });
    if (who) {
      await page.goto(`${(app as WebApp).base}/sign-in`);
      await page.getByRole('textbox', { name: 'Email' }).fill(who);
      await page.getByRole('textbox', { name: 'Password' }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('signed-in').first().waitFor({ state: 'attached' });
    }
    await page.goto(`${(app as WebApp).base}${path}`);
    await page.getByTestId('dashboard-tiles').waitFor({ timeout: 30_000 });
    return page;
  }

  test("an approval elsewhere shows on the province's open dashboard within 2 s", async () => {
    const page = await open('officer.tuyenquang@demo.dxmon.org', '/dashboard/VN25-08', 1280);
    assert.match(await page.getByTestId('dashboard-title').innerText(), /Tuyen Quang/);
    assert.match(await page.getByTestId('tile-score-rank').innerText(), /^Rank \d+ of 34/);
    // Resolution 48-NQ/TU of the old province goes on: its targets are counted.
    assert.match(await page.getByTestId('tile-targets-value').innerText(), /^\d+ of \d+$/);
    assert.equal(await page.getByTestId('tile-reporting-value').innerText(), '1 of 1');
    assert.match(await page.getByTestId('tile-reporting-note').innerText(), /^Approved: 0 ·/);
    const waiting = page.getByTestId('alert-awaiting:VN25-08|dti-province|2026');
    assert.match(await waiting.innerText(), /waits for approval/);
    await page.getByTestId('tile-quality').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'dashboard-province-1280.png'), fullPage: true });

    // Marks the document: a reload would lose it.
    await page.evaluate(() => {
      (globalThis as unknown as { stayed: boolean }).stayed = true;
    });
    const navigations = page.navigations.length;
    await asApprover('approve', { unit: 'VN25-08' });
    const approvedAt = Date.now();
    await page
      .getByTestId('tile-reporting-note')
      .filter({ hasText: /^Approved: 1 ·/ })
      .waitFor({ timeout: 2000 });
    await waiting.waitFor({ state: 'detached', timeout: 2000 });
    const took = Date.now() - approvedAt;
    assert.ok(took < 2000, `shown after ${took} ms`);
    console.log(`dashboard: the approval showed after ${took} ms`);
    assert.equal(page.navigations.length, navigations, 'no navigation');
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as { stayed?: boolean }).stayed),
      true,
    );
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the country in Arabic: right to left, the map, an alert new since the last visit', async () => {
    const page = await open('analyst@demo.dxmon.org', '/dashboard?lang=ar', 1280);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await page.getByTestId('dashboard-title').innerText(), /لوحة القيادة/);
    await page.getByTestId('dashboard-map').locator('svg path').first().waitFor();
    assert.equal(await page.getByTestId('alert-new').count(), 0, 'a first visit: nothing new');
    // The second visit: the same alerts, none new; then the approved 2026 report of VN25-10 is reopened
    // elsewhere and, past the due date, becomes overdue: a new alert, marked so, within 2 s.
    await page.reload();
    await page.getByTestId('alerts').waitFor();
    assert.equal(await page.getByTestId('alert-new').count(), 0);
    const overdue = page.getByTestId('alert-overdue:VN25-10|dti-province|2026');
    assert.equal(await overdue.count(), 0);
    await asApprover('reopen', { unit: 'VN25-10', reason: 'Kiểm tra lại số liệu' });
    await overdue.getByTestId('alert-new').waitFor({ timeout: 2000 });
    await page.getByTestId('new-count').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'dashboard-country-ar-1280.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('on a phone (390 px) in Vietnamese the tiles stack and the page fits', async () => {
    const page = await open(null, '/dashboard?lang=vi', 390);
    assert.match(await page.getByTestId('tile-score-value').innerText(), /^\d+,\d$/);
    const tiles = await page.getByTestId('dashboard-tiles').locator(':scope > section').all();
    const boxes = await Promise.all(tiles.slice(0, 2).map((t) => t.boundingBox()));
    assert.ok((boxes[1]?.y ?? 0) > (boxes[0]?.y ?? 0) + 10, 'stacked');
    const overflow = await page
      .locator('html')
      .evaluate(
        (html: { scrollWidth: number; clientWidth: number }) => html.scrollWidth - html.clientWidth,
      );
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'dashboard-vi-390.png'), fullPage: true });
    // A few polls later: 304s, and nothing on the console.
    await page.waitForTimeout(1500);
    assert.deepEqual(page.console, [], 'nothing on the console');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('a wall screen (1920 px): large tiles, the map beside the alerts', async () => {
    const page = await open(null, '/dashboard', 1920, 1080);
    await page.getByTestId('dashboard-map').locator('svg path').first().waitFor();
    const size = await page.getByTestId('tile-score-value').evaluate((el) =>
      Number.parseFloat(
        (
          globalThis as unknown as {
            getComputedStyle: (e: unknown) => { fontSize: string };
          }
        ).getComputedStyle(el).fontSize,
      ),
    );
    assert.ok(size >= 56, `the score is ${size} px`);
    await page.screenshot({ path: join(shots, 'dashboard-wall-1920.png') });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
