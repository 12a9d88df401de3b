// Every name a reader sees in their language: on the Vietnamese and Arabic pages (the ranking,
// the 34-province ranking, profiles, plans, a plan, the criteria, the entry form), no English name
// of a framework, node, data element, criteria model, criterion, plan, target, region or unit
// shows where that thing has a name in the page's language; the ranking's column headers are the
// pillars' short names, with the code and full name in their tooltip.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { shots, startWebApp, type WebApp } from './support.js';

type InLanguages = { en: string | null; vi: string | null; ar: string | null };
interface Named {
  what: string;
  names: InLanguages;
}

const pages: { name: string; path: string; loaded: (page: Page) => Promise<unknown> }[] = [
  {
    name: 'ranking',
    path: '/?period=2024',
    loaded: (page) => page.getByTestId('ranking').locator('tbody tr').first().waitFor(),
  },
  {
    name: 'ranking-34',
    path: '/?period=2025&view=34',
    loaded: (page) => page.getByTestId('ranking').locator('tbody tr').first().waitFor(),
  },
  {
    name: 'profile',
    path: '/units/VN-08?framework=dti-province&period=2024',
    loaded: (page) => page.getByTestId('what-lifts').waitFor(),
  },
  {
    name: 'profile-merged',
    path: '/units/VN25-79?framework=dti-province&period=2025',
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
];

describe('names in the reader’s language', () => {
  let app: WebApp | undefined;
  let named: Named[] = [];
  before(async () => {
    app = await startWebApp();
    const things = (await (await fetch(`${app.base}/api/names`)).json()) as {
      items: { kind: string; key: string; names: InLanguages }[];
    };
    const units = (await (await fetch(`${app.base}/api/units?limit=10000`)).json()) as {
      items: { code: string; names: InLanguages }[];
    };
    named = [
      ...things.items.map((t) => ({ what: `${t.kind} ${t.key}`, names: t.names })),
      ...units.items.map((u) => ({ what: `unit ${u.code}`, names: u.names })),
    ];
  });
  after(async () => {
    await app?.close();
  });

  /** English names that have another name in `language`, long enough not to occur by chance. */
  const englishOnly = (language: 'vi' | 'ar') =>
    named.flatMap(({ what, names }) => {
      const local = names[language];
      const english = names.en;
      if (!english || !local || local === english || english.length < 6) return [];
      return [{ what, english }];
    });

  const visit = async (
    path: string,
    language: string,
    loaded: (page: Page) => Promise<unknown>,
  ) => {
    const { browser, base } = app as WebApp;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
    await loaded(page);
    await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached' });
    await page.waitForLoadState('networkidle');
    return page;
  };

  for (const language of ['vi', 'ar'] as const) {
    test(`no English name shows on the ${language} pages where a ${language} name exists`, async () => {
      assert.ok(englishOnly(language).length > 150, 'the demo names most things in this language');
      const found: string[] = [];
      for (const { name, path, loaded } of pages) {
        const page = await visit(path, language, loaded);
        const text = await page.locator('body').innerText();
        for (const { what, english } of englishOnly(language))
          if (text.includes(english)) found.push(`${name}: "${english}" (${what})`);
        await page.screenshot({ path: join(shots, `names-${name}-${language}.png`) });
        await page.close();
      }
      assert.deepEqual(found, []);
    });
  }

  test('the ranking’s columns are the pillars’ short names, the code and full name in the tooltip', async () => {
    const names = (await (await fetch(`${(app as WebApp).base}/api/names?kind=node`)).json()) as {
      items: { key: string; names: InLanguages; short: InLanguages }[];
    };
    const gov = names.items.find((n) => n.key === 'dti-province/GOV');
    assert.ok(gov?.short.vi && gov.names.vi);
    const page = await visit('/?period=2024', 'vi', (p) =>
      p.getByTestId('ranking').locator('tbody tr').first().waitFor(),
    );
    const header = page.getByTestId('ranking').locator('th', { hasText: gov.short.vi });
    assert.equal(await header.count(), 1);
    assert.equal(await header.getAttribute('title'), `GOV: ${gov.names.vi}`);
    const headers = await page.getByTestId('ranking').locator('thead th').allInnerTexts();
    for (const code of ['AWR', 'INS', 'INF', 'HRS', 'SEC', 'GOV', 'ECO', 'SOC'])
      assert.ok(!headers.includes(code), `the column ${code} shows a name, not its code`);
    await page.close();
  });

  test('an admin renames a pillar in Vietnamese; the ranking’s column shows it', async () => {
    const { browser, base } = app as WebApp;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${base}/admin?tab=names`);
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('names-table').waitFor();
    await page.getByTestId('names-kind').selectOption('node');
    const short = page.getByRole('textbox', { name: 'Short (vi): dti-province/ECO', exact: true });
    await short.fill('KT số');
    await page.getByTestId('names-save').click();
    await page.getByTestId('names-message').filter({ hasText: '1 name changed' }).waitFor();
    await page.screenshot({ path: join(shots, 'names-admin.png') });
    await page.goto(`${base}/?period=2024&lang=vi`);
    const header = page.getByTestId('ranking').locator('thead th', { hasText: 'KT số' });
    await header.waitFor();
    assert.match((await header.getAttribute('title')) ?? '', /^ECO: /);
    await page.close();
  });

  test('the entry form names the data elements in Vietnamese', async () => {
    const { browser, base } = app as WebApp;
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(`${base}/entry?period=2024&unit=VN-37&dataset=dti-province&lang=vi`);
    await page.locator('input[type=email]').fill('officer.ninhbinh@demo.dxmon.org');
    await page.locator('input[type=password]').fill('dxmon-demo-2026');
    await page.locator('button[type=submit]').click();
    await page.getByTestId('entry-grid').waitFor();
    await page.waitForLoadState('networkidle');
    const text = await page.getByTestId('entry-grid').innerText();
    const found = englishOnly('vi')
      .filter(({ english }) => text.includes(english))
      .map((x) => x.what);
    assert.deepEqual(found, []);
    await page.screenshot({ path: join(shots, 'names-entry-vi.png') });
    await page.close();
  });
});
