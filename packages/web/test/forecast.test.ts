// Forecasts where users see them: Tuyen Quang's 20% digital-economy target (plan 48-NQ/TU) with
// the probability in words beside Open SDG's status and a fan chart, in Vietnamese; the profile's
// next period in Arabic; a target with too little data in English. Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

describe('forecasts', () => {
  let app: WebApp | undefined;
  before(async () => {
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  async function open(path: string, width = 1280): Promise<Page & { errors: string[] }> {
    const { browser, base } = app as WebApp;
    const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    return Object.assign(page, { errors });
  }

  /** The chart's SVG paths, once drawn, and the opacities of their fills (the bands). */
  async function drawn(chart: Locator): Promise<{ paths: number; fillOpacities: number[] }> {
    // The bands are filled areas, drawn once the chart's parts have loaded.
    await chart
      .locator('svg path[fill-opacity]')
      .first()
      .waitFor({ state: 'attached', timeout: 20_000 });
    return chart.evaluate((el) => {
      type Path = { getAttribute(name: string): string | null };
      const box = el as unknown as { querySelectorAll(s: string): Iterable<Path> };
      const paths = [...box.querySelectorAll('svg path')];
      return {
        paths: paths.length,
        fillOpacities: paths
          .map((p) => Number(p.getAttribute('fill-opacity') ?? 'NaN'))
          .filter((x) => Number.isFinite(x)),
      };
    });
  }

  async function overflow(page: Page): Promise<number> {
    return page
      .locator('html')
      .evaluate(
        (html: { scrollWidth: number; clientWidth: number }) => html.scrollWidth - html.clientWidth,
      );
  }

  test("Tuyên Quang's 20% by 2025 in Vietnamese: the probability beside Open SDG's status, a fan chart", async () => {
    const page = await open('/plans/48-NQ%2FTU?lang=vi');
    const card = page.getByTestId('target-TQ-DE-2025');
    await card.waitFor({ timeout: 30_000 });
    const probability = await card.getByTestId('probability-TQ-DE-2025').innerText();
    // 6.69% in 2024 against 20% in 2025: the chance is tiny, said as "under 1%", in Vietnamese.
    assert.match(probability, /^Khả năng đạt 20\s?% vào 2025: dưới 1\s?%$/u);
    const beside = await card.getByTestId('forecast-TQ-DE-2025').innerText();
    assert.match(beside, /Trạng thái theo Open SDG:\s*Chậm tiến độ/iu);
    const fan = await drawn(card.getByTestId('fan-TQ-DE-2025'));
    assert.ok(fan.paths >= 6, `${fan.paths} paths`);
    // Two bands as filled areas, the 95% one lighter than the 80% one.
    assert.ok(
      fan.fillOpacities.includes(0.14) && fan.fillOpacities.includes(0.32),
      `fills ${fan.fillOpacities}`,
    );
    // The 2030 target of the same series: its fan reaches 2030 on the axis.
    assert.match(await page.getByTestId('fan-TQ-DE-2030').innerText(), /2030/);
    // The plan's table gives the chance too, and no number is NaN anywhere.
    assert.match(await page.getByTestId('targets-table').innerText(), /<1\s?%/u);
    assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined/);
    assert.deepEqual(await axeViolations(page), []);
    await card.screenshot({ path: join(shots, 'forecast-target-vi.png') });
    await page.screenshot({ path: join(shots, 'forecast-plan-vi-1280.png'), fullPage: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test('on a phone (390 px) in Vietnamese the cards with their fans fit', async () => {
    const page = await open('/plans/48-NQ%2FTU?lang=vi', 390);
    const card = page.getByTestId('target-TQ-DE-2025');
    await card.waitFor({ timeout: 30_000 });
    await drawn(card.getByTestId('fan-TQ-DE-2025'));
    assert.ok((await overflow(page)) <= 0, 'the page fits the phone');
    const box = await card.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `card ${JSON.stringify(box)}`);
    assert.deepEqual(await axeViolations(page), []);
    await card.screenshot({ path: join(shots, 'forecast-target-vi-390.png') });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  test("the profile in Arabic: next period's score with its intervals, the rank-change odds, a small fan", async () => {
    for (const width of [1280, 390]) {
      const page = await open('/units/VN-08?framework=dti-province&period=2024&lang=ar', width);
      const block = page.getByTestId('index-forecast');
      await block.waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
      const text = await block.innerText();
      assert.match(text, /الدرجة في 2025/u);
      assert.match(text, /نطاق 80%/u);
      assert.doesNotMatch(text, /NaN|undefined/);
      // Five bands whose chances add up to about 100% (each rounded to a whole percent).
      const cells = await page
        .getByTestId('rank-bands')
        .locator('tbody tr td:nth-child(2)')
        .allInnerTexts();
      assert.equal(cells.length, 5);
      const arabicDigits = (s: string) =>
        Number(s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660)).replace(/[^\d]/g, ''));
      const total = cells.map(arabicDigits).reduce((a, b) => a + b, 0);
      assert.ok(total >= 97 && total <= 103, `bands ${cells} sum to ${total}%`);
      const fan = await drawn(page.getByTestId('index-fan'));
      assert.ok(fan.paths >= 4);
      // The targets' cards on the profile carry their forecasts too.
      await page.getByTestId('probability-TQ-DE-2025').waitFor();
      assert.ok((await overflow(page)) <= 0, `fits at ${width} px`);
      assert.deepEqual(await axeViolations(page), []);
      await block.screenshot({ path: join(shots, `forecast-profile-ar-${width}.png`) });
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test('a target with too little data says so in words (Ho Chi Minh City, English)', async () => {
    const page = await open('/plans/HCM-DX-2030?lang=en');
    const reason = page.getByTestId('forecast-reason-HCM-DE');
    await reason.waitFor({ timeout: 30_000 });
    assert.equal(
      await reason.innerText(),
      'Too little data to forecast: 2 observations, and a forecast needs at least 3.',
    );
    assert.match(await page.getByTestId('forecast-HCM-DE').innerText(), /Open SDG status:/);
    assert.doesNotMatch(await page.locator('body').innerText(), /NaN|undefined/);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
