// The layout on a phone (390 px wide) and a laptop (1280 px), in English, Vietnamese and Arabic
// (right to left): every control and chart of every page lies within the screen (or within a
// table's scroll area that does), nothing scrolls sideways, the phone's menu reaches every page
// and the language selector, and the ranking shows all its columns at 1280 px. Screenshots go to
// a temporary folder, named in the test's output.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { startWebApp, type WebApp } from './support.js';

const probe = readFileSync(new URL('./layoutProbe.js', import.meta.url), 'utf8');
const shots = join(tmpdir(), 'dxmon-responsive');
const phone = { width: 390, height: 844 };
const laptop = { width: 1280, height: 800 };
const languages = ['en', 'vi', 'ar'] as const;
type Language = (typeof languages)[number];

interface Probe {
  pageWidth: number;
  outside: string[];
  controls: number;
  charts: number;
}

/** Each page with what shows once it has loaded; `signedIn` pages are opened as the admin. */
const pages: { name: string; path: string; ready: string; signedIn?: boolean }[] = [
  { name: 'ranking', path: '/?period=2022', ready: 'map' },
  { name: 'ranking-34', path: '/?period=2025', ready: 'ranking' },
  {
    name: 'profile',
    path: '/units/VN-08?framework=dti-province&period=2022',
    ready: 'what-lifts',
  },
  {
    name: 'profile-merged',
    path: '/units/VN25-79?framework=dti-province&period=2025',
    ready: 'profile-nodes',
  },
  { name: 'plans', path: '/plans', ready: 'plan-NB-DX-2025' },
  { name: 'plan', path: '/plans/NB-DX-2025', ready: 'targets-table' },
  { name: 'criteria', path: '/criteria?period=2023', ready: 'map' },
  { name: 'sign-in', path: '/sign-in', ready: 'input[type=password]' },
  {
    name: 'entry',
    path: '/entry?dataset=dti-province&unit=VN-37&period=2024',
    ready: 'entry-grid',
    signedIn: true,
  },
  { name: 'approvals', path: '/approvals', ready: 'approval-queue', signedIn: true },
  { name: 'admin-weights', path: '/admin', ready: 'weights-tree', signedIn: true },
  { name: 'admin-units', path: '/admin?tab=units', ready: 'units-table', signedIn: true },
  { name: 'admin-plans', path: '/admin?tab=plans', ready: 'admin-targets', signedIn: true },
  { name: 'admin-users', path: '/admin?tab=users', ready: 'users-table', signedIn: true },
  { name: 'admin-names', path: '/admin?tab=names', ready: 'names-table', signedIn: true },
  { name: 'import', path: '/import', ready: 'check', signedIn: true },
  { name: 'reports', path: '/reports', ready: 'batch-start', signedIn: true },
  { name: 'dashboard', path: '/dashboard', ready: 'dashboard-tiles', signedIn: true },
];

const withLanguage = (path: string, language: Language) =>
  `${path}${path.includes('?') ? '&' : '?'}lang=${language}`;

describe('the layout on phones and laptops, left to right and right to left', () => {
  let app: WebApp | undefined;
  before(async () => {
    mkdirSync(shots, { recursive: true });
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  /** A browser context of that size, signed in as the admin when asked. */
  async function context(size: typeof phone, signedIn: boolean): Promise<BrowserContext> {
    const { browser, base } = app as WebApp;
    const made = await browser.newContext({ viewport: size });
    if (signedIn) {
      const page = await made.newPage();
      await signIn(page, base);
      await page.close();
    }
    return made;
  }

  /**
   * Opens a page, waits for what shows once it has loaded (a test id, or a CSS selector), for its
   * requests to end and its charts to be drawn, and measures it.
   */
  async function measure(page: Page, path: string, ready: string, width: number) {
    await page.goto((app as WebApp).base + path);
    const shown = /^[\w-]+$/.test(ready) ? page.getByTestId(ready) : page.locator(ready);
    await shown.first().waitFor();
    await page.waitForLoadState('networkidle');
    // Charts are drawn once their code has loaded, and redrawn when their box is resized.
    await page.waitForFunction(() => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): unknown[] } })
        .document;
      return d.querySelectorAll('div[role=img][dir=ltr]:not(:has(svg))').length === 0;
    });
    await page.waitForTimeout(300);
    return (await page.evaluate(`${probe}\nlayoutProbe(${width});`)) as Probe;
  }

  for (const size of [phone, laptop]) {
    for (const language of languages) {
      test(`${size.width} px in ${language}: every page's controls and charts lie within the screen, nothing scrolls sideways`, async (t) => {
        const anonymous = await context(size, false);
        const admin = await context(size, true);
        const problems: string[] = [];
        for (const { name, path, ready, signedIn } of pages) {
          const page = await (signedIn ? admin : anonymous).newPage();
          const found = await measure(page, withLanguage(path, language), ready, size.width);
          assert.ok(found.controls > 0, `${name}: controls found`);
          if (found.pageWidth > size.width)
            problems.push(`${name}: the page is ${found.pageWidth} px wide`);
          for (const o of found.outside) problems.push(`${name}: ${o}`);
          await page.screenshot({ path: join(shots, `${name}-${language}-${size.width}.png`) });
          await page.close();
        }
        t.diagnostic(`screenshots in ${shots}`);
        await anonymous.close();
        await admin.close();
        assert.deepEqual(problems, []);
      });
    }
  }

  for (const language of languages) {
    test(`390 px in ${language}: the menu opens, reaches every page and keeps the language selector at hand`, async () => {
      // Signed in on this page: a tab keeps its own session's token, needed to sign out.
      const made = await context(phone, false);
      const page = await made.newPage();
      const heard: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') heard.push(m.text());
      });
      page.on('pageerror', (e) => heard.push(e.message));
      await signIn(page, (app as WebApp).base);
      await measure(page, withLanguage('/?period=2022', language), 'ranking', phone.width);
      const menu = page.getByTestId('menu');
      const toggle = page.getByTestId('menu-toggle');
      // Each link of the menu, the page it opens and what shows there once it has loaded.
      const destinations = [
        ['nav-plans', '/plans', 'plan-NB-DX-2025'],
        ['nav-criteria', '/criteria', 'criteria-summary'],
        ['nav-entry', '/entry', 'entry-dataset'],
        ['nav-approvals', '/approvals', 'approval-queue'],
        ['nav-import', '/import', 'check'],
        ['nav-admin', '/admin', 'weights-tree'],
        ['nav-ranking', '/', 'ranking'],
      ] as const;
      for (const [link, pathname, ready] of destinations) {
        assert.equal(await menu.isVisible(), false, 'the menu is closed');
        await toggle.click();
        await menu.waitFor();
        const target = menu.getByTestId(link);
        const box = await settledBox(target);
        assert.ok(box && box.x >= 0 && box.x + box.width <= phone.width, `${link} on the screen`);
        await target.click();
        await page.waitForURL((url) => url.pathname === pathname);
        assert.match(page.url(), new RegExp(`lang=${language}`), 'the language is kept');
        await page.getByTestId(ready).first().waitFor();
        await menu.waitFor({ state: 'hidden' });
      }
      // With the menu open the language selector is on the screen, and switching works.
      await toggle.click();
      await menu.waitFor();
      const selector = page.getByTestId('language');
      const box = await settledBox(selector);
      assert.ok(
        box && box.x >= 0 && box.x + box.width <= phone.width,
        `the language selector is on the screen (${JSON.stringify(box)})`,
      );
      await page.screenshot({ path: join(shots, `menu-${language}-390.png`) });
      const other = language === 'ar' ? 'en' : 'ar';
      await selector.selectOption(other);
      await page.waitForFunction(
        (lang) =>
          (globalThis as unknown as { document: { documentElement: { lang: string } } }).document
            .documentElement.lang === lang,
        other,
      );
      // Signing out is in the menu too.
      if (!(await menu.isVisible())) await toggle.click();
      await menu.getByTestId('sign-out').click();
      await page.getByTestId('signed-in').first().waitFor({ state: 'detached' });
      await page.waitForURL((url) => url.pathname === '/');
      assert.deepEqual(heard, [], 'nothing on the console');
      await made.close();
    });
  }

  test('1280 px: the ranking shows every column, the region included, without scrolling sideways', async () => {
    const made = await context(laptop, false);
    for (const language of languages) {
      const page = await made.newPage();
      await measure(page, withLanguage('/?period=2022', language), 'ranking', laptop.width);
      const table = page.getByTestId('ranking');
      const area = await scrollArea(table, 'start');
      assert.ok(area.fits, `${language}: the ranking fits its column (${JSON.stringify(area)})`);
      // The region is the last column.
      const region = await table.locator('thead th').last().boundingBox();
      assert.ok(
        region && region.x >= 0 && region.x + region.width <= laptop.width,
        `${language}: the region column is on the screen (${JSON.stringify(region)})`,
      );
      await page.close();
    }
    await made.close();
  });

  test('390 px: the unit and score stay in view while the ranking scrolls sideways', async () => {
    const made = await context(phone, false);
    for (const language of languages) {
      const page = await made.newPage();
      await measure(page, withLanguage('/?period=2022', language), 'ranking', phone.width);
      const table = page.getByTestId('ranking');
      const area = await scrollArea(table, 'end');
      assert.ok(!area.fits, `${language}: the ranking scrolls on a phone`);
      await page.waitForTimeout(200);
      // The unit and its score (the third and fourth columns) stay in view, and the region at the
      // far end shows beside them, not under them.
      const row = table.locator('tbody tr').first();
      type Span = { x: number; width: number };
      const boxes: Partial<Record<'unit' | 'score' | 'region', Span>> = {};
      for (const [column, cell] of [
        ['unit', row.locator('td').nth(2)],
        ['score', row.locator('td').nth(3)],
        ['region', row.locator('td').last()],
      ] as const) {
        const box = await cell.boundingBox();
        assert.ok(
          box && box.x >= area.left - 1 && box.x + box.width <= area.right + 1,
          `${language}: the ${column} is in view (${JSON.stringify(box)} in ${JSON.stringify(area)})`,
        );
        boxes[column] = box;
      }
      const { unit, score, region } = boxes as Record<'unit' | 'score' | 'region', Span>;
      const pinnedFrom = Math.min(unit.x, score.x);
      const pinnedTo = Math.max(unit.x + unit.width, score.x + score.width);
      assert.ok(
        region.x >= pinnedTo - 1 || region.x + region.width <= pinnedFrom + 1,
        `${language}: the region is not under the unit and score (${JSON.stringify(boxes)})`,
      );
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, `ranking-scrolled-${language}-390.png`) });
      await page.close();
    }
    await made.close();
  });
});

/** Signs in as the demo's admin through the sign-in page. */
async function signIn(page: Page, base: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.dxmon.org');
  await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Where `target` is once it stands still (the menu slides in). */
async function settledBox(target: Locator) {
  let last = await target.boundingBox();
  for (let i = 0; i < 30; i++) {
    await target.page().waitForTimeout(100);
    const box = await target.boundingBox();
    if (box && last && box.x === last.x && box.width === last.width) return box;
    last = box;
  }
  return last;
}

/**
 * The box that scrolls `inner` sideways: its edges on the screen and whether its content fits
 * without scrolling; scrolled first to the start or to the end of a row (the left in Arabic).
 */
async function scrollArea(inner: Locator, to: 'start' | 'end') {
  return inner.evaluate((el: unknown, end: boolean) => {
    type Box = {
      parentElement: Box | null;
      scrollWidth: number;
      clientWidth: number;
      scrollLeft: number;
      getBoundingClientRect(): { left: number; right: number };
    };
    const style = (
      globalThis as unknown as {
        getComputedStyle(e: Box): { overflowX: string; direction: string };
      }
    ).getComputedStyle;
    let box = (el as Box).parentElement;
    while (box && !['auto', 'scroll'].includes(style(box).overflowX)) box = box.parentElement;
    if (!box) return { fits: true, left: 0, right: 0 };
    // Right-to-left boxes scroll to negative offsets.
    if (end) box.scrollLeft = style(box).direction === 'rtl' ? -box.scrollWidth : box.scrollWidth;
    const { left, right } = box.getBoundingClientRect();
    return { fits: box.scrollWidth <= box.clientWidth, left, right };
  }, to === 'end');
}
