// One process owns a PGlite folder: a second one, in this process or another, never opens it;
// a holder that crashed leaves nothing that blocks the next; two starting at once cannot both win.
// Child processes (support/openDataDir.mjs) load the built server, so the build must exist.
import assert from 'node:assert/strict';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../src/db/database.js';
import {
  claimDataDir,
  DataDirInUse,
  dataDirHeld,
  readDataDirHolder,
} from '../src/local/dataDirOwner.js';

const script = new URL('./support/openDataDir.mjs', import.meta.url).pathname;

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** The next line the child prints. */
  line(): Promise<string>;
  exited: Promise<number | null>;
}

function openInChild(dataDir: string, holder: string): Child {
  const child = spawn(process.execPath, [script, dataDir, holder], {
    env: { ...process.env, DATABASE_URL: '' },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return {
    process: child,
    line: async () => {
      const next = await lines.next();
      if (next.done) throw new Error(`the child ended without a line: ${stderr}`);
      return next.value;
    },
    exited,
  };
}

describe('one owner per PGlite folder', () => {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'dxmon-owner-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a second opening in this process is refused, naming the holder; closing frees it', async () => {
    const dir = join(root, 'same-process');
    const first = await openDatabase({ dataDir: dir, holder: 'dxmon serve' });
    try {
      await assert.rejects(openDatabase({ dataDir: dir, holder: 'dxmon import' }), (error) => {
        assert.ok(error instanceof DataDirInUse);
        assert.equal(error.holder?.pid, process.pid);
        assert.equal(error.holder?.command, 'dxmon serve');
        assert.match(error.message, new RegExp(`in use by dxmon serve \\(PID ${process.pid}\\)`));
        return true;
      });
      first.claim?.announce('http://127.0.0.1:8080');
      assert.equal(readDataDirHolder(dir)?.url, 'http://127.0.0.1:8080');
      await first.query('create table kept (n int)');
      await first.query('insert into kept values (7)');
    } finally {
      await first.close();
    }
    assert.equal(await dataDirHeld(dir), false);
    assert.equal(existsSync(join(dir, 'owner.json')), false);
    const again = await openDatabase({ dataDir: dir });
    try {
      const { rows } = await again.query<{ n: number }>('select n from kept');
      assert.deepEqual(rows, [{ n: 7 }]);
    } finally {
      await again.close();
    }
  });

  test('another process is refused while one holds the folder, and loses nothing', async () => {
    const dir = join(root, 'two-processes');
    const holder = openInChild(dir, 'dxmon serve');
    assert.equal(await holder.line(), 'open');
    holder.process.stdin.write('1\n');
    assert.equal(await holder.line(), 'wrote 1');

    const intruder = openInChild(dir, 'dxmon import');
    const refusal = await intruder.line();
    assert.match(refusal, new RegExp(`in use by dxmon serve \\(PID ${holder.process.pid}\\)`));
    assert.equal(await intruder.exited, 3);

    // The holder goes on writing after the refusal: its files were never touched.
    holder.process.stdin.write('2\n');
    assert.equal(await holder.line(), 'wrote 2');
    holder.process.stdin.write('close\n');
    assert.equal(await holder.line(), 'closed');
    assert.equal(await holder.exited, 0);

    const reopened = await openDatabase({ dataDir: dir });
    try {
      const { rows } = await reopened.query<{ n: number }>('select n from probe order by n');
      assert.deepEqual(rows, [{ n: 1 }, { n: 2 }]);
    } finally {
      await reopened.close();
    }
  });

  test('a holder killed with SIGKILL leaves nothing that blocks the next', async () => {
    const dir = join(root, 'killed');
    const holder = openInChild(dir, 'dxmon serve');
    assert.equal(await holder.line(), 'open');
    holder.process.stdin.write('5\n');
    assert.equal(await holder.line(), 'wrote 5');
    holder.process.kill('SIGKILL');
    await holder.exited;
    // Its socket file and owner file are still there, but nobody answers.
    assert.equal(existsSync(join(dir, 'dxmon.sock')), true);
    assert.equal(await dataDirHeld(dir), false);
    const next = await openDatabase({ dataDir: dir, holder: 'dxmon serve' });
    try {
      assert.equal(readDataDirHolder(dir)?.pid, process.pid);
      const { rows } = await next.query<{ n: number }>('select n from probe');
      assert.deepEqual(rows, [{ n: 5 }]);
    } finally {
      await next.close();
    }
  });

  test('of several processes opening a free folder at once, exactly one wins', async () => {
    const dir = join(root, 'race');
    const racers = [1, 2, 3, 4].map((i) => openInChild(dir, `racer ${i}`));
    const first = await Promise.all(racers.map((r) => r.line()));
    assert.equal(first.filter((line) => line === 'open').length, 1, first.join('\n'));
    assert.equal(first.filter((line) => line.startsWith('in use: ')).length, 3, first.join('\n'));
    const winner = racers[first.indexOf('open')] as Child;
    winner.process.stdin.write('close\n');
    assert.equal(await winner.line(), 'closed');
    await Promise.all(racers.map((r) => r.exited));
  });

  test('stopping answers new requests on the socket 503 and waits for those under way', async () => {
    const claim = await claimDataDir(join(root, 'drain'), 'dxmon serve');
    try {
      const get = () =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request({ socketPath: claim.socketPath, path: '/' }, (res) => {
            let body = '';
            res.on('data', (chunk) => {
              body += chunk;
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
          req.end();
        });
      assert.match((await get()).body, /starting/);
      let answer: (() => void) | undefined;
      claim.serve((_req, res) => {
        answer = () => res.end('done');
      });
      const slow = get();
      while (!answer) await sleep(10);
      let drained = false;
      const draining = claim.drain().then(() => {
        drained = true;
      });
      const refused = await get();
      assert.equal(refused.status, 503);
      assert.match(refused.body, /stopping/);
      assert.equal(drained, false, 'a request is still under way');
      answer();
      assert.equal((await slow).body, 'done');
      await draining;
    } finally {
      await claim.release();
    }
  });
});
