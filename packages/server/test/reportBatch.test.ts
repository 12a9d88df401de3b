import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { loadDemo } from '../src/demo/loadDemo.js';
import { startJobs } from '../src/services/jobs.js';
import { type ReportBatch, runReportBatch } from '../src/services/reports/batch.js';
import { onEachDatabase } from './databases.js';
import { demoSessions, type Headers, testApp } from './fixtures.js';

// Batches of unit reports (POST /api/reports/batch) on the demo: every province existing at the
// end of a period, each report made as its single download is (and so cached), zipped. Admins and
// analysts only; bad requests are problems naming the field, with a close match.

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

onEachDatabase('batches of unit reports', (database, kind) => {
  let app: FastifyInstance;
  let as: Record<string, Headers> = {};
  before(async () => {
    await loadDemo(database());
    app = await testApp(database());
    as = await demoSessions(app, [
      ['admin', 'admin@demo.dxmon.org'],
      ['analyst', 'analyst@demo.dxmon.org'],
      ['officer', 'officer.tuyenquang@demo.dxmon.org'],
      ['approver', 'approver@demo.dxmon.org'],
      ['viewer', 'viewer@demo.dxmon.org'],
    ] as const);
  });
  after(() => app?.close());

  const start = (who: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/reports/batch', headers: as[who], payload });
  const read = async (id: number, who = 'analyst') => {
    const res = await app.inject({ url: `/api/reports/batch/${id}`, headers: as[who] });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as ReportBatch;
  };
  /** Polls the batch until it is done or failed, checking that its progress never goes back. */
  const finished = async (id: number, seconds = 240) => {
    const deadline = Date.now() + seconds * 1000;
    let last = 0;
    for (;;) {
      const batch = await read(id);
      assert.ok(batch.done >= last || batch.status === 'queued', 'progress only grows');
      assert.ok(batch.done <= batch.total);
      last = batch.done;
      if (batch.status === 'done' || batch.status === 'failed') return batch;
      assert.ok(Date.now() < deadline, `batch ${id} still ${batch.status}: ${batch.done}`);
      await sleep(200);
    }
  };
  const provincesOn = async (day: string) =>
    (
      await database().query<{ code: string }>(
        `select code from units where level = 'province' and valid_from <= $1
            and (valid_to is null or valid_to >= $1) order by code`,
        [day],
      )
    ).rows.map((r) => r.code);

  let batchId = 0;

  test("an analyst's batch of the 34 provinces of 2025 in XLSX: done of total, then one file per province in the ZIP", async () => {
    const provinces = await provincesOn('2025-12-31');
    assert.equal(provinces.length, 34);
    const request = {
      level: 'province',
      framework: 'dti-province',
      period: '2025',
      lang: 'vi',
      format: 'xlsx',
    };
    const res = await start('analyst', request);
    assert.equal(res.statusCode, 202, res.body);
    const started = res.json() as ReportBatch;
    batchId = started.id;
    assert.deepEqual(
      {
        level: started.level,
        framework: started.framework,
        version: started.version,
        period: started.period,
        lang: started.lang,
        format: started.format,
        total: started.total,
        created_by: started.created_by,
        error: started.error,
        finished_at: started.finished_at,
      },
      {
        ...request,
        version: 1,
        total: 34,
        created_by: 'analyst@demo.dxmon.org',
        error: null,
        finished_at: null,
      },
    );
    assert.ok(['queued', 'running'].includes(started.status));
    // The same batch asked for again while it is under way is the same batch.
    const again = await start('admin', request);
    assert.equal(again.statusCode, 202, again.body);
    assert.equal((again.json() as ReportBatch).id, started.id);

    const batch = await finished(started.id);
    assert.equal(batch.status, 'done', batch.error ?? '');
    assert.equal(batch.done, 34);
    assert.equal(batch.total, 34);
    assert.ok(batch.finished_at && batch.finished_at >= batch.created_at);

    const zip = await app.inject({
      url: `/api/reports/batch/${started.id}.zip`,
      headers: as.admin,
    });
    assert.equal(zip.statusCode, 200, zip.body);
    assert.equal(zip.headers['content-type'], 'application/zip');
    assert.match(
      String(zip.headers['content-disposition']),
      /^attachment; filename="dxmon-reports-dti-province-2025-province-vi-xlsx\.zip"$/,
    );
    assert.equal(batch.size, zip.rawPayload.length);
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const names = Object.keys(files);
    assert.equal(names.length, 34, names.join(', '));
    assert.ok(
      names.every((n) => n.endsWith('.xlsx')),
      names.join(', '),
    );
    // One file per province: each one's code names exactly one file.
    for (const code of provinces) {
      const named = names.filter((n) => n.includes(code));
      assert.ok(named.length >= 1, `a file for ${code}: ${names.join(', ')}`);
    }
    // Each file is a workbook, the one a single download of the unit's report gives.
    const one = names.find((n) => n.includes('VN25-08')) as string;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(files[one] as Uint8Array) as never);
    assert.ok(workbook.worksheets.length > 0);
    const single = await app.inject({
      url: '/api/reports/unit/VN25-08.xlsx?framework=dti-province&period=2025&lang=vi',
    });
    assert.equal(single.statusCode, 200, single.body);
    assert.equal(single.headers['content-type'], xlsxType);
    assert.ok(
      Buffer.from(files[one] as Uint8Array).equals(single.rawPayload),
      'the single download is the cached document of the batch',
    );

    const list = await app.inject({ url: '/api/reports/batch', headers: as.admin });
    assert.equal(list.statusCode, 200, list.body);
    const items = (list.json() as { items: ReportBatch[] }).items;
    assert.equal(items[0]?.id, started.id);
    assert.equal(items[0]?.status, 'done');
  });

  test('the 63 provinces of 2022 are the batch of 2022', async () => {
    const res = await start('admin', {
      framework: 'dti-province',
      period: '2022',
      format: 'xlsx',
    });
    assert.equal(res.statusCode, 202, res.body);
    const batch = res.json() as ReportBatch;
    assert.equal(batch.level, 'province');
    assert.equal(batch.lang, 'en');
    assert.equal(batch.total, 63);
    assert.equal(batch.total, (await provincesOn('2022-12-31')).length);
    // Set aside (not waited for): its job stops at its next report.
    await database().query(
      `update report_batches set status = 'failed', error = 'set aside by the test' where id = $1`,
      [batch.id],
    );
    const deadline = Date.now() + 60_000;
    let last = await read(batch.id);
    for (;;) {
      await sleep(500);
      const now = await read(batch.id);
      if (now.done === last.done) break;
      assert.ok(Date.now() < deadline, 'the set-aside batch stops');
      last = now;
    }
    assert.equal(last.status, 'failed');
    assert.ok(last.done < 63);
  });

  test('only admins and analysts make, read and download batches', async () => {
    const request = { framework: 'dti-province', period: '2025', format: 'xlsx' };
    for (const who of ['officer', 'approver', 'viewer']) {
      const res = await start(who, request);
      assert.equal(res.statusCode, 403, `${who}: ${res.body}`);
      assert.match(res.json().detail, /needs the role admin or analyst/);
      for (const url of [
        '/api/reports/batch',
        `/api/reports/batch/${batchId}`,
        `/api/reports/batch/${batchId}.zip`,
      ]) {
        const read = await app.inject({ url, headers: as[who] });
        assert.equal(read.statusCode, 403, `${who} ${url}: ${read.body}`);
      }
    }
    const anonymous = await start('anonymous', request);
    assert.equal(anonymous.statusCode, 401, anonymous.body);
    const zip = await app.inject({ url: `/api/reports/batch/${batchId}.zip` });
    assert.equal(zip.statusCode, 401, zip.body);
  });

  test('bad requests are problems naming the field, with a close match', async () => {
    const good = { level: 'province', framework: 'dti-province', period: '2025', format: 'xlsx' };
    const cases: [Record<string, unknown>, number, string, RegExp][] = [
      [{ framework: 'dti-provice' }, 422, 'body.framework', /did you mean "dti-province"/],
      [{ version: 7 }, 422, 'body.version', /no version 7; its versions are 1/],
      [{ level: 'provnce' }, 422, 'body.level', /did you mean "province"/],
      [{ level: 'district' }, 422, 'body.level', /levels then were country, province/],
      [{ period: '2030' }, 422, 'body.period', /no approved data in 2030.*2020, 2021/],
      [{ period: '2O25' }, 400, 'body.period', /expected a period/],
      [{ lang: 'fr' }, 400, 'body.lang', /en|vi|ar/],
      [{ format: 'html' }, 400, 'body.format', /pdf|xlsx/],
      [{ framework: undefined }, 400, 'body.framework', /./],
    ];
    for (const [change, status, field, message] of cases) {
      const res = await start('admin', { ...good, ...change });
      assert.equal(res.statusCode, status, `${JSON.stringify(change)}: ${res.body}`);
      assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
      const problem = res.json() as {
        detail: string;
        fields: { field: string; message: string }[];
      };
      const named = problem.fields.find((f) => f.field === field);
      assert.ok(named, `${JSON.stringify(change)} names ${field}: ${res.body}`);
      assert.match(`${problem.detail} ${named.message}`, message);
    }
    const none = await app.inject({ url: '/api/reports/batch/999999', headers: as.admin });
    assert.equal(none.statusCode, 404, none.body);
    const noZip = await app.inject({ url: '/api/reports/batch/999999.zip', headers: as.admin });
    assert.equal(noZip.statusCode, 404, noZip.body);
    const notId = await app.inject({ url: '/api/reports/batch/latest', headers: as.admin });
    assert.equal(notId.statusCode, 400, notId.body);
  });

  test('a batch under way has no archive yet (409); a failed one says which unit failed', async () => {
    const insert = async (status: string, units: string[]) =>
      (
        await database().query<{ id: number }>(
          `insert into report_batches
             (status, level, framework_id, framework_version, period, lang, format, units, total, created_by)
           values ($1, 'province', 'dti-province', 1, '2025', 'en', 'xlsx', $2::jsonb, $3, 'test')
           returning id`,
          [status, JSON.stringify(units), units.length],
        )
      ).rows[0]?.id as number;
    const running = await insert('running', ['VN25-08']);
    const zip = await app.inject({ url: `/api/reports/batch/${running}.zip`, headers: as.admin });
    assert.equal(zip.statusCode, 409, zip.body);
    assert.match(zip.json().detail, /is running: 0 of 1 reports made/);

    // Stopped between two reports (the process is stopping): queued again, nothing lost.
    const jobs = await startJobs(database(), { workers: false });
    try {
      assert.equal(await runReportBatch(database(), jobs, running, () => true), false);
      assert.equal((await read(running)).status, 'queued');

      const failing = await insert('queued', ['VN25-08', 'VN-XX']);
      assert.equal(await runReportBatch(database(), jobs, failing, () => false), true);
      const failed = await read(failing);
      assert.equal(failed.status, 'failed');
      assert.equal(failed.done, 1, failed.error ?? '');
      assert.match(failed.error ?? '', /^VN-XX: /);
      assert.ok(failed.finished_at);
      const noArchive = await app.inject({
        url: `/api/reports/batch/${failing}.zip`,
        headers: as.admin,
      });
      assert.equal(noArchive.statusCode, 409, noArchive.body);
      assert.match(noArchive.json().detail, /failed \(VN-XX: .*\): it has no archive/);
      // A finished batch is never run again.
      assert.equal(await runReportBatch(database(), jobs, failing, () => false), true);
      assert.equal((await read(failing)).status, 'failed');
    } finally {
      await jobs.stop();
      await database().query(`update report_batches set status = 'failed' where id = $1`, [
        running,
      ]);
    }
  });

  if (kind === 'postgres') {
    test('two processes on one PostgreSQL database: each batch runs once', async () => {
      // A second queue with its workers on the same database, as a second server process.
      const second = await testApp(database());
      try {
        const ids: number[] = [];
        for (const [i, lang] of ['en', 'ar'].entries()) {
          const res = await (i === 0 ? app : second).inject({
            method: 'POST',
            url: '/api/reports/batch',
            headers: as.analyst,
            payload: {
              level: 'country',
              framework: 'dti-province',
              period: '2024',
              lang,
              format: 'xlsx',
            },
          });
          assert.equal(res.statusCode, 202, res.body);
          ids.push((res.json() as ReportBatch).id);
        }
        for (const id of ids) {
          const batch = await finished(id);
          assert.equal(batch.status, 'done', batch.error ?? '');
          assert.equal(batch.done, 1);
        }
        // One job each, completed at its first try by one of the two.
        const { rows } = await database().query<{ id: number; state: string; retries: number }>(
          `select (data->>'batchId')::int as id, state, retry_count as retries from pgboss.job
            where name = 'report-batch' and (data->>'batchId')::int = any($1::int[])
            order by 1`,
          [ids],
        );
        assert.deepEqual(
          rows,
          ids.map((id) => ({ id, state: 'completed', retries: 0 })),
        );
      } finally {
        await second.close();
      }
    });
  }
});
