import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { demoFolder, loadDemo } from '../src/demo/loadDemo.js';
import { onEachDatabase } from './databases.js';
import { demoSessions, type Headers, testApp } from './fixtures.js';

// Names in three languages: the demo's translation table as shipped (data/demo/translations.csv,
// read here independently), the API's answers, changes through PUT /api/names and the table's
// export and import (CSV and XLSX), all or none.

interface Thing {
  kind: string;
  key: string;
  names: Record<'en' | 'vi' | 'ar', string | null>;
  short: Record<'en' | 'vi' | 'ar', string | null>;
}

const shipped = parse(readFileSync(join(demoFolder, 'translations.csv')), {
  columns: true,
  bom: true,
}) as Record<string, string>[];
const arabic = /[\u0600-\u06ff]/;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

onEachDatabase('names in three languages', (database) => {
  let app: FastifyInstance;
  let as: Record<string, Headers> = {};
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['admin', 'admin@demo.dxmon.org'],
      ['analyst', 'analyst@demo.dxmon.org'],
      ['officer', 'officer.tuyenquang@demo.dxmon.org'],
    ] as const);
  });
  after(() => app?.close());

  const names = async (query = '') =>
    (await app.inject(`/api/names${query}`)).json().items as Thing[];
  const put = (who: string, items: unknown[]) =>
    app.inject({ method: 'PUT', url: '/api/names', headers: as[who], payload: { items } });
  const upload = (who: string, body: string | Buffer, type = 'text/csv') =>
    app.inject({
      method: 'POST',
      url: '/api/names/table',
      headers: { ...as[who], 'content-type': type },
      payload: body,
    });
  const auditCount = async () =>
    Number(
      (
        await database().query<{ n: number }>(
          "select count(*)::int as n from audit_log where entity = 'translation'",
        )
      ).rows[0]?.n,
    );

  test('every named thing of the demo has its Vietnamese and Arabic name, as the table ships them', async () => {
    const items = await names();
    const byId = new Map(items.map((t) => [`${t.kind}|${t.key}`, t]));
    const kinds = new Set(items.map((t) => t.kind));
    for (const k of [
      'framework',
      'node',
      'element',
      'model',
      'criterion',
      'plan',
      'target',
      'region',
    ])
      assert.ok(kinds.has(k), `names of kind ${k}`);
    for (const row of shipped) {
      const thing = byId.get(`${row.kind}|${row.key}`);
      assert.ok(thing, `${row.kind} ${row.key} is named by the API`);
      if (!row.name_en) continue;
      assert.equal(thing.names.en, row.name_en);
      assert.equal(thing.names.vi, row.name_vi, `${row.key} in Vietnamese`);
      assert.equal(thing.names.ar, row.name_ar, `${row.key} in Arabic`);
      assert.match(thing.names.ar ?? '', arabic, `${row.key}: Arabic is written in Arabic`);
      if (row.short_vi) assert.equal(thing.short.vi, row.short_vi);
    }
    // Every thing the demo defines has a translation: nothing is left in English only.
    const untranslated = items.filter((t) => t.names.en && (!t.names.vi || !t.names.ar));
    assert.deepEqual(
      untranslated.map((t) => `${t.kind} ${t.key}`),
      [],
    );
    // The pillars carry short names for the ranking's columns.
    const gov = byId.get('node|dti-province/GOV');
    assert.ok(gov?.short.en && gov.short.vi && gov.short.ar);
  });

  test('with lang, each thing in that language, its short name falling back to the name', async () => {
    const vi = await names('?lang=vi&kind=region');
    const all = await names('?kind=region');
    assert.equal(vi.length, all.length);
    for (const [i, r] of vi.entries()) {
      const t = all[i] as Thing;
      assert.deepEqual(r, {
        kind: 'region',
        key: t.key,
        name: t.names.vi ?? t.names.en,
        short: t.short.vi ?? t.short.en ?? t.names.vi ?? t.names.en,
      });
    }
    const bad = await app.inject('/api/names?lang=fr');
    assert.equal(bad.statusCode, 400);
  });

  test('admins and analysts change names, audited, seen at once; others are refused', async () => {
    const key = 'dti-province/SEC';
    const audited = await auditCount();
    assert.equal(
      (await put('anonymous', [{ kind: 'node', key, names: { vi: 'x' } }])).statusCode,
      401,
    );
    assert.equal(
      (await put('officer', [{ kind: 'node', key, names: { vi: 'x' } }])).statusCode,
      403,
    );
    const etag = (await app.inject('/api/names')).headers.etag;

    const res = await put('analyst', [
      { kind: 'node', key, names: { vi: 'An toàn, an ninh mạng' }, short: { vi: 'ATTT' } },
    ]);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().changed, 1);
    const after = (await names()).find((t) => t.key === key) as Thing;
    assert.equal(after.names.vi, 'An toàn, an ninh mạng');
    assert.equal(after.short.vi, 'ATTT');
    assert.equal(after.names.en, 'Cybersecurity', 'the other languages are kept');
    assert.notEqual((await app.inject('/api/names')).headers.etag, etag);
    assert.equal(await auditCount(), audited + 1);

    // English may be overridden, and an empty name returns to the framework's.
    await put('admin', [{ kind: 'node', key, names: { en: 'Cyber security and safety' } }]);
    assert.equal((await names()).find((t) => t.key === key)?.names.en, 'Cyber security and safety');
    await put('admin', [{ kind: 'node', key, names: { en: '' } }]);
    assert.equal((await names()).find((t) => t.key === key)?.names.en, 'Cybersecurity');

    // The same names again change nothing and add no audit row.
    const before = await auditCount();
    const same = await put('admin', [
      { kind: 'node', key, names: { vi: 'An toàn, an ninh mạng' } },
    ]);
    assert.equal(same.json().changed, 0);
    assert.equal(await auditCount(), before);
  });

  test('a change naming what does not exist, twice, or too long is refused whole, naming it', async () => {
    const before = await names();
    const res = await put('admin', [
      { kind: 'region', key: 'Red River Delta', names: { vi: 'Đồng bằng Bắc Bộ' } },
      { kind: 'node', key: 'dti-province/NOPE', names: { vi: 'x' } },
      { kind: 'region', key: 'Red River Delta', names: { ar: 'x' } },
      { kind: 'plan', key: 'NB-DX-2025', short: { vi: 'x'.repeat(41) } },
    ]);
    assert.equal(res.statusCode, 400, res.body);
    const tooLong = await put('admin', [
      { kind: 'region', key: 'Red River Delta', names: { vi: 'Đồng bằng Bắc Bộ' } },
      { kind: 'node', key: 'dti-province/NOPE', names: { vi: 'x' } },
      { kind: 'region', key: 'Red River Delta', names: { ar: 'x' } },
    ]);
    assert.equal(tooLong.statusCode, 422, tooLong.body);
    assert.deepEqual(
      tooLong.json().fields.map((f: { field: string }) => f.field),
      ['body.items[1].key', 'body.items[2]'],
    );
    assert.deepEqual(await names(), before, 'nothing was written');
    assert.equal((await put('admin', [{ kind: 'unit', key: 'VN-01', names: {} }])).statusCode, 400);
  });

  test('the translation table goes out and comes back as CSV and XLSX; an edited cell is one change', async () => {
    const csv = await app.inject('/api/names/table.csv');
    assert.equal(csv.statusCode, 200);
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0] ?? {}), [
      'kind',
      'key',
      'name_en',
      'name_vi',
      'name_ar',
      'short_en',
      'short_vi',
      'short_ar',
    ]);
    assert.equal(Number(csv.headers['x-row-count']), rows.length);
    assert.equal(rows.length, (await names()).length);

    const unchanged = await upload('admin', csv.body);
    assert.equal(unchanged.statusCode, 200, unchanged.body);
    assert.deepEqual(unchanged.json(), { rows: rows.length, changed: 0 });

    const xlsx = await app.inject('/api/names/table.xlsx');
    const back = await upload('analyst', xlsx.rawPayload, xlsxType);
    assert.deepEqual(back.json(), { rows: rows.length, changed: 0 });

    // A translator's edit in a spreadsheet: one Vietnamese name changed.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const regionRow = rows.findIndex((r) => r.kind === 'region' && r.key === 'Southeast') + 2;
    sheet.getRow(regionRow).getCell(header.indexOf('name_vi') + 1).value = 'Miền Đông Nam Bộ';
    const edited = await upload('admin', Buffer.from(await workbook.xlsx.writeBuffer()), xlsxType);
    assert.deepEqual(edited.json(), { rows: rows.length, changed: 1 });
    assert.equal(
      ((await names('?lang=vi&kind=region')) as unknown as { key: string; name: string }[]).find(
        (r) => r.key === 'Southeast',
      )?.name,
      'Miền Đông Nam Bộ',
    );

    // Only the columns present are applied: a two-language table keeps the Arabic names.
    const partial = await upload('admin', 'kind,key,name_vi\nregion,Southeast,Đông Nam Bộ\n');
    assert.deepEqual(partial.json(), { rows: 1, changed: 1 });
    const southeast = (await names('?kind=region')).find((r) => r.key === 'Southeast') as Thing;
    assert.equal(southeast.names.vi, 'Đông Nam Bộ');
    assert.match(southeast.names.ar ?? '', arabic);
  });

  test('a bad translation table is refused whole, each problem on its row and column', async () => {
    const before = await names();
    const res = await upload(
      'admin',
      [
        'kind,key,name_vi',
        'region,Southeast,Vùng Đông Nam Bộ',
        'province,VN-01,Hà Nội',
        'node,dti-province/NOPE,Không có',
        'region,Southeast,Lần nữa',
        `plan,NB-DX-2025,${'x'.repeat(301)}`,
      ].join('\n'),
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(
      res.json().fields.map((f: { field: string }) => f.field),
      ['row 3 column kind'],
      'an unknown kind stops the rest from being looked up',
    );
    const second = await upload(
      'admin',
      [
        'kind,key,name_vi',
        'region,Southeast,Vùng Đông Nam Bộ',
        'node,dti-province/NOPE,Không có',
        'region,Southeast,Lần nữa',
        `plan,NB-DX-2025,${'x'.repeat(301)}`,
      ].join('\n'),
    );
    assert.equal(second.statusCode, 422);
    assert.deepEqual(
      second.json().fields.map((f: { field: string }) => f.field),
      ['row 3 column key', 'row 4', 'row 5 column name_vi'],
    );
    const header = await upload('admin', 'kind,code,name_vi\nregion,Southeast,x\n');
    assert.equal(header.statusCode, 422);
    assert.match(header.json().fields[0].message, /no column "key"/);
    assert.equal((await upload('admin', '{}', 'application/json')).statusCode, 415);
    assert.equal((await upload('officer', 'kind,key\n')).statusCode, 403);
    assert.deepEqual(await names(), before, 'nothing was written');
  });
});
