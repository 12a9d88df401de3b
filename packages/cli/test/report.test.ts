// dxmon report unit|plan|batch on the demo, on the embedded database: documents written whole or
// not at all, bad input named with a close match, a batch followed to its ZIP, in this process
// (which then runs the job itself) and through a running dxmon serve. The processes get
// DATABASE_URL cleared: the server's own suites cover PostgreSQL.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { assertRejected, binPath, type Run, type Serving, serveInBackground } from './support.js';

const env = { ...process.env, DATABASE_URL: '' };

describe('dxmon report', () => {
  let dir = '';
  const run = (...args: string[]): Run => {
    const r = spawnSync(process.execPath, [binPath, ...args], { cwd: dir, encoding: 'utf8', env });
    if (r.error) throw r.error;
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const ok = (r: Run) => {
    assert.equal(r.status, 0, r.stderr);
    return r;
  };
  const report = (...args: string[]) => run('report', ...args, '--data-dir', 'db');
  const tuyenQuang = ['--unit', 'VN-08', '--framework', 'dti-province', '--period', '2022'];
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dxmon-cli-report-'));
    ok(run('demo', '--data-dir', 'db'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  // In this process: nobody holds the folder, so the command opens the database itself.

  test('report unit --format xlsx writes the workbook', () => {
    const written = ok(report('unit', ...tuyenQuang, '--format', 'xlsx', '--out', 'VN-08.xlsx'));
    assert.match(
      written.stderr,
      /^VN-08\.xlsx: VN-08, dti-province 2022, en \(xlsx, [\d.]+ KB\)\n$/,
    );
    const parts = unzipSync(read('VN-08.xlsx'));
    assert.ok('xl/workbook.xml' in parts, Object.keys(parts).join(', '));
  });

  test('report batch in this process: progress lines, then the ZIP of one report per unit', () => {
    const batch = ok(
      report(
        'batch',
        '--level',
        'country',
        '--framework',
        'dti-province',
        '--period',
        '2024',
        '--format',
        'xlsx',
        '--out',
        'country.zip',
      ),
    );
    // Not a terminal: a line each time more reports are made.
    assert.match(batch.stderr, /^report batch \d+: 0 of 1 reports \(queued\)\n/);
    assert.match(batch.stderr, /report batch \d+: 1 of 1 reports \(done\)\n/);
    assert.match(batch.stderr, /country\.zip: 1 reports \(dti-province 2024, country, en, xlsx; /);
    const names = Object.keys(unzipSync(read('country.zip')));
    assert.deepEqual(names, ['VN_dti-province_2024_en.xlsx']);
  });

  test('bad options are refused before the database is opened, and nothing is written', () => {
    const cases: [string[], RegExp][] = [
      [
        ['unit', ...tuyenQuang, '--lang', 'vn', '--out', 'bad.pdf'],
        /--lang "vn": not one of en, vi, ar; did you mean/,
      ],
      [
        ['unit', ...tuyenQuang, '--format', 'docx', '--out', 'bad.pdf'],
        /--format "docx": not one of pdf, xlsx, html, json/,
      ],
      [
        ['unit', ...tuyenQuang, '--format', 'xlsx', '--out', '-'],
        /XLSX is a binary format: give --out FILE\.xlsx/,
      ],
      [
        ['plan', '--plan', 'NB-DX-2025', '--lang', 'fr', '--out', 'bad.pdf'],
        /--lang "fr": not one of en, vi, ar/,
      ],
      [
        [
          'batch',
          '--framework',
          'dti-province',
          '--period',
          '2024',
          '--format',
          'html',
          '--out',
          'bad.zip',
        ],
        /--format "html": not one of pdf, xlsx/,
      ],
      [
        ['batch', '--framework', 'dti-province', '--period', '2024', '--out', '-'],
        /give --out FILE\.zip/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = report(...args);
      assertRejected(r, dir, 'bad.pdf', 'bad.zip');
      assert.match(r.stderr, message);
    }
    const missing = report('unit', '--unit', 'VN-08', '--out', 'bad.pdf');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /required option '--framework <id>' not specified/);
  });

  // Through a running dxmon serve: the commands ask it through the folder's socket.

  describe('while dxmon serve holds the folder', () => {
    let server: Serving;
    before(async () => {
      server = await serveInBackground(dir, env, '--data-dir', 'db', '--log-level', 'silent');
    });
    after(() => server?.stop());

    test('report unit as JSON: Tuyen Quang is 48th of 63 in 2022, named in Vietnamese', () => {
      const json = ok(
        report('unit', ...tuyenQuang, '--lang', 'vi', '--format', 'json', '--out', '-'),
      );
      const document = JSON.parse(json.stdout) as {
        kind: string;
        lang: string;
        unit: { code: string; name: string };
        headline: { rank: number; units: number };
      };
      assert.equal(document.kind, 'unit');
      assert.equal(document.lang, 'vi');
      assert.equal(document.unit.code, 'VN-08');
      assert.equal(document.unit.name, 'Tuyên Quang');
      assert.equal(document.headline.rank, 48);
      assert.equal(document.headline.units, 63);
      // The format follows --out's extension.
      ok(report('unit', ...tuyenQuang, '--out', 'VN-08.json'));
      assert.equal(
        (JSON.parse(readFileSync(join(dir, 'VN-08.json'), 'utf8')) as { lang: string }).lang,
        'en',
      );
    });

    test('a bad unit, framework, period or plan exits 1 naming it with a close match, and writes nothing', () => {
      const cases: [string[], RegExp][] = [
        [
          ['unit', '--unit', 'vn-08', '--framework', 'dti-province', '--period', '2022'],
          /unit "vn-08" does not exist; did you mean "VN-08"\?/,
        ],
        [
          ['unit', '--unit', 'VN-08', '--framework', 'dti-provinse', '--period', '2022'],
          /"dti-provinse".*did you mean "dti-province"/s,
        ],
        [['unit', '--unit', 'VN-08', '--framework', 'dti-province', '--period', '2032'], /2032/],
        [
          ['plan', '--plan', 'NB-DX-2026'],
          /plan "NB-DX-2026" does not exist; did you mean "NB-DX-2025"/,
        ],
        [
          ['batch', '--level', 'provnce', '--framework', 'dti-province', '--period', '2024'],
          /body\.level: .*did you mean "province"/,
        ],
        [
          ['batch', '--framework', 'dti-province', '--period', '2031'],
          /body\.period: dti-province has no approved data in 2031/,
        ],
      ];
      for (const [args, message] of cases) {
        const out = args[0] === 'batch' ? 'bad.zip' : 'bad.xlsx';
        const r = report(...args, '--out', out);
        assertRejected(r, dir, out);
        assert.match(r.stderr, message);
      }
    });

    test('report plan: its targets counted by status, as JSON and XLSX; a plan id with a slash', () => {
      const json = ok(report('plan', '--plan', 'NB-DX-2025', '--out', 'plan.json'));
      assert.match(json.stderr, /^plan\.json: plan NB-DX-2025, en \(json, /);
      const document = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as {
        kind: string;
        plan: { id: string; targets: { status: string }[]; summary: { total: number } };
      };
      assert.equal(document.kind, 'plan');
      assert.equal(document.plan.id, 'NB-DX-2025');
      assert.ok(document.plan.targets.length > 0);
      assert.equal(document.plan.summary.total, document.plan.targets.length);

      ok(report('plan', '--plan', '48-NQ/TU', '--lang', 'vi', '--out', 'tq.xlsx'));
      assert.ok('xl/workbook.xml' in unzipSync(read('tq.xlsx')));
    });

    test('report unit as PDF: printed by the server, Tuyen Quang named with its diacritics', () => {
      const written = ok(report('unit', ...tuyenQuang, '--lang', 'vi', '--out', 'tuyen-quang.pdf'));
      assert.match(
        written.stderr,
        /^tuyen-quang\.pdf: VN-08, dti-province 2022, vi \(pdf, [\d.]+ KB\)\n$/,
      );
      assert.equal(Buffer.from(read('tuyen-quang.pdf').subarray(0, 5)).toString('latin1'), '%PDF-');
      const text = execFileSync('/usr/bin/pdftotext', [join(dir, 'tuyen-quang.pdf'), '-'], {
        encoding: 'utf8',
      });
      assert.ok(text.includes('Tuyên Quang'), text.slice(0, 500));
    });

    test('report batch: made by the server, downloaded through it', async () => {
      const batch = ok(
        report(
          'batch',
          '--level',
          'country',
          '--framework',
          'dti-province',
          '--period',
          '2023',
          '--lang',
          'ar',
          '--format',
          'xlsx',
          '--out',
          'served.zip',
        ),
      );
      assert.match(batch.stderr, /served\.zip: 1 reports \(dti-province 2023, country, ar, xlsx; /);
      assert.deepEqual(Object.keys(unzipSync(read('served.zip'))), [
        'VN_dti-province_2023_ar.xlsx',
      ]);
      // The API's list is for signed-in admins and analysts; the command line acts as one.
      assert.equal((await fetch(`${server.address}/api/reports/batch`)).status, 401);
    });
  });
});
