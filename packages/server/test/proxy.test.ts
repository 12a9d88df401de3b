// Behind a reverse proxy (TRUST_PROXY / --trust-proxy): the session cookie is Secure when the
// proxy says the request came over HTTPS, and the client's address is the one the proxy names;
// without the setting, forwarded headers are ignored (a client could send them itself).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.js';
import { systemActor } from '../src/auth/actor.js';
import { loadConfig } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { startJobs } from '../src/services/jobs.js';
import { createUser } from '../src/services/users.js';
import { freshDatabase } from './databases.js';

let database: Database;
let drop: () => Promise<void>;
const password = 'a long enough passphrase';

before(async () => {
  ({ database, drop } = await freshDatabase('pglite'));
  await createUser(
    database,
    { email: 'lan@hanoi.test', name: 'Lan', role: 'admin', password },
    systemActor,
  );
});
after(async () => {
  await database.close();
  await drop();
});

async function appWith(trustProxy: string | undefined): Promise<FastifyInstance> {
  const jobs = await startJobs(database, { workers: false });
  const app = await buildApp({
    config: loadConfig({ logLevel: 'silent', trustProxy }, {}),
    database,
    jobs,
  });
  app.addHook('onClose', () => jobs.stop());
  return app;
}

const login = (app: FastifyInstance) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '127.0.0.1',
    headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
    payload: { email: 'lan@hanoi.test', password },
  });

test('a trusted proxy: the cookie is Secure and the address is the client the proxy names', async () => {
  const app = await appWith('127.0.0.1');
  try {
    const res = await login(app);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['set-cookie']), /;\s*Secure/i);
    const sessions = await database.query<{ address: string }>(
      'select address from sessions order by created_at desc limit 1',
    );
    assert.ok(res.json().token);
    assert.equal(sessions.rows[0]?.address, '203.0.113.9');
  } finally {
    await app.close();
  }
});

test('no proxy trusted: forwarded headers are ignored', async () => {
  const app = await appWith(undefined);
  try {
    const res = await login(app);
    assert.equal(res.statusCode, 200, res.body);
    assert.doesNotMatch(String(res.headers['set-cookie']), /;\s*Secure/i);
    const sessions = await database.query<{ address: string }>(
      'select address from sessions order by created_at desc limit 1',
    );
    assert.equal(sessions.rows[0]?.address, '127.0.0.1');
  } finally {
    await app.close();
  }
});

test('TRUST_PROXY in the environment: true, or a list of addresses', () => {
  assert.equal(loadConfig({}, { TRUST_PROXY: 'true' }).trustProxy, true);
  assert.deepEqual(loadConfig({}, { TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy, [
    '10.0.0.1',
    '10.0.0.0/8',
  ]);
  assert.equal(loadConfig({}, {}).trustProxy, false);
});
