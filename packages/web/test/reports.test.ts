// Reports in the web app: from a profile and a plan to the report page (the API's HTML document in
// a frame, in the reader's language and direction), its PDF download, and an analyst's batch of
// every province's reports with its progress and ZIP. Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

describe('reports', () => {
  let app: WebApp | undefined;
  before(async () => {
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const { browser, base } = app as WebApp;
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    (page as Page & { errors?: string[] }).errors = errors;
    return page;
  }

  /** The report's document, once the frame has loaded it. */
  async function reportFrame(page: Page): Promise<Frame> {
    const element = page.getByTestId('report-frame');
    await element.waitFor({ timeout: 60_000 });
    const frame = await (await element.elementHandle())?.contentFrame();
    assert.ok(frame, 'the report frame has a document');
    await frame.waitForLoadState();
    return frame;
  }

  test('from Tuyên Quang’s profile to its Vietnamese report: rank 48 of 63 in 2022, printable, PDF to download', async () => {
    const page = await open('/units/VN-08?framework=dti-province&period=2022&lang=vi');
    const links = page.getByTestId('report-links');
    await links.waitFor();
    await links.getByRole('link', { name: 'Mở' }).click();
    await page.waitForURL(/\/reports\/unit\/VN-08\?/);
    const frame = await reportFrame(page);
    assert.equal(await frame.locator('html').getAttribute('lang'), 'vi');
    const text = (await frame.locator('body').innerText()).replace(/\s+/g, ' ');
    assert.match(text, /Tuyên Quang/);
    assert.match(text, /48/);
    assert.match(text, /63/);
    // Charts are vector drawings inside the document.
    assert.ok((await frame.locator('svg').count()) > 0, 'the report has SVG charts');
    await page.getByTestId('report-print').waitFor();
    assert.ok(await page.getByTestId('report-print').isEnabled());
    await page.screenshot({ path: join(shots, 'report-vi-1280.png'), fullPage: false });

    // The PDF button's address gives a PDF document.
    const href = await page
      .getByTestId('report-toolbar')
      .getByRole('link', { name: 'Tải PDF' })
      .getAttribute('href');
    assert.ok(href);
    const pdf = await fetch((app as WebApp).base + href);
    assert.equal(pdf.status, 200);
    assert.match(pdf.headers.get('content-type') ?? '', /application\/pdf/);
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('a plan’s Arabic report reads right to left, and fits a 390 px phone', async () => {
    const page = await open('/plans/48-NQ%2FTU?lang=ar', 390);
    await page.getByTestId('report-links').getByRole('link', { name: 'فتح' }).click();
    await page.waitForURL(/\/reports\/plan\//);
    const frame = await reportFrame(page);
    assert.equal(await frame.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await frame.locator('html').getAttribute('lang'), 'ar');
    // Nothing of the page scrolls sideways on the phone.
    const overflow = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
          .document.documentElement.scrollWidth,
    );
    assert.ok(overflow <= 390, `the page is ${overflow} px wide on a 390 px screen`);
    await page.screenshot({ path: join(shots, 'report-ar-390.png'), fullPage: false });
    await page.close();
  });

  test('the report page passes axe-core’s WCAG 2.1 AA checks, its document included', async () => {
    const { browser, base } = app as WebApp;
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/reports/unit/VN-08?framework=dti-province&period=2022&lang=en`);
    await reportFrame(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('an analyst makes every province’s report for 2022 at once and downloads the ZIP', async () => {
    const page = await open('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').first().waitFor();
    await page.goto(`${(app as WebApp).base}/reports`);
    await page.getByTestId('batch-start').waitFor();
    await page.getByRole('combobox', { name: 'Period' }).selectOption('2022');
    await page.getByRole('combobox', { name: 'Format' }).selectOption('xlsx');
    await page.getByTestId('batch-start').click();
    const row = page.getByTestId('batch-row').first();
    await row.waitFor({ timeout: 60_000 });
    // Progress shows while it runs; the ZIP link when done.
    await row.getByTestId('batch-zip').waitFor({ timeout: 120_000 });
    assert.match((await row.innerText()).replace(/\s+/g, ' '), /63 of 63/);
    await page.screenshot({ path: join(shots, 'reports-batch.png'), fullPage: true });
    const href = await row.getByTestId('batch-zip').getAttribute('href');
    const cookies = await page.context().cookies();
    const zip = await fetch((app as WebApp).base + href, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    assert.equal(zip.status, 200);
    assert.equal(
      Buffer.from(await zip.arrayBuffer())
        .subarray(0, 2)
        .toString(),
      'PK',
    );
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });
});
