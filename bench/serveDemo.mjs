// `dxmon serve --demo` as its own process on a fresh database, for the API benchmarks: PGlite in a
// temporary folder, or a fresh PostgreSQL database (created from DATABASE_URL, dropped after).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Starts the server on the demo and resolves with its address, process id, database URL
 * (PostgreSQL), start-up time and `close` (stops it, removes its folder, drops its database).
 * `nodeFlags` go to the server's Node.js (e.g. `--cpu-prof`); `database` names the PostgreSQL
 * database to create; `dxmon` is the command to run (another checkout's
 * `packages/cli/bin/dxmon.js`, to compare with an earlier version).
 */
export async function serveDemo(
  kind,
  { database, nodeFlags = [], dxmon = join(root, 'packages/cli/bin/dxmon.js') },
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dxmon-bench-'));
  let env = { DATABASE_URL: '' };
  const admin = async (sql) => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  if (kind === 'postgres') {
    await admin(`drop database if exists ${database} with (force)`);
    await admin(`create database ${database}`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${database}`;
    env = { DATABASE_URL: url.toString() };
  }
  const cleanUp = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    if (kind === 'postgres') await admin(`drop database if exists ${database} with (force)`);
  };
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      ...nodeFlags,
      dxmon,
      'serve',
      '--demo',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--log-level',
      'error',
    ],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  let address;
  try {
    address = await new Promise((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        err += chunk;
        const m = /serving (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`dxmon serve ended (${code}):\n${err}`)));
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    address,
    pid: child.pid,
    /** The fresh PostgreSQL database's URL; undefined on PGlite. */
    databaseUrl: env.DATABASE_URL || undefined,
    startupSeconds: Math.round((performance.now() - started) / 100) / 10,
    close: async () => {
      const ended = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await ended;
      await cleanUp();
    },
  };
}
