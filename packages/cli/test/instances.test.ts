// Several `dxmon serve` processes on one PostgreSQL database behave as one: a write through one is
// read at once through the other, a session opened on one works on the other, each queued job runs
// once, and SIGTERM lets a request under way finish and stops within 5 seconds. `--workers N` runs
// N processes on one port. PostgreSQL only (DATABASE_URL); each run uses a database of its own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { binPath, type Serving, serveInBackground } from './support.js';

const adminUrl = process.env.DATABASE_URL;

describe('two server processes on one PostgreSQL database', {
  skip: !adminUrl && 'PostgreSQL only: set DATABASE_URL',
}, () => {
  const name = `dxmon_instances_${process.pid}_${randomBytes(3).toString('hex')}`;
  let url = '';
  let cwd = '';
  let env: NodeJS.ProcessEnv = {};
  let a: Serving;
  let b: Serving;
  let token = '';

  const dxmon = (...args: string[]) => {
    const r = spawnSync(process.execPath, [binPath, ...args], { cwd, env, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return r.stdout;
  };
  const start = (...args: string[]) => serveInBackground(cwd, env, ...args);
  const call = async (instance: Serving, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${instance.address}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  before(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const target = new URL(adminUrl as string);
    target.pathname = `/${name}`;
    url = target.toString();
    cwd = mkdtempSync(join(tmpdir(), 'dxmon-instances-'));
    env = { ...process.env, DATABASE_URL: url };
    dxmon('demo');
    token = dxmon('token', 'create', '--email', 'admin@demo.dxmon.org').trim();
    [a, b] = await Promise.all([start('--log-level', 'silent'), start('--log-level', 'silent')]);
  });

  after(async () => {
    for (const instance of [a, b]) if (instance?.child.exitCode === null) await instance.stop();
    rmSync(cwd, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  });

  test('a write through one is read at once through the other, cached reads included', async () => {
    const read = async () => {
      const response = await fetch(
        `${b.address}/api/data?unit=VN-02&indicator=online_services_share&period=2024`,
      );
      return ((await response.json()) as { items: { value: number }[] }).items.map((i) => i.value);
    };
    const before = await read();
    assert.notDeepEqual(before, [12.25]);
    assert.deepEqual(await read(), before); // now in b's response cache
    const imported = await call(a, '/api/imports', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: 'unit,indicator,period,value\nVN-02,online_services_share,2024,12.25\n',
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.deepEqual(await read(), [12.25]);
  });

  test('a session opened on one works on the other', async () => {
    const login = await fetch(`${a.address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'analyst@demo.dxmon.org', password: 'dxmon-demo-2026' }),
    });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    assert.match(cookie, /^dxmon_session=/);
    const me = await fetch(`${b.address}/api/me`, { headers: { cookie } });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { email: string }).email, 'analyst@demo.dxmon.org');
  });

  test('assessment runs queued on both are each computed once', async () => {
    const ids: number[] = [];
    for (const [i, period] of ['2020', '2021', '2022', '2023', '2024', '2025'].entries()) {
      const queued = await call(i % 2 === 0 ? a : b, '/api/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ framework: 'dti-province', period }),
      });
      assert.ok(queued.status < 300, JSON.stringify(queued.body));
      ids.push(queued.body.id as number);
    }
    const deadline = Date.now() + 60_000;
    for (const id of ids) {
      for (;;) {
        const run = await call(b, `/api/runs/${id}`);
        if (run.body.status === 'done') break;
        assert.notEqual(run.body.status, 'failed', JSON.stringify(run.body));
        assert.ok(Date.now() < deadline, `run ${id} not done: ${JSON.stringify(run.body)}`);
        await sleep(200);
      }
    }
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ run: number; state: string; retries: number }>(
        `select (data->>'runId')::int as run, state, retry_count as retries
           from (select data, state, retry_count from pgboss.job where name = 'assessment'
                 union all
                 select data, state, retry_count from pgboss.archive where name = 'assessment') j
          where (data->>'runId')::int = any($1)`,
        [ids],
      );
      assert.deepEqual(
        rows.map((r) => r.run).sort((x, y) => x - y),
        [...ids].sort((x, y) => x - y),
        'one job per run',
      );
      for (const r of rows) {
        assert.equal(r.state, 'completed');
        assert.equal(r.retries, 0);
      }
    } finally {
      await db.end();
    }
  });

  test('a pg_dump backup restores into a new database that serves the same data', async () => {
    const restored = `${name}_restored`;
    const file = join(cwd, 'backup.dump');
    const dump = spawnSync('pg_dump', ['--format=custom', '--file', file, url], {
      encoding: 'utf8',
    });
    assert.equal(dump.status, 0, dump.stderr);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${restored}`);
    try {
      const target = new URL(url);
      target.pathname = `/${restored}`;
      const restore = spawnSync(
        'pg_restore',
        ['--no-owner', '--exit-on-error', '--dbname', target.toString(), file],
        { encoding: 'utf8' },
      );
      assert.equal(restore.status, 0, restore.stderr);
      const originalEnv = env;
      env = { ...process.env, DATABASE_URL: target.toString() };
      const copy = await start('--log-level', 'silent');
      env = originalEnv;
      try {
        const path = '/api/data?unit=VN-02&indicator=online_services_share&period=2024';
        const read = async (address: string) =>
          ((await (await fetch(`${address}${path}`)).json()) as { items: { value: number }[] })
            .items;
        assert.deepEqual(await read(copy.address), await read(b.address));
        const audit = await fetch(`${copy.address}/api/audit?limit=5`, {
          headers: { authorization: `Bearer ${token}` },
        });
        assert.equal(audit.status, 200, 'the tokens came along');
        const trail = (await audit.json()) as { items: unknown[] };
        assert.ok(trail.items.length > 0, 'the audit trail came along');
      } finally {
        await copy.stop();
      }
    } finally {
      await admin.query(`drop database if exists ${restored} with (force)`);
      await admin.end();
    }
  });

  test('SIGTERM lets a request under way finish, and the process ends within 5 seconds', async () => {
    // An import whose file is still arriving when the signal comes: it must be read to its end,
    // written and answered before the process ends.
    const { hostname, port } = new URL(a.address);
    let answered = '';
    const upload = request({
      host: hostname,
      port,
      method: 'POST',
      path: '/api/imports',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    });
    const response = new Promise<number>((resolve, reject) => {
      upload.on('response', (res) => {
        res.on('data', (chunk) => {
          answered += chunk;
        });
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      upload.on('error', reject);
    });
    upload.write('unit,indicator,period,value\nVN-08,online_services_share,2024,33.5\n');
    await sleep(300);
    const stopped = a.stop();
    await sleep(300);
    upload.end('VN-02,online_services_share,2024,13.5\n');
    assert.equal(await response, 200, answered);
    assert.match(answered, /"inserted":0,"updated":2/);
    const { code, seconds } = await stopped;
    assert.equal(code, 0);
    assert.ok(seconds < 5, `stopped in ${seconds.toFixed(1)} s`);
    // The other instance goes on serving, and has the values.
    const read = await fetch(
      `${b.address}/api/data?unit=VN-02&indicator=online_services_share&period=2024`,
    );
    assert.deepEqual(
      ((await read.json()) as { items: { value: number }[] }).items.map((i) => i.value),
      [13.5],
    );
    const other = await b.stop();
    assert.equal(other.code, 0);
    assert.ok(other.seconds < 5, `stopped in ${other.seconds.toFixed(1)} s`);
  });

  test('--workers 2 serves one port from two processes, and stops them both', async () => {
    const cluster = await start('--workers', '2', '--log-level', 'silent');
    try {
      const workers = spawnSync('ps', ['-o', 'pid=', '--ppid', String(cluster.child.pid)], {
        encoding: 'utf8',
      });
      assert.equal(workers.stdout.trim().split('\n').length, 2, workers.stdout);
      for (let i = 0; i < 10; i += 1) {
        assert.equal((await fetch(`${cluster.address}/api/health`)).status, 200);
      }
    } finally {
      const { code, seconds } = await cluster.stop();
      assert.equal(code, 0);
      assert.ok(seconds < 5, `stopped in ${seconds.toFixed(1)} s`);
    }
  });
});
