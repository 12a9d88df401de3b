// The bell on the demo: Ho Chi Minh City's officer has the 2026 round's reminder (the province has
// not submitted), the ministry's approver the notices of the submissions waiting; the count on
// the bell, the panel, marking read, the e-mail switch; axe finds nothing; at 390 px the bell
// stays in the header and the panel fits the phone.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

describe('notifications', () => {
  let app: WebApp | undefined;
  before(async () => {
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  async function signIn(
    email: string,
    width: number,
    lang = 'en',
  ): Promise<Page & { errors: string[] }> {
    const context = await (app as WebApp).browser.newContext({ bypassCSP: true });
    const page = (await context.newPage()) as Page & { errors: string[] };
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    // The machine is shared with other test runs: a slow first page is not a failure.
    page.setDefaultTimeout(60_000);
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${(app as WebApp).base}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').first().waitFor({ state: 'attached' });
    await page.goto(`${(app as WebApp).base}/?lang=${lang}`);
    await page.getByTestId('bell').waitFor();
    return page;
  }

  const overflow = (page: Page) =>
    page
      .locator('html')
      .evaluate(
        (html: { scrollWidth: number; clientWidth: number }) => html.scrollWidth - html.clientWidth,
      );

  test("an officer of a late province: the bell's count, the reminder, marking it read, e-mail off", async () => {
    const page = await signIn('officer.hcmc@demo.dxmon.org', 1280);
    const bell = page.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    assert.equal(await page.getByTestId('bell-count').innerText(), '1');
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.waitFor();
    const item = panel.getByTestId('notification');
    assert.equal(await item.count(), 1);
    const text = await item.innerText();
    assert.match(text, /2026 was due on 15 Nov 2026: Ho Chi Minh City not submitted yet\./);
    assert.equal(
      await item.getByRole('link').getAttribute('href'),
      '/entry?dataset=dti-province&period=2026&unit=VN25-79&lang=en',
    );
    const email = panel.getByRole('switch', { name: 'Also send them to me by e-mail' });
    // Enabled once the preferences are read.
    await page.locator('input[data-testid="email-switch"]:not([disabled])').waitFor();
    assert.equal(await email.isChecked(), true);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'notifications-en-1280.png') });

    await item.getByRole('button', { name: 'Mark read' }).click();
    await page.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
    assert.equal(await page.getByTestId('bell-count').count(), 0);
    assert.equal(await item.getAttribute('data-unread'), 'false');

    // E-mail off, kept after a reload.
    // Listening before the click: the answer can come back before a later wait would start.
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/preferences') && r.request().method() === 'PUT' && r.ok(),
    );
    await email.click({ force: true });
    await saved;
    await page.reload();
    await page.getByRole('button', { name: 'Notifications, none unread' }).click();
    const again = page.getByRole('switch', { name: 'Also send them to me by e-mail' });
    await page.locator('input[data-testid="email-switch"]:not([disabled])').waitFor();
    assert.equal(await again.isChecked(), false);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('the ministry approver on a phone, in Arabic: notices waiting, all marked read', async () => {
    const page = await signIn('approver@demo.dxmon.org', 390, 'ar');
    // Five demo submissions wait for the ministry (the nine of the replayed round are approved).
    const bell = page.getByRole('button', { name: 'الإشعارات، 5 إشعارات غير مقروءة' });
    await bell.waitFor();
    assert.equal(await page.getByTestId('bell-count').innerText(), '5');
    assert.ok(await bell.isVisible(), 'the bell is in the header on the phone');
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'الإشعارات' });
    await panel.waitFor();
    // The five waiting, newest first; the replayed round's older notices are settled (read).
    const unread = panel.locator('[data-testid="notification"][data-unread="true"]');
    assert.equal(await unread.count(), 5);
    assert.match(await unread.first().innerText(), /بانتظار موافقتك/);
    const box = await panel.boundingBox();
    assert.ok(
      box && box.x >= 0 && box.x + box.width <= 390,
      `the panel fits: ${JSON.stringify(box)}`,
    );
    assert.ok((await overflow(page)) <= 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'notifications-ar-390.png') });

    await panel.getByRole('button', { name: 'تعليم الكل كمقروء' }).click();
    await page.getByRole('button', { name: 'الإشعارات، لا شيء غير مقروء' }).waitFor();
    assert.equal(await unread.count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
