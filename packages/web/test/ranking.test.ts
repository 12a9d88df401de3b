// The ranking at national commune scale, in Debian's Chromium on `dxmon serve --demo`: the search
// by name in Vietnamese without its diacritics on the demo's 34 provinces, and a ranking of 3,321
// communes (the API's answer replaced in the browser by a generated one of that size) that draws
// only the rows in view, scrolls to its last row and keeps its table semantics for axe-core.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

const communes = 3321;

/** A page condition (evaluated in the browser): the ranking's body holds `n` rows. */
const rowsDrawn = (n: number) =>
  `document.querySelectorAll('[data-testid="ranking"] tbody tr').length === ${n}`;

/** A results answer for 3,321 communes: three of them named after Ninh Bình, one per script. */
function communeResults(template: { framework: unknown; nodes: { code: string }[] }) {
  const named = new Map([
    [17, 'Ninh Bình'],
    [1204, 'Ninh Hòa'],
    [3300, 'Bình Ninh Bình'],
  ]);
  const items = Array.from({ length: communes }, (_, i) => {
    const vi = named.get(i) ?? `Xã Số ${i + 1}`;
    const score = Math.round((90 - (i / communes) * 80) * 10) / 10;
    return {
      unit: `C-${String(i + 1).padStart(4, '0')}`,
      names: { en: `Commune ${i + 1}`, vi, ar: `البلدية ${i + 1}` },
      region: null,
      score,
      rank: i + 1,
      rank_change: null,
      nodes: Object.fromEntries(template.nodes.map((n) => [n.code, { score, rank: i + 1 }])),
    };
  });
  return { ...template, derived: false, total: communes, offset: 0, limit: null, items };
}

describe('the ranking at scale', () => {
  let app: WebApp | undefined;
  let browser: Browser | undefined;
  let base = '';

  before(async () => {
    app = await startWebApp();
    ({ base, browser } = app);
  });

  after(async () => {
    await app?.close();
  });

  async function open(path: string, width = 1280): Promise<Page> {
    const page = await (browser as Browser).newPage({
      viewport: { width, height: 900 },
      bypassCSP: true,
    });
    await page.goto(base + path);
    return page;
  }

  test('"ninh binh" finds Ninh Bình in Vietnamese; the search stays in the address', async () => {
    const page = await open('/?lang=vi');
    const rows = page.getByTestId('ranking').locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 34, 'the 34 provinces before the search');
    await page.getByLabel('Tìm đơn vị').fill('ninh binh');
    await page.waitForFunction(rowsDrawn(1));
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().innerText(), /Ninh Bình/);
    assert.match(page.url(), /q=ninh(\+|%20)binh/);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'ranking-search-vi.png') });
    // From the address, in Arabic, by the Arabic name's absence: the English and Vietnamese count.
    await page.goto(`${base}/?lang=ar&q=${encodeURIComponent('NINH BÌNH')}`);
    await page.waitForFunction(rowsDrawn(1));
    await page.close();
  });

  test('3,321 communes: only the rows in view are drawn, the last is reached by scrolling, search finds three', async () => {
    const page = await open('/?lang=vi');
    let template: { framework: unknown; nodes: { code: string }[] } | undefined;
    await page.route(/\/api\/results\?/, async (route) => {
      const response = await route.fetch();
      template ??= await response.json();
      await route.fulfill({ response, json: communeResults(template as never) });
    });
    await page.reload();
    const table = page.getByTestId('ranking');
    await table.locator('tbody tr[aria-rowindex]').first().waitFor();
    assert.equal(await table.getAttribute('aria-rowcount'), String(communes + 1));
    const drawn = await table.locator('tbody tr[aria-rowindex]').count();
    assert.ok(drawn > 10 && drawn < 80, `${drawn} rows drawn of ${communes}`);
    assert.equal((await page.getByText(/3\.321/).count()) > 0, true, 'the count in Vietnamese');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: join(shots, 'ranking-3321-top.png') });

    // To the end of the page: the last commune is drawn, with its place among all the rows.
    for (let i = 0; i < 4; i++) {
      await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
      await page.waitForTimeout(150);
    }
    const last = table.locator(`tbody tr[aria-rowindex="${communes + 1}"]`);
    await last.waitFor();
    assert.match(await last.innerText(), /Xã Số 3321/);
    assert.ok((await table.locator('tbody tr[aria-rowindex]').count()) < 80);
    await page.screenshot({ path: join(shots, 'ranking-3321-end.png') });

    // Stripes follow the row's place in the whole ranking, wherever the window starts.
    const stripes = (await page.evaluate(
      `[...document.querySelectorAll('[data-testid=ranking] tbody tr[aria-rowindex]')].map((r) =>
         [Number(r.getAttribute('aria-rowindex')), getComputedStyle(r).backgroundColor])`,
    )) as [number, string][];
    const colourOf = new Map<number, string>();
    for (const [index, colour] of stripes) colourOf.set(Number(index) % 2, String(colour));
    for (const [index, colour] of stripes) assert.equal(colour, colourOf.get(Number(index) % 2));
    assert.notEqual(colourOf.get(0), colourOf.get(1));

    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByLabel('Tìm đơn vị').fill('ninh binh');
    await page.waitForFunction(rowsDrawn(2));
    const found = await table.locator('tbody tr').allInnerTexts();
    assert.ok(found.some((t) => /\bNinh Bình\b/.test(t)));
    assert.ok(found.some((t) => /Bình Ninh Bình/.test(t)));
    assert.equal(await table.getAttribute('aria-rowcount'), null, 'two rows are drawn whole');
    await page.close();
  });
});
