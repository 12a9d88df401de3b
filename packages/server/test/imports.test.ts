import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, seedProvinces, testApp } from './fixtures.js';

onEachDatabase('imports', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    app = await testApp(database());
  });
  after(() => app?.close());

  const post = async (body: string | Buffer, query = '', type = 'text/csv') =>
    app.inject({
      method: 'POST',
      url: `/api/imports${query}`,
      headers: { 'content-type': type, authorization: await adminAuthorization(database()) },
      body,
    });
  const count = async () =>
    Number(
      (await database().query<{ n: string }>('select count(*) as n from data_values')).rows[0]?.n,
    );

  test('an import with one bad row leaves no data behind, and names the row, field and value', async () => {
    const res = await post(
      'unit,indicator,period,value\nVN-01,online_share,2024,81.5\nVN-02,online_share,2024,12,5\nVN-08,online_share,2024,66\n',
    );
    assert.equal(res.statusCode, 422);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    const body = res.json();
    assert.equal(body.report.status, 'refused');
    assert.deepEqual(body.report.problems, [
      {
        row: 3,
        field: 'row',
        value: 'VN-02,online_share,2024,12,5',
        message: 'has 5 fields; the header has 4',
      },
    ]);
    assert.equal(await count(), 0);
  });

  test('a malformed CSV or a file that is not a workbook is a 422 naming the line, not a 500', async () => {
    const csv = await post(
      'unit,indicator,period,value\nVN-01,online_share,2024,81.5\nVN-02,online_share,2024,"12"5\n',
    );
    assert.equal(csv.statusCode, 422, csv.body);
    assert.deepEqual(
      csv.json().report.problems.map((p: { row: number; field: string }) => [p.row, p.field]),
      [[3, 'file']],
    );
    assert.match(csv.json().report.problems[0].message, /quoted field/);
    const xlsx = await post(
      Buffer.from('this is not a zip file at all'),
      '',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(xlsx.statusCode, 422, xlsx.body);
    assert.match(xlsx.json().report.problems[0].message, /not a readable XLSX workbook/);
    assert.equal(xlsx.json().report.problems.length, 1);
    assert.equal(await count(), 0);
  });

  test('NUL characters, years before 1000 and evidence that is not a web link are bad rows', async () => {
    const res = await post(
      'unit,indicator,period,value,evidence\n' +
        'VN-01,online_share,2024,1,https://hanoi.gov.vn/r.pdf\n' +
        'VN\u0000,online_share,2024,1,\n' +
        'VN-01,days,0099,3,\n' +
        'VN-01,days,2024,3,javascript:alert(1)\n',
    );
    assert.equal(res.statusCode, 422, res.body);
    assert.deepEqual(
      res
        .json()
        .report.problems.map(
          (p: { row: number; field: string; value: string; message: string }) => [
            p.row,
            p.field,
            p.message,
          ],
        ),
      [
        [3, 'unit', 'contains a NUL character'],
        [4, 'period', 'not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15'],
        [5, 'evidence', 'a link: http:// or https://'],
      ],
    );
    assert.equal(await count(), 0);
  });

  test('JSON with a reserved key or a NUL is a 400 naming the body, not a 500', async () => {
    const auth = { authorization: await adminAuthorization(database()) };
    const proto = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"__proto__": {}, "values": []}',
    });
    assert.equal(proto.statusCode, 400, proto.body);
    assert.match(proto.json().detail, /reserved key/);
    assert.equal(proto.json().fields[0].field, 'body');
    const nul = await app.inject({
      method: 'POST',
      url: '/api/data-values',
      headers: auth,
      payload: {
        values: [
          { unit: 'VN-01', indicator: 'days', period: '2024', value: 1, source: 'a\u0000b' },
        ],
      },
    });
    assert.equal(nul.statusCode, 400, nul.body);
    assert.deepEqual(nul.json().fields, [
      { field: 'body.values[0].source', message: 'contains a NUL character' },
    ]);
  });

  test('every kind of bad row is reported at once', async () => {
    const res = await post(
      [
        'unit,indicator,period,value',
        'XX,online_share,2024,1',
        'VN-01,nope,2024,1',
        'VN-01,online_share,24,1',
        'VN-01,online_share,2024,"12,5"',
        'VN25-08,online_share,2024,50',
        'VN-01,days,2024,4',
        'VN-01,days,2024,5',
      ].join('\n'),
    );
    assert.equal(res.statusCode, 422);
    assert.deepEqual(
      res
        .json()
        .report.problems.map((p: { row: number; field: string; message: string }) => [
          p.row,
          p.field,
          p.message,
        ]),
      [
        [2, 'unit', 'unit "XX" does not exist'],
        [3, 'indicator', '"nope" is not a known indicator or data element'],
        [4, 'period', 'not a period; write 2024, 2024Q3, 2024-07 or 2024-07-15'],
        [5, 'value', 'not a number: use "." as the decimal mark'],
        [6, 'period', 'unit "VN25-08" did not exist in 2024 (it existed from 2025-07-01)'],
        [8, 'value', 'unit "VN-01", indicator "days", period "2024" already has a value at row 7'],
      ],
    );
    assert.equal(await count(), 0);
  });

  test('a misspelled indicator is refused with its row and a "did you mean"', async () => {
    const long = await post(
      'unit,indicator,period,value\nVN-01,days,2024,4\nVN-01,onlne_share,2024,81\nVN-02,Days,2024,3\n',
    );
    assert.equal(long.statusCode, 422);
    assert.deepEqual(
      long
        .json()
        .report.problems.map(
          (p: { row: number; field: string; value: string; message: string }) => [
            p.row,
            p.field,
            p.value,
            p.message,
          ],
        ),
      [
        [
          3,
          'indicator',
          'onlne_share',
          '"onlne_share" is not a known indicator or data element; did you mean "online_share"?',
        ],
        [
          4,
          'indicator',
          'Days',
          '"Days" is not a known indicator or data element; did you mean "days"?',
        ],
      ],
    );
    const wide = await post('unit,period,online_share,dayz\nVN-08,2023,55,1\n');
    assert.equal(wide.statusCode, 422);
    assert.deepEqual(wide.json().report.problems[0], {
      row: 1,
      field: 'column 4',
      value: 'dayz',
      message: '"dayz" is not a known indicator or data element; did you mean "days"?',
    });
    assert.equal(await count(), 0);
  });

  test('a dry run counts what would change and writes nothing; then the import applies', async () => {
    const file =
      'unit,indicator,period,value,source\nVN-01,online_share,2024,81.5,survey\nVN-02,online_share,2024,40,\nVN-02,days,2024,,\n';
    const dry = await post(file, '?dry_run=true');
    assert.equal(dry.statusCode, 200);
    assert.equal(dry.json().status, 'checked');
    assert.equal(dry.json().inserted, 3);
    assert.equal(await count(), 0);
    const real = await post(file, '?filename=first.csv');
    assert.equal(real.statusCode, 200);
    assert.deepEqual(
      {
        status: real.json().status,
        layout: real.json().layout,
        rows: real.json().rows,
        inserted: real.json().inserted,
      },
      { status: 'applied', layout: 'long', rows: 3, inserted: 3 },
    );
    const data = (await app.inject('/api/data?unit=VN-01')).json();
    assert.equal(data.items[0].value, 81.5);
    assert.equal(data.items[0].source, 'survey');
    assert.equal(data.items[0].version, 1);
    const empty = (await app.inject('/api/data?unit=VN-02&indicator=days')).json();
    assert.equal(empty.items[0].value, null, 'an empty value is stored as missing');
  });

  test('a changed value keeps its earlier version in the history', async () => {
    const res = await post(
      'unit,indicator,period,value\nVN-01,online_share,2024,83\nVN-02,online_share,2024,40\n',
    );
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().updated, 1);
    assert.equal(res.json().unchanged, 1);
    const v = (await app.inject('/api/data?unit=VN-01&indicator=online_share&period=2024')).json()
      .items[0];
    assert.equal(v.value, 83);
    assert.equal(v.version, 2);
    const history = await database().query<{ value: number; version: number }>(
      `select value, version from data_value_history where unit = 'VN-01' and element = 'online_share'`,
    );
    assert.deepEqual(history.rows, [{ value: 81.5, version: 1 }]);
  });

  test('the wide format: one column per indicator', async () => {
    const res = await post('unit,period,online_share,days\nVN-08,2023,55,7.5\nVN-08,2024,60,\n');
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().layout, 'wide');
    assert.equal(res.json().values, 4);
    const bad = await post('unit,period,online_share,bogus\nVN-08,2023,55,1\n');
    assert.equal(bad.statusCode, 422);
    assert.equal(
      bad.json().report.problems[0].message,
      '"bogus" is not a known indicator or data element',
    );
  });

  test('XLSX, long format', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRows([
      ['unit', 'indicator', 'period', 'value'],
      ['VN-01', 'population', '2024', 8435700],
      ['VN-08', 'population', 2024, 805800],
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await post(
      buffer,
      '',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().inserted, 2);
    const v = (await app.inject('/api/data?indicator=population&unit=VN-08')).json().items[0];
    assert.equal(v.value, 805800);
  });

  test('XLSX: Vietnamese and Arabic text arrives whole, however the sheet is compressed', async () => {
    // ExcelJS's streaming reader broke a character that straddled two decompressed chunks into
    // U+FFFD: 3,000 rows of non-Latin sources (daily values) cross many chunk boundaries.
    const sources = ['Sở Thông tin và Truyền thông tỉnh Tuyên Quang', 'وزارة الإعلام والاتصالات'];
    const day = (i: number) => new Date(Date.UTC(2010, 0, 1 + i)).toISOString().slice(0, 10);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['unit', 'indicator', 'period', 'value', 'source']);
    for (let i = 0; i < 3000; i++)
      sheet.addRow(['VN-01', 'days', day(i), i, `${sources[i % 2]} ${i}`]);
    const res = await post(
      Buffer.from(await workbook.xlsx.writeBuffer()),
      '',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().inserted, 3000);
    const { rows } = await database().query<{ period: string; source: string }>(
      "select period, source from data_values where unit = 'VN-01' and element = 'days'",
    );
    const expected = new Map(
      Array.from({ length: 3000 }, (_, i) => [day(i), `${sources[i % 2]} ${i}`]),
    );
    const wrong = rows.filter((r) => expected.get(r.period) !== r.source);
    assert.deepEqual(wrong.slice(0, 3), []);
    assert.equal(rows.length, 3000);
  });

  test('an empty file and a header without data are refused', async () => {
    assert.equal((await post('')).statusCode, 422);
    const headerOnly = await post('unit,indicator,period,value\n');
    assert.equal(headerOnly.statusCode, 422);
    assert.equal(
      headerOnly.json().report.problems[0].message,
      'the file has a header but no rows of data',
    );
  });

  test('concurrent imports to the same cells do not interleave', async () => {
    // Two imports of the same 2,000 cells with different values, at once: afterwards every cell
    // holds the values of one import or the other, never a mix.
    const cells = Array.from(
      { length: 2000 },
      (_, i) =>
        `VN-01,days,2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    );
    const unique = [...new Set(cells)];
    const file = (v: number) =>
      `unit,indicator,period,value\n${unique.map((c) => `${c},${v}`).join('\n')}\n`;
    const [a, b] = await Promise.all([post(file(1)), post(file(2))]);
    assert.equal(a.statusCode, 200);
    assert.equal(b.statusCode, 200);
    const { rows } = await database().query<{ value: number; n: string }>(
      `select value, count(*) as n from data_values where element = 'days' and period like '2024-%' group by value`,
    );
    assert.equal(rows.length, 1, `one value everywhere, got ${JSON.stringify(rows)}`);
    assert.equal(Number(rows[0]?.n), unique.length);
  });
});
