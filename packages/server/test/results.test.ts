import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { compute } from '@dxmon/engine';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { units } from '../src/db/schema.js';
import { exportData, resultColumns, resultRows } from '../src/exports/exports.js';
import { csvStream, exportTable } from '../src/exports/exportTable.js';
import { assessmentInput, computeAssessment, loadPanel } from '../src/services/assessments.js';
import { listDataValues } from '../src/services/dataValues.js';
import { saveFramework } from '../src/services/frameworks.js';
import { getResults } from '../src/services/results.js';
import { onEachDatabase } from './databases.js';
import {
  adminAuthorization,
  miniData as data,
  miniFramework as framework,
  seedProvinces,
  testApp,
} from './fixtures.js';

onEachDatabase('results', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    await saveFramework(database().db, framework);
    app = await testApp(database());
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: data,
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  test('every unit and node, ranked, with rank changes', async () => {
    const res = await app.inject('/api/results?framework=mini&period=2024&level=province');
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    assert.equal(r.at, '2024-12-31');
    assert.equal(r.derived, false);
    assert.deepEqual(
      r.nodes.map((n: { code: string }) => n.code),
      ['DTI', 'GOV', 'online_share', 'days', 'SOC', 'ehr_share'],
    );
    assert.deepEqual(
      r.items.map((i: { unit: string; score: number; rank: number }) => [i.unit, i.score, i.rank]),
      [
        ['VN-01', 100, 1],
        ['VN-08', 50, 2],
        ['VN-02', 0, 3],
      ],
    );
    // Ha Noi is VN-01 with its names; its ehr_share node scored 100.
    assert.equal(r.items[0].names.en, 'Ha Noi');
    assert.equal(r.items[0].region, 'Red River Delta');
    assert.deepEqual(r.items[0].nodes.ehr_share, { score: 100, rank: 1 });
    // 2023 ranks: VN-02 1st, VN-01 2nd, VN-08 3rd -> changes +1, +1, -2.
    assert.deepEqual(
      r.items.map((i: { unit: string; rank_change: number }) => [i.unit, i.rank_change]),
      [
        ['VN-01', 1],
        ['VN-08', 1],
        ['VN-02', -2],
      ],
    );
  });

  test("2024 results on the provinces of 2025: a merged province scores its predecessors' mean", async () => {
    const r = (await app.inject('/api/results?framework=mini&period=2024&at=2025-12-31')).json();
    assert.equal(r.derived, true);
    // VN25-08 = mean(VN-02: 0, VN-08: 50) = 25; VN-01 continues with 100.
    assert.deepEqual(
      r.items.map((i: { unit: string; score: number; rank: number; predecessors: string[] }) => [
        i.unit,
        i.score,
        i.rank,
        i.predecessors,
      ]),
      [
        ['VN-01', 100, 1, ['VN-01']],
        ['VN25-08', 25, 2, ['VN-02', 'VN-08']],
      ],
    );
  });

  test('results follow the data: after an import they are recomputed', async () => {
    const first = (await app.inject('/api/results?framework=mini&period=2024')).json();
    const again = (await app.inject('/api/results?framework=mini&period=2024')).json();
    assert.equal(again.run_id, first.run_id, 'served from storage while current');
    // VN-02 now processes files in 2 days: best on days -> days scores 0 for VN-01? No: 2 is the
    // new best (100), VN-01's 4 -> (10 - 4)... the worst is now 7 (VN-08): VN-01 (7-4)/5*100 = 60.
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: 'unit,indicator,period,value\nVN-02,days,2024,2\n',
    });
    assert.equal(res.statusCode, 200);
    const after = (await app.inject('/api/results?framework=mini&period=2024')).json();
    assert.notEqual(after.run_id, first.run_id);
    const vn01 = after.items.find((i: { unit: string }) => i.unit === 'VN-01');
    assert.equal(vn01.nodes.days.score, 60);
  });

  test('a run queued through the job queue completes, with its results stored', async () => {
    const start = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { authorization: await adminAuthorization(database()) },
      payload: { framework: 'mini', period: '2023' },
    });
    assert.equal(start.statusCode, 202, start.body);
    assert.equal(start.json().status, 'queued');
    let run = start.json();
    for (let i = 0; i < 100 && run.status !== 'done' && run.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await app.inject(`/api/runs/${start.json().id}`)).json();
    }
    assert.equal(run.status, 'done', JSON.stringify(run));
    assert.equal(run.units, 3);
    assert.equal(run.at, '2023-12-31');
    assert.equal((await app.inject('/api/runs/99999')).statusCode, 404);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { authorization: await adminAuthorization(database()) },
      payload: { framework: 'mini', period: 'x' },
    });
    assert.equal(bad.statusCode, 400);
  });

  test('a run for a level no unit has on its date is refused, naming body.level and the levels', async () => {
    const runs = async () =>
      Number(
        (await database().query<{ n: string }>('select count(*) as n from assessment_runs')).rows[0]
          ?.n,
      );
    const before = await runs();
    for (const [payload, on, levels] of [
      [{ framework: 'mini', period: '2024', level: 'galaxy' }, '2024-12-31', 'country, province'],
      [{ framework: 'mini', period: '2024', level: 'Province' }, '2024-12-31', 'country, province'],
      // Provinces there are, but the first (VN-02, VN-08) began in 1991.
      [{ framework: 'mini', period: '1980', level: 'province' }, '1980-12-31', 'country'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/runs',
        headers: { authorization: await adminAuthorization(database()) },
        payload,
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const problem = res.json();
      assert.equal(problem.status, 422);
      assert.match(problem.detail, new RegExp(`"${payload.level}"`));
      assert.deepEqual(problem.fields, [
        {
          field: 'body.level',
          message: `no unit of this level existed on ${on}; the levels then were ${levels}`,
          value: payload.level,
        },
      ]);
    }
    // Before any unit existed there is no level at all.
    const empty = await app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { authorization: await adminAuthorization(database()) },
      payload: { framework: 'mini', period: '1970', level: 'province' },
    });
    assert.equal(empty.statusCode, 422, empty.body);
    assert.equal(empty.json().fields[0].message, 'no unit at all existed on 1970-12-31');
    assert.equal(await runs(), before, 'a refused run was queued');
  });

  test('exports: results as CSV (with BOM), XLSX and JSON, the same rows', async () => {
    const csv = await app.inject('/api/exports/results.csv?framework=mini&period=2023');
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.headers['content-disposition'] as string, /results-mini-2023\.csv/);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(lines[0], 'unit,code,period,score,rank');
    // 3 units x 6 nodes; 2023: VN-02 is best on every indicator -> DTI 100, rank 1.
    assert.equal(lines.length, 1 + 18);
    assert.ok(lines.includes('VN-02,DTI,2023,100,1'), lines.join('\n'));
    const json = (await app.inject('/api/exports/results.json?framework=mini&period=2023')).json();
    assert.equal(json.length, 18);
    assert.deepEqual(
      json.find((r: { unit: string; code: string }) => r.unit === 'VN-02' && r.code === 'DTI'),
      { unit: 'VN-02', code: 'DTI', period: '2023', score: 100, rank: 1 },
    );
    const xlsx = await app.inject('/api/exports/results.xlsx?framework=mini&period=2023');
    assert.equal(xlsx.statusCode, 200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as never);
    const sheet = workbook.worksheets[0];
    assert.ok(sheet);
    assert.equal(sheet.rowCount, 19);
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [
      'unit',
      'code',
      'period',
      'score',
      'rank',
    ]);
    assert.equal(
      (await app.inject('/api/exports/results.pdf?framework=mini&period=2023')).statusCode,
      400,
    );
  });

  test("exports: one unit's results, ranked among all units; an unknown unit is a 404", async () => {
    const one = await app.inject('/api/exports/results.json?framework=mini&period=2023&unit=VN-02');
    assert.equal(one.statusCode, 200, one.body);
    assert.match(one.headers['content-disposition'] as string, /results-mini-2023-VN-02\.json/);
    const rows = one.json() as { unit: string; code: string; rank: number }[];
    assert.equal(rows.length, 6, 'one row per node');
    assert.ok(rows.every((r) => r.unit === 'VN-02'));
    assert.equal(rows.find((r) => r.code === 'DTI')?.rank, 1);
    const none = await app.inject('/api/exports/results.csv?framework=mini&period=2023&unit=XX');
    assert.equal(none.statusCode, 404);
    assert.match(none.json().detail, /XX/);
  });

  test('exports: data values and targets', async () => {
    const data = await app.inject('/api/exports/data.csv?unit=VN-01&period=2024');
    assert.equal(data.statusCode, 200);
    const lines = data.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(lines[0], 'unit,indicator,period,value,source,evidence,status,version,updated_at');
    assert.equal(lines.length, 1 + 4);
  });

  test('unknown framework 404, bad period 400', async () => {
    assert.equal((await app.inject('/api/results?framework=nope&period=2024')).statusCode, 404);
    assert.equal((await app.inject('/api/results?framework=mini&period=24')).statusCode, 400);
    assert.equal((await app.inject('/api/results?period=2024')).statusCode, 400);
  });

  test('frameworks list and detail', async () => {
    const list = (await app.inject('/api/frameworks')).json();
    assert.deepEqual(
      list.items.map((f: { id: string; version: number }) => [f.id, f.version]),
      [['mini', 1]],
    );
    const one = (await app.inject('/api/frameworks/mini')).json();
    assert.equal(
      one.nodes.find((n: { code: string }) => n.code === 'ehr_share').formula,
      'ehr_people / population * 100',
    );
    assert.equal((await app.inject('/api/frameworks/mini?version=9')).statusCode, 404);
  });
});

// Commune-level views: three provinces' communes (some under a district), one of the provinces
// ended on 2025-06-30; the views are checked against the unfiltered answer and the hierarchy the
// test itself built.
const hierarchy: Record<string, string[]> = {
  // Ha Noi: eight communes directly, four more through a district.
  'VN-01': [...communes('C01', 8), ...communes('C01-D', 4)],
  'VN-08': communes('C08', 10),
  'VN-02': communes('C02', 5),
};
const district = 'D01';

function communes(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}-${String(i + 1).padStart(2, '0')}`);
}

const communeFramework = `id: communes
name: Commune index
nodes:
  - {code: CDX, name: Commune DX}
  - {code: GOV, name: Government, parent: CDX}
  - {code: online_share, parent: GOV}
  - {code: days, parent: GOV, direction: -1}
`;

onEachDatabase('results views: parent, nodes, pages', (database) => {
  let app: FastifyInstance;
  const all = Object.values(hierarchy).flat();
  before(async () => {
    await seedProvinces(database());
    const rows = [
      { code: district, level: 'district', parent: 'VN-01', nameEn: 'District One' },
      ...Object.entries(hierarchy).flatMap(([province, codes]) =>
        codes.map((code) => ({
          code,
          level: 'commune',
          parent: code.startsWith('C01-D') ? district : province,
          nameEn: `Commune ${code}`,
        })),
      ),
    ];
    await database()
      .db.insert(units)
      .values(rows.map((r) => ({ ...r, validFrom: '2000-01-01' })));
    await saveFramework(database().db, communeFramework);
    app = await testApp(database());
    // Values that tie now and then (ties share a rank), for 2024 only.
    const csv = all.flatMap((code, i) => [
      `${code},online_share,2024,${(i * 37) % 11}`,
      `${code},days,2024,${(i * 13) % 7}`,
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: `unit,indicator,period,value\n${csv.join('\n')}\n`,
    });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => app?.close());

  const base = '/api/results?framework=communes&period=2024&level=commune';
  const get = async (query: string) => {
    const res = await app.inject(`${base}${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  type Item = { unit: string; rank: number; nodes: Record<string, unknown> };

  test('without a view: every commune, total beside them, no page', async () => {
    const full = await get('');
    assert.equal(full.items.length, all.length);
    assert.equal(full.total, all.length);
    assert.equal(full.offset, 0);
    assert.equal(full.limit, null);
    assert.deepEqual(full.items.map((i: Item) => i.unit).sort(), [...all].sort());
  });

  test('every page concatenated is the full list, in its order', async () => {
    const full = await get('');
    for (const size of [1, 5, 7, all.length, 1000]) {
      const pages: Item[] = [];
      for (let offset = 0; offset < all.length; offset += size) {
        const page = await get(`&limit=${size}&offset=${offset}`);
        assert.equal(page.total, all.length);
        assert.equal(page.limit, size);
        assert.equal(page.offset, offset);
        assert.ok(page.items.length <= size);
        pages.push(...page.items);
      }
      assert.deepEqual(pages, full.items, `pages of ${size}`);
    }
    const past = await get(`&limit=5&offset=${all.length}`);
    assert.deepEqual(past.items, []);
    assert.equal(past.total, all.length);
  });

  test("parent: a province's communes at any depth, as the full answer filtered", async () => {
    const full = await get('');
    for (const [province, codes] of Object.entries(hierarchy)) {
      const expected = full.items.filter((i: Item) => codes.includes(i.unit));
      const under = await get(`&parent=${province}`);
      assert.equal(under.total, codes.length, province);
      assert.deepEqual(under.items, expected, province);
      // Ranks stay those among every commune of the country.
      assert.ok(under.items.some((i: Item) => i.rank > codes.length) || province === 'VN-08');
    }
    const inDistrict = await get(`&parent=${district}`);
    assert.deepEqual(
      inDistrict.items.map((i: Item) => i.unit).sort(),
      hierarchy['VN-01']?.filter((c) => c.startsWith('C01-D')),
    );
    const country = await get('&parent=VN');
    assert.deepEqual(country.items, full.items);
    // Parent and page together: pages of the province's list.
    const province = await get('&parent=VN-01');
    const second = await get('&parent=VN-01&limit=5&offset=5');
    assert.equal(second.total, 12);
    assert.deepEqual(second.items, province.items.slice(5, 10));
  });

  test('parent follows the hierarchy on the date: a province ended in 2025 has no communes then', async () => {
    const later = await app.inject(`${base}&at=2025-12-31&parent=VN-08`);
    assert.equal(later.statusCode, 400, later.body);
    assert.equal(later.json().fields[0].field, 'query.parent');
    assert.match(later.json().detail, /did not exist on 2025-12-31/);
  });

  test('nodes: only the nodes asked for, with the same scores; empty: the index score only', async () => {
    const full = await get('');
    const some = await get('&nodes=GOV,%20days,GOV');
    assert.deepEqual(
      some.nodes.map((n: { code: string }) => n.code),
      ['GOV', 'days'],
    );
    some.items.forEach((item: Item & { score: number }, i: number) => {
      const whole = full.items[i];
      assert.equal(item.unit, whole.unit);
      assert.equal(item.score, whole.score);
      assert.deepEqual(item.nodes, { GOV: whole.nodes.GOV, days: whole.nodes.days });
    });
    const none = await get('&nodes=&limit=3');
    assert.deepEqual(none.nodes, []);
    assert.deepEqual(
      none.items.map((i: Item) => i.nodes),
      [{}, {}, {}],
    );
    assert.deepEqual(
      none.items.map((i: Item) => i.rank),
      full.items.slice(0, 3).map((i: Item) => i.rank),
    );
    // The cached full answer is untouched by a view.
    assert.equal(Object.keys((await get('')).items[0].nodes).length, 4);
  });

  test('bad views are 400s naming the field', async () => {
    for (const [query, field, pattern] of [
      ['&limit=1001', 'querystring.limit', /1000/],
      ['&limit=0', 'querystring.limit', /1/],
      ['&limit=ten', 'querystring.limit', /number/],
      ['&offset=-1', 'querystring.offset', /0/],
      ['&parent=C99-01', 'query.parent', /no such unit/],
      ['&parent=VN-1', 'query.parent', /no such unit/],
      ['&nodes=GOV,dayz', 'query.nodes', /dayz/],
    ] as const) {
      const res = await app.inject(`${base}${query}`);
      assert.equal(res.statusCode, 400, `${query}: ${res.body}`);
      const problem = res.json();
      assert.equal(problem.fields[0].field, field, query);
      assert.match(problem.fields[0].message, pattern, query);
    }
    const close = (await app.inject(`${base}&nodes=dayz`)).json();
    assert.match(close.detail, /did you mean "days"/);
  });

  test('a streamed CSV export is byte for byte the in-memory one, and it streams', async () => {
    const streamed = await app.inject(
      '/api/exports/results.csv?framework=communes&period=2024&level=commune',
    );
    assert.equal(streamed.statusCode, 200, streamed.body);
    assert.equal(streamed.headers['content-length'], undefined, 'sent as it is made');
    assert.equal(streamed.headers['x-row-count'], String(all.length * 4));
    const results = await getResults(database(), {
      frameworkId: 'communes',
      period: '2024',
      level: 'commune',
    });
    const inMemory = await exportTable(resultColumns, [...resultRows(results)], 'csv');
    assert.ok(typeof inMemory.body === 'string');
    assert.ok(streamed.rawPayload.equals(Buffer.from(inMemory.body)));
    assert.equal(
      streamed.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n').length,
      1 + all.length * 4,
    );
    // Rows are turned into text as the reader asks: the first chunk comes before the last row.
    let produced = 0;
    const rows = function* () {
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield { unit: `U${i}`, code: 'X', period: '2024', score: i / 3, rank: i + 1 };
      }
    };
    const stream = csvStream(resultColumns, rows());
    const first = await new Promise<Buffer>((resolve) =>
      stream.once('data', (chunk: Buffer) => {
        stream.pause();
        resolve(chunk);
      }),
    );
    assert.ok(first.length > 0);
    assert.ok(produced < 100_000, `${produced} rows made before the first chunk`);
    stream.destroy();
  });

  test('a run reads the period and the one before, and every earlier period for latest-value imputation', async () => {
    // A commune whose online share was last reported in 2021; another commune reported in 2022,
    // so 2022 is the period before 2024 and 2021 lies beyond it.
    await database().db.insert(units).values({
      code: 'C08-99',
      level: 'commune',
      parent: 'VN-08',
      nameEn: 'Commune C08-99',
      validFrom: '2000-01-01',
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: { 'content-type': 'text/csv', authorization: await adminAuthorization(database()) },
      body: 'unit,indicator,period,value\nC08-99,online_share,2021,10\nC08-99,days,2024,3\nC01-01,online_share,2022,50\n',
    });
    assert.equal(res.statusCode, 200, res.body);
    const key = { frameworkId: 'communes', period: '2024', level: 'commune' };
    const input = await assessmentInput(database(), key);
    assert.deepEqual(input.panel.periods, ['2022', '2024']);
    // The stored run equals the engine on every period's values (what the run read before).
    const full = await loadPanel(
      database(),
      [...input.panel.units],
      [...input.panel.series],
      '2024',
    );
    assert.deepEqual(full.periods, ['2021', '2022', '2024']);
    const expected = compute({ tree: input.tree, panel: full, periods: ['2022', '2024'] });
    const run = await computeAssessment(database(), key);
    const stored = await database().query<{ unit: string; node: string; score: number | null }>(
      'select unit, node, score, previous_rank from run_results where run_id = $1',
      [run.id],
    );
    const n = input.units.length;
    for (const r of stored.rows) {
      const at = (input.tree.codes.length + input.tree.codes.indexOf(r.node)) * n;
      const want = expected.scores[at + input.units.findIndex((u) => u.code === r.unit)];
      assert.equal(r.score, Number.isNaN(want) ? null : want, `${r.unit} ${r.node}`);
    }
    const share = (rows: typeof stored.rows) =>
      rows.find((r) => r.unit === 'C08-99' && r.node === 'online_share')?.score;
    assert.equal(share(stored.rows), null, 'no imputation: C08-99 has no 2024 online share');
    // Latest-value imputation reads back to 2021: C08-99's share is its 2021 value, 10, as high
    // as the best of 2024 (the shares run from 0 to 10), so it scores 100.
    const latest = await assessmentInput(database(), { ...key, settings: { impute: 'latest' } });
    assert.deepEqual(latest.panel.periods, ['2021', '2022', '2024']);
    const imputed = await computeAssessment(database(), { ...key, settings: { impute: 'latest' } });
    const { rows } = await database().query<{ unit: string; node: string; score: number | null }>(
      'select unit, node, score from run_results where run_id = $1',
      [imputed.id],
    );
    assert.equal(share(rows), 100);
  });

  test('the data export streams page by page, byte for byte the file made at once', async () => {
    const { items, total } = await listDataValues(database(), { limit: 1_000_000, offset: 0 });
    assert.ok(total > 50, `${total} values`);
    const columns = Object.keys(items[0] ?? {});
    const inMemory = await exportTable(columns, items as never, 'csv');
    const http = await app.inject('/api/exports/data.csv');
    assert.equal(http.statusCode, 200, http.body);
    assert.equal(http.headers['x-row-count'], String(total));
    assert.ok(http.rawPayload.equals(Buffer.from(inMemory.body as string)));
    // Pages of 7 values (and a page size dividing the total: the last page is full).
    for (const size of [7, total]) {
      const file = await exportData(database(), {}, 'csv', size);
      const chunks: Buffer[] = [];
      for await (const chunk of file.body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
      assert.ok(
        Buffer.concat(chunks).equals(Buffer.from(inMemory.body as string)),
        `pages of ${size}`,
      );
      assert.equal(file.rows, total);
    }
    // One unit's values, and JSON from the same pages.
    const one = await exportData(database(), { unit: 'C01-01' }, 'json', 1);
    assert.deepEqual(
      JSON.parse(String(one.body)).map(
        (r: { indicator: string; period: string }) => `${r.indicator} ${r.period}`,
      ),
      items.filter((i) => i.unit === 'C01-01').map((i) => `${i.indicator} ${i.period}`),
    );
  });
});
