// Every public page, in English, Vietnamese and Arabic, as an anonymous visitor: the browser's
// console stays empty (no error, no warning), no script fails and every request succeeds.
// A 401 from asking who is signed in used to show on every page.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { shots, startWebApp, type WebApp } from './support.js';

/** The pages anyone may open, each with what shows once it has loaded. */
const publicPages: { name: string; path: string; loaded: (page: Page) => Promise<void> }[] = [
  {
    name: 'ranking',
    path: '/?period=2022',
    loaded: (page) => page.getByTestId('ranking').locator('tbody tr').first().waitFor(),
  },
  {
    name: 'ranking-34',
    path: '/?period=2025&view=34',
    loaded: (page) => page.getByTestId('ranking').locator('tbody tr').first().waitFor(),
  },
  {
    name: 'profile',
    path: '/units/VN-08?framework=dti-province&period=2022',
    loaded: (page) => page.getByTestId('profile-nodes').waitFor(),
  },
  {
    name: 'plans',
    path: '/plans',
    loaded: (page) => page.getByTestId('plan-48-NQ/TU').waitFor(),
  },
  {
    name: 'plan',
    path: '/plans/48-NQ%2FTU',
    loaded: (page) => page.getByTestId('targets-table').waitFor(),
  },
  {
    name: 'criteria',
    path: '/criteria?period=2023',
    loaded: (page) => page.getByTestId('criteria-units').waitFor(),
  },
  {
    name: 'sign-in',
    path: '/sign-in',
    loaded: (page) => page.locator('input[type=password]').waitFor(),
  },
  {
    name: 'entry',
    path: '/entry',
    // Sends an anonymous visitor to sign in first.
    loaded: (page) => page.locator('input[type=password]').waitFor(),
  },
];

describe('the public pages keep the console empty', () => {
  let app: WebApp | undefined;
  before(async () => {
    app = await startWebApp();
  });
  after(async () => {
    await app?.close();
  });

  for (const language of ['en', 'vi', 'ar']) {
    test(`every public page in ${language}`, async () => {
      const { browser, base } = app as WebApp;
      const found: string[] = [];
      for (const { name, path, loaded } of publicPages) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        const heard = (what: string) => found.push(`${name} (${language}): ${what}`);
        page.on('console', (m) => heard(`console ${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => heard(`page error: ${e.message}`));
        page.on('requestfailed', (r) => {
          // A request the app cancels itself (a query of a page left, as /entry sends an
          // anonymous visitor to sign in) is not a failure.
          const reason = r.failure()?.errorText;
          if (reason !== 'net::ERR_ABORTED') heard(`failed: ${r.url()} ${reason}`);
        });
        page.on('response', (r) => {
          if (r.status() >= 400) heard(`${r.status()} from ${r.url()}`);
        });
        const url = `${base}${path}${path.includes('?') ? '&' : '?'}lang=${language}`;
        await page.goto(url);
        await loaded(page);
        // Charts and the map load after the page: wait until no loader spins and every chart
        // has drawn, then until every request has ended.
        await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
        await page.locator('div[role=img][dir=ltr]:not(:has(svg))').first().waitFor({
          state: 'detached',
        });
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: join(shots, `console-${name}-${language}.png`) });
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }
});
