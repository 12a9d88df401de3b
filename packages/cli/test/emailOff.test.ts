// `dxmon serve` without SMTP_URL says once that e-mail is off (notifications stay in the app);
// with it, nothing is said.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { binPath } from './support.js';

/** Starts `dxmon serve` on a fresh embedded database, stops it once serving: its stderr. */
async function serveOnce(env: NodeJS.ProcessEnv): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dxmon-mail-'));
  try {
    const child = spawn(
      process.execPath,
      [binPath, 'serve', '--port', '0', '--data-dir', join(dir, 'data')],
      { env: { ...process.env, DATABASE_URL: '', SMTP_URL: '', ...env } },
    );
    let err = '';
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        err += chunk;
        if (/serving http/.test(err)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`serve ended (${code}): ${err}`)));
    });
    child.kill('SIGTERM');
    await exited;
    return err;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('without SMTP_URL one line says e-mail is off; with it none', async () => {
  const off = await serveOnce({});
  assert.equal(
    off
      .split('\n')
      .filter((l) => l === 'dxmon: e-mail off: SMTP_URL not set; notifications in-app only').length,
    1,
    off,
  );
  const on = await serveOnce({ SMTP_URL: 'smtp://127.0.0.1:2525' });
  assert.doesNotMatch(on, /e-mail off/);
  assert.match(on, /serving http/);
});
