// The reporting page in Vietnamese: the demo's 2026 round of the provincial index (34 provinces
// expected, ten submitted, six on time, nine approved), a late province and an overdue one, the
// map, the rounds over time and the analyst's calendar form; axe finds nothing; screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

describe('reporting rounds', () => {
  let app: WebApp | undefined;
  before(async () => {
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  async function open(width: number): Promise<Page & { errors: string[] }> {
    // A context of its own (axe's script needs the Content-Security-Policy bypassed).
    const context = await (app as WebApp).browser.newContext({ bypassCSP: true });
    const page = (await context.newPage()) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.setViewportSize({ width, height: 900 });
    // Signed in on the page itself: a tab keeps its session's CSRF token for its writes.
    await page.goto(`${(app as WebApp).base}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill('analyst@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').first().waitFor({ state: 'attached' });
    await page.goto(`${(app as WebApp).base}/reporting?lang=vi`);
    await page.getByTestId('reporting-table').waitFor({ timeout: 30_000 });
    return page;
  }

  const tile = async (page: Page, key: string) =>
    (await page.getByTestId(`tile-${key}-value`).innerText()).trim();

  test('the 2026 round in Vietnamese: tiles, a late province, the map; screenshots', async () => {
    const page = await open(1280);
    assert.equal(await page.getByRole('combobox', { name: 'Kỳ' }).inputValue(), '2026');
    assert.equal(await tile(page, 'expected'), '34');
    assert.equal(await tile(page, 'submitted'), '10');
    assert.equal(await tile(page, 'onTime'), '6');
    assert.equal(await tile(page, 'approved'), '9');
    assert.match(await tile(page, 'completeness'), /%/);
    assert.match(
      await page.getByTestId('reporting-calendar').innerText(),
      /hạn nộp 15 thg 11, 2026/,
    );

    // Gia Lai submitted on 28 November, after the due date: late, and approved since.
    const gialai = page.getByTestId('reporting-VN25-64');
    assert.equal(await gialai.getByTestId('timeliness-VN25-64').textContent(), 'Trễ hạn');
    assert.equal(await gialai.getByTestId('status-VN25-64').textContent(), 'Đã duyệt');
    assert.match(await gialai.innerText(), /Gia Lai/);
    assert.equal(await page.getByTestId('timeliness-VN25-10').textContent(), 'Đúng hạn');
    // Ho Chi Minh City has not submitted: overdue.
    assert.equal(await page.getByTestId('status-VN25-79').textContent(), 'Quá hạn');
    assert.match(await page.getByTestId('reporting-VN25-79').innerText(), /Hồ Chí Minh/);

    // The rounds over time: 2024 expected the 63 provinces of the time, 2025 the 34; a period
    // opens its round.
    const history = page.getByTestId('round-history');
    await history.waitFor();
    assert.match(await page.getByTestId('round-2024').innerText(), /^2024\s+63\s/);
    assert.match(await page.getByTestId('round-2025').innerText(), /^2025\s+34\s/);
    assert.match(await page.getByTestId('round-2026').innerText(), /^2026\s+34\s+10\s+6\s+9\s/);
    await page.getByTestId('reporting-map').locator('svg path').first().waitFor();
    await page.getByTestId('calendar-form').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'reporting-vi-1280.png'), fullPage: true });
    await history.getByRole('button', { name: 'Mở đợt 2024' }).click();
    await page.getByTestId('tile-expected-value').filter({ hasText: /^63$/ }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Kỳ' }).inputValue(), '2024');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('at 390 px the page fits the phone', async () => {
    const page = await open(390);
    assert.equal(await tile(page, 'expected'), '34');
    const overflow = await page
      .locator('html')
      .evaluate(
        (html: { scrollWidth: number; clientWidth: number }) => html.scrollWidth - html.clientWidth,
      );
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    await page.getByTestId('reporting-map').locator('svg path').first().waitFor();
    await page.screenshot({ path: join(shots, 'reporting-vi-390.png') });
    await page.getByTestId('reporting-map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'reporting-vi-390-map.png') });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the analyst moves the due date: more provinces on time', async () => {
    const page = await open(1280);
    const form = page.getByTestId('calendar-form');
    await form.getByLabel('Hạn nộp').fill('2026-11-25');
    await form.getByRole('button', { name: 'Lưu lịch' }).click();
    await form.getByRole('status').waitFor();
    await page.getByTestId('tile-onTime-value').filter({ hasText: /^8$/ }).waitFor();
    // A due date before the opening date is refused, the field named.
    await form.getByLabel('Hạn nộp').fill('2026-09-01');
    await form.getByRole('button', { name: 'Lưu lịch' }).click();
    await page.getByTestId('calendar-problem').waitFor();
    assert.match(await page.getByTestId('calendar-problem').innerText(), /due_on/);
    await form.getByLabel('Hạn nộp').fill('2026-11-15');
    await form.getByRole('button', { name: 'Lưu lịch' }).click();
    await page.getByTestId('tile-onTime-value').filter({ hasText: /^6$/ }).waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
