// A process killed in the middle of an import leaves no partial data, and the database opens
// again for the server. The import runs in a child process (support/importUntilKilled.mjs) that
// is killed with SIGKILL once it has started writing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { type Database, openDatabase } from '../src/db/database.js';
import { dataElements, units } from '../src/db/schema.js';
import { type DatabaseKind, databaseKinds, freshDatabase } from './databases.js';
import { adminAuthorization, testApp } from './fixtures.js';

const unitCount = 2000;
const elements = Array.from({ length: 20 }, (_, i) => `e${i}`);
const periods = ['2020', '2021', '2022', '2023', '2024'];

async function seed(database: Database): Promise<void> {
  await database.db
    .insert(units)
    .values({ code: 'VN', level: 'country', nameEn: 'Viet Nam', validFrom: '1976-07-02' });
  const codes = Array.from({ length: unitCount }, (_, i) => `U${i}`);
  for (let i = 0; i < codes.length; i += 1000) {
    await database.db.insert(units).values(
      codes.slice(i, i + 1000).map((code) => ({
        code,
        level: 'province',
        parent: 'VN',
        nameEn: code,
        validFrom: '2000-01-01',
      })),
    );
  }
  await database.db.insert(dataElements).values(elements.map((code) => ({ code, name: code })));
}

/** 200,000 values: enough that writing them takes a while on either database. */
function bigCsv(dir: string): string {
  const lines = ['unit,indicator,period,value'];
  for (let u = 0; u < unitCount; u++)
    for (const e of elements) for (const p of periods) lines.push(`U${u},${e},${p},${u % 97}.5`);
  const path = join(dir, 'big.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** Runs the child until it starts writing, then kills it; resolves with what it printed. */
function importAndKill(target: string, file: string): Promise<string> {
  const child = spawn(
    process.execPath,
    [new URL('./support/importUntilKilled.mjs', import.meta.url).pathname, target, file],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      // Into the transaction, then the plug is pulled.
      if (out.includes('writing') && child.exitCode === null)
        setTimeout(() => child.kill('SIGKILL'), 150);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out);
      else
        reject(
          new Error(`the import ended by itself (${code}) before it was killed: ${out}${err}`),
        );
    });
  });
}

async function count(database: Database, table: string): Promise<number> {
  const { rows } = await database.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0]?.n);
}

for (const kind of databaseKinds() as DatabaseKind[]) {
  test(`a process killed during an import leaves nothing behind, and the server starts again [${kind}]`, async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'dxmon-crash-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    let target: string;
    let drop = async () => {};
    if (kind === 'pglite') {
      target = join(dir, 'db');
      const database = await openDatabase({ dataDir: target });
      await seed(database);
      await database.close();
    } else {
      const fresh = await freshDatabase('postgres');
      await seed(fresh.database);
      await fresh.database.close();
      target = fresh.url as string;
      drop = fresh.drop;
    }
    t.after(() => drop());
    const printed = await importAndKill(target, bigCsv(dir));
    assert.match(printed, /writing/);
    assert.doesNotMatch(printed, /done/);

    const database = await openDatabase(
      kind === 'pglite' ? { dataDir: target } : { databaseUrl: target },
    );
    try {
      assert.equal(await count(database, 'data_values'), 0, 'no value of the killed import');
      assert.equal(await count(database, 'data_value_history'), 0);
      assert.equal(await count(database, 'imports'), 0, 'no import recorded as applied');
      const app = await testApp(database);
      try {
        const health = await app.inject('/api/health');
        assert.equal(health.statusCode, 200);
        // The advisory lock died with the process: the next import goes through.
        const res = await app.inject({
          method: 'POST',
          url: '/api/imports',
          headers: {
            'content-type': 'text/csv',
            authorization: await adminAuthorization(database),
          },
          body: 'unit,indicator,period,value\nU1,e1,2024,5\n',
        });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(await count(database, 'data_values'), 1);
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });
}
