// GET /api/session: who is signed in, asked by the web app on every page. Anonymous visitors get
// 200 and `{"user": null}` (GET /api/me answers them 401, which browsers print on the console).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../src/auth/actor.js';
import { createUser } from '../src/services/users.js';
import { onEachDatabase } from './databases.js';
import { adminAuthorization, seedProvinces, testApp } from './fixtures.js';

const password = 'correct horse battery staple';

onEachDatabase('GET /api/session', (database) => {
  let app: FastifyInstance;
  before(async () => {
    await seedProvinces(database());
    await createUser(
      database(),
      { email: 'lan@hanoi.test', name: 'Nguyen Lan', role: 'officer', unit: 'VN-01', password },
      systemActor,
    );
    app = await testApp(database());
  });
  after(() => app?.close());

  test('an anonymous visitor is answered 200 with no user, never stored by a cache', async () => {
    const res = await app.inject({ url: '/api/session' });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { user: null });
    assert.equal(res.headers['cache-control'], 'no-store');
    // /api/me keeps its 401 for scripts that need an account.
    assert.equal((await app.inject({ url: '/api/me' })).statusCode, 401);
  });

  test('a stale session cookie is an anonymous visitor', async () => {
    const res = await app.inject({
      url: '/api/session',
      cookies: { dxmon_session: 'dxs_no-such-session' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { user: null });
  });

  test('a signed-in browser gets its account, as /api/me gives it', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'lan@hanoi.test', password },
    });
    assert.equal(login.statusCode, 200, login.body);
    const cookie = login.cookies.find((c) => c.name === 'dxmon_session');
    assert.ok(cookie);
    const cookies = { dxmon_session: cookie.value };
    const res = await app.inject({ url: '/api/session', cookies });
    assert.equal(res.statusCode, 200, res.body);
    const { user } = res.json();
    assert.equal(user.email, 'lan@hanoi.test');
    assert.equal(user.role, 'officer');
    assert.equal(user.unit, 'VN-01');
    assert.equal(user.via, 'session');
    assert.equal(user.password_hash, undefined);
    assert.deepEqual(user, (await app.inject({ url: '/api/me', cookies })).json());
  });

  test('an API token names its account; an unknown token is still a 401', async () => {
    const res = await app.inject({
      url: '/api/session',
      headers: { authorization: await adminAuthorization(database()) },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().user.email, 'admin@dxmon.test');
    assert.equal(res.json().user.via, 'token');
    const unknown = await app.inject({
      url: '/api/session',
      headers: { authorization: 'Bearer dxt_unknown' },
    });
    assert.equal(unknown.statusCode, 401);
  });
});
