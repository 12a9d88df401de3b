import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/db/database.js';
import { loadDemo } from '../src/demo/loadDemo.js';
import { saveFramework } from '../src/services/frameworks.js';
import { type Jobs, startJobs } from '../src/services/jobs.js';
import { closeBrowser } from '../src/services/reports/pdf.js';
import { freshDatabase, onEachDatabase } from './databases.js';
import {
  adminAuthorization,
  demoSessions,
  type Headers,
  miniData,
  miniFramework,
  seedProvinces,
  testApp,
} from './fixtures.js';

// Reports as a reader downloads them, on the demo: facts from outside the code (Tuyên Quang,
// VN-08, ranked 48th of 63 in 2022, up from 58th; Ninh Bình's plan NB-DX-2025 with 17 targets)
// and the API's own answers (GET /api/results, /api/plans), which a report must never contradict.

interface Results {
  data_revision: number;
  items: {
    unit: string;
    score: number | null;
    rank: number | null;
    nodes: Record<string, { score: number | null; rank: number | null }>;
  }[];
}

interface UnitReportJson {
  kind: string;
  draft: boolean;
  title: string;
  data_revision: number;
  produced_at: string;
  unit: { code: string; name: string };
  headline: {
    score: number;
    rank: number;
    units: number;
    previous_period: string | null;
    rank_change: number | null;
    rank_interval: { p05: number; p95: number } | null;
  };
  pillars: { code: string; name: string; score: number | null; rank: number | null }[];
  history: { period: string; rank: number | null }[];
  peers: { items: { unit: string; self: boolean }[] };
  what_lifts: unknown[];
  plans: { id: string; summary: { total: number } }[];
  annex: { element: string; value: number | null; state: string }[];
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The text of a PDF as poppler's pdftotext reads it, and its fonts as pdffonts lists them. */
function readPdf(bytes: Buffer): { text: string; fonts: { name: string; embedded: string }[] } {
  const folder = mkdtempSync(join(tmpdir(), 'dxmon-report-'));
  try {
    const file = join(folder, 'report.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    // name, type, encoding, emb, sub, uni, object ID: the columns after a dashed rule.
    const listing = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2);
    const fonts = listing
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const columns = line.trim().split(/\s+/);
        return { name: columns[0] as string, embedded: columns.at(-5) as string };
      });
    return { text, fonts };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function workbookOf(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

/** A key-value sheet's rows by their label (first column). */
function keyValues(sheet: ExcelJS.Worksheet): Map<string, ExcelJS.Cell> {
  const rows = new Map<string, ExcelJS.Cell>();
  sheet.eachRow((row, i) => {
    if (i > 2) rows.set(String(row.getCell(1).value), row.getCell(2));
  });
  return rows;
}

onEachDatabase('reports', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Headers> = {};
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['admin', 'admin@demo.dxmon.org'],
      ['officer', 'officer.ninhbinh@demo.dxmon.org'],
      ['otherOfficer', 'officer.tuyenquang@demo.dxmon.org'],
    ] as const);
  });
  after(async () => {
    await app?.close();
    await closeBrowser();
  });

  const get = (url: string, headers: Headers = {}) => app.inject({ url, headers });
  const json = async <T>(url: string, headers: Headers = {}): Promise<T> => {
    const res = await get(url, headers);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json() as T;
  };
  const unitReport = (file: string, query = '', period = '2022') =>
    `/api/reports/unit/${file}?framework=dti-province&period=${period}${query}`;

  test("Tuyên Quang's 2022 report says 48th of 63, as GET /api/results does", async () => {
    const res = await get(unitReport('VN-08.json', '&lang=vi'));
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(
      res.headers['content-disposition'],
      'attachment; filename="VN-08_dti-province_2022_vi.json"',
    );
    const report = res.json() as UnitReportJson;
    const results = await json<Results>(
      '/api/results?framework=dti-province&period=2022&level=province',
    );
    const api = results.items.find((i) => i.unit === 'VN-08');
    assert.ok(api);
    assert.equal(report.kind, 'unit');
    assert.equal(report.draft, false);
    assert.equal(report.unit.name, 'Tuyên Quang');
    assert.match(report.title, /^Tuyên Quang: /);
    assert.equal(report.headline.rank, 48);
    assert.equal(report.headline.units, 63);
    assert.equal(report.headline.rank, api.rank);
    assert.equal(report.headline.score, api.score);
    assert.equal(report.headline.previous_period, '2021');
    assert.equal(report.headline.rank_change, 10, 'up from 58th');
    const interval = report.headline.rank_interval;
    assert.ok(interval && interval.p05 <= 48 && 48 <= interval.p95, 'the rank within its interval');
    for (const p of report.pillars) {
      assert.equal(p.score, api.nodes[p.code]?.score, `${p.code} score`);
      assert.equal(p.rank, api.nodes[p.code]?.rank, `${p.code} rank`);
    }
    const gov = report.pillars.find((p) => p.code === 'GOV');
    assert.equal(gov?.name, 'Chính quyền số', 'pillar names in Vietnamese');
    assert.equal(report.history.find((h) => h.period === '2021')?.rank, 58);
    assert.ok(report.peers.items.some((p) => p.unit === 'VN-08' && p.self));
    assert.equal(report.what_lifts.length, 5);
    const plans = await json<{ items: { id: string; summary: { total: number } }[] }>('/api/plans');
    const resolution = report.plans.find((p) => p.id === '48-NQ/TU');
    assert.deepEqual(resolution?.summary, plans.items.find((p) => p.id === '48-NQ/TU')?.summary);
    assert.ok(report.annex.length > 0 && report.annex.every((a) => a.state === 'approved'));
    assert.equal(report.data_revision, results.data_revision, 'from the same data revision');
  });

  test("the XLSX read back equals the API's results, numbers as numbers", async () => {
    const res = await get(unitReport('VN-08.xlsx', '&lang=en'));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], xlsxType);
    const results = await json<Results>(
      '/api/results?framework=dti-province&period=2022&level=province',
    );
    const api = results.items.find((i) => i.unit === 'VN-08');
    assert.ok(api);
    const workbook = await workbookOf(res.rawPayload);
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      [
        'Summary',
        'Pillars',
        'Score history',
        'Peers',
        'What lifts',
        'Targets',
        'Data annex',
        'Methodology',
      ],
    );
    const summary = keyValues(workbook.getWorksheet('Summary') as ExcelJS.Worksheet);
    assert.equal(summary.get('Score')?.value, api.score);
    assert.equal(summary.get('Score')?.numFmt, '0.0');
    assert.equal(summary.get('Rank')?.value, 48);
    assert.equal(summary.get('Units ranked')?.value, 63);
    assert.equal(summary.get('Unit')?.value, 'Tuyen Quang');

    const pillars = workbook.getWorksheet('Pillars') as ExcelJS.Worksheet;
    assert.deepEqual((pillars.getRow(2).values as unknown[]).slice(1), [
      'Code',
      'Pillar',
      'Score',
      'Rank',
      'Change',
      'Region mean',
      'National mean',
    ]);
    let seen = 0;
    pillars.eachRow((row, i) => {
      if (i <= 2) return;
      const code = String(row.getCell(1).value);
      const score = row.getCell(3);
      assert.equal(typeof score.value, 'number', `${code}'s score is a number`);
      assert.equal(score.value, api.nodes[code]?.score, `${code} score`);
      assert.equal(score.numFmt, '0.0');
      assert.equal(row.getCell(4).value, api.nodes[code]?.rank, `${code} rank`);
      seen++;
    });
    assert.equal(seen, 10, 'two pillars and their eight sub-pillars');

    const targets = workbook.getWorksheet('Targets') as ExcelJS.Worksheet;
    const growth = targets.getRow(3).getCell(14);
    assert.equal(typeof growth.value, 'number');
    assert.equal(growth.numFmt, '0.0%');

    // Arabic sheets read right to left.
    const ar = await get(unitReport('VN-08.xlsx', '&lang=ar'));
    const arabic = await workbookOf(ar.rawPayload);
    for (const sheet of arabic.worksheets) assert.equal(sheet.views[0]?.rightToLeft, true);
    assert.equal(
      keyValues(arabic.worksheets[0] as ExcelJS.Worksheet).get('الوحدة')?.value,
      'توين كوانغ',
    );
  });

  test('the plan report of NB-DX-2025 counts its targets as GET /api/plans does', async () => {
    const plans = await json<{ items: { id: string; summary: Record<string, number> }[] }>(
      '/api/plans',
    );
    const api = plans.items.find((p) => p.id === 'NB-DX-2025');
    assert.ok(api);
    const report = await json<{
      kind: string;
      plan: {
        id: string;
        summary: Record<string, number>;
        targets: { status: string; series: unknown[] }[];
      };
    }>('/api/reports/plan/NB-DX-2025.json');
    assert.equal(report.kind, 'plan');
    assert.deepEqual(report.plan.summary, api.summary);
    assert.equal(report.plan.targets.length, api.summary.total);
    assert.equal(
      report.plan.targets.filter((t) => t.status === 'achieved').length,
      api.summary.achieved,
    );
    assert.ok(report.plan.targets.every((t) => t.series.length > 0));

    const xlsx = await get('/api/reports/plan/NB-DX-2025.xlsx?lang=vi');
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    const summary = keyValues(
      (await workbookOf(xlsx.rawPayload)).worksheets[0] as ExcelJS.Worksheet,
    );
    assert.equal(summary.get('Số chỉ tiêu')?.value, api.summary.total);
    assert.equal(summary.get('đã đạt')?.value, api.summary.achieved);

    // A plan id with a slash, URL-encoded.
    const slash = await get('/api/reports/plan/48-NQ%2FTU.json?lang=en');
    assert.equal(slash.statusCode, 200, slash.body);
    assert.equal(slash.json().plan.id, '48-NQ/TU');
    assert.equal(slash.headers['content-disposition'], 'attachment; filename="48-NQ-TU_en.json"');
  });

  test('the same request is served from the cache; a data change makes a new document', async () => {
    const url = unitReport('VN-22.json', '&lang=en', '2021');
    const first = await get(url);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['x-report-cached'], 'false');
    const second = await get(url);
    assert.equal(second.headers['x-report-cached'], 'true');
    assert.equal(second.headers.etag, first.headers.etag);
    assert.equal(second.body, first.body, 'the same bytes');
    const notModified = await get(url, { 'if-none-match': String(first.headers.etag) });
    assert.equal(notModified.statusCode, 304);

    const value = (first.json() as UnitReportJson).annex[0];
    assert.ok(value);
    const data = await json<{ items: { version: number }[] }>(
      `/api/data?unit=VN-22&indicator=${value.element}&period=2021`,
      as.admin,
    );
    const write = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: as.admin,
      payload: {
        values: [
          {
            unit: 'VN-22',
            indicator: value.element,
            period: '2021',
            value: (value.value ?? 0) + 1,
            version: data.items[0]?.version,
          },
        ],
      },
    });
    assert.equal(write.statusCode, 200, write.body);
    const third = await get(url);
    assert.equal(third.statusCode, 200, third.body);
    assert.equal(third.headers['x-report-cached'], 'false');
    assert.notEqual(third.headers.etag, first.headers.etag);
    const report = third.json() as UnitReportJson;
    const before = first.json() as UnitReportJson;
    assert.ok(report.data_revision > before.data_revision);
    assert.equal(
      report.annex.find((a) => a.element === value.element)?.value,
      (value.value ?? 0) + 1,
    );
    const { rows } = await database().query<{ n: number }>(
      'select count(*)::int as n from report_cache where revision < (select value from meta where key = $1)',
      ['content_revision'],
    );
    assert.equal(rows[0]?.n, 0, "older revisions' documents are pruned");
  });

  test('a public report has approved values only; a draft has the officer’s and says DRAFT', async () => {
    const element = 'leaders_dx_trained_share';
    const data = await json<{ items: { value: number; version: number }[] }>(
      `/api/data?unit=VN-37&indicator=${element}&period=2022`,
      as.officer,
    );
    const approved = data.items[0];
    assert.ok(approved);
    const write = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: as.officer,
      payload: {
        values: [
          {
            unit: 'VN-37',
            indicator: element,
            period: '2022',
            value: approved.value + 7,
            source: 'officer draft',
            version: approved.version,
          },
        ],
      },
    });
    assert.equal(write.statusCode, 200, write.body);

    const publicReport = await json<UnitReportJson>(unitReport('VN-37.json'));
    assert.equal(publicReport.draft, false);
    assert.ok(publicReport.annex.every((a) => a.state === 'approved'));
    assert.equal(publicReport.annex.find((a) => a.element === element)?.value, approved.value);

    const draftUrl = unitReport('VN-37.json', '&draft=true');
    const draft = await json<UnitReportJson>(draftUrl, as.officer);
    assert.equal(draft.draft, true);
    const entry = draft.annex.find((a) => a.element === element);
    assert.deepEqual(
      { value: entry?.value, state: entry?.state },
      { value: approved.value + 7, state: 'draft' },
    );

    const xlsx = await get(unitReport('VN-37.xlsx', '&draft=true&lang=vi'), as.officer);
    assert.equal(xlsx.statusCode, 200, xlsx.body);
    assert.match(String(xlsx.headers['content-disposition']), /_draft\.xlsx"$/);
    for (const sheet of (await workbookOf(xlsx.rawPayload)).worksheets) {
      assert.match(String(sheet.getCell('A1').value), /^DỰ THẢO: /, `${sheet.name}'s title`);
      assert.match(sheet.headerFooter.oddHeader ?? '', /DỰ THẢO/, `${sheet.name}'s header`);
    }

    assert.equal((await get(draftUrl)).statusCode, 401, 'a draft needs a signed-in user');
    const other = await get(draftUrl, as.otherOfficer);
    assert.equal(other.statusCode, 403, "another province's officer may not");
  });

  test('bad requests are 4xx problems naming the field and value', async () => {
    const problem = async (url: string, status: number, field: string, value: unknown) => {
      const res = await get(url);
      assert.equal(res.statusCode, status, `${url}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const body = res.json() as { detail: string; fields: { field: string; value?: unknown }[] };
      const named = body.fields.find((f) => f.field === field);
      assert.ok(named, `${url}: ${field} named in ${res.body}`);
      assert.equal(named.value, value);
      return body.detail;
    };
    assert.match(
      await problem(unitReport('VN-088.pdf'), 404, 'unit', 'VN-088'),
      /unit "VN-088" does not exist; did you mean .*"VN-08"/,
    );
    assert.match(
      await problem(
        '/api/reports/unit/VN-08.json?framework=dti-provinse&period=2022',
        404,
        'framework',
        'dti-provinse',
      ),
      /did you mean "dti-province"/,
    );
    await problem(unitReport('VN-08.pdf', '&lang=fr'), 400, 'querystring.lang', 'fr');
    await problem(
      '/api/reports/unit/VN-08.pdf?framework=dti-province&period=20x2',
      400,
      'querystring.period',
      '20x2',
    );
    await problem(unitReport('VN-08.json', '', '1999'), 404, 'period', '1999');
    await problem(unitReport('VN-08.docx'), 400, 'format', 'docx');
    assert.match(
      await problem('/api/reports/plan/NB-DX-2052.pdf', 404, 'plan', 'NB-DX-2052'),
      /did you mean "NB-DX-2025"/,
    );
    const missing = await get('/api/reports/unit/VN-08.pdf?period=2022');
    assert.equal(missing.statusCode, 400, 'the framework is required');
  });

  test('the HTML report is a whole document in its language, shown in place', async () => {
    const res = await get(unitReport('VN-08.html', '&lang=vi'));
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.equal(
      res.headers['content-disposition'],
      'inline; filename="VN-08_dti-province_2022_vi.html"',
    );
    assert.match(res.body, /^<!DOCTYPE html>/i);
    assert.match(res.body, /<html[^>]* lang="vi"/);
    assert.ok(res.body.includes('Tuyên Quang'));
    const download = await get(unitReport('VN-08.html', '&lang=vi&disposition=attachment'));
    assert.equal(
      download.headers['content-disposition'],
      'attachment; filename="VN-08_dti-province_2022_vi.html"',
    );
    assert.equal(download.headers['x-report-cached'], 'true', 'the same document');
  });

  test('the Vietnamese PDF reads Tuyên Quang, 48 of 63; the Arabic one its name in order; fonts embedded', async () => {
    const vi = await get(unitReport('VN-08.pdf', '&lang=vi'));
    assert.equal(vi.statusCode, 200, vi.body);
    assert.equal(vi.headers['content-type'], 'application/pdf');
    assert.equal(vi.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const viPdf = readPdf(vi.rawPayload);
    assert.ok(viPdf.text.includes('Tuyên Quang'), 'the name with its diacritics');
    assert.match(viPdf.text, /\b48\b/);
    assert.match(viPdf.text, /\b63\b/);

    const ar = await get(unitReport('VN-08.pdf', '&lang=ar'));
    assert.equal(ar.statusCode, 200, ar.body);
    const arPdf = readPdf(ar.rawPayload);
    assert.ok(arPdf.text.includes('توين كوانغ'), 'the Arabic name, letters in logical order');

    for (const pdf of [viPdf, arPdf]) {
      assert.ok(pdf.fonts.length > 0, 'fonts listed');
      for (const font of pdf.fonts) assert.equal(font.embedded, 'yes', `${font.name} embedded`);
    }

    const plan = await get('/api/reports/plan/NB-DX-2025.pdf?lang=vi&draft=true', as.officer);
    assert.equal(plan.statusCode, 200, plan.body);
    assert.match(readPdf(plan.rawPayload).text, /DỰ THẢO|DRAFT/);
  });

  test('without Chromium a PDF is a 503 saying how to install it', async () => {
    await closeBrowser();
    const configured = process.env.DXMON_CHROMIUM;
    process.env.DXMON_CHROMIUM = '/nonexistent/chromium';
    try {
      const res = await get('/api/reports/plan/QN-DX-2025.pdf?lang=en');
      assert.equal(res.statusCode, 503, res.body);
      assert.match(res.json().detail, /apt-get install -y chromium/);
    } finally {
      if (configured === undefined) delete process.env.DXMON_CHROMIUM;
      else process.env.DXMON_CHROMIUM = configured;
    }
  });
});

// Several server processes on one PostgreSQL database: one that runs no workers (workers: false)
// gets its report from a worker in another process (here, another pool and job queue).
describe('reports made by another process [postgres]', {
  skip: process.env.DATABASE_URL ? false : 'PostgreSQL only: set DATABASE_URL',
}, () => {
  let server: { database: Database; jobs: Jobs; app: FastifyInstance } | undefined;
  let worker: { database: Database; jobs: Jobs } | undefined;
  let drop: (() => Promise<void>) | undefined;
  before(async () => {
    const fresh = await freshDatabase('postgres');
    drop = fresh.drop;
    const database = fresh.database;
    await seedProvinces(database);
    await saveFramework(database.db, miniFramework);
    const jobs = await startJobs(database, { workers: false });
    const app = await buildApp({ config: loadConfig({ logLevel: 'silent' }, {}), database, jobs });
    server = { database, jobs, app };
    const imported = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database) },
      body: miniData,
    });
    assert.equal(imported.statusCode, 200, imported.body);
    const other = await openDatabase({ databaseUrl: fresh.url });
    worker = { database: other, jobs: await startJobs(other, { workers: true }) };
  });
  after(async () => {
    await server?.app.close();
    await server?.jobs.stop();
    await worker?.jobs.stop();
    await server?.database.close();
    await worker?.database.close();
    await drop?.();
  });

  test('a server without workers waits for the document another process makes', async () => {
    assert.equal(server?.jobs.reportWorkers, false);
    const res = await server?.app.inject(
      '/api/reports/unit/VN-08.json?framework=mini&period=2024&lang=en',
    );
    assert.equal(res?.statusCode, 200, res?.body);
    const report = res?.json() as UnitReportJson;
    assert.deepEqual([report.headline.rank, report.headline.units], [2, 3]);
    assert.equal(res?.headers['x-report-cached'], 'false');
  });
});
