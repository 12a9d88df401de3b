// dxmon demo, import, export and serve as a user runs them, on the embedded database (each test
// file's processes get DATABASE_URL cleared: the server's own suites cover PostgreSQL).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { csvParse } from 'd3-dsv';
import { binPath, type Run, type Serving, serveInBackground } from './support.js';

const env = { ...process.env, DATABASE_URL: '' };

function run(cwd: string, ...args: string[]): Run {
  return runWithInput(cwd, '', ...args);
}

function runWithInput(cwd: string, input: string, ...args: string[]): Run {
  const r = spawnSync(process.execPath, [binPath, ...args], { cwd, encoding: 'utf8', env, input });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the demo through the terminal', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dxmon-cli-platform-'));
    writeFileSync(
      join(dir, 'bad.csv'),
      'unit,indicator,period,value\n' +
        'VN-01,online_services_share,2024,99\n' +
        'VN-01,online_services_share,2024,"9,5"\n',
    );
    writeFileSync(
      join(dir, 'good.csv'),
      'unit,indicator,period,value\nVN-01,online_services_share,2024,99.5\n',
    );
    const loaded = run(dir, 'demo', '--data-dir', 'db');
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.match(loaded.stdout + loaded.stderr, /230 units/);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const onlineShare = (period: number, unit = 'VN-01', dataDir = 'db') => {
    const out = run(
      dir,
      'export',
      'data',
      '--data-dir',
      dataDir,
      '--unit',
      unit,
      '--indicator',
      'online_services_share',
      '--period',
      String(period),
    );
    assert.equal(out.status, 0, out.stderr);
    const rows = csvParse(out.stdout.replace(/^\uFEFF/, ''));
    assert.equal(rows.length, 1);
    return Number(rows[0]?.value);
  };
  const onlineShare2024 = () => onlineShare(2024);

  test('the demo loads only into an empty database', () => {
    const again = run(dir, 'demo', '--data-dir', 'db');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already has data/);
  });

  test('a bad row refuses the whole import, naming file, line and field, exit 1', () => {
    const before = onlineShare2024();
    const r = run(dir, 'import', 'bad.csv', '--data-dir', 'db');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nothing was written/);
    assert.match(r.stderr, /bad\.csv:3: field "value"/);
    assert.equal(onlineShare2024(), before);
  });

  test('a dry run writes nothing; the real import does', () => {
    const before = onlineShare2024();
    assert.notEqual(before, 99.5);
    const dry = run(dir, 'import', 'good.csv', '--data-dir', 'db', '--dry-run');
    assert.equal(dry.status, 0, dry.stderr);
    // 99.5% is far above the other provinces (their median near 64%): a warning naming the row.
    assert.match(
      dry.stderr,
      /good\.csv:2: warning: VN-01 2024: online_services_share 99\.5 is unusual among \d+ units/,
    );
    assert.equal(onlineShare2024(), before);
    const real = run(dir, 'import', 'good.csv', '--data-dir', 'db');
    assert.equal(real.status, 0, real.stderr);
    assert.equal(onlineShare2024(), 99.5);
  });

  test('results export as CSV and XLSX files: 63 provinces before the reform', () => {
    const csv = run(
      dir,
      'export',
      'results',
      '--data-dir',
      'db',
      '--framework',
      'dti-province',
      '--period',
      '2024',
      '--out',
      'r.csv',
    );
    assert.equal(csv.status, 0, csv.stderr);
    const rows = csvParse(readFileSync(join(dir, 'r.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const units = new Set(rows.map((r) => r.unit));
    assert.equal(units.size, 63);
    const xlsx = run(
      dir,
      'export',
      'results',
      '--data-dir',
      'db',
      '--framework',
      'dti-province',
      '--period',
      '2025',
      '--out',
      'r.xlsx',
    );
    assert.equal(xlsx.status, 0, xlsx.stderr);
    assert.equal(readFileSync(join(dir, 'r.xlsx')).subarray(0, 2).toString(), 'PK');
  });

  test('an unknown framework is an error naming it, exit 1', () => {
    const r = run(
      dir,
      'export',
      'results',
      '--data-dir',
      'db',
      '--framework',
      'nope',
      '--period',
      '2024',
    );
    assert.equal(r.status, 1);
    assert.match(r.stderr, /nope/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'a message, not a stack trace');
  });

  test('dxmon user add reads the password from stdin; bad fields and duplicates are refused', () => {
    const added = runWithInput(
      dir,
      'a long enough passphrase\n',
      'user',
      'add',
      '--email',
      'Lan@NinhBinh.test',
      '--name',
      'Nguyen Lan',
      '--role',
      'officer',
      '--unit',
      'VN-37',
      '--password-stdin',
      '--data-dir',
      'db',
    );
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /created lan@ninhbinh\.test \(officer of VN-37\)/);
    const again = runWithInput(
      dir,
      'another passphrase\n',
      'user',
      'add',
      '--email',
      'lan@ninhbinh.test',
      '--name',
      'Lan',
      '--role',
      'viewer',
      '--unit',
      'VN-37',
      '--password-stdin',
      '--data-dir',
      'db',
    );
    assert.equal(again.status, 1);
    assert.match(again.stderr, /already an account for lan@ninhbinh\.test/);
    const bad = run(
      dir,
      'user',
      'add',
      '--email',
      'not-an-email',
      '--name',
      'X',
      '--role',
      'boss',
      '--unit',
      'XX-99',
      '--data-dir',
      'db',
    );
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /email: not an email address/);
    assert.match(
      bad.stderr,
      /role: one of admin, analyst, officer, approver, viewer \(got "boss"\)/,
    );
    assert.match(bad.stderr, /unit: no such unit \(got "XX-99"\)/);
    const list = run(dir, 'user', 'list', '--data-dir', 'db');
    assert.match(list.stdout, /lan@ninhbinh\.test\s+Nguyen Lan\s+officer\s+VN-37/);
    const token = run(dir, 'token', 'create', '--email', 'lan@ninhbinh.test', '--data-dir', 'db');
    assert.equal(token.status, 0, token.stderr);
    assert.match(token.stdout, /^dxt_[A-Za-z0-9_-]{43}\n$/);
  });

  test('dxmon serve answers on the port it prints, and stops on SIGTERM', async () => {
    const server = await serve(dir);
    try {
      const health = (await (await fetch(`${server.address}/api/health`)).json()) as {
        status: string;
      };
      assert.equal(health.status, 'ok');
      const units = (await (
        await fetch(`${server.address}/api/units?level=province&at=2025-12-31`)
      ).json()) as { total: number };
      assert.equal(units.total, 34);
    } finally {
      assert.equal(await stopped(server), 0);
    }
  });

  // The reproduction of issue 13: a command on the folder of a running server used to open the
  // same files from a second process, and the folder no longer opened after the server stopped.
  test('while dxmon serve holds the folder, import, user and token go through it; serve and demo are refused naming it', async () => {
    writeFileSync(
      join(dir, 'small.csv'),
      'unit,indicator,period,value\nVN-02,online_services_share,2024,42.5\n',
    );
    const server = await serve(dir);
    try {
      const imported = run(dir, 'import', 'small.csv', '--data-dir', 'db');
      assert.equal(imported.status, 0, imported.stderr);
      assert.match(imported.stdout, /imported: 1 rows, 1 values/);
      // The server sees the value at once: it wrote it.
      const seen = (await (
        await fetch(
          `${server.address}/api/data?unit=VN-02&indicator=online_services_share&period=2024`,
        )
      ).json()) as { items: { value: number }[] };
      assert.deepEqual(
        seen.items.map((i) => i.value),
        [42.5],
      );
      const added = run(
        dir,
        'user',
        'add',
        '--email',
        'ha@hagiang.test',
        '--name',
        'Ha',
        '--role',
        'viewer',
        '--unit',
        'VN-02',
        '--data-dir',
        'db',
      );
      assert.equal(added.status, 0, added.stderr);
      const token = run(dir, 'token', 'create', '--email', 'ha@hagiang.test', '--data-dir', 'db');
      assert.equal(token.status, 0, token.stderr);
      const me = await fetch(`${server.address}/api/me`, {
        headers: { authorization: `Bearer ${token.stdout.trim()}` },
      });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { email: string }).email, 'ha@hagiang.test');

      const holder = new RegExp(
        `db is in use by dxmon serve \\(PID ${server.child.pid}, serving ${server.address.replaceAll('.', '\\.')}\\)`,
      );
      const second = run(dir, 'serve', '--data-dir', 'db', '--port', '0');
      assert.equal(second.status, 1);
      assert.match(second.stderr, holder);
      assert.match(second.stderr, /open http:/);
      assert.match(second.stderr, new RegExp(`kill ${server.child.pid}`));
      assert.ok(second.stderr.length < 1000, 'a message, not a screen of code');
      const demo = run(dir, 'demo', '--data-dir', 'db');
      assert.equal(demo.status, 1);
      assert.match(demo.stderr, holder);
    } finally {
      assert.equal(await stopped(server), 0);
    }
    // Stopped, the folder opens again, with everything written through the server.
    assert.equal(existsSync(join(dir, 'db', 'dxmon.sock')), false);
    assert.equal(onlineShare(2024, 'VN-02'), 42.5);
    const list = run(dir, 'user', 'list', '--data-dir', 'db');
    assert.match(list.stdout, /ha@hagiang\.test\s+Ha\s+viewer\s+VN-02/);
  });

  test('dxmon backup while the server runs, and dxmon restore into a new folder', async () => {
    const server = await serve(dir);
    try {
      const backup = run(dir, 'backup', '--out', 'backup.tar.gz', '--data-dir', 'db');
      assert.equal(backup.status, 0, backup.stderr);
      assert.equal((await fetch(`${server.address}/api/health`)).status, 200, 'still serving');
    } finally {
      assert.equal(await stopped(server), 0);
    }
    const restored = run(dir, 'restore', 'backup.tar.gz', '--data-dir', 'restored');
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /230 units/);
    assert.equal(onlineShare(2024, 'VN-02', 'restored'), onlineShare(2024, 'VN-02'));
    const again = run(dir, 'restore', 'backup.tar.gz', '--data-dir', 'restored');
    assert.equal(again.status, 1);
    assert.match(again.stderr, /restored already holds a database/);
    writeFileSync(join(dir, 'junk.tar.gz'), 'not a backup');
    const junk = run(dir, 'restore', 'junk.tar.gz', '--data-dir', 'junk');
    assert.equal(junk.status, 1);
    assert.match(junk.stderr, /junk\.tar\.gz: not a dxmon backup/);
    assert.equal(existsSync(join(dir, 'junk', 'pglite')), false, 'nothing half-restored');
  });

  test('a port in use is named, with --port; the folder is left free', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    try {
      const r = run(dir, 'serve', '--data-dir', 'db', '--port', String(port));
      assert.equal(r.status, 1);
      assert.match(
        r.stderr,
        new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use by another program`),
      );
      assert.match(r.stderr, /--port/);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
    } finally {
      taken.close();
    }
    assert.equal(existsSync(join(dir, 'db', 'owner.json')), false);
    assert.equal(run(dir, 'user', 'list', '--data-dir', 'db').status, 0);
  });

  test('a server killed with SIGKILL leaves nothing that blocks the next command', async () => {
    const server = await serve(dir);
    server.child.kill('SIGKILL');
    await new Promise((resolve) => server.child.once('exit', resolve));
    assert.equal(existsSync(join(dir, 'db', 'dxmon.sock')), true);
    assert.equal(onlineShare(2024, 'VN-02'), 42.5);
  });
});

/** `dxmon serve --data-dir db` in `cwd`, on a free port. */
const serve = (cwd: string) =>
  serveInBackground(cwd, env, '--data-dir', 'db', '--log-level', 'silent');

/** Stops a server: the exit code, which must come within 5 seconds. */
async function stopped(server: Serving): Promise<number | null> {
  const { code, seconds } = await server.stop();
  assert.ok(seconds < 5, `stopped in ${seconds.toFixed(1)} s`);
  return code;
}
