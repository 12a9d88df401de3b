// The web app in Debian's Chromium (playwright-core), served by `dxmon serve --demo` on the
// embedded database, as a user meets it. Each test saves a screenshot in test-results/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, shots, startWebApp, type WebApp } from './support.js';

describe('the web app', () => {
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

  async function open(path: string): Promise<Page> {
    const page = await (browser as Browser).newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + path);
    (page as Page & { errors?: string[] }).errors = errors;
    return page;
  }

  test('the ranking, then a province: Tuyen Quang was 48th of 63 in 2022, up 10 places', async () => {
    const page = await open('/?period=2022');
    const rows = page.getByTestId('ranking').locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 63);
    const tuyenQuang = page.getByRole('row').filter({ hasText: 'Tuyen Quang' });
    assert.equal(await tuyenQuang.locator('td').first().textContent(), '48');
    assert.match((await tuyenQuang.locator('td').nth(1).textContent()) ?? '', /▲\s*10/);
    await page.screenshot({ path: join(shots, 'overview.png') });

    await tuyenQuang.getByRole('link', { name: 'Tuyen Quang' }).click();
    await page.getByTestId('unit-name').waitFor();
    assert.equal(await page.getByTestId('unit-name').textContent(), 'Tuyen Quang');
    await page.getByText('Rank 48 of 63').waitFor();
    assert.match(page.url(), /\/units\/VN-08\?framework=dti-province&period=2022/);
    await page.screenshot({ path: join(shots, 'profile.png'), fullPage: true });
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('a profile says how certain the rank is, what moved it and what lifts the province most', async () => {
    const page = await open('/units/VN-08?framework=dti-province&period=2022');
    const interval = page.getByTestId('rank-interval');
    await interval.waitFor();
    // The words give the API's 5th to 95th percentile, and the published rank lies within them.
    type Interval = { unit: string; p05_rank: number; p95_rank: number };
    const api = (await (
      await fetch(`${base}/api/results/uncertainty?framework=dti-province&period=2022`)
    ).json()) as { items: Interval[] };
    const own = api.items.find((i) => i.unit === 'VN-08') as Interval;
    const words = (await interval.textContent()) ?? '';
    const [, low, high] = /between (\d+) and (\d+)/.exec(words) ?? [];
    assert.equal(Number(low), Math.round(own.p05_rank));
    assert.equal(Number(high), Math.round(own.p95_rank));
    assert.ok(Number(low) <= 48 && 48 <= Number(high), words);
    // 58th in 2021, 48th in 2022: the published rise of 10 places.
    assert.match((await page.getByTestId('rank-change').textContent()) ?? '', /Since 2021: up 10/);
    assert.match(
      (await page.getByTestId('gaps').textContent()) ?? '',
      /ranked 47, is [\d.]+ points/,
    );
    const lifts = page.getByTestId('what-lifts').locator('tbody tr');
    assert.equal(await lifts.count(), 5);
    const newRanks = await lifts.evaluateAll((rows) =>
      rows.map((r) => {
        const row = r as unknown as {
          querySelectorAll(s: string): { textContent: string | null }[];
        };
        return Number.parseInt(row.querySelectorAll('td')[5]?.textContent ?? '', 10);
      }),
    );
    assert.ok(
      newRanks.every((r) => r <= 48),
      `no suggestion loses places: ${newRanks}`,
    );
    assert.ok((newRanks[0] as number) < 48, 'the first suggestion gains a place');
    await page.getByTestId('what-lifts').screenshot({ path: join(shots, 'what-lifts.png') });
    // The profile's download: this province's scores and ranks, its index 48th.
    const href = await page
      .getByTestId('profile-downloads')
      .getByRole('link', { name: 'scores and ranks (CSV)' })
      .getAttribute('href');
    const csv = await (await fetch(base + href)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(lines[0], 'unit,code,period,score,rank');
    assert.ok(lines.slice(1).every((l) => l.startsWith('VN-08,')));
    assert.match(lines.find((l) => l.startsWith('VN-08,DTI,')) ?? '', /,48$/);
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('a province formed in 2025 is compared with its predecessors’ 2024, as its history shows', async () => {
    const page = await open('/units/VN25-79?framework=dti-province&period=2025');
    const change = page.getByTestId('rank-change');
    await change.waitFor();
    // History: 75.0 (4th of 34, from VN-74, VN-77 and VN-79) in 2024, 86.4 (4th) in 2025.
    assert.match((await change.textContent()) ?? '', /Since 2024: the same rank, \+11\.34 points/);
    assert.match(
      (await page.getByTestId('change-derived').textContent()) ?? '',
      /2024 is combined from .*VN-74, VN-77, VN-79/,
    );
    await page.locator('section[aria-labelledby=history]').screenshot({
      path: join(shots, 'profile-merged-change.png'),
    });
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('the map: hovering a province names it with its score and rank; a click opens its profile', async () => {
    const page = await open('/?period=2022&colour=ECO');
    const map = page.getByTestId('map');
    await map.locator('path').first().waitFor();
    assert.equal(await page.getByTestId('map-colour').inputValue(), 'ECO');
    const box = await map.boundingBox();
    assert.ok(box);
    // Move over the map until the pointer is on a province (the sea shows no tooltip).
    let name = '';
    for (let y = 0.1; y < 0.95 && !name; y += 0.05) {
      for (let x = 0.15; x < 0.9 && !name; x += 0.05) {
        await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
        const tip = map.locator('strong');
        if (await tip.count()) name = ((await tip.first().textContent()) ?? '').trim();
      }
    }
    assert.ok(name, 'a tooltip names a province');
    const tooltip = (await map.locator('strong').locator('..').textContent()) ?? '';
    assert.match(tooltip, /Digital economy: \d+\.\d/, 'the chosen pillar and its score');
    const rank = /Rank (\d+) of 63/.exec(tooltip)?.[1];
    assert.ok(rank, `a rank in "${tooltip}"`);
    await page.screenshot({ path: join(shots, 'overview-map.png') });
    await page.mouse.down();
    await page.mouse.up();
    await page.getByTestId('unit-name').waitFor();
    assert.equal(await page.getByTestId('unit-name').textContent(), name);
    assert.match(page.url(), /\/units\/VN-\d+\?framework=dti-province&period=2022/);
    // The profile lists the pillar with the rank the map showed.
    const eco = page
      .getByTestId('profile-nodes')
      .getByRole('row')
      .filter({ hasText: /^Digital economy/ });
    assert.equal(await eco.first().locator('td').nth(3).textContent(), rank);
    await page.screenshot({ path: join(shots, 'profile-from-map.png'), fullPage: true });
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('a region filter and the 34-province view are in the address', async () => {
    const page = await open('/?period=2024&region=Red+River+Delta');
    const rows = page.getByTestId('ranking').locator('tbody tr');
    await rows.first().waitFor();
    const count = await rows.count();
    assert.ok(count > 5 && count < 20, `${count} provinces in the Red River Delta`);
    await page.goto(`${base}/?period=2024&view=34`);
    await page.getByText(/each merged province has the mean/).waitFor();
    assert.equal(await page.getByTestId('ranking').locator('tbody tr').count(), 34);
    await page.screenshot({ path: join(shots, 'overview-34.png') });
    await page.close();
  });

  test('Arabic lays the page out right to left, translated, and stays in the address', async () => {
    const page = await open('/?period=2024');
    await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
    await page.getByTestId('language').selectOption('ar');
    await page.getByText('الترتيب').first().waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('html').getAttribute('lang'), 'ar');
    assert.match(page.url(), /lang=ar/);
    await page.screenshot({ path: join(shots, 'overview-ar.png') });
    await page.close();
  });

  test('an officer enters and submits a value; the ministry approves it; the public sees it', async () => {
    const signIn = async (page: Page, email: string) => {
      await page.getByRole('textbox', { name: 'Email' }).fill(email);
      await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('entry-grid').waitFor();
    };
    const page = await open('/entry?period=2024&unit=VN-37&dataset=dti-province');
    await signIn(page, 'officer.ninhbinh@demo.dxmon.org');
    assert.equal(await page.getByTestId('signed-in').textContent(), 'Ninh Binh data officer');
    const share = page.getByTestId('value-online_services_share');
    // Checked as typed: a word is flagged and cannot be saved.
    await share.fill('many');
    await page.getByText('Not a number').waitFor();
    assert.equal(await page.getByTestId('save').isDisabled(), true);
    await share.fill('99.5');
    await page.getByTestId('save').click();
    await page.getByText('1 value saved').waitFor();
    await page.getByTestId('submit').click();
    await page.getByText('Submitted for approval').waitFor();
    await page.getByTestId('workflow-state').filter({ hasText: 'Submitted' }).waitFor();
    assert.equal(await share.isDisabled(), true, 'submitted values are locked');
    await page.screenshot({ path: join(shots, 'entry-submitted.png'), fullPage: true });
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.goto(`${base}/entry?period=2024&unit=VN-37&dataset=dti-province`);
    await signIn(page, 'approver@demo.dxmon.org');
    await page.getByTestId('approve').click();
    await page.getByText('Approved: the values are locked and published').waitFor();
    await page.getByTestId('workflow-state').filter({ hasText: 'Approved (locked)' }).waitFor();
    await page.screenshot({ path: join(shots, 'entry-approved.png') });

    // The value's history: entered by the officer, 30.2 -> 99.5.
    await page.getByTestId('history-online_services_share').click();
    const history = page.getByTestId('value-history').locator('tbody tr');
    await history.first().waitFor();
    assert.match(
      (await history.last().textContent()) ?? '',
      /officer\.ninhbinh@demo\.dxmon\.org.*99\.5/,
    );
    await page.waitForTimeout(400); // the dialog's opening transition, for the screenshot
    await page.screenshot({ path: join(shots, 'entry-history.png') });
    await page.keyboard.press('Escape');

    // The approved value is now what the public sees.
    const data = (await (
      await fetch(`${base}/api/data?unit=VN-37&indicator=online_services_share&period=2024`)
    ).json()) as { items: { value: number }[] };
    assert.equal(data.items[0]?.value, 99.5);
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test("a province's officer fills in a commune's checklist (the commune model)", async () => {
    const page = await open('/entry?dataset=commune-dx-model&period=2023');
    await page.getByRole('textbox', { name: 'Email' }).fill('officer.ninhbinh@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The officer's province, then one of the communes below it.
    const below = page.getByTestId('entry-below');
    await below.waitFor();
    const communes = await below.locator('option').count();
    assert.equal(communes, 1 + 143, 'the province itself and its 143 communes');
    await below.selectOption({ label: 'Commune 007' });
    await page.waitForURL(/unit=VN-37-C007/);
    const grid = page.getByTestId('entry-grid');
    await grid.getByText('Commune e-portal in operation').waitFor();
    const files = page.getByTestId('value-c_online_files_share');
    await files.fill('71.5');
    await page.getByTestId('save').click();
    await page.getByText('1 value saved').waitFor();
    await page.screenshot({ path: join(shots, 'entry-commune.png') });
    // Saved for the commune as a draft: the public still sees the approved value.
    const data = (await (
      await fetch(`${base}/api/data?unit=VN-37-C007&indicator=c_online_files_share&period=2023`, {
        headers: {
          cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
        },
      })
    ).json()) as { items: { value: number; status: string }[] };
    assert.equal(data.items[0]?.value, 71.5);
    assert.equal(data.items[0]?.status, 'draft');
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test("Ninh Binh's officer is offered only the periods of VN-37, which ended on 30 June 2025", async () => {
    const page = await open('/entry');
    await page.getByRole('textbox', { name: 'Email' }).fill('officer.ninhbinh@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('entry-grid').waitFor();
    const period = page.getByTestId('entry-period');
    const offered = await period
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    assert.ok(!offered.includes('2026'), `2026 is not offered: ${offered}`);
    assert.equal(offered.at(-1), '2025');
    assert.ok(offered.includes('2024'));
    // It opens on the last period in which VN-37 existed, and says why later ones are missing.
    assert.equal(await period.inputValue(), '2025');
    assert.equal(await page.getByTestId('entry-unit').inputValue(), 'VN-37');
    assert.match((await page.getByTestId('entry-validity').textContent()) ?? '', /2008.*2025/);
    // Even asked for 2026 in the address, the page stays within VN-37's periods.
    await page.goto(`${base}/entry?dataset=dti-province&unit=VN-37&period=2026`);
    await page.getByTestId('entry-grid').waitFor();
    assert.equal(await page.getByTestId('entry-period').inputValue(), '2025');
    // Its communes are those of its last day, 30 June 2025.
    const below = page.getByTestId('entry-below');
    await below.waitFor();
    assert.equal(await below.locator('option').count(), 1 + 143);
    await page.screenshot({ path: join(shots, 'entry-validity.png') });
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('the import wizard: a bad row is shown with its line and reason; an outlier is a warning; the corrected file goes in', async () => {
    const page = await open('/import');
    await page.getByRole('textbox', { name: 'Email' }).fill('analyst@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('check').waitFor();
    const file = (body: string) => ({
      name: 'values.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(body),
    });
    const input = page.locator('input[type=file]');
    await input.setInputFiles(
      file(
        'unit,indicator,period,value\nVN-01,online_services_share,2024,91\nVN-02,online_services_share,2024,"12,5"\n',
      ),
    );
    await page.getByTestId('check').click();
    const problems = page.getByTestId('import-problems').locator('tbody tr');
    await problems.first().waitFor();
    assert.equal(await problems.count(), 1);
    assert.deepEqual(await problems.first().locator('td').allTextContents(), [
      '3',
      'value',
      '12,5',
      'not a number: use "." as the decimal mark',
    ]);
    assert.equal(await page.getByTestId('import').isDisabled(), true, 'nothing to confirm');
    await page.screenshot({ path: join(shots, 'import-refused.png') });

    await input.setInputFiles(
      file(
        'unit,indicator,period,value\nVN-01,online_services_share,2024,91\nVN-02,online_services_share,2024,12.5\n',
      ),
    );
    await page.getByTestId('check').click();
    await page.getByText('Nothing is written yet').waitFor();
    // 12.5% is far below the other provinces' online services and VN-02's own 2023 value: the
    // check warns, naming the row, and still lets the file in.
    const warnings = page.getByTestId('import-warnings').locator('tbody tr');
    // The element named in the reader's language once the names have come.
    await warnings.getByText('Public services provided fully online').first().waitFor();
    const warned = await warnings.allInnerTexts();
    assert.ok(
      warned.some((row) => /^3\s+VN-02\s/.test(row) && /Unusual among the other units/.test(row)),
      warned.join(' | '),
    );
    assert.ok(
      warned.some((row) => /^3\s+VN-02\s/.test(row) && /A jump from 2023: 12\.5 after/.test(row)),
      warned.join(' | '),
    );
    await page.screenshot({ path: join(shots, 'import-warnings.png') });
    await page.getByTestId('import').click();
    await page.getByText('Imported:').waitFor();
    await page.screenshot({ path: join(shots, 'import-applied.png') });
    const data = (await (
      await fetch(`${base}/api/data?unit=VN-02&indicator=online_services_share&period=2024`)
    ).json()) as { items: { value: number }[] };
    assert.equal(data.items[0]?.value, 12.5);
    await page.close();
  });

  test('plans show their scorecards and target charts; the commune model its share by province', async () => {
    const page = await open('/plans');
    const ninhBinh = page.getByTestId('plan-NB-DX-2025');
    await ninhBinh.waitFor();
    assert.match(
      (await ninhBinh.getByTestId('scorecard').textContent()) ?? '',
      /of 17 targets achieved/,
    );
    await ninhBinh.getByRole('link').click();
    await page.getByTestId('targets-table').waitFor();
    assert.equal(await page.getByTestId('targets-table').locator('tbody tr').count(), 17);
    await page.locator('[data-testid^=target-] svg').first().waitFor();
    await page.screenshot({ path: join(shots, 'plan.png'), fullPage: true });

    await page.goto(`${base}/criteria?period=2023`);
    await page.getByTestId('criteria-summary').waitFor();
    // Published: 92 of Ninh Bình's 143 communes met the model in 2023 (64.3%).
    assert.equal(
      await page.getByTestId('criteria-summary').textContent(),
      '92 of 143 units meet the model (64.3 %)',
    );
    await page.getByTestId('map').locator('path').first().waitFor();
    await page.screenshot({ path: join(shots, 'criteria.png') });
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('a share trending past 100% is projected at 100, and its card says so in every language', async () => {
    // Ho Chi Minh City's online files: 76.4% (2025) -> 86.4% (2026); the trend passes 100% by 2030.
    const expected = {
      en: /The trend would reach 141\.32; the projection stops at 100, the highest value/,
      vi: /Theo xu hướng sẽ đạt 141,32; dự báo dừng ở 100, giá trị cao nhất/,
      ar: /كان الاتجاه سيبلغ 141\.32؛ يتوقف الإسقاط عند 100، وهي أعلى قيمة/,
    };
    for (const [language, words] of Object.entries(expected)) {
      const page = await open(`/plans/HCM-DX-2030?lang=${language}`);
      const bound = page.getByTestId('projection-bound-HCM-FILES');
      await bound.waitFor();
      assert.match((await bound.textContent()) ?? '', words);
      // Only the target held by a bound says so.
      assert.equal(await page.locator('[data-testid^=projection-bound-]').count(), 1);
      await page.getByTestId('target-HCM-FILES').screenshot({
        path: join(shots, `target-bounded-${language}.png`),
      });
      assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
      await page.close();
    }
  });

  // Last: it saves a new version of the framework, which changes every later ranking.
  test('an admin previews new weights, sees ranks move, saves them, and the ranking follows', async () => {
    const page = await open('/sign-in');
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').waitFor();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByTestId('weight-GOV').waitFor();
    await page.getByLabel('Period').selectOption('2022');
    await page
      .getByTestId('moved')
      .filter({ hasText: /^0 units/ })
      .waitFor();
    await page.getByTestId('weight-GOV').fill('1');
    await page
      .getByTestId('moved')
      .filter({ hasText: /^[1-9]\d* units? changes? rank/ })
      .waitFor();
    const row = page
      .getByTestId('weights-preview')
      .getByRole('row')
      .filter({ hasText: 'Tuyen Quang' });
    const previewRank = (await row.locator('td').first().textContent()) ?? '';
    assert.match(previewRank, /^\d+$/);
    await page.screenshot({ path: join(shots, 'admin-weights.png') });
    await page.getByTestId('save-weights').click();
    await page.getByText('Saved: the rankings now use the new weights.').waitFor();

    await page.goto(`${base}/?period=2022`);
    const ranked = page.getByTestId('ranking').getByRole('row').filter({ hasText: 'Tuyen Quang' });
    await ranked.waitFor();
    assert.equal(await ranked.locator('td').first().textContent(), previewRank);
    await page.close();
  });

  test('an analyst adds a target to a plan, changes it and removes it; a bad one is refused', async () => {
    const page = await open('/admin?tab=plans');
    await page.getByRole('textbox', { name: 'Email' }).fill('analyst@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const rows = page.getByTestId('admin-targets').locator('tbody tr');
    // The first plan is Tuyen Quang's resolution; its 20% digital economy target is listed.
    await page.getByTestId('status-TQ-DE-2025').waitFor();
    const before = await rows.count();
    const row = page.getByTestId('target-new');
    const fill = async (label: string, value: string) =>
      row.getByRole('textbox', { name: label, exact: true }).fill(value);
    // Tuyen Quang's online services share (35% in 2021) is above 1% already: achieved.
    await fill('Target code', 'TQ-E2E');
    await fill('Name', 'Online services above 1%');
    await fill('Unit', 'VN-08');
    await fill('Indicator (data element)', 'online_services_share');
    await fill('Baseline period', '2021');
    await fill('Baseline value', '35');
    await fill('Target period', '2030');
    await fill('Target value', '1');
    await row.getByRole('button', { name: 'Add' }).click();
    await page.getByTestId('status-TQ-E2E').filter({ hasText: 'Achieved' }).waitFor();
    // The list reloads in the server's order, which moves the new row: let it settle.
    await page.waitForLoadState('networkidle');
    assert.equal(await rows.count(), before + 1);
    // Raised to 100% by 2030 it is no longer achieved.
    await page.getByRole('button', { name: 'Edit TQ-E2E' }).click();
    const editing = page.getByTestId('target-editing');
    await editing.getByRole('textbox', { name: 'Target value', exact: true }).fill('100');
    await editing.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('target-editing').waitFor({ state: 'detached' });
    await page.getByTestId('status-TQ-E2E').filter({ hasNotText: 'Achieved' }).waitFor();
    await page.screenshot({ path: join(shots, 'admin-plans.png'), fullPage: true });
    // A target due before its baseline is refused, and nothing is added.
    await fill('Target code', 'TQ-BAD');
    await fill('Unit', 'VN-08');
    await fill('Indicator (data element)', 'online_services_share');
    await fill('Baseline period', '2021');
    await fill('Baseline value', '35');
    await fill('Target period', '2019');
    await fill('Target value', '50');
    await row.getByRole('button', { name: 'Add' }).click();
    await page.getByTestId('plan-problem').waitFor();
    assert.match((await page.getByTestId('plan-problem').textContent()) ?? '', /target_period/);
    assert.equal(await rows.count(), before + 1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Delete TQ-E2E' }).click();
    await page.getByTestId('status-TQ-E2E').waitFor({ state: 'detached' });
    assert.equal(await rows.count(), before);
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test("every page passes axe-core's WCAG 2.1 AA checks (contrast, labels, roles), in English and Arabic", async () => {
    // axe is injected past the app's Content-Security-Policy, which rightly refuses inline scripts.
    const context = await (browser as Browser).newContext({
      viewport: { width: 1400, height: 1000 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    const check = async (path: string, ready: string) => {
      await page.goto(base + path);
      await page.getByTestId(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], path);
    };
    await check('/?period=2022', 'ranking');
    await check('/?period=2022&lang=ar', 'ranking');
    await check('/units/VN-08?framework=dti-province&period=2022', 'what-lifts');
    await check('/plans/48-NQ%2FTU?lang=vi', 'targets-table');
    await check('/criteria?period=2023', 'criteria-units');
    await page.goto(`${base}/sign-in`);
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in').waitFor();
    await check('/entry?dataset=dti-province&unit=VN-37&period=2024', 'entry-grid');
    await check('/admin', 'weights-preview');
    await check('/admin?tab=plans', 'admin-targets');
    await check('/admin?tab=users', 'users-table');
    await check('/approvals', 'approval-queue');
    await check('/approvals?lang=ar', 'approval-queue');
    await check('/admin?tab=names&lang=ar', 'names-table');
    await context.close();
  });

  test('the keyboard alone reaches a province from the ranking', async () => {
    const page = await open('/?period=2022');
    await page.getByTestId('ranking').locator('tbody tr').first().waitFor();
    // Tab through the page until the first province's link has the focus, then follow it.
    let focused = '';
    for (let i = 0; i < 60 && !focused.startsWith('/units/'); i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(
        () =>
          (
            globalThis as unknown as {
              document: { activeElement: { getAttribute(n: string): string | null } | null };
            }
          ).document.activeElement?.getAttribute('href') ?? '',
      );
    }
    assert.match(focused, /^\/units\//, 'a unit link takes the focus within 60 tabs');
    await page.keyboard.press('Enter');
    await page.getByTestId('unit-name').waitFor();
    assert.match(page.url(), /\/units\//);
    await page.close();
  });

  test('an admin creates communes, renames one into the other and closes a unit only when its data allows', async () => {
    const page = await open('/admin?tab=units');
    await page.getByRole('textbox', { name: 'Email' }).fill('admin@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('units-table').waitFor();
    const create = async (code: string, en: string, from: string) => {
      const form = page.getByTestId('new-unit-form');
      await form.getByRole('textbox', { name: 'Code', exact: true }).fill(code);
      await form.getByLabel('Level').selectOption('commune');
      await form.getByRole('textbox', { name: 'Parent' }).fill('VN25-37');
      await form.getByRole('textbox', { name: 'Name (English)' }).fill(en);
      await form.getByLabel('First day').fill(from);
      await form.getByRole('button', { name: 'Create' }).click();
      await page.getByTestId('unit-editor').getByText(`Change ${code}`).waitFor();
    };
    await create('VN25-37-E1', 'Hoa Lu', '2025-07-01');
    await create('VN25-37-E2', 'Hoa Lu Town', '2026-01-01');
    // Renamed on 2026-01-01: the first commune is closed the day before.
    const change = page.getByTestId('lineage-form');
    await change.getByLabel('Change', { exact: true }).selectOption('rename');
    await change.getByLabel(/^From/).fill('2026-01-01');
    await change.getByRole('textbox', { name: 'Units before (codes)' }).fill('VN25-37-E1');
    await change.getByRole('textbox', { name: 'Units after (codes)' }).fill('VN25-37-E2');
    await change.getByRole('button', { name: 'Record' }).click();
    await page.getByTestId('unit-events').getByText('VN25-37-E1 → VN25-37-E2').waitFor();
    const old = (await (await fetch(`${base}/api/units/VN25-37-E1`)).json()) as {
      valid_to: string;
      successors: { code: string; event: string }[];
    };
    assert.equal(old.valid_to, '2025-12-31');
    assert.deepEqual(
      old.successors.map((s) => [s.code, s.event]),
      [['VN25-37-E2', 'rename']],
    );
    await page.screenshot({ path: join(shots, 'admin-units.png'), fullPage: true });
    // Ha Noi has values for 2025 and 2026 under its code: it cannot end in 2024.
    await page.getByLabel('On date').fill('2025-12-31');
    await page.getByRole('button', { name: 'VN-01', exact: true }).click();
    const editor = page.getByTestId('unit-editor');
    await editor.getByText('Change VN-01').waitFor();
    await editor.getByLabel(/^Last day/).fill('2024-12-31');
    await editor.getByRole('button', { name: 'Save' }).click();
    const problem = page.getByTestId('unit-problem');
    await problem.waitFor();
    assert.match((await problem.textContent()) ?? '', /body\.valid_to.*2025/);
    const hanoi = (await (await fetch(`${base}/api/units/VN-01`)).json()) as {
      valid_to: string | null;
    };
    assert.equal(hanoi.valid_to, null, 'nothing was written');
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('a value breaking a blocking data-quality rule is refused next to its field; nothing is saved', async () => {
    const page = await open('/entry?period=2022&unit=VN-37&dataset=dti-province');
    await page.getByRole('textbox', { name: 'Email' }).fill('officer.ninhbinh@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('entry-grid').waitFor();
    await page.getByTestId('value-online_services_share').fill('120');
    await page.getByTestId('save').click();
    const note = page.getByTestId('quality-online_services_share');
    await note.waitFor();
    assert.match(
      (await note.textContent()) ?? '',
      /Refused by a data-quality rule: .*cannot exceed 100%/,
    );
    const stored = (await (
      await fetch(`${base}/api/data?unit=VN-37&indicator=online_services_share&period=2022`)
    ).json()) as { items: { value: number }[] };
    assert.notEqual(stored.items[0]?.value, 120);
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test("the approver reviewing Tuyen Quang's 2026 submission sees the planted outlier beside its field", async () => {
    const page = await open('/entry?dataset=dti-province&unit=VN25-08&period=2026');
    await page.getByRole('textbox', { name: 'Email' }).fill('approver@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('workflow-state').filter({ hasText: 'Submitted' }).waitFor();
    // 44 days where the other provinces take about 3 to 5, and Tuyen Quang took 4.7 in 2025.
    const notes = page.getByTestId('quality-settlement_days');
    await notes.first().waitFor();
    const texts = await notes.allTextContents();
    assert.ok(
      texts.some((text) => /Unusual among the other units: 44 where their median is/.test(text)),
      texts.join(' | '),
    );
    assert.ok(
      texts.some((text) => /A jump from 2025: 44 after/.test(text)),
      texts.join(' | '),
    );
    await page.getByTestId('value-settlement_days').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'entry-outlier.png') });
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });

  test('the ministry approver finds the submissions waiting in its queue, approves the oldest, and the count drops', async () => {
    const page = await open('/approvals');
    await page.getByRole('textbox', { name: 'Email' }).fill('approver@demo.dxmon.org');
    await page.getByRole('textbox', { name: 'Password' }).fill('dxmon-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // The count of submissions waiting is on the menu's link to the queue.
    const count = page.getByTestId('approvals-count');
    await count.waitFor();
    const waiting = Number(await count.textContent());
    assert.ok(waiting >= 3, `the demo's submissions wait (${waiting})`);
    const rows = page.getByTestId('approval-queue').locator('tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), waiting);
    assert.equal(
      await page.getByTestId('approvals-summary').textContent(),
      `${waiting} submissions waiting`,
    );
    // Oldest first: Ninh Binh's 2023 index, submitted by its officer, then Tuyen Quang's.
    const oldest = rows.first();
    assert.equal(await oldest.getAttribute('data-testid'), 'queue-VN-37-dti-province-2023');
    assert.match(
      (await oldest.textContent()) ?? '',
      /Ninh Binh\s*VN-37.*2023.*Ninh Binh data officer\s*\d+.*Review/,
    );
    assert.equal(await rows.nth(1).getAttribute('data-testid'), 'queue-VN25-08-dti-province-2025');
    // The demo's planted outlier (44 days for 4.4) shows on Tuyen Quang's 2026 submission.
    assert.match(
      (await page
        .getByTestId('queue-VN25-08-dti-province-2026')
        .getByTestId('queue-quality')
        .textContent()) ?? '',
      /outliers: [1-9]/,
    );
    await page.screenshot({ path: join(shots, 'approvals.png'), fullPage: true });

    // The row opens the data set's entry page, where the approver approves it.
    await oldest.getByTestId('queue-review').click();
    await page.waitForURL(/\/entry\?/);
    const url = new URL(page.url());
    assert.deepEqual(
      ['dataset', 'unit', 'period'].map((k) => url.searchParams.get(k)),
      ['dti-province', 'VN-37', '2023'],
    );
    await page.getByTestId('workflow-state').filter({ hasText: 'Submitted' }).waitFor();
    await page.getByTestId('approve').click();
    await page.getByText('Approved: the values are locked and published').waitFor();
    // The count drops at once, and the queue no longer lists it.
    await page
      .getByTestId('approvals-count')
      .filter({ hasText: String(waiting - 1) })
      .waitFor();
    await page.getByRole('link', { name: /^Approvals/ }).click();
    await page
      .getByTestId('approvals-summary')
      .filter({ hasText: `${waiting - 1} ` })
      .waitFor();
    assert.equal(await rows.count(), waiting - 1);
    assert.equal(await page.getByTestId('queue-VN-37-dti-province-2023').count(), 0);
    assert.deepEqual((page as Page & { errors?: string[] }).errors, []);
    await page.close();
  });
});
